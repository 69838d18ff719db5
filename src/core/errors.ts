/**
 * Coded errors of the core. A code is stable API; the texts are for people (nl-NL first, en-US second).
 * No error ever carries personal data: `details` holds only codes, field names, categories and spans.
 */
import { ERROR_CODES } from '../../packages/contract/src/errors';
import type { ErrorCode } from '../../packages/contract/src/errors';

/** The core's codes and their texts live in the API contract (packages/contract), read by every client. */
export { ERROR_CODES };
export type { ErrorCode };


/** Details that may travel with an error: never personal data, only codes, field paths, categories and spans. */
export interface ErrorDetails {
  fields?: { path: string; issue: string }[];
  categories?: string[];
  spans?: { category: string; start: number; end: number; field?: string }[];
  reason?: string;
  [key: string]: unknown;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;
  constructor(code: ErrorCode, details: ErrorDetails = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
  message_nl(): string {
    return ERROR_CODES[this.code].nl;
  }
  message_en(): string {
    return ERROR_CODES[this.code].en;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DomainError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, details: ErrorDetails = {}): Result<T> => ({ ok: false, error: new DomainError(code, details) });
