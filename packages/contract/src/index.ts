/**
 * The API contract of Signaalpunt, for every client (the tab, the web part, the local pages, the bot):
 * the request and response types generated from the server's OpenAPI document, the error codes, the
 * vocabulary (Locale; phase, role and decision labels) and the one API client. Plain TypeScript without a
 * framework or a runtime dependency; ES5-safe, so the web part's toolchain compiles it as its own source.
 * See README.md and docs/adr/0015-contract-package.md.
 */
export * from './errors';
export * from './types';
export * from './vocabulary';
export * from './client';
export { OPERATIONS } from './generated/api';
