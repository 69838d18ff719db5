/**
 * Test corpus for the identifier guard.
 *
 * NOTE: every name, number, address, account, plate and handle in this corpus is FICTITIOUS.
 * BSNs and IBANs were generated to pass the 11-proef / mod-97 check so that the checksum logic is
 * exercised; any resemblance to a real person or account is coincidental.
 *
 * The guard must not look up corpus sentences: it is tuned with rules and word lists only.
 */
export { POSITIVE_CASES } from './corpus-positive';
export { NEGATIVE_CASES } from './corpus-negative';
