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
import type { IItems } from '@pnp/sp/items';
import type { SPFI } from '@pnp/sp';
import { chainRows, hashRow } from '../../core/audit';
import type { AuditInput, AuditRow } from '../../core/audit';
import { caseIndex } from '../../core/case-index';
import { partnerVisibility } from '../../core/partner-visibility';
import { DomainError } from '../../core/errors';
import type { CaseRecord, DataGroup, Organisation, Phase, User } from '../../core/model';
import type { PolicyTable } from '../../core/policy';
import { POLICY } from '../../core/policy';
import type { MeetingSession, MeetingStore } from '../../core/meetings';
import type { AuditCheckpointLog, AuditQuery, BotStore, CaseQuery, Clock, CommandRecord, ResidentAccessCode, ResidentAccessStore, Store, StoreTx } from '../../core/ports';
import { systemClock } from '../../core/ports';
import type { DeletionRecord } from '../../core/retention';
import { nextStep } from '../../core/service';
import { WHOLE_REFERENCE } from '../../core/vocabulary';
import { sharePointBotStore } from './bot-store';
import { sharePointReferenceStore } from './reference-data';
import type { ReferenceStore } from '../../core/reference-data';
import type { CaseItem } from './permissions';
import { desiredPermissions } from './permissions';
import type { JournalBody } from './journal';
import { auditKey, decodeJournal, encodeJournal } from './journal';
import { PermissionSync, PermissionSyncError } from './permission-sync';
import type { ListKey } from './schema';
import { LISTS, MAX_PAGE } from './schema';
import type { SharePointConnection } from './sp-client';
import { connect, httpStatus, translate } from './sp-client';

/** A list item as SharePoint returns it (minimal metadata JSON). */
type SpItem = Record<string, unknown> & { Id: number };

export interface StoreLogger {
  warn(message: string, meta?: Record<string, unknown>): void;
}
const stderrLogger: StoreLogger = {
  warn: (message, meta) => process.stderr.write(`${JSON.stringify({ level: 'warn', component: 'sharepoint-store', message, ...meta })}\n`),
};

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

/** OData string literal. */
export const lit = (v: string): string => `'${v.replace(/'/g, "''")}'`;
const eq = (field: string, value: string): string => `${field} eq ${lit(value)}`;
const anyOf = (field: string, values: readonly string[]): string => `(${values.map((v) => eq(field, v)).join(' or ')})`;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const json = <T>(v: unknown): T | undefined => (typeof v === 'string' && v.length > 0 ? (JSON.parse(v) as T) : undefined);
const etagOf = (item: SpItem): string => str(item['odata.etag']) || '*';
const chunk = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Where the items of one stored case are (ids and the etag of the case item). */
interface CaseRefs {
  casesItemId: number;
  etag: string;
  version: number;
  /** the journalled transaction that wrote the case item last ('' before ADR 0007 or for a direct write). */
  txId: string;
  framesItemId?: number;
  personsItemId?: number;
  enrichment: Map<string, number>;
  discussionItemId?: number;
  relations: { itemId: number; organisationId: string; relation: string }[];
}

interface Loaded {
  record: CaseRecord;
  refs: CaseRefs;
  /** the case item carries a transaction its frame item does not: that transaction is not fully applied. */
  pending: boolean;
}

/** Cases whose case item exists but whose frame item does not (yet): a journalled insert in flight or crashed. */
type Incomplete = Map<string, CaseRefs>;

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

interface CaseWrite {
  record: CaseRecord;
  /** null: insert. */
  expectedVersion: number | null;
}

const AUDIT_COLUMNS = ['Seq', 'At', 'ActorId', 'Role', 'CaseId', 'Reference', 'Phase', 'Action', 'Groups', 'Purpose', 'CommandId', 'PrevHash', 'Hash'] as const;

function auditRowOf(r: SpItem): AuditRow {
  return {
    seq: Number(r.Seq),
    at: str(r.At),
    actorId: str(r.ActorId),
    role: str(r.Role) as AuditRow['role'],
    caseId: typeof r.CaseId === 'string' ? r.CaseId : null,
    reference: typeof r.Reference === 'string' ? r.Reference : null,
    phase: typeof r.Phase === 'string' ? (r.Phase as Phase) : null,
    action: str(r.Action) as AuditRow['action'],
    groups: json<DataGroup[]>(r.Groups) ?? [],
    purpose: str(r.Purpose),
    commandId: typeof r.CommandId === 'string' ? r.CommandId : null,
    prevHash: str(r.PrevHash),
    hash: str(r.Hash),
  };
}

function hasReflection(r: CaseRecord): boolean {
  const h = r.reflection;
  return Boolean(h.closureReason || h.rationale || h.feedbackSentAt || h.retentionUntil || h.lettersSent.length > 0);
}

export class SharePointStore implements Store, MeetingStore, BotStore, ResidentAccessStore, ReferenceStore {
  readonly sp: SPFI;
  readonly permissions: PermissionSync;
  private readonly months: number;
  private readonly clock: Clock;
  private readonly pageSize: number;
  private readonly policy: PolicyTable;
  private readonly log: StoreLogger;
  private queue: Promise<unknown> = Promise.resolve();
  /** cases whose permission sync failed: their items are locked down until reconcile succeeds. */
  private readonly backlog = new Set<string>();
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
  readonly auditCheckpoints: AuditCheckpointLog = {
    append: (c) =>
      this.guard(async () => {
        await this.items('auditCheckpoints').add({ Seq: c.seq, Hash: c.hash, At: c.at, Reason: c.reason });
      }),
    latest: () =>
      this.guard(async () => {
        const [last] = await this.collect('auditCheckpoints', { select: ['Seq', 'Hash', 'At', 'Reason'], orderBy: ['Seq', false], limit: 1 });
        return last ? { seq: Number(last.Seq), hash: str(last.Hash), at: str(last.At), reason: last.Reason === 'daily' ? ('daily' as const) : ('verification' as const) } : undefined;
      }),
  };

  constructor(opts: SharePointStoreOptions) {
    this.sp = connect(opts);
    this.months = opts.informingDeadlineMonths ?? 1;
    this.clock = opts.clock ?? systemClock;
    this.pageSize = Math.min(opts.pageSize ?? 500, MAX_PAGE);
    this.policy = opts.policy ?? POLICY;
    this.log = opts.log ?? stderrLogger;
    this.journalGraceMs = opts.journalGraceMs ?? 5 * 60_000;
    this.journalCheckMs = opts.journalCheckMs ?? 60_000;
    this.permissions = new PermissionSync(this.sp);
    this.bot = sharePointBotStore({
      items: (key) => this.items(key),
      collect: (key, q) => this.collect(key, q),
      loadCases: (ids) => this.loadOrdered(ids),
      guard: (fn) => this.guard(fn),
    });
  }

  // ---- plumbing -------------------------------------------------------------------------------------

  private items(key: ListKey): IItems {
    return this.sp.web.lists.getByTitle(LISTS[key].title).items;
  }

  /** Runs a query page by page (odata.nextLink) and collects up to `limit` items. */
  private async collect(key: ListKey, q: { filter?: string; select?: string[]; orderBy?: [string, boolean]; limit?: number }): Promise<SpItem[]> {
    let query = this.items(key).top(Math.min(q.limit ?? this.pageSize, this.pageSize));
    if (q.filter) query = query.filter(q.filter);
    if (q.select) query = query.select('Id', ...q.select);
    if (q.orderBy) query = query.orderBy(q.orderBy[0], q.orderBy[1]);
    const out: SpItem[] = [];
    for await (const page of query as AsyncIterable<SpItem[]>) {
      out.push(...page);
      if (q.limit !== undefined && out.length >= q.limit) return out.slice(0, q.limit);
    }
    return out;
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw translate(e);
    }
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.queue.then(fn, fn);
    this.queue = p.catch(() => undefined);
    return p;
  }

  // ---- reading cases ----------------------------------------------------------------------------------

  /**
   * Loads whole records (with item references) for case ids, 20 ids per query. A case whose frame item is
   * missing because a journalled insert is in flight (or crashed) is left out, its references put in
   * `incomplete` if given.
   */
  private async load(caseIds: readonly string[], incomplete?: Incomplete): Promise<Map<string, Loaded>> {
    const out = new Map<string, Loaded>();
    for (const ids of chunk([...new Set(caseIds)], 20)) {
      const filter = anyOf('CaseId', ids);
      const [cases, frames, persons, enrichment, discussion, relations] = await Promise.all([
        this.collect('cases', { filter, select: ['CaseId', 'Version', 'ConcernJson', 'TxId'] }),
        this.collect('frames', { filter, select: ['CaseId', 'FrameJson', 'TxId'] }),
        this.collect('persons', { filter, select: ['CaseId', 'IdentityJson', 'ContactJson'] }),
        this.collect('enrichment', { filter, select: ['CaseId', 'OrganisationId', 'Seq', 'RequestJson'] }),
        this.collect('discussion', { filter, select: ['CaseId', 'DiscussionJson', 'FollowUpJson', 'ReflectionJson'] }),
        this.collect('relations', { filter, select: ['CaseId', 'OrganisationId', 'Relation'] }),
      ]);
      const by = (items: SpItem[]) => {
        const m = new Map<string, SpItem[]>();
        for (const it of items) m.set(str(it.CaseId), [...(m.get(str(it.CaseId)) ?? []), it]);
        return m;
      };
      const fr = by(frames);
      const pe = by(persons);
      const en = by(enrichment);
      const di = by(discussion);
      const re = by(relations);
      for (const c of cases) {
        const id = str(c.CaseId);
        const frame = fr.get(id)?.[0];
        const person = pe.get(id)?.[0];
        const disc = di.get(id)?.[0];
        const requests = [...(en.get(id) ?? [])].sort((a, b) => Number(a.Seq) - Number(b.Seq));
        const refs: CaseRefs = {
          casesItemId: c.Id,
          etag: etagOf(c),
          version: Number(c.Version),
          txId: str(c.TxId),
          ...(frame ? { framesItemId: frame.Id } : {}),
          ...(person ? { personsItemId: person.Id } : {}),
          enrichment: new Map(requests.map((r) => [str(r.OrganisationId), r.Id])),
          ...(disc ? { discussionItemId: disc.Id } : {}),
          relations: (re.get(id) ?? []).map((r) => ({ itemId: r.Id, organisationId: str(r.OrganisationId), relation: str(r.Relation) })),
        };
        if (!frame) {
          if (!refs.txId) throw new DomainError('INTERNAL.ERROR', { reason: 'CASE_FRAME_MISSING' });
          incomplete?.set(id, refs);
          continue;
        }
        const record: CaseRecord = {
          id,
          version: Number(c.Version),
          frame: json<CaseRecord['frame']>(frame.FrameJson)!,
          concern: json<CaseRecord['concern']>(c.ConcernJson)!,
          enrichment: { requests: requests.map((r) => json<CaseRecord['enrichment']['requests'][number]>(r.RequestJson)!) },
          reflection: json<CaseRecord['reflection']>(disc?.ReflectionJson) ?? { lettersSent: [] },
        };
        const identity = json<CaseRecord['identity']>(person?.IdentityJson);
        const contact = json<CaseRecord['contact']>(person?.ContactJson);
        const discussion = json<CaseRecord['discussion']>(disc?.DiscussionJson);
        const followUp = json<CaseRecord['followUp']>(disc?.FollowUpJson);
        if (identity) record.identity = identity;
        if (contact) record.contact = contact;
        if (discussion) record.discussion = discussion;
        if (followUp) record.followUp = followUp;
        out.set(id, { record, refs, pending: refs.txId !== '' && refs.txId !== str(frame.TxId) });
      }
    }
    return out;
  }

  private async loadOrdered(caseIds: readonly string[]): Promise<CaseRecord[]> {
    const loaded = await this.load(caseIds);
    return caseIds.map((id) => loaded.get(id)?.record).filter((r): r is CaseRecord => r !== undefined);
  }

  // ---- writing cases ----------------------------------------------------------------------------------

  private async upsert(key: ListKey, itemId: number | undefined, fields: Record<string, unknown>): Promise<number> {
    if (itemId !== undefined) {
      await this.items(key).getById(itemId).update(fields);
      return itemId;
    }
    const added = (await this.items(key).add(fields)) as SpItem;
    return added.Id;
  }

  /** Deletes an item; one that is already gone (a replay, another instance) is fine. */
  private async removeOnce(key: ListKey, itemId: number): Promise<void> {
    try {
      await this.items(key).getById(itemId).delete();
    } catch (e) {
      if (httpStatus(e) !== 404) throw e;
    }
  }

  /**
   * Writes a case's SJVCases item (the commit point of the transaction `txId`): an insert, or an update with
   * If-Match on the etag read (412 → CASE.VERSION_CONFLICT). Returns the case's item references.
   */
  private async commitCaseItem(w: CaseWrite, current: CaseRefs | undefined, txId: string): Promise<CaseRefs> {
    const rec = w.record;
    const ix = caseIndex(rec, this.months);
    const caseFields = {
      Title: ix.reference,
      CaseId: rec.id,
      Reference: ix.reference,
      Version: rec.version,
      Phase: ix.phase,
      Status: ix.status,
      InbrengerOrg: ix.inbrengerOrganisationId,
      CreatedAt: ix.createdAt,
      PhaseSince: ix.phaseSince,
      InformingDue: ix.informingDueOn,
      EnrichmentDue: ix.enrichmentDueOn,
      RetentionUntil: ix.retentionUntil,
      NextStep: nextStep(rec),
      AgeBand: rec.concern.ageBand,
      RiskSignals: rec.concern.riskSignals.join(','),
      Forms: rec.concern.forms.join(','),
      Urgency: rec.concern.urgency,
      ConcernJson: JSON.stringify(rec.concern),
      TxId: txId,
    };
    if (w.expectedVersion === null) {
      const added = (await this.items('cases').add(caseFields)) as SpItem;
      return { casesItemId: added.Id, etag: etagOf(added), version: rec.version, txId, enrichment: new Map(), relations: [] };
    }
    const refs = current ?? (await this.load([rec.id])).get(rec.id)?.refs;
    if (!refs) throw new DomainError('CASE.NOT_FOUND');
    if (refs.version !== w.expectedVersion) throw new DomainError('CASE.VERSION_CONFLICT');
    try {
      await this.items('cases').getById(refs.casesItemId).update(caseFields, refs.etag);
    } catch (e) {
      if (httpStatus(e) === 412) throw new DomainError('CASE.VERSION_CONFLICT');
      throw e;
    }
    return { ...refs, version: rec.version, txId, enrichment: new Map(refs.enrichment), relations: [...refs.relations] };
  }

  /**
   * Writes a case's persons, enrichment, discussion and relation items to match the record: upserts by the
   * item references, so that writing them again (journal replay) changes nothing. Updates `refs`.
   */
  private async writeCaseItems(rec: CaseRecord, refs: CaseRefs): Promise<void> {
    const ix = caseIndex(rec, this.months);
    if (rec.identity || rec.contact) {
      refs.personsItemId = await this.upsert('persons', refs.personsItemId, {
        Title: ix.reference,
        CaseId: rec.id,
        IdentityJson: rec.identity ? JSON.stringify(rec.identity) : null,
        ContactJson: rec.contact ? JSON.stringify(rec.contact) : null,
      });
    } else if (refs.personsItemId !== undefined) {
      // destroyed (retention): the item goes, not only its values. Versioning is off on the list.
      await this.removeOnce('persons', refs.personsItemId);
      delete refs.personsItemId;
    }
    for (const [seq, r] of rec.enrichment.requests.entries()) {
      const id = await this.upsert('enrichment', refs.enrichment.get(r.organisationId), {
        Title: `${ix.reference} ${r.organisationId}`,
        CaseId: rec.id,
        OrganisationId: r.organisationId,
        Seq: seq,
        RequestStatus: r.status,
        DueOn: r.dueOn,
        RequestJson: JSON.stringify(r),
      });
      refs.enrichment.set(r.organisationId, id);
    }
    if (rec.discussion || rec.followUp || hasReflection(rec)) {
      refs.discussionItemId = await this.upsert('discussion', refs.discussionItemId, {
        Title: ix.reference,
        CaseId: rec.id,
        DiscussionJson: rec.discussion ? JSON.stringify(rec.discussion) : null,
        FollowUpJson: rec.followUp ? JSON.stringify(rec.followUp) : null,
        ReflectionJson: JSON.stringify(rec.reflection),
      });
    } else if (refs.discussionItemId !== undefined) {
      await this.removeOnce('discussion', refs.discussionItemId);
      delete refs.discussionItemId;
    }
    const wanted = ix.relations.map((r) => `${r.organisationId}|${r.relation}`);
    const kept: CaseRefs['relations'] = [];
    for (const r of refs.relations) {
      if (wanted.includes(`${r.organisationId}|${r.relation}`) && !kept.some((k) => k.organisationId === r.organisationId && k.relation === r.relation)) kept.push(r);
      else await this.removeOnce('relations', r.itemId);
    }
    for (const r of ix.relations) {
      if (kept.some((k) => k.organisationId === r.organisationId && k.relation === r.relation)) continue;
      const id = await this.upsert('relations', undefined, { Title: `${ix.reference} ${r.relation}`, CaseId: rec.id, OrganisationId: r.organisationId, Relation: r.relation });
      kept.push({ itemId: id, organisationId: r.organisationId, relation: r.relation });
    }
    refs.relations = kept;
  }

  /** Writes the frame item last, stamped with the transaction: from now on readers see the case as whole. */
  private async writeFrame(rec: CaseRecord, refs: CaseRefs, txId: string): Promise<void> {
    const ix = caseIndex(rec, this.months);
    refs.framesItemId = await this.upsert('frames', refs.framesItemId, {
      Title: ix.reference,
      CaseId: rec.id,
      InbrengerUser: rec.frame.inbrengerUserId,
      FrameJson: JSON.stringify(rec.frame),
      TxId: txId,
    });
  }

  private itemIdOf(refs: CaseRefs, item: CaseItem): number | undefined {
    switch (item.list) {
      case 'cases':
        return refs.casesItemId;
      case 'frames':
        return refs.framesItemId;
      case 'enrichment':
        return refs.enrichment.get(item.key);
      case 'discussion':
        return refs.discussionItemId;
    }
  }

  /**
   * Makes every item of a case readable by exactly the principals the policy table permits now.
   * On failure the item that failed is locked down (PermissionSync) and the case stays on the backlog.
   */
  private async syncCase(record: CaseRecord, refs: CaseRefs, organisations: ReadonlyMap<string, Organisation>, force = false): Promise<boolean> {
    const now = this.clock.now().toISOString();
    try {
      const upns = await this.upnsOf([record.frame.inbrengerUserId]);
      for (const { item, readers } of desiredPermissions(record, organisations, now, this.policy, upns)) {
        const itemId = this.itemIdOf(refs, item);
        if (itemId === undefined) continue;
        await this.permissions.syncItem(LISTS[item.list].title, itemId, readers, force);
      }
      this.backlog.delete(record.id);
      return true;
    } catch (e) {
      this.backlog.add(record.id);
      const cause = e instanceof PermissionSyncError ? e.cause : e;
      const lockedDown = e instanceof PermissionSyncError ? e.lockedDown : false;
      this.log.warn(lockedDown ? 'permission sync failed; item locked down until reconcile' : 'permission sync and lock-down failed; reconcile needed', {
        caseId: record.id,
        reason: translate(cause).details.reason ?? translate(cause).code,
      });
      return false;
    }
  }

  /** Case ids whose permission sync failed (their items are locked down). */
  permissionBacklog(): string[] {
    return [...this.backlog];
  }

  /**
   * Recomputes the permissions of every item of every case from the policy table (e.g. nightly, after an
   * organisation joined or left, or to clear the backlog). Reads the role assignments of every item.
   */
  async reconcilePermissions(): Promise<{ cases: number; failed: string[] }> {
    return this.guard(async () => {
      const organisations = await this.organisationMap();
      this.knownUpns.clear();
      const ids = (await this.collect('cases', { select: ['CaseId'] })).map((c) => str(c.CaseId));
      const failed: string[] = [];
      for (const part of chunk(ids, 20)) {
        const loaded = await this.load(part);
        for (const { record, refs } of loaded.values()) {
          if (!(await this.syncCase(record, refs, organisations, true))) failed.push(record.id);
        }
      }
      return { cases: ids.length, failed };
    });
  }

  /** UPNs of users from the registry (SharePoint resolves a person by UPN); remembered per instance, a UPN rarely changes. */
  private readonly knownUpns = new Map<string, string>();
  private async upnsOf(userIds: readonly string[]): Promise<Map<string, string>> {
    for (const id of userIds) {
      if (!id || this.knownUpns.has(id)) continue;
      // '' remembers "no UPN in the registry" (reconcile forgets it, so a later sign-in is picked up there).
      this.knownUpns.set(id, (await this.getUser(id))?.upn ?? '');
    }
    return this.knownUpns;
  }

  private async organisationMap(): Promise<Map<string, Organisation>> {
    return new Map((await this.listOrganisations()).map((o) => [o.id, o]));
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
        getCase: (id) => this.guard(() => read(id)),
        getCaseByReference: (reference) =>
          this.guard(async () => {
            for (const w of writes.values()) if (w.record.frame.reference === reference) return structuredClone(w.record);
            const hit = await this.collect('cases', { filter: eq('Reference', reference), select: ['CaseId'], limit: 1 });
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
        nextReferenceNumber: (year) => this.guard(() => this.nextNumber(year)),
        getCommand: (commandId) =>
          this.guard(async () => {
            const pending = commands.find((c) => c.commandId === commandId);
            if (pending) return structuredClone(pending);
            const stored = await this.readCommand(commandId);
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
      await this.guard(() => this.apply(b));
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
      const got = (await this.load([id], incomplete)).get(id);
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
        refs.set(c.caseId, await this.commitCaseItem(c, b.loaded.get(c.caseId)?.refs, body.txId));
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
      if (r) await this.writeCaseItems(c.record, r);
    }
    // forgotten first: a record put after forgetCommands in this transaction is kept (it is in `commands`).
    for (const caseId of body.forgotten) await this.deleteCommands(caseId);
    for (const c of body.commands) {
      if (opts.replay && (await this.readCommand(c.commandId))) continue;
      try {
        await this.items('commands').add({
          Title: c.commandId,
          CommandId: c.commandId,
          Name: c.name,
          ActorId: c.actorId,
          Fingerprint: c.fingerprint,
          CaseId: c.caseId,
          ResultJson: JSON.stringify(c.result),
          At: c.at,
        });
      } catch (e) {
        if (!(opts.replay && httpStatus(e) === 409)) throw e; // unique CommandId: another replay was first
      }
    }
    if (body.audit.length) {
      const keys = body.audit.map((_, i) => (opts.journalled ? auditKey(body.txId, i) : null));
      if (opts.replay) {
        const present = await this.auditByKey(keys.filter((k): k is string => k !== null));
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
        await this.writeAudit(
          missing.map((i) => body.audit[i]!),
          missing.map((i) => keys[i]!),
        );
      } else await this.writeAudit(body.audit, keys);
    }
    for (const d of body.deletions) await this.writeDeletion(d);
    for (const c of body.cases) {
      const r = refs.get(c.caseId);
      if (r) await this.writeFrame(c.record, r, opts.journalled ? body.txId : '');
    }
  }

  private async syncWritten(body: JournalBody, refs: ReadonlyMap<string, CaseRefs>): Promise<void> {
    if (refs.size === 0) return;
    const organisations = await this.organisationMap();
    for (const c of body.cases) {
      const r = refs.get(c.caseId);
      if (r) await this.syncCase(c.record, r, organisations);
    }
  }

  // ---- the write-ahead journal (journal.ts, ADR 0007) ---------------------------------------------------------

  private claimUntil(): string {
    return new Date(this.clock.now().getTime() + this.journalGraceMs).toISOString();
  }

  private async writeJournal(body: JournalBody): Promise<JournalHandle> {
    const now = this.clock.now().toISOString();
    const added = (await this.items('journal').add({
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
      await this.items('journal').getById(h.itemId).delete(h.etag);
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
      const due = await this.collect('journal', { filter: `ClaimedUntil lt ${lit(now)}`, select: ['TxId', 'ClaimedUntil'], limit: 100 });
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
    const [row] = await this.collect('journal', { filter: eq('TxId', txId), select: ['TxId', 'ClaimedUntil'], limit: 1 });
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
      for (const row of await this.collect('journal', { filter: anyOf('CaseId', ids), select: ['CaseId', 'ClaimedUntil'] })) {
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
      await this.items('journal').getById(h.itemId).update({ Holder: this.instanceId, ClaimedUntil: this.claimUntil() }, h.etag);
    } catch (e) {
      const status = httpStatus(e);
      if (status === 412 || status === 404) return 'busy'; // another instance claimed or finished it
      throw e;
    }
    const item = (await this.items('journal').getById(h.itemId)()) as SpItem;
    const claimed: JournalHandle = { itemId: h.itemId, etag: etagOf(item) };
    const body = decodeJournal(item);
    const refs = new Map<string, CaseRefs>();
    for (const [i, c] of body.cases.entries()) {
      const incomplete: Incomplete = new Map();
      const current = (await this.load([c.caseId], incomplete)).get(c.caseId)?.refs ?? incomplete.get(c.caseId);
      if (current?.txId === body.txId) {
        refs.set(c.caseId, current);
        continue;
      }
      const atExpected = c.expectedVersion === null ? !current : current?.version === c.expectedVersion;
      if (i === 0) {
        if (current && atExpected) {
          try {
            await this.items('cases').getById(current.casesItemId).update({ TxId: current.txId || null }, current.etag);
          } catch (e) {
            if (httpStatus(e) === 412) return 'busy'; // it moved meanwhile: look again at the next check
            throw e;
          }
        }
        await this.deleteJournal(claimed);
        return 'discarded';
      }
      // a later case of a multi-case transaction (the core writes one case per transaction): roll forward.
      if (atExpected) refs.set(c.caseId, await this.commitCaseItem(c, current, body.txId));
      else this.log.warn('journal replay: case moved on; its part of the transaction is skipped', { txId: body.txId, caseId: c.caseId });
    }
    await this.applyRest(body, refs, { journalled: true, replay: true });
    if (refs.size) {
      const organisations = await this.organisationMap();
      const loaded = await this.load([...refs.keys()]);
      for (const { record, refs: r } of loaded.values()) await this.syncCase(record, r, organisations);
    }
    await this.deleteJournal(claimed);
    return 'replayed';
  }

  /** Increments the counter of a year with optimistic concurrency (If-Match; 412 → read again). */
  private async nextNumber(year: number): Promise<number> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const [row] = await this.collect('counters', { filter: eq('Year', String(year)), select: ['Year', 'Last'], limit: 1 });
      try {
        if (!row) {
          await this.items('counters').add({ Title: String(year), Year: String(year), Last: 1 });
          return 1;
        }
        const next = Number(row.Last) + 1;
        await this.items('counters').getById(row.Id).update({ Last: next }, etagOf(row));
        return next;
      } catch (e) {
        const status = httpStatus(e);
        // 412: someone else incremented first; 409: someone else created the year's row first.
        if (status !== 412 && status !== 409) throw e;
      }
    }
    throw new DomainError('STORE.UNAVAILABLE', { reason: 'COUNTER_CONTENTION' });
  }

  /** Deletes every command record of a case (the list has versioning off: nothing of it survives). */
  private async deleteCommands(caseId: string): Promise<void> {
    for (;;) {
      const rows = await this.collect('commands', { filter: eq('CaseId', caseId), select: ['CaseId'], limit: this.pageSize });
      if (rows.length === 0) return;
      for (const r of rows) {
        try {
          await this.items('commands').getById(r.Id).delete();
        } catch (e) {
          if (httpStatus(e) !== 404) throw e; // another instance deleted it first
        }
      }
    }
  }

  private async readCommand(commandId: string): Promise<CommandRecord | undefined> {
    const [c] = await this.collect('commands', { filter: eq('CommandId', commandId), select: ['CommandId', 'Name', 'ActorId', 'Fingerprint', 'CaseId', 'ResultJson', 'At'], limit: 1 });
    if (!c) return undefined;
    return {
      commandId: str(c.CommandId),
      name: str(c.Name),
      actorId: str(c.ActorId),
      fingerprint: str(c.Fingerprint),
      caseId: typeof c.CaseId === 'string' ? c.CaseId : null,
      result: json<unknown>(c.ResultJson),
      at: str(c.At),
    };
  }

  private async lastAudit(): Promise<{ seq: number; hash: string } | undefined> {
    const [last] = await this.collect('audit', { select: ['Seq', 'Hash'], orderBy: ['Seq', false], limit: 1 });
    return last ? { seq: Number(last.Seq), hash: str(last.Hash) } : undefined;
  }

  /**
   * Appends chained rows after the last stored row. If another writer took a sequence number (unique Seq:
   * 409), the rest is re-chained after the new last row; a row whose request failed but landed anyway (a
   * retried request) is recognised by its TxKey and not written twice.
   */
  private async writeAudit(entries: readonly AuditInput[], keys: readonly (string | null)[]): Promise<void> {
    let from = 0;
    for (let attempt = 0; from < entries.length; attempt++) {
      const rows = chainRows(await this.lastAudit(), entries.slice(from));
      let done = 0;
      try {
        for (const row of rows) {
          await this.addAuditRow(row, keys[from + done] ?? null);
          done += 1;
        }
        return;
      } catch (e) {
        const status = httpStatus(e);
        if (!(attempt < 5 && status !== undefined && status >= 400 && status < 500 && status !== 429)) throw e;
        from += done;
        const key = keys[from];
        if (key && (await this.auditByKey([key])).has(key)) from += 1;
      }
    }
  }

  /** Audit rows by TxKey (an indexed column), 20 keys per query. */
  private async auditByKey(keys: readonly string[]): Promise<Map<string, AuditRow>> {
    const out = new Map<string, AuditRow>();
    for (const part of chunk(keys, 20)) {
      for (const r of await this.collect('audit', { filter: anyOf('TxKey', part), select: [...AUDIT_COLUMNS, 'TxKey'] })) out.set(str(r.TxKey), auditRowOf(r));
    }
    return out;
  }

  private async addAuditRow(r: AuditRow, key: string | null): Promise<void> {
    await this.items('audit').add({
      Title: String(r.seq),
      Seq: r.seq,
      At: r.at,
      ActorId: r.actorId,
      Role: r.role,
      CaseId: r.caseId,
      Reference: r.reference,
      Phase: r.phase,
      Action: r.action,
      Groups: JSON.stringify(r.groups),
      Purpose: r.purpose,
      CommandId: r.commandId,
      PrevHash: r.prevHash,
      Hash: r.hash,
      ...(key ? { TxKey: key } : {}),
    });
  }

  private async writeDeletion(d: DeletionRecord): Promise<void> {
    const [existing] = await this.collect('deletions', { filter: eq('CaseId', d.caseId), select: ['CaseId'], limit: 1 });
    await this.upsert('deletions', existing?.Id, {
      Title: d.reference,
      CaseId: d.caseId,
      Reference: d.reference,
      At: d.at,
      Reason: d.reason,
      ByWhom: d.by,
      Destroyed: JSON.stringify(d.destroyed),
      // RetentionUntil stays empty: the date may be a birthday (group C), destroyed with the case.
    });
  }

  // ---- the port: queries ------------------------------------------------------------------------------

  listCases(query: CaseQuery): Promise<{ items: CaseRecord[]; total: number }> {
    return this.guard(async () => {
      const where: string[] = [];
      if (query.phases?.length) where.push(anyOf('Phase', query.phases));
      if (query.status) where.push(eq('Status', query.status));
      if (query.organisationId) where.push(eq('InbrengerOrg', query.organisationId));
      if (query.overdueOn) {
        const d = lit(query.overdueOn);
        where.push(`((InformingDue ne null and InformingDue lt ${d}) or (EnrichmentDue ne null and EnrichmentDue lt ${d}))`);
      }
      // A whole kenmerk goes to the unique index; a part of one cannot use an index on SharePoint
      // (substringof is not index-backed past the list view threshold), so it is matched on the returned column.
      if (query.referenceContains && WHOLE_REFERENCE.test(query.referenceContains)) where.push(eq('Reference', query.referenceContains));
      const rows = await this.collect('cases', {
        ...(where.length ? { filter: where.join(' and ') } : {}),
        select: ['CaseId', 'Reference', 'Phase', 'Status', 'InbrengerOrg', 'CreatedAt', 'InformingDue', 'EnrichmentDue'],
      });
      let visible = rows.filter((r) => {
        // the same conditions again on the returned columns: the query is the index, this is the rule.
        if (query.phases?.length && !query.phases.includes(str(r.Phase) as Phase)) return false;
        if (query.status && r.Status !== query.status) return false;
        if (query.organisationId && r.InbrengerOrg !== query.organisationId) return false;
        if (query.referenceContains && !str(r.Reference).toUpperCase().includes(query.referenceContains)) return false;
        if (query.overdueOn) {
          const due = [str(r.InformingDue), str(r.EnrichmentDue)].filter(Boolean);
          if (!due.some((x) => x < query.overdueOn!)) return false;
        }
        return true;
      });
      if (query.visibleTo) {
        const { userId, organisationId } = query.visibleTo;
        const [relations, own] = await Promise.all([
          this.collect('relations', { filter: eq('OrganisationId', organisationId), select: ['CaseId', 'Relation'] }),
          this.collect('frames', { filter: eq('InbrengerUser', userId), select: ['CaseId'] }),
        ]);
        const asked = new Set(relations.filter((r) => r.Relation === 'asked').map((r) => str(r.CaseId)));
        const party = new Set(relations.filter((r) => r.Relation === 'party').map((r) => str(r.CaseId)));
        const mine = new Set(own.map((r) => str(r.CaseId)));
        // the phases per relation come from the policy table (core/partner-visibility.ts); the core still applies the policy to every row.
        const vis = query.visibleTo.visibility ?? partnerVisibility(this.policy);
        visible = visible.filter((r) => {
          const id = str(r.CaseId);
          const phase = str(r.Phase) as Phase;
          return vis.member.includes(phase) || (mine.has(id) && vis.inbrenger.includes(phase)) || (asked.has(id) && vis.asked.includes(phase)) || (party.has(id) && vis.party.includes(phase));
        });
      }
      visible.sort((a, b) => (str(a.CreatedAt) < str(b.CreatedAt) ? 1 : str(a.CreatedAt) > str(b.CreatedAt) ? -1 : str(a.CaseId).localeCompare(str(b.CaseId))));
      const page = visible.slice(query.offset, query.offset + query.limit).map((r) => str(r.CaseId));
      return { items: await this.loadOrdered(page), total: visible.length };
    });
  }

  casesDueForPurge(asOf: string, limit: number): Promise<CaseRecord[]> {
    return this.guard(async () => {
      const rows = await this.collect('cases', { filter: `Phase eq 'CLOSED' and RetentionUntil le ${lit(asOf)}`, select: ['CaseId', 'Phase', 'RetentionUntil'] });
      const due = rows
        .filter((r) => r.Phase === 'CLOSED' && str(r.RetentionUntil) !== '' && str(r.RetentionUntil) <= asOf)
        .sort((a, b) => str(a.RetentionUntil).localeCompare(str(b.RetentionUntil)))
        .slice(0, limit);
      return this.loadOrdered(due.map((r) => str(r.CaseId)));
    });
  }

  casesWithEnrichmentDue(asOf: string, limit: number): Promise<CaseRecord[]> {
    return this.guard(async () => {
      const rows = await this.collect('cases', { filter: `EnrichmentDue ne null and EnrichmentDue lt ${lit(asOf)}`, select: ['CaseId', 'EnrichmentDue'] });
      const due = rows
        .filter((r) => str(r.EnrichmentDue) !== '' && str(r.EnrichmentDue) < asOf)
        .sort((a, b) => str(a.EnrichmentDue).localeCompare(str(b.EnrichmentDue)))
        .slice(0, limit);
      return this.loadOrdered(due.map((r) => str(r.CaseId)));
    });
  }

  /** The store's change counter: the sequence number of the last audit row (every change writes one). One call. */
  lastAuditSeq(): Promise<number> {
    return this.guard(async () => (await this.lastAudit())?.seq ?? 0);
  }

  readAudit(query: AuditQuery): Promise<AuditRow[]> {
    return this.guard(async () => {
      const after = `Seq gt ${Math.max(0, Math.floor(query.afterSeq ?? 0))}`;
      const rows = await this.collect('audit', {
        filter: query.caseId ? `${eq('CaseId', query.caseId)} and ${after}` : after,
        select: [...AUDIT_COLUMNS],
        orderBy: ['Seq', true],
        limit: query.limit,
      });
      return rows.map(auditRowOf);
    });
  }

  async *auditPages(pageSize: number): AsyncIterable<AuditRow[]> {
    let after = 0;
    for (;;) {
      const page = await this.readAudit({ afterSeq: after, limit: pageSize });
      if (page.length === 0) return;
      yield page;
      after = page[page.length - 1]!.seq;
    }
  }

  listDeletionRecords(limit: number, offset: number): Promise<DeletionRecord[]> {
    return this.guard(async () => {
      const rows = await this.collect('deletions', { select: ['CaseId', 'Reference', 'At', 'Reason', 'ByWhom', 'Destroyed'] });
      return rows
        .map((r) => ({
          caseId: str(r.CaseId),
          reference: str(r.Reference),
          at: str(r.At),
          reason: str(r.Reason) as DeletionRecord['reason'],
          by: str(r.ByWhom),
          destroyed: json<string[]>(r.Destroyed) ?? [],
        }))
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.reference.localeCompare(b.reference)))
        .slice(offset, offset + limit);
    });
  }

  // ---- the port: registry -----------------------------------------------------------------------------

  getOrganisation(id: string): Promise<Organisation | undefined> {
    return this.guard(async () => {
      const [row] = await this.collect('organisations', { filter: eq('OrganisationId', id), select: ['Json'], limit: 1 });
      return row ? json<Organisation>(row.Json) : undefined;
    });
  }
  listOrganisations(): Promise<Organisation[]> {
    return this.guard(async () =>
      (await this.collect('organisations', { select: ['OrganisationId', 'Json'] }))
        .map((r) => json<Organisation>(r.Json)!)
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
  }
  putOrganisation(org: Organisation): Promise<void> {
    return this.guard(async () => {
      const [row] = await this.collect('organisations', { filter: eq('OrganisationId', org.id), select: ['OrganisationId'], limit: 1 });
      await this.upsert('organisations', row?.Id, { Title: org.id, OrganisationId: org.id, Json: JSON.stringify(org) });
    });
  }
  getUser(id: string): Promise<User | undefined> {
    return this.guard(async () => {
      const [row] = await this.collect('users', { filter: eq('UserId', id), select: ['Json'], limit: 1 });
      return row ? json<User>(row.Json) : undefined;
    });
  }
  getUserByAadObjectId(aadObjectId: string): Promise<User | undefined> {
    return this.guard(async () => {
      const [row] = await this.collect('users', { filter: eq('AadObjectId', aadObjectId), select: ['Json'], limit: 1 });
      return row ? json<User>(row.Json) : undefined;
    });
  }
  listUsers(): Promise<User[]> {
    return this.guard(async () =>
      (await this.collect('users', { select: ['UserId', 'Json'] })).map((r) => json<User>(r.Json)!).sort((a, b) => a.id.localeCompare(b.id)),
    );
  }
  putUser(user: User): Promise<void> {
    return this.guard(async () => {
      const [row] = await this.collect('users', { filter: eq('UserId', user.id), select: ['UserId'], limit: 1 });
      await this.upsert('users', row?.Id, { Title: user.id, UserId: user.id, AadObjectId: user.aadObjectId ?? null, Json: JSON.stringify(user) });
    });
  }

  // ---- the resident's access codes (ResidentAccessStore, issue 19): one item per kenmerk ----
  putAccessCode(c: ResidentAccessCode): Promise<void> {
    return this.guard(async () => {
      const [row] = await this.collect('residentAccess', { filter: eq('Reference', c.reference), select: ['Reference'], limit: 1 });
      await this.upsert('residentAccess', row?.Id, {
        Title: c.reference,
        Reference: c.reference,
        CaseId: c.caseId,
        CodeHash: c.codeHash,
        IssuedAt: c.issuedAt,
        IssuedBy: c.issuedBy,
        Origin: c.origin,
        RevokedAt: c.revokedAt ?? null,
        RevokedBy: c.revokedBy ?? null,
      });
    });
  }
  getAccessCode(reference: string): Promise<ResidentAccessCode | undefined> {
    return this.guard(async () => {
      const [r] = await this.collect('residentAccess', { filter: eq('Reference', reference), select: ['Reference', 'CaseId', 'CodeHash', 'IssuedAt', 'IssuedBy', 'Origin', 'RevokedAt', 'RevokedBy'], limit: 1 });
      if (!r) return undefined;
      const s = (v: unknown): string => (typeof v === 'string' ? v : '');
      const code: ResidentAccessCode = { reference: s(r.Reference), caseId: s(r.CaseId), codeHash: s(r.CodeHash), issuedAt: s(r.IssuedAt), issuedBy: s(r.IssuedBy), origin: s(r.Origin) };
      if (s(r.RevokedAt)) code.revokedAt = s(r.RevokedAt);
      if (s(r.RevokedBy)) code.revokedBy = s(r.RevokedBy);
      return code;
    });
  }

  getResidentState(key: string): Promise<string | undefined> {
    return this.guard(async () => {
      const [r] = await this.collect('residentState', { filter: eq('StateKey', key), select: ['Json'], limit: 1 });
      return r && typeof r.Json === 'string' ? r.Json : undefined;
    });
  }
  putResidentState(key: string, kind: string, jsonText: string): Promise<void> {
    return this.guard(async () => {
      const [row] = await this.collect('residentState', { filter: eq('StateKey', key), select: ['StateKey'], limit: 1 });
      await this.upsert('residentState', row?.Id, { Title: kind, StateKey: key, Kind: kind, Json: jsonText });
    });
  }
  listResidentState(kind: string): Promise<{ key: string; json: string }[]> {
    return this.guard(async () =>
      (await this.collect('residentState', { filter: eq('Kind', kind), select: ['StateKey', 'Json'] }))
        .map((r) => ({ key: String(r.StateKey), json: String(r.Json) }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
  }

  // ---- the port: leases of scheduled jobs ----------------------------------------------------------------

  /** Takes a free or expired lease (no renewal), with optimistic concurrency: unique name on insert, If-Match on take-over. */
  acquireLease(name: string, holder: string, ttlMs: number, now: Date = this.clock.now()): Promise<boolean> {
    return this.guard(async () => {
      const at = now.toISOString();
      const fields = { Title: name, LeaseName: name, Holder: holder, AcquiredAt: at, ExpiresAt: new Date(now.getTime() + ttlMs).toISOString() };
      const [row] = await this.collect('leases', { filter: eq('LeaseName', name), select: ['LeaseName', 'Holder', 'ExpiresAt'], limit: 1 });
      try {
        if (!row) await this.items('leases').add(fields);
        else if (str(row.ExpiresAt) <= at) await this.items('leases').getById(row.Id).update(fields, etagOf(row));
        else return false;
        return true;
      } catch (e) {
        const status = httpStatus(e);
        if (status === 412 || status === 409) return false; // another instance was first
        throw e;
      }
    });
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return this.guard(async () => {
      const [row] = await this.collect('leases', { filter: eq('LeaseName', name), select: ['LeaseName', 'Holder'], limit: 1 });
      if (row && row.Holder === holder) await this.items('leases').getById(row.Id).delete(etagOf(row));
    });
  }

  // ---- signaaltafel sessions (MeetingStore) -----------------------------------------------------------------

  private async meetingRow(filter: string): Promise<SpItem | undefined> {
    const [row] = await this.collect('meetings', { filter, select: ['MeetingId', 'Version', 'Json'], limit: 1 });
    return row;
  }

  getMeeting(id: string): Promise<MeetingSession | undefined> {
    return this.guard(async () => json<MeetingSession>((await this.meetingRow(eq('MeetingId', id)))?.Json));
  }
  findMeetingByTeamsId(teamsMeetingId: string): Promise<MeetingSession | undefined> {
    return this.guard(async () => json<MeetingSession>((await this.meetingRow(eq('TeamsMeetingId', teamsMeetingId)))?.Json));
  }
  listMeetings(query: { limit: number; offset: number }): Promise<MeetingSession[]> {
    return this.guard(async () =>
      (await this.collect('meetings', { select: ['MeetingId', 'Json'] }))
        .map((r) => json<MeetingSession>(r.Json)!)
        .sort((a, b) => (a.scheduledOn < b.scheduledOn ? 1 : a.scheduledOn > b.scheduledOn ? -1 : a.id.localeCompare(b.id)))
        .slice(query.offset, query.offset + query.limit),
    );
  }
  private meetingFields(m: MeetingSession): Record<string, unknown> {
    return { Title: m.title, MeetingId: m.id, TeamsMeetingId: m.teamsMeetingId, Version: m.version, MeetingStatus: m.status, ScheduledOn: m.scheduledOn, Json: JSON.stringify(m) };
  }
  insertMeeting(m: MeetingSession): Promise<void> {
    return this.guard(async () => {
      if (await this.meetingRow(`${eq('TeamsMeetingId', m.teamsMeetingId)} or ${eq('MeetingId', m.id)}`)) throw new DomainError('MEETING.ALREADY_EXISTS');
      try {
        await this.items('meetings').add(this.meetingFields(m));
      } catch (e) {
        if (httpStatus(e) === 409) throw new DomainError('MEETING.ALREADY_EXISTS'); // unique TeamsMeetingId
        throw e;
      }
    });
  }
  updateMeeting(m: MeetingSession, expectedVersion: number): Promise<void> {
    return this.guard(async () => {
      const row = await this.meetingRow(eq('MeetingId', m.id));
      if (!row || Number(row.Version) !== expectedVersion) throw new DomainError('MEETING.VERSION_CONFLICT');
      try {
        await this.items('meetings').getById(row.Id).update(this.meetingFields(m), etagOf(row));
      } catch (e) {
        if (httpStatus(e) === 412) throw new DomainError('MEETING.VERSION_CONFLICT');
        throw e;
      }
    });
  }

  // ---- reference data versions (ReferenceStore, issue 16): see reference-data.ts ----------------------------
  private readonly reference = sharePointReferenceStore({ items: (k) => this.items(k), collect: (k, q) => this.collect(k, q), guard: (fn) => this.guard(fn), transaction: (fn) => this.transaction(fn) });
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

  async close(): Promise<void> {
    await this.queue;
  }
}
