/**
 * Ports: what the core needs from the outside. Adapters (SQLite locally, SharePoint lists in
 * production) implement them; the core never imports an adapter.
 */
import type { PartnerVisibility } from './partner-visibility';
import type { AuditInput, AuditLink, AuditRow } from './audit';
import type { CaseRecord, Organisation, Phase, User } from './model';
import type { DeletionRecord } from './retention';
import type { ReferenceStore } from './reference-data';

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
  /** cases whose kenmerk contains this text (upper case; letters, digits and dashes only — never identity). */
  referenceContains?: string;
  /** restrict to the cases a partner may see: INBRENG for all members, others by relation. */
  /**
   * A partner's list: the cases this user's relations make visible, per relation in the phases of
   * `visibility` (core/partner-visibility.ts: derived from the policy table; the table's by default).
   */
  visibleTo?: { userId: string; organisationId: string; visibility?: PartnerVisibility };
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
  /**
   * Cases as `Store.listCases` lists them, read in the transaction: for a read that decides whether the
   * transaction writes at all (the duplicate hint at intake, issue 17), made before its first write. A store
   * may list the committed cases only (SharePoint), so it is not for reading back the transaction's own writes.
   */
  listCases(query: CaseQuery): Promise<{ items: CaseRecord[]; total: number }>;
  putCommand(record: CommandRecord): Promise<void>;
  /**
   * Removes every idempotency record of a case (retention purge). A record's fingerprint is a hash over the
   * whole command input — for supplyIdentity that includes the resident's name and date of birth — so it
   * must not outlive the personal data it was computed from. Commands recorded in the same transaction
   * before this call are forgotten too.
   */
  forgetCommands(caseId: string): Promise<void>;
  appendAudit(entries: AuditInput[]): Promise<void>;
  putDeletionRecord(record: DeletionRecord): Promise<void>;
}

export interface AuditQuery {
  caseId?: string;
  afterSeq?: number;
  limit: number;
}

/** An anchor of the audit chain's head (ADR 0009): the sequence number and hash of its newest row at a moment. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
  /** what recorded it: a verification (on request), or the daily job. */
  reason: 'verification' | 'daily';
}

/**
 * Where checkpoints are kept: apart from the audit and out of reach of the audit's writer (ADR 0009) —
 * locally an append-only file next to the database, on SharePoint a list only the privacy officer's group
 * and the server's verifier may add to. Append-only: nothing here rewrites or removes a checkpoint.
 */
export interface AuditCheckpointLog {
  append(checkpoint: AuditCheckpoint): Promise<void>;
  /** the checkpoint with the highest sequence number, if there is one. */
  latest(): Promise<AuditCheckpoint | undefined>;
}

/** The case store; it keeps the reference data's versions too (ReferenceStore, issue 16). */
export interface Store extends ReferenceStore {
  /** Runs `fn` as one transaction: all its writes (case, command, audit) land together or not at all. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** the cases the query selects, newest first (by createdAt), one page, with the total. */
  listCases(query: CaseQuery): Promise<{ items: CaseRecord[]; total: number }>;
  /** closed cases whose retention date is on or before `asOf`. */
  casesDueForPurge(asOf: string, limit: number): Promise<CaseRecord[]>;
  /** cases with open enrichment requests due before `asOf`. */
  casesWithEnrichmentDue(asOf: string, limit: number): Promise<CaseRecord[]>;
  readAudit(query: AuditQuery): Promise<AuditRow[]>;
  /** Streams the whole audit log in sequence order, in pages. */
  auditPages(pageSize: number): AsyncIterable<AuditRow[]>;
  /**
   * Optional fast path for verification: the chain in sequence order with the canonical string (see
   * audit.ts `canonical`) built by the store from each row's columns. Rows whose hash does not match are
   * re-read in full with readAudit, so a store's formatting can never cause a false alarm.
   */
  auditLinkPages?(pageSize: number): AsyncIterable<AuditLink[]>;
  /** the audit's checkpoints (ADR 0009); without it, a verification cannot tell that the newest rows were removed. */
  readonly auditCheckpoints?: AuditCheckpointLog;
  /** the deletion records, newest first (by `at`, then kenmerk). */
  listDeletionRecords(limit: number, offset: number): Promise<DeletionRecord[]>;

  getOrganisation(id: string): Promise<Organisation | undefined>;
  listOrganisations(): Promise<Organisation[]>;
  putOrganisation(org: Organisation): Promise<void>;
  getUser(id: string): Promise<User | undefined>;
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  putUser(user: User): Promise<void>;

  /**
   * Takes the lease `name` for `holder` until now + ttlMs, if it is free or expired (also for the holder
   * itself: a lease is not renewed). True when taken. Scheduled jobs use it to run once across instances.
   */
  acquireLease(name: string, holder: string, ttlMs: number, now?: Date): Promise<boolean>;
  /** Gives the lease up, if `holder` holds it. */
  releaseLease(name: string, holder: string): Promise<void>;

  close(): Promise<void>;
}

/**
 * The resident's access code of one case (issue 19): printed in the latest letter with the kenmerk; only
 * its keyed hash is stored (ADR 0011). One current code per case, keyed by the kenmerk: a new letter or a
 * reissue replaces it, a revocation marks it. Kept after the purge (a hash of a random code is no personal
 * data), so that the status page can still say on which day the data was destroyed.
 */
export interface ResidentAccessCode {
  reference: string;
  caseId: string;
  /** HMAC-SHA-256 of the normalised code with the server's secret, hex. */
  codeHash: string;
  issuedAt: string;
  issuedBy: string;
  /** what issued it: a letter code (INFORMATION, INVITATION, CLOSURE) or REISSUE. */
  origin: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** Where resident access codes live: the same store as the cases (SQLite table, SharePoint list). */
export interface ResidentAccessStore {
  /** Inserts or replaces the code of `reference`. */
  putAccessCode(code: ResidentAccessCode): Promise<void>;
  getAccessCode(reference: string): Promise<ResidentAccessCode | undefined>;
  /**
   * The resident server's small state, shared by its instances (issue 19): attempt counters and locks
   * (kind `attempt`) and the residents' requests (kind `request`), as JSON by key. No personal data:
   * keys are a kenmerk, a keyed hash of a client address, or a request id.
   */
  getResidentState(key: string): Promise<string | undefined>;
  putResidentState(key: string, kind: string, json: string): Promise<void>;
  listResidentState(kind: string): Promise<{ key: string; json: string }[]>;
}

/** A proactive bot message waiting in the store's queue (issue 4). Holds codes and ids, never personal data. */
export interface OutboxMessage {
  id: string;
  /** one message per key, ever: enqueueing the same key again does nothing. */
  dedupeKey: string;
  kind: string;
  recipientUserId: string;
  caseId: string | null;
  reference: string | null;
  payload: Record<string, unknown>;
  /** dead: given up after repeated send failures (or a permanent one); listed for the procesregisseur. */
  status: 'pending' | 'sent' | 'cancelled' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  /** a code (NO_CONVERSATION, SEND_FAILED_503 …), never message text. */
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}
export type NewOutboxMessage = Pick<OutboxMessage, 'id' | 'dedupeKey' | 'kind' | 'recipientUserId' | 'caseId' | 'reference' | 'payload' | 'createdAt'>;

/** Where the bot can reach a user proactively: the personal chat's conversation reference. */
export interface StoredConversation {
  userId: string;
  /** the user's id in the channel (Teams MRI), for the userIds of a card's refresh. */
  channelUserId: string;
  locale: string;
  reference: Record<string, unknown>;
  updatedAt: string;
}

/**
 * The bot's own storage (issue 4): the proactive message queue, claimed with leases so that several server
 * instances send each message once; conversation references; a cursor over the audit log; the cases a user
 * brought in. A separate port so that the core's Store stays as it is.
 */
export interface BotStore {
  /** Inserts the messages whose dedupeKey is new; returns how many were new. */
  enqueueOutbox(messages: NewOutboxMessage[]): Promise<number>;
  /** Claims up to `limit` pending messages that are due and not leased by anyone (atomically, across processes). */
  claimOutbox(owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxMessage[]>;
  /** Extends the owner's lease (a `leaseUntil` of now gives it back); false when the owner no longer holds it. */
  renewOutboxLease(id: string, owner: string, leaseUntil: string): Promise<boolean>;
  /**
   * Marks a message sent, cancelled or dead (a dead letter: the failed attempt counts, `note` is its error
   * code), if the owner still holds its lease. `sent` only after the Bot Connector answered 2xx.
   */
  completeOutbox(id: string, owner: string, status: 'sent' | 'cancelled' | 'dead', at: string, note?: string): Promise<boolean>;
  /** Records a failed attempt and when to try again, if the owner still holds its lease. */
  failOutbox(id: string, owner: string, error: string, nextAttemptAt: string): Promise<boolean>;
  listOutbox(filter: { status?: OutboxMessage['status']; minAttempts?: number; limit: number }): Promise<OutboxMessage[]>;
  /** Makes a recipient's waiting messages due now (they just became reachable); returns how many. */
  releaseOutboxFor(recipientUserId: string, now: string): Promise<number>;
  putConversation(conversation: StoredConversation): Promise<void>;
  getConversation(userId: string): Promise<StoredConversation | undefined>;
  getCursor(name: string): Promise<number>;
  /** Moves a cursor from `from` to `to`; false when another instance moved it first. */
  advanceCursor(name: string, from: number, to: number): Promise<boolean>;
  /** The cases a user brought in, newest first. */
  listCasesBroughtInBy(userId: string, limit: number): Promise<CaseRecord[]>;
}
