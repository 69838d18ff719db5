/**
 * Specific words for refusals the API names by field (issue 18, item 7): instead of the generic "De invoer is
 * ongeldig." the user reads what is wrong with which date. The API's problem gives the code and, per field,
 * its path and an issue code (never the value); this table turns known (path, issue) pairs into a sentence.
 */
import type { Strings } from './i18n';
import { ApiProblem } from '@signaalpunt/contract/client';

/**
 * The sentences for a VALIDATION.INVALID_INPUT problem whose every field is a known (path, issue) pair;
 * empty otherwise (then the API's own text stays).
 */
export function fieldIssueLines(code: string, fields: ReadonlyArray<{ path: string; issue: string }>, s: Strings): string[] {
  if (code !== 'VALIDATION.INVALID_INPUT' || fields.length === 0) return [];
  const lines = fields.map((f) => s.fieldIssue[`${f.path}:${f.issue}`]);
  return lines.every((l) => Boolean(l)) ? (lines as string[]) : [];
}

/**
 * A version conflict: someone changed the case since it was loaded. The API answers 409 with
 * CASE.VERSION_CONFLICT; a 412 (a failed precondition on the version, e.g. from a proxy or an If-Match
 * check) means the same to the user. Both offer "Nieuwste versie laden".
 */
export function isConflict(e: unknown): boolean {
  return e instanceof ApiProblem && (e.code === 'CASE.VERSION_CONFLICT' || e.status === 412);
}
