/**
 * The core's Store port on SharePoint lists (production). Lists and columns: schema.ts. Item permissions:
 * permissions.ts (derived from the policy table), made true by PermissionSync after every write.
 *
 * Transactions. SharePoint has none, so a transaction here buffers its writes until `fn` resolves, then
 * writes them ahead into ONE item of the journal list (SJVJournal, journal.ts, ADR 0007) and applies them
 * in an order that makes the case item the commit point:
 *   0. the journal item (everything below, JSON, gzip; it holds personal data while it exists);
 *   1. each case's SJVCases item (TxId = the transaction) — an insert relies on the unique CaseId/Reference
 *      columns, an update sends If-Match with the etag read in the transaction, so a concurrent writer gets
 *      412 → CASE.VERSION_CONFLICT (the journal item is deleted) before anything else was written;
 *   2. the case's persons, enrichment, discussion and relation items;
 *   3. the deletion of a purged case's command records, then new command (idempotency) records;
 *   4. audit rows (hash-chained, unique Seq, TxKey = transaction:entry); 5. deletion records;
 *   6. the case's frame item (TxId = the transaction): SJVCases.TxId = SJVCaseFrames.TxId ⇔ the case's
 *      transaction was applied, so a reader never builds a case from a half-applied transaction;
 *   7. item permissions — a failed sync resets the item to the list's locked-down permissions (no user
 *      access) and leaves the case on the reconcile backlog: never broader access, never open;
 *   8. the journal item is deleted (If-Match).
 * After a crash, any instance replays the journal item (`recoverJournal`, run before transactions at most
 * once per `journalCheckMs`, and on demand when a transaction reads a half-applied case): it claims the
 * item (If-Match), and rolls the transaction forward idempotently if the case item carries its TxId, or
 * discards it if the commit point was never reached. A transaction with at most one single write (e.g. a
 * read's one audit row) needs no journal.
 * If `fn` throws, nothing is written (reference counters excepted: a gap in numbering is harmless).
 * Within one process transactions run one at a time. Every request goes through PnP behaviours, which
 * retry 429/503/504 honouring Retry-After; a request that still fails becomes STORE.UNAVAILABLE.
 *
 * Queries filter and sort only on indexed columns, page with $top ≤ 5,000 and follow odata.nextLink,
 * so that no query crosses the list view threshold.
 */
import { randomUUID } from 'node:crypto';
import type { SPFI } from '@pnp/sp';
import { hashRow } from '../../core/audit';
import type { AuditInput, AuditRow } from '../../core/audit';
import { DomainError } from '../../core/errors';
import type { CaseRecord, Organisation, User } from '../../core/model';
import type { PolicyTable } from '../../core/policy';
import { POLICY } from '../../core/policy';
import type { MeetingSession, MeetingStore } from '../../core/meetings';
import type { AuditCheckpointLog, AuditQuery, BotStore, CaseQuery, Clock, CommandRecord, ResidentAccessCode, ResidentAccessStore, Store, StoreTx } from '../../core/ports';
import { systemClock } from '../../core/ports';
import type { DeletionRecord } from '../../core/retention';
import { AuditList } from './audit-store';
import { sharePointBotStore } from './bot-store';
import type { CaseRefs, CaseWrite, Incomplete, Loaded } from './case-items';
import { CaseItems } from './case-items';
import { CasePermissions } from './case-permissions';
import { CaseQueries } from './case-queries';
import { CommandList } from './commands';
import { CounterList } from './counters';
import { DeletionList } from './deletions';
import { LeaseList } from './leases';
import type { StoreLogger } from './logger';
import { stderrLogger } from './logger';
import { MeetingList } from './meeting-store';
import type { JournalBody } from './journal';
import { auditKey, decodeJournal, encodeJournal } from './journal';
import { PermissionSync } from './permission-sync';
import { RegistryLists } from './registry';
import { ResidentLists } from './resident-store';
import type { SpItem } from './rest';
import { anyOf, chunk, eq, etagOf, guard, lit, SpLists, str } from './rest';
import { MAX_PAGE } from './schema';
import type { SharePointConnection } from './sp-client';
import { connect, httpStatus, translate } from './sp-client';

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


/** A transaction's buffered writes. */
interface Buffered {
  writes: Map<string, CaseWrite>;
  loaded: Map<string, Loaded>;
  forgotten: Set<string>;
  commands: CommandRecord[];
  audit: AuditInput[];
  deletions: DeletionRecord[];
}

/** A journal item this process wrote or claimed. */
interface JournalHandle {
  itemId: number;
  etag: string;
}

export class SharePointStore implements Store, MeetingStore, BotStore, ResidentAccessStore {
  readonly sp: SPFI;
  readonly permissions: PermissionSync;
  private readonly clock: Clock;
  private readonly log: StoreLogger;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly journalGraceMs: number;
  private readonly journalCheckMs: number;
  /** this instance, as the holder of the journal items it writes or claims. */
  private readonly instanceId = randomUUID();
  /** journal items this process left behind (its apply failed part-way): replayed first, without waiting. */
  private readonly leftovers = new Map<number, JournalHandle>();
  /** when (process time) the journal list was last looked at; -Infinity: at the first transaction. */
  private lastJournalCheck = Number.NEGATIVE_INFINITY;

  /**
   * The audit's checkpoints (ADR 0009): the list SJVAuditCheckpoints, apart from SJVAudit, where only the
   * privacy officer's group (and this server app, which can technically write every list) may add items.
   */
  readonly auditCheckpoints: AuditCheckpointLog;
  private readonly lists: SpLists;
  private readonly audit: AuditList;
  private readonly commands: CommandList;
  private readonly counters: CounterList;
  private readonly deletions: DeletionList;
  private readonly registry: RegistryLists;
  private readonly resident: ResidentLists;
  private readonly leases: LeaseList;
  private readonly meetings: MeetingList;
  private readonly cases: CaseItems;
  private readonly queries: CaseQueries;
  private readonly casePermissions: CasePermissions;

  constructor(opts: SharePointStoreOptions) {
    this.sp = connect(opts);
    this.clock = opts.clock ?? systemClock;
    this.log = opts.log ?? stderrLogger;
    this.journalGraceMs = opts.journalGraceMs ?? 5 * 60_000;
    this.journalCheckMs = opts.journalCheckMs ?? 60_000;
    this.permissions = new PermissionSync(this.sp);
    this.lists = new SpLists(this.sp, Math.min(opts.pageSize ?? 500, MAX_PAGE));
    const policy = opts.policy ?? POLICY;
    this.cases = new CaseItems(this.lists, opts.informingDeadlineMonths ?? 1);
    this.queries = new CaseQueries(this.lists, this.cases, policy);
    this.audit = new AuditList(this.lists);
    this.auditCheckpoints = this.audit.auditCheckpoints;
    this.commands = new CommandList(this.lists);
    this.counters = new CounterList(this.lists);
    this.deletions = new DeletionList(this.lists);
    this.registry = new RegistryLists(this.lists);
    this.casePermissions = new CasePermissions(this.lists, this.cases, this.registry, this.permissions, this.clock, policy, this.log);
    this.resident = new ResidentLists(this.lists);
    this.leases = new LeaseList(this.lists, this.clock);
    this.meetings = new MeetingList(this.lists);
    this.bot = sharePointBotStore({
      items: (key) => this.lists.items(key),
      collect: (key, q) => this.lists.collect(key, q),
      loadCases: (ids) => this.cases.loadOrdered(ids),
      guard: (fn) => guard(fn),
    });
  }

  // ---- plumbing -------------------------------------------------------------------------------------

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.queue.then(fn, fn);
    this.queue = p.catch(() => undefined);
    return p;
  }

  // ---- permissions (operations) ------------------------------------------------------------------------

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

  // ---- the port: transactions ----------------------------------------------------------------------------

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.sweepJournal();
      const b: Buffered = { loaded: new Map(), writes: new Map(), commands: [], forgotten: new Set(), audit: [], deletions: [] };
      const { loaded, writes, commands, forgotten, audit, deletions } = b;
      const read = async (id: string): Promise<CaseRecord | undefined> => {
        const pending = writes.get(id);
        if (pending) return structuredClone(pending.record);
        if (!loaded.has(id)) {
          const got = await this.loadWhole(id);
          if (!got) return undefined;
          loaded.set(id, got);
        }
        return structuredClone(loaded.get(id)!.record);
      };
      const tx: StoreTx = {
        getCase: (id) => guard(() => read(id)),
        getCaseByReference: (reference) =>
          guard(async () => {
            for (const w of writes.values()) if (w.record.frame.reference === reference) return structuredClone(w.record);
            const hit = await this.lists.collect('cases', { filter: eq('Reference', reference), select: ['CaseId'], limit: 1 });
            return hit[0] ? read(str(hit[0].CaseId)) : undefined;
          }),
        insertCase: async (record) => {
          if (writes.has(record.id)) throw new DomainError('CASE.VERSION_CONFLICT');
          writes.set(record.id, { record: structuredClone(record), expectedVersion: null });
        },
        updateCase: async (record, expectedVersion) => {
          const pending = writes.get(record.id);
          if (pending) {
            if (pending.record.version !== expectedVersion) throw new DomainError('CASE.VERSION_CONFLICT');
            pending.record = structuredClone(record);
            return;
          }
          writes.set(record.id, { record: structuredClone(record), expectedVersion });
        },
        nextReferenceNumber: (year) => guard(() => this.counters.nextNumber(year)),
        getCommand: (commandId) =>
          guard(async () => {
            const pending = commands.find((c) => c.commandId === commandId);
            if (pending) return structuredClone(pending);
            const stored = await this.commands.readCommand(commandId);
            return stored?.caseId && forgotten.has(stored.caseId) ? undefined : stored;
          }),
        putCommand: async (c) => {
          commands.push(structuredClone(c));
        },
        forgetCommands: async (caseId) => {
          for (let i = commands.length - 1; i >= 0; i--) if (commands[i]!.caseId === caseId) commands.splice(i, 1);
          forgotten.add(caseId);
        },
        appendAudit: async (entries) => {
          audit.push(...structuredClone(entries));
        },
        putDeletionRecord: async (d) => {
          deletions.push(structuredClone(d));
        },
      };
      const result = await fn(tx);
      await guard(() => this.apply(b));
      return result;
    });
  }

  /**
   * Loads one case for a transaction. A case that a journalled transaction has not finished writing is
   * finished first (replayed) if that transaction's journal item may be taken over; if its writer is still
   * within its grace, the case is busy: CASE.VERSION_CONFLICT (try again).
   */
  private async loadWhole(id: string): Promise<Loaded | undefined> {
    for (let attempt = 0; ; attempt++) {
      const incomplete: Incomplete = new Map();
      const got = (await this.cases.load([id], incomplete)).get(id);
      const txId = got?.pending ? got.refs.txId : incomplete.get(id)?.txId;
      if (!txId) return got;
      const outcome = attempt === 0 ? await this.recoverTx(txId) : 'busy';
      if (outcome === 'busy') throw new DomainError('CASE.VERSION_CONFLICT');
      if (outcome === 'absent') {
        // no journal item: its transaction was discarded after a writer stalled past the grace (ADR 0007).
        this.log.warn('case written by a transaction without journal item; read as stored', { caseId: id, txId });
        if (!got) throw new DomainError('INTERNAL.ERROR', { reason: 'CASE_FRAME_MISSING' });
        return { ...got, pending: false };
      }
    }
  }

  /** Applies a transaction's buffered writes: through the journal, unless it is at most one single write. */
  private async apply(b: Buffered): Promise<void> {
    const cases = [...b.writes.values()].map((w) => ({ caseId: w.record.id, expectedVersion: w.expectedVersion, record: w.record }));
    const body: JournalBody = { v: 1, txId: randomUUID(), cases, forgotten: [...b.forgotten], commands: b.commands, audit: b.audit, deletions: b.deletions };
    if (cases.length === 0 && body.forgotten.length + body.commands.length + body.audit.length + body.deletions.length <= 1) {
      await this.applyRest(body, new Map(), { journalled: false, replay: false });
      return;
    }
    // a purge must not leave the case's identity behind in an older journal item: settle those first.
    if (body.deletions.length) await this.settleJournals(body.deletions.map((d) => d.caseId));
    const journal = await this.writeJournal(body);
    this.leftovers.set(journal.itemId, journal);
    const refs = new Map<string, CaseRefs>();
    for (const [i, c] of cases.entries()) {
      try {
        refs.set(c.caseId, await this.cases.commitCaseItem(c, b.loaded.get(c.caseId)?.refs, body.txId));
      } catch (e) {
        if (i === 0) {
          // the commit point was not reached: the transaction did not happen.
          await this.deleteJournal(journal);
          this.leftovers.delete(journal.itemId);
        }
        throw e;
      }
    }
    await this.applyRest(body, refs, { journalled: true, replay: false });
    await this.syncWritten(body, refs);
    await this.deleteJournal(journal);
    this.leftovers.delete(journal.itemId);
  }

  /**
   * Everything after the case items (steps 2–6 in the header): idempotent when `replay` (records that are
   * already there are left as they are; an audit row that differs from the journal is a conflict).
   */
  private async applyRest(body: JournalBody, refs: ReadonlyMap<string, CaseRefs>, opts: { journalled: boolean; replay: boolean }): Promise<void> {
    for (const c of body.cases) {
      const r = refs.get(c.caseId);
      if (r) await this.cases.writeCaseItems(c.record, r);
    }
    // forgotten first: a record put after forgetCommands in this transaction is kept (it is in `commands`).
    for (const caseId of body.forgotten) await this.commands.deleteCommands(caseId);
    for (const c of body.commands) await this.commands.putCommand(c, opts.replay);
    if (body.audit.length) {
      const keys = body.audit.map((_, i) => (opts.journalled ? auditKey(body.txId, i) : null));
      if (opts.replay) {
        const present = await this.audit.auditByKey(keys.filter((k): k is string => k !== null));
        const missing: number[] = [];
        for (const [i, entry] of body.audit.entries()) {
          const row = present.get(keys[i]!);
          if (!row) missing.push(i);
          else if (hashRow(0, row, '') !== hashRow(0, entry, '')) {
            // tampered with, or a different transaction reused the key: stop; the journal item stays for review.
            this.log.warn('journal replay: audit row differs from the journal', { txId: body.txId, seq: row.seq });
            throw new DomainError('INTERNAL.ERROR', { reason: 'JOURNAL_AUDIT_CONFLICT' });
          }
        }
        await this.audit.writeAudit(
          missing.map((i) => body.audit[i]!),
          missing.map((i) => keys[i]!),
        );
      } else await this.audit.writeAudit(body.audit, keys);
    }
    for (const d of body.deletions) await this.deletions.writeDeletion(d);
    for (const c of body.cases) {
      const r = refs.get(c.caseId);
      if (r) await this.cases.writeFrame(c.record, r, opts.journalled ? body.txId : '');
    }
  }

  private async syncWritten(body: JournalBody, refs: ReadonlyMap<string, CaseRefs>): Promise<void> {
    if (refs.size === 0) return;
    const organisations = await this.casePermissions.organisationMap();
    for (const c of body.cases) {
      const r = refs.get(c.caseId);
      if (r) await this.casePermissions.syncCase(c.record, r, organisations);
    }
  }

  // ---- the write-ahead journal (journal.ts, ADR 0007) ---------------------------------------------------------

  private claimUntil(): string {
    return new Date(this.clock.now().getTime() + this.journalGraceMs).toISOString();
  }

  private async writeJournal(body: JournalBody): Promise<JournalHandle> {
    const now = this.clock.now().toISOString();
    const added = (await this.lists.items('journal').add({
      Title: body.txId,
      TxId: body.txId,
      CaseId: body.cases[0]?.caseId ?? null,
      Holder: this.instanceId,
      CreatedAt: now,
      ClaimedUntil: this.claimUntil(),
      ...encodeJournal(body), // personal data: see journal.ts
    })) as SpItem;
    return { itemId: added.Id, etag: etagOf(added) };
  }

  /** Deletes a journal item if it is still as this instance left it (If-Match): one another instance claimed is theirs. */
  private async deleteJournal(h: JournalHandle): Promise<void> {
    try {
      await this.lists.items('journal').getById(h.itemId).delete(h.etag);
    } catch (e) {
      const status = httpStatus(e);
      if (status !== 404 && status !== 412) throw e;
    }
  }

  /**
   * Replays journal items left by crashed transactions: this process's own leftovers at once, others' once
   * their claim expired. Never throws (a transaction should not fail because another one cannot be
   * finished now); failures are logged without personal data and retried at the next check.
   */
  async recoverJournal(): Promise<{ replayed: number; discarded: number }> {
    this.lastJournalCheck = performance.now();
    const out = { replayed: 0, discarded: 0 };
    try {
      for (const h of [...this.leftovers.values()]) {
        this.leftovers.delete(h.itemId);
        const r = await this.replay(h);
        if (r !== 'busy') out[r] += 1;
      }
      const now = this.clock.now().toISOString();
      const due = await this.lists.collect('journal', { filter: `ClaimedUntil lt ${lit(now)}`, select: ['TxId', 'ClaimedUntil'], limit: 100 });
      for (const row of due) {
        const r = await this.replay({ itemId: row.Id, etag: etagOf(row) });
        if (r !== 'busy') out[r] += 1;
      }
    } catch (e) {
      const err = translate(e);
      this.log.warn('journal replay failed; retried at the next check', { reason: err.details.reason ?? err.code });
    }
    return out;
  }

  private async sweepJournal(): Promise<void> {
    if (this.leftovers.size === 0 && performance.now() - this.lastJournalCheck < this.journalCheckMs) return;
    await this.recoverJournal();
  }

  /** Finishes the transaction `txId` if its journal item may be taken over. */
  private async recoverTx(txId: string): Promise<'recovered' | 'absent' | 'busy'> {
    const [row] = await this.lists.collect('journal', { filter: eq('TxId', txId), select: ['TxId', 'ClaimedUntil'], limit: 1 });
    if (!row) return 'absent';
    const own = this.leftovers.get(row.Id);
    if (!own && str(row.ClaimedUntil) >= this.clock.now().toISOString()) return 'busy';
    this.leftovers.delete(row.Id);
    return (await this.replay(own ?? { itemId: row.Id, etag: etagOf(row) })) === 'busy' ? 'busy' : 'recovered';
  }

  /** Before a purge: replays (or discards) older journal items of these cases that may be taken over. */
  private async settleJournals(caseIds: readonly string[]): Promise<void> {
    const now = this.clock.now().toISOString();
    for (const ids of chunk([...new Set(caseIds)], 20)) {
      for (const row of await this.lists.collect('journal', { filter: anyOf('CaseId', ids), select: ['CaseId', 'ClaimedUntil'] })) {
        const own = this.leftovers.get(row.Id);
        if (!own && str(row.ClaimedUntil) >= now) continue; // in flight elsewhere: its writer deletes it
        this.leftovers.delete(row.Id);
        await this.replay(own ?? { itemId: row.Id, etag: etagOf(row) });
      }
    }
  }

  /**
   * Replays one journal item: claims it (If-Match on the etag seen: of two instances only one wins), then
   * - the first case item carries the transaction: the commit point was reached → the remaining writes are
   *   applied again, idempotently (upserts by item reference, command records by CommandId, audit rows by
   *   TxKey, appended after the last row so the chain stays gapless), permissions synced, item deleted;
   * - it does not: the transaction never committed (or committed, finished its frame, and a later one
   *   has since written the case — only then can the case item change) → the item is deleted. A case item
   *   still at the expected version is fenced first (a no-op MERGE changes its etag), so a writer that
   *   stalled past its grace can no longer commit.
   */
  private async replay(h: JournalHandle): Promise<'replayed' | 'discarded' | 'busy'> {
    try {
      await this.lists.items('journal').getById(h.itemId).update({ Holder: this.instanceId, ClaimedUntil: this.claimUntil() }, h.etag);
    } catch (e) {
      const status = httpStatus(e);
      if (status === 412 || status === 404) return 'busy'; // another instance claimed or finished it
      throw e;
    }
    const item = (await this.lists.items('journal').getById(h.itemId)()) as SpItem;
    const claimed: JournalHandle = { itemId: h.itemId, etag: etagOf(item) };
    const body = decodeJournal(item);
    const refs = new Map<string, CaseRefs>();
    for (const [i, c] of body.cases.entries()) {
      const incomplete: Incomplete = new Map();
      const current = (await this.cases.load([c.caseId], incomplete)).get(c.caseId)?.refs ?? incomplete.get(c.caseId);
      if (current?.txId === body.txId) {
        refs.set(c.caseId, current);
        continue;
      }
      const atExpected = c.expectedVersion === null ? !current : current?.version === c.expectedVersion;
      if (i === 0) {
        if (current && atExpected) {
          try {
            await this.lists.items('cases').getById(current.casesItemId).update({ TxId: current.txId || null }, current.etag);
          } catch (e) {
            if (httpStatus(e) === 412) return 'busy'; // it moved meanwhile: look again at the next check
            throw e;
          }
        }
        await this.deleteJournal(claimed);
        return 'discarded';
      }
      // a later case of a multi-case transaction (the core writes one case per transaction): roll forward.
      if (atExpected) refs.set(c.caseId, await this.cases.commitCaseItem(c, current, body.txId));
      else this.log.warn('journal replay: case moved on; its part of the transaction is skipped', { txId: body.txId, caseId: c.caseId });
    }
    await this.applyRest(body, refs, { journalled: true, replay: true });
    if (refs.size) {
      const organisations = await this.casePermissions.organisationMap();
      const loaded = await this.cases.load([...refs.keys()]);
      for (const { record, refs: r } of loaded.values()) await this.casePermissions.syncCase(record, r, organisations);
    }
    await this.deleteJournal(claimed);
    return 'replayed';
  }

  // ---- the port: queries ------------------------------------------------------------------------------

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

  async close(): Promise<void> {
    await this.queue;
  }
}
