/**
 * Ports: what the core needs from the outside. Adapters (SQLite locally, SharePoint lists in
 * production) implement them; the core never imports an adapter.
 */
import type { AuditInput, AuditRow } from './audit';
import type { CaseRecord, Organisation, Phase, User } from './model';
import type { DeletionRecord } from './retention';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface CommandRecord {
  commandId: string;
  name: string;
  actorId: string;
  fingerprint: string;
  caseId: string | null;
  result: unknown;
  at: string;
}

export interface CaseQuery {
  phases?: Phase[];
  status?: 'open' | 'closed';
  organisationId?: string;
  /** cases whose informing deadline or enrichment due date lies before this day. */
  overdueOn?: string;
  /** restrict to the cases a partner may see: INBRENG for all members, others by relation. */
  visibleTo?: { userId: string; organisationId: string };
  limit: number;
  offset: number;
}

/** Columns stores index and filter on, derived from the record by the core (caseIndex). */
export interface CaseIndex {
  id: string;
  reference: string;
  phase: Phase;
  status: 'open' | 'closed';
  inbrengerOrganisationId: string;
  inbrengerUserId: string;
  createdAt: string;
  phaseSince: string;
  informingDueOn: string | null;
  enrichmentDueOn: string | null;
  retentionUntil: string | null;
  /** organisations asked for enrichment (relation 'asked') or parties of the discussion ('party'). */
  relations: { organisationId: string; relation: 'asked' | 'party' }[];
}

export interface StoreTx {
  getCase(id: string): Promise<CaseRecord | undefined>;
  getCaseByReference(reference: string): Promise<CaseRecord | undefined>;
  insertCase(record: CaseRecord): Promise<void>;
  /** Writes the record if the stored version equals `expectedVersion`; else throws CASE.VERSION_CONFLICT. */
  updateCase(record: CaseRecord, expectedVersion: number): Promise<void>;
  /** The next reference sequence number of a year, unique under concurrency. */
  nextReferenceNumber(year: number): Promise<number>;
  getCommand(commandId: string): Promise<CommandRecord | undefined>;
  putCommand(record: CommandRecord): Promise<void>;
  appendAudit(entries: AuditInput[]): Promise<void>;
  putDeletionRecord(record: DeletionRecord): Promise<void>;
}

export interface AuditQuery {
  caseId?: string;
  afterSeq?: number;
  limit: number;
}

export interface Store {
  /** Runs `fn` as one transaction: all its writes (case, command, audit) land together or not at all. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  listCases(query: CaseQuery): Promise<{ items: CaseRecord[]; total: number }>;
  /** closed cases whose retention date is on or before `asOf`. */
  casesDueForPurge(asOf: string, limit: number): Promise<CaseRecord[]>;
  /** cases with open enrichment requests due before `asOf`. */
  casesWithEnrichmentDue(asOf: string, limit: number): Promise<CaseRecord[]>;
  readAudit(query: AuditQuery): Promise<AuditRow[]>;
  /** Streams the whole audit log in sequence order, in pages. */
  auditPages(pageSize: number): AsyncIterable<AuditRow[]>;
  listDeletionRecords(limit: number, offset: number): Promise<DeletionRecord[]>;

  getOrganisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<Organisation[]>;
  putOrganisation(org: Organisation): Promise<void>;
  getUser(id: string): Promise<User | undefined>;
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  putUser(user: User): Promise<void>;

  close(): Promise<void>;
}
