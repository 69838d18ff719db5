/**
 * The identifier guard's refusal in words (packages/contract/src/identifiers.ts): one table for the tab and
 * the web part, which had each kept a copy.
 */
import { identifierLines } from '../../packages/contract/src/identifiers';

const refusal = [
  { path: 'rationale', issue: 'PERSON_NAME' },
  { path: 'deferral.reason', issue: 'PHONE' },
];

test('names each category found and the field it was found in, in Dutch and in English', () => {
  expect(identifierLines('INTAKE.IDENTIFIER_DETECTED', refusal, 'nl-NL')).toEqual(['Gevonden: een naam in de toelichting.', 'Gevonden: een telefoonnummer in de reden van uitstel.']);
  expect(identifierLines('INTAKE.IDENTIFIER_DETECTED', refusal, 'en-US')).toEqual(['Found: a name in the rationale.', 'Found: a phone number in the reason for deferral.']);
});

test("a screen's own word for a field replaces the table's (the tab calls the rationale 'onderbouwing')", () => {
  const words = { rationale: { 'nl-NL': 'de onderbouwing', 'en-US': 'the rationale' } };
  expect(identifierLines('INTAKE.IDENTIFIER_DETECTED', refusal, 'nl-NL', words)).toEqual(['Gevonden: een naam in de onderbouwing.', 'Gevonden: een telefoonnummer in de reden van uitstel.']);
});

test('an unknown category or field is named by its code; other problems have no lines', () => {
  expect(identifierLines('INTAKE.IDENTIFIER_DETECTED', [{ path: 'x.y', issue: 'NEW_KIND' }], 'en-US')).toEqual(['Found: NEW_KIND in x.y.']);
  expect(identifierLines('CASE.TRANSITION_NOT_ALLOWED', refusal, 'nl-NL')).toEqual([]);
});
