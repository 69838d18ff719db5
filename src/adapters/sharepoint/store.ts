/**
 * The core's Store port on SharePoint lists (production), with MeetingStore, BotStore and
 * ResidentAccessStore: the composition of the modules that implement them, one concern each (README.md).
 * Lists and columns: schema.ts. Item permissions: permissions.ts (derived from the policy table), made true
 * by PermissionSync after every write (case-permissions.ts). Transactions, their write order and the
 * write-ahead journal (ADR 0007): transaction.ts, tx-apply.ts, journal-replay.ts. Every request goes
 * through rest.ts: indexed columns only in filters and sorting, $top ≤ 5,000, paging by odata.nextLink.
 */
import type { AuditRow } from '../../core/audit';
import type { CaseRecord, Organisation, User } from '../../core/model';
import type { PolicyTable } from '../../core/policy';
import { POLICY } from '../../core/policy';
import type { MeetingSession, MeetingStore } from '../../core/meetings';
import type { AuditCheckpointLog, AuditQuery, BotStore, CaseQuery, Clock, ResidentAccessCode, ResidentAccessStore, Store, StoreTx } from '../../core/ports';
import { systemClock } from '../../core/ports';
import type { DeletionRecord } from '../../core/retention';
import type { SPFI } from '@pnp/sp';
import { AuditList } from './audit-store';
import type { ReferenceStore } from '../../core/reference-data';
import { sharePointBotStore } from './bot-store';
import { sharePointReferenceStore } from './reference-data';
import { CaseItems } from './case-items';
import { CasePermissions } from './case-permissions';
import { CaseQueries } from './case-queries';
import { CommandList } from './commands';
import { CounterList } from './counters';
import { DeletionList } from './deletions';
import { JournalReplay } from './journal-replay';
import { LeaseList } from './leases';
import type { StoreLogger } from './logger';
import { stderrLogger } from './logger';
import { MeetingList } from './meeting-store';
import { PermissionSync } from './permission-sync';
import { RegistryLists } from './registry';
import { ResidentLists } from './resident-store';
import { guard, SpLists } from './rest';
import { MAX_PAGE } from './schema';
import type { SharePointConnection } from './sp-client';
import { connect } from './sp-client';
import { Transactions } from './transaction';
import { TxWriter } from './tx-apply';

export type { StoreLogger } from './logger';

export interface SharePointStoreOptions extends SharePointConnection {
  informingDeadlineMonths?: number;
  clock?: Clock;
  /** items per page of every list query (≤ 5,000). */
  pageSize?: number;
  policy?: PolicyTable;
  log?: StoreLogger;
  /**
   * How long a journal item belongs to the instance that wrote (or claimed) it before another instance may
   * replay it: longer than a transaction can take to apply, PnP's retries included. Default 5 minutes.
   */
  journalGraceMs?: number;
  /** How often (at most) a transaction first looks for journal items to replay. Default 60 s. */
  journalCheckMs?: number;
}

export class SharePointStore implements Store, MeetingStore, BotStore, ResidentAccessStore, ReferenceStore {
  readonly sp: SPFI;
  readonly permissions: PermissionSync;
  /**
   * The audit's checkpoints (ADR 0009): the list SJVAuditCheckpoints, apart from SJVAudit, where only the
   * privacy officer's group (and this server app, which can technically write every list) may add items.
   */
  readonly auditCheckpoints: AuditCheckpointLog;
  private readonly cases: CaseItems;
  private readonly queries: CaseQueries;
  private readonly casePermissions: CasePermissions;
  private readonly audit: AuditList;
  private readonly deletions: DeletionList;
  private readonly registry: RegistryLists;
  private readonly resident: ResidentLists;
  private readonly leases: LeaseList;
  private readonly meetings: MeetingList;
  private readonly journal: JournalReplay;
  private readonly transactions: Transactions;

  constructor(opts: SharePointStoreOptions) {
    this.sp = connect(opts);
    const clock = opts.clock ?? systemClock;
    const policy = opts.policy ?? POLICY;
    const log = opts.log ?? stderrLogger;
    const lists = new SpLists(this.sp, Math.min(opts.pageSize ?? 500, MAX_PAGE));
    this.permissions = new PermissionSync(this.sp);
    this.cases = new CaseItems(lists, opts.informingDeadlineMonths ?? 1);
    this.queries = new CaseQueries(lists, this.cases, policy);
    this.registry = new RegistryLists(lists);
    this.casePermissions = new CasePermissions(lists, this.cases, this.registry, this.permissions, clock, policy, log);
    this.audit = new AuditList(lists);
    this.auditCheckpoints = this.audit.auditCheckpoints;
    this.deletions = new DeletionList(lists);
    this.resident = new ResidentLists(lists);
    this.leases = new LeaseList(lists, clock);
    this.meetings = new MeetingList(lists);
    const commands = new CommandList(lists);
    const writer = new TxWriter(this.cases, commands, this.audit, this.deletions, this.casePermissions, log);
    this.journal = new JournalReplay(lists, this.cases, writer, this.casePermissions, clock, log, opts.journalGraceMs ?? 5 * 60_000, opts.journalCheckMs ?? 60_000);
    this.transactions = new Transactions(lists, this.cases, this.queries, commands, new CounterList(lists), writer, this.journal, log);
    this.bot = sharePointBotStore({
      items: (key) => lists.items(key),
      collect: (key, q) => lists.collect(key, q),
      loadCases: (ids) => this.cases.loadOrdered(ids),
      guard: (fn) => guard(fn),
    });
    this.reference = sharePointReferenceStore({ items: (k) => lists.items(k), collect: (k, q) => lists.collect(k, q), guard: (fn) => guard(fn), commitWithReference: (v, c, a, commit) => this.transactions.commitWithReference(v, c, a, commit) });
  }

  // ---- permissions and the journal (operations) ---------------------------------------------------------

  /** Case ids whose permission sync failed (their items are locked down). */
  permissionBacklog(): string[] {
    return this.casePermissions.permissionBacklog();
  }

  /**
   * Recomputes the permissions of every item of every case from the policy table (e.g. nightly, after an
   * organisation joined or left, or to clear the backlog). Reads the role assignments of every item.
   */
  reconcilePermissions(): Promise<{ cases: number; failed: string[] }> {
    return this.casePermissions.reconcilePermissions();
  }

  /** Replays journal items left by crashed transactions (journal-replay.ts). Never throws. */
  recoverJournal(): Promise<{ replayed: number; discarded: number }> {
    return this.journal.recoverJournal();
  }

  // ---- the port: transactions and queries ---------------------------------------------------------------

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.transactions.transaction(fn);
  }
  listCases(query: CaseQuery): Promise<{ items: CaseRecord[]; total: number }> {
    return this.queries.listCases(query);
  }
  casesDueForPurge(asOf: string, limit: number): Promise<CaseRecord[]> {
    return this.queries.casesDueForPurge(asOf, limit);
  }
  casesWithEnrichmentDue(asOf: string, limit: number): Promise<CaseRecord[]> {
    return this.queries.casesWithEnrichmentDue(asOf, limit);
  }

  /** The store's change counter: the sequence number of the last audit row (every change writes one). One call. */
  lastAuditSeq(): Promise<number> {
    return this.audit.lastAuditSeq();
  }
  readAudit(query: AuditQuery): Promise<AuditRow[]> {
    return this.audit.readAudit(query);
  }
  auditPages(pageSize: number): AsyncIterable<AuditRow[]> {
    return this.audit.auditPages(pageSize);
  }
  listDeletionRecords(limit: number, offset: number): Promise<DeletionRecord[]> {
    return this.deletions.listDeletionRecords(limit, offset);
  }

  // ---- the port: registry -----------------------------------------------------------------------------

  getOrganisation(id: string): Promise<Organisation | undefined> {
    return this.registry.getOrganisation(id);
  }
  listOrganisations(): Promise<Organisation[]> {
    return this.registry.listOrganisations();
  }
  putOrganisation(org: Organisation): Promise<void> {
    return this.registry.putOrganisation(org);
  }
  getUser(id: string): Promise<User | undefined> {
    return this.registry.getUser(id);
  }
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined> {
    return this.registry.getUserByAadObjectId(aadObjectId);
  }
  listUsers(): Promise<User[]> {
    return this.registry.listUsers();
  }
  putUser(user: User): Promise<void> {
    return this.registry.putUser(user);
  }

  // ---- the resident's access codes and state (ResidentAccessStore, issue 19) ----------------------------
  putAccessCode(c: ResidentAccessCode): Promise<void> {
    return this.resident.putAccessCode(c);
  }
  getAccessCode(reference: string): Promise<ResidentAccessCode | undefined> {
    return this.resident.getAccessCode(reference);
  }
  getResidentState(key: string): Promise<string | undefined> {
    return this.resident.getResidentState(key);
  }
  putResidentState(key: string, kind: string, jsonText: string): Promise<void> {
    return this.resident.putResidentState(key, kind, jsonText);
  }
  listResidentState(kind: string): Promise<{ key: string; json: string }[]> {
    return this.resident.listResidentState(kind);
  }

  // ---- the port: leases of scheduled jobs ----------------------------------------------------------------

  acquireLease(name: string, holder: string, ttlMs: number, now?: Date): Promise<boolean> {
    return this.leases.acquireLease(name, holder, ttlMs, now);
  }
  releaseLease(name: string, holder: string): Promise<void> {
    return this.leases.releaseLease(name, holder);
  }

  // ---- signaaltafel sessions (MeetingStore) -----------------------------------------------------------------

  getMeeting(id: string): Promise<MeetingSession | undefined> {
    return this.meetings.getMeeting(id);
  }
  findMeetingByTeamsId(teamsMeetingId: string): Promise<MeetingSession | undefined> {
    return this.meetings.findMeetingByTeamsId(teamsMeetingId);
  }
  listMeetings(query: { limit: number; offset: number }): Promise<MeetingSession[]> {
    return this.meetings.listMeetings(query);
  }
  insertMeeting(m: MeetingSession): Promise<void> {
    return this.meetings.insertMeeting(m);
  }
  updateMeeting(m: MeetingSession, expectedVersion: number): Promise<void> {
    return this.meetings.updateMeeting(m, expectedVersion);
  }

  // ---- reference data versions (ReferenceStore, issue 16): see reference-data.ts ----------------------------
  private readonly reference: ReferenceStore;
  listReferenceVersions: ReferenceStore['listReferenceVersions'] = () => this.reference.listReferenceVersions();
  latestReferenceVersion: ReferenceStore['latestReferenceVersion'] = () => this.reference.latestReferenceVersion();
  commitReferenceVersion: ReferenceStore['commitReferenceVersion'] = (v, w) => this.reference.commitReferenceVersion(v, w);

  // ---- the bot's queue, conversation references and cursors (BotStore, issue 4): see bot-store.ts ----------
  private readonly bot: BotStore;
  enqueueOutbox: BotStore['enqueueOutbox'] = (m) => this.bot.enqueueOutbox(m);
  claimOutbox: BotStore['claimOutbox'] = (o, n, l, k) => this.bot.claimOutbox(o, n, l, k);
  renewOutboxLease: BotStore['renewOutboxLease'] = (i, o, l) => this.bot.renewOutboxLease(i, o, l);
  completeOutbox: BotStore['completeOutbox'] = (i, o, s, a, n) => this.bot.completeOutbox(i, o, s, a, n);
  failOutbox: BotStore['failOutbox'] = (i, o, e, n) => this.bot.failOutbox(i, o, e, n);
  listOutbox: BotStore['listOutbox'] = (f) => this.bot.listOutbox(f);
  releaseOutboxFor: BotStore['releaseOutboxFor'] = (u, n) => this.bot.releaseOutboxFor(u, n);
  putConversation: BotStore['putConversation'] = (c) => this.bot.putConversation(c);
  getConversation: BotStore['getConversation'] = (u) => this.bot.getConversation(u);
  getCursor: BotStore['getCursor'] = (n) => this.bot.getCursor(n);
  advanceCursor: BotStore['advanceCursor'] = (n, f, t) => this.bot.advanceCursor(n, f, t);
  listCasesBroughtInBy: BotStore['listCasesBroughtInBy'] = (u, l) => this.bot.listCasesBroughtInBy(u, l);

  close(): Promise<void> {
    return this.transactions.close();
  }
}
