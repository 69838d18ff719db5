/**
 * The procesregisseur's side of the resident's status page (issue 19): the requests residents made on the
 * page (full access export, objection) with their one-month deadline, the kenmerken that are locked or
 * slowed down after failed attempts, and revoking or reissuing a case's access code. Process-level fields
 * only: the API sends no name, no address and no code hash. The shapes are the API contract's (generated
 * from the server's OpenAPI document, ADR 0015).
 */
import type { ResponseOf } from '@signaalpunt/contract/types';
import { isPastDay } from '@signaalpunt/contract/days';

/** GET /api/v1/resident/requests: one request of a resident (kind 'access', art. 15 export, or 'objection', art. 21; dueOn one month after `at`). */
export type ResidentRequest = ResponseOf<'listResidentRequests'>['items'][number];

/** GET /api/v1/resident/locks: a kenmerk locked for one address, or slowed down for all. */
export type ResidentLock = ResponseOf<'listResidentLocks'>['items'][number];

/** POST /api/v1/cases/{caseId}/access-code/reissue: the new code, shown this once. */
export type ReissuedCode = ResponseOf<'reissueResidentCode'>;

/** What the "Verzoeken van jongeren" and "Geblokkeerde codes" sections read (the API client implements it). */
export interface ResidentRequestsSource {
  residentRequests(): Promise<ResidentRequest[]>;
  residentLocks(): Promise<ResidentLock[]>;
}

/** Revoking and reissuing a case's access code (procesregisseur; audited by the server). */
export interface AccessCodeApi {
  revokeAccessCode(caseId: string): Promise<ResponseOf<'revokeResidentCode'>>;
  reissueAccessCode(caseId: string): Promise<ReissuedCode>;
}

/** The local calendar day of `now` as YYYY-MM-DD (the browser's day, as the procesregisseur sees it). */
export function localDay(now: Date): string {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An open request is overdue when its due date lies before today (the one overdue rule, isPastDay). */
export function isOverdue(r: ResidentRequest, today: string): boolean {
  return r.status === 'open' && isPastDay(r.dueOn, today);
}

