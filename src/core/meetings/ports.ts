/**
 * The ports of the signaaltafel's service: where sessions are stored (MeetingStore, an additive port beside
 * the case Store; adapters implement both) and what it needs of the cases (MeetingCases, provided by the
 * case service, Signaalpunt) — so the meeting service never reaches into another service's store.
 */
import type { Result } from '../errors';
import type { GuardOptions } from '../guard';
import type { Organisation, User } from '../model';
import type { Clock, StoreTx } from '../ports';
import type { CaseSummary, ListFilter } from '../service';
import type { MeetingSession } from './model';

/** Storage of sessions: an additive port beside the case Store; adapters implement both. */
export interface MeetingStore {
  getMeeting(id: string): Promise<MeetingSession | undefined>;
  findMeetingByTeamsId(teamsMeetingId: string): Promise<MeetingSession | undefined>;
  /** newest scheduled first. */
  listMeetings(query: { limit: number; offset: number }): Promise<MeetingSession[]>;
  /** Throws MEETING.ALREADY_EXISTS when the Teams meeting already has a session. */
  insertMeeting(meeting: MeetingSession): Promise<void>;
  /** Writes when the stored version equals `expectedVersion`; else throws MEETING.VERSION_CONFLICT. */
  updateMeeting(meeting: MeetingSession, expectedVersion: number): Promise<void>;
}

/** The reads of cases one meeting surface makes together: the records, and the audit rows of what was read. */
export type MeetingCaseReads = Pick<StoreTx, 'getCase' | 'appendAudit'>;

/**
 * What the meeting service needs of the cases, provided by the case service (Signaalpunt implements it):
 * organisations, the case list for the agenda's candidates, the guard's options and the informing deadline,
 * and one transaction in which a surface reads the records of its items and audits what its reader saw.
 */
export interface MeetingCases {
  readonly clock: Clock;
  readonly guardOptions: GuardOptions;
  readonly config: { readonly informingDeadlineMonths: number };
  organisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<Organisation[]>;
  listCases(user: User, filter?: ListFilter): Promise<Result<{ items: CaseSummary[]; total: number }>>;
  readCases<T>(fn: (reads: MeetingCaseReads) => Promise<T>): Promise<T>;
  /** the cases purged at or after `since` (their deletion records: id and kenmerk, no content), newest first. */
  purgedSince(since: string): Promise<{ caseId: string; reference: string }[]>;
}
