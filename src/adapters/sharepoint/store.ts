/**
 * The core's Store port on SharePoint lists (production). Lists and columns: schema.ts. Item permissions:
 * permissions.ts (derived from the policy table), made true by PermissionSync after every write.
 *
 * Transactions. SharePoint has none, so a transaction here buffers its writes until `fn` resolves and then
 * applies them in an order that makes the case item the commit point:
 *   1. each case: the SJVCases item first — an insert relies on the unique CaseId/Reference columns, an
 *      update sends If-Match with the etag read in the transaction, so a concurrent writer gets 412 →
 *      CASE.VERSION_CONFLICT before anything else was written; then its frame, persons, enrichment,
 *      discussion and relation items;
 *   2. the deletion of a purged case's command records, then new command (idempotency) records; 3. audit rows (hash-chained, unique Seq); 4. deletion records;
 *   5. item permissions — a failed sync resets the item to the list's locked-down permissions (no user
 *      access) and leaves the case on the reconcile backlog: never broader access, never open.
 * If `fn` throws, nothing is written (reference counters excepted: a gap in numbering is harmless).
 * Within one process transactions run one at a time. Every request goes through PnP behaviours, which
 * retry 429/503/504 honouring Retry-After; a request that still fails becomes STORE.UNAVAILABLE.
 *
 * Queries filter and sort only on indexed columns, page with $top ≤ 5,000 and follow odata.nextLink,
 * so that no query crosses the list view threshold.
 */
import type { IItems } from '@pnp/sp/items';
import type { SPFI } from '@pnp/sp';
import { chainRows } from '../../core/audit';
import type { AuditInput, AuditRow } from '../../core/audit';
import { caseIndex } from '../../core/case-index';
import { DomainError } from '../../core/errors';
import type { CaseRecord, DataGroup, Organisation, Phase, User } from '../../core/model';
import type { PolicyTable } from '../../core/policy';
import { POLICY } from '../../core/policy';
import type { MeetingSession, MeetingStore } from '../../core/meetings';
import type { AuditQuery, BotStore, CaseQuery, Clock, CommandRecord, Store, StoreTx } from '../../core/ports';
import { systemClock } from '../../core/ports';
import type { DeletionRecord } from '../../core/retention';
import { nextStep } from '../../core/service';
import { sharePointBotStore } from './bot-store';
import type { CaseItem } from './permissions';
import { desiredPermissions } from './permissions';
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
  framesItemId?: number;
  personsItemId?: number;
  enrichment: Map<string, number>;
  discussionItemId?: number;
  relations: { itemId: number; organisationId: string; relation: string }[];
}

interface Loaded {
  record: CaseRecord;
  refs: CaseRefs;
}

interface CaseWrite {
  record: CaseRecord;
  /** null: insert. */
  expectedVersion: number | null;
}

function hasReflection(r: CaseRecord): boolean {
  const h = r.reflection;
  return Boolean(h.closureReason || h.rationale || h.feedbackSentAt || h.retentionUntil || h.lettersSent.length > 0);
}

export class SharePointStore implements Store, MeetingStore, BotStore {
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

  constructor(opts: SharePointStoreOptions) {
    this.sp = connect(opts);
    this.months = opts.informingDeadlineMonths ?? 1;
    this.clock = opts.clock ?? systemClock;
    this.pageSize = Math.min(opts.pageSize ?? 500, MAX_PAGE);
    this.policy = opts.policy ?? POLICY;
    this.log = opts.log ?? stderrLogger;
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

  /** Loads whole records (with item references) for case ids, 20 ids per query. */
  private async load(caseIds: readonly string[]): Promise<Map<string, Loaded>> {
    const out = new Map<string, Loaded>();
    for (const ids of chunk([...new Set(caseIds)], 20)) {
      const filter = anyOf('CaseId', ids);
      const [cases, frames, persons, enrichment, discussion, relations] = await Promise.all([
        this.collect('cases', { filter, select: ['CaseId', 'Version', 'ConcernJson'] }),
        this.collect('frames', { filter, select: ['CaseId', 'FrameJson'] }),
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
        if (!frame) throw new DomainError('INTERNAL.ERROR', { reason: 'CASE_FRAME_MISSING' });
        const person = pe.get(id)?.[0];
        const disc = di.get(id)?.[0];
        const requests = [...(en.get(id) ?? [])].sort((a, b) => Number(a.Seq) - Number(b.Seq));
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
        out.set(id, {
          record,
          refs: {
            casesItemId: c.Id,
            etag: etagOf(c),
            version: record.version,
            framesItemId: frame.Id,
            ...(person ? { personsItemId: person.Id } : {}),
            enrichment: new Map(requests.map((r) => [str(r.OrganisationId), r.Id])),
            ...(disc ? { discussionItemId: disc.Id } : {}),
            relations: (re.get(id) ?? []).map((r) => ({ itemId: r.Id, organisationId: str(r.OrganisationId), relation: str(r.Relation) })),
          },
        });
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

  private async remove(key: ListKey, itemId: number | undefined): Promise<void> {
    if (itemId !== undefined) await this.items(key).getById(itemId).delete();
  }

  /** Writes one case: the SJVCases item first (the commit point), then its other items. Returns item ids. */
  private async writeCase(w: CaseWrite, cached: Loaded | undefined): Promise<CaseRefs> {
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
    };
    let refs: CaseRefs;
    if (w.expectedVersion === null) {
      const added = (await this.items('cases').add(caseFields)) as SpItem;
      refs = { casesItemId: added.Id, etag: etagOf(added), version: rec.version, enrichment: new Map(), relations: [] };
    } else {
      const current = cached ?? (await this.load([rec.id])).get(rec.id);
      if (!current) throw new DomainError('CASE.NOT_FOUND');
      if (current.refs.version !== w.expectedVersion) throw new DomainError('CASE.VERSION_CONFLICT');
      try {
        await this.items('cases').getById(current.refs.casesItemId).update(caseFields, current.refs.etag);
      } catch (e) {
        if (httpStatus(e) === 412) throw new DomainError('CASE.VERSION_CONFLICT');
        throw e;
      }
      refs = { ...current.refs, enrichment: new Map(current.refs.enrichment), relations: [...current.refs.relations] };
    }
    refs.framesItemId = await this.upsert('frames', refs.framesItemId, { Title: ix.reference, CaseId: rec.id, InbrengerUser: rec.frame.inbrengerUserId, FrameJson: JSON.stringify(rec.frame) });
    if (rec.identity || rec.contact) {
      refs.personsItemId = await this.upsert('persons', refs.personsItemId, {
        Title: ix.reference,
        CaseId: rec.id,
        IdentityJson: rec.identity ? JSON.stringify(rec.identity) : null,
        ContactJson: rec.contact ? JSON.stringify(rec.contact) : null,
      });
    } else if (refs.personsItemId !== undefined) {
      // destroyed (retention): the item goes, not only its values. Versioning is off on the list.
      await this.remove('persons', refs.personsItemId);
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
      await this.remove('discussion', refs.discussionItemId);
      delete refs.discussionItemId;
    }
    const wanted = ix.relations.map((r) => `${r.organisationId}|${r.relation}`);
    const kept: CaseRefs['relations'] = [];
    for (const r of refs.relations) {
      if (wanted.includes(`${r.organisationId}|${r.relation}`) && !kept.some((k) => k.organisationId === r.organisationId && k.relation === r.relation)) kept.push(r);
      else await this.remove('relations', r.itemId);
    }
    for (const r of ix.relations) {
      if (kept.some((k) => k.organisationId === r.organisationId && k.relation === r.relation)) continue;
      const id = await this.upsert('relations', undefined, { Title: `${ix.reference} ${r.relation}`, CaseId: rec.id, OrganisationId: r.organisationId, Relation: r.relation });
      kept.push({ itemId: id, organisationId: r.organisationId, relation: r.relation });
    }
    refs.relations = kept;
    return refs;
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
      for (const { item, readers } of desiredPermissions(record, organisations, now, this.policy)) {
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

  private async organisationMap(): Promise<Map<string, Organisation>> {
    return new Map((await this.listOrganisations()).map((o) => [o.id, o]));
  }

  // ---- the port: transactions ----------------------------------------------------------------------------

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      const loaded = new Map<string, Loaded>();
      const writes = new Map<string, CaseWrite>();
      const commands: CommandRecord[] = [];
      /** cases whose stored command records go (retention purge): applied after the commands are written. */
      const forgotten = new Set<string>();
      const audit: AuditInput[] = [];
      const deletions: DeletionRecord[] = [];
      const read = async (id: string): Promise<CaseRecord | undefined> => {
        const pending = writes.get(id);
        if (pending) return structuredClone(pending.record);
        if (!loaded.has(id)) {
          const got = (await this.load([id])).get(id);
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
      await this.guard(async () => {
        const written: { record: CaseRecord; refs: CaseRefs }[] = [];
        for (const w of writes.values()) written.push({ record: w.record, refs: await this.writeCase(w, loaded.get(w.record.id)) });
        // forgotten first: a record put after forgetCommands in this transaction is kept (it is in `commands`).
        for (const caseId of forgotten) await this.deleteCommands(caseId);
        for (const c of commands) {
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
        }
        if (audit.length) await this.writeAudit(audit);
        for (const d of deletions) await this.writeDeletion(d);
        if (written.length) {
          const organisations = await this.organisationMap();
          for (const { record, refs } of written) await this.syncCase(record, refs, organisations);
        }
      });
      return result;
    });
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

  /** Appends chained rows after the last stored row; if another writer took the sequence number, re-chains. */
  private async writeAudit(entries: AuditInput[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const rows = chainRows(await this.lastAudit(), entries);
      try {
        await this.addAuditRow(rows[0]!);
      } catch (e) {
        const status = httpStatus(e);
        if (attempt < 3 && status !== undefined && status >= 400 && status < 500 && status !== 429) continue;
        throw e;
      }
      for (const row of rows.slice(1)) await this.addAuditRow(row);
      return;
    }
  }

  private async addAuditRow(r: AuditRow): Promise<void> {
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
      RetentionUntil: d.retentionUntil,
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
      const rows = await this.collect('cases', {
        ...(where.length ? { filter: where.join(' and ') } : {}),
        select: ['CaseId', 'Phase', 'Status', 'InbrengerOrg', 'CreatedAt', 'InformingDue', 'EnrichmentDue'],
      });
      let visible = rows.filter((r) => {
        // the same conditions again on the returned columns: the query is the index, this is the rule.
        if (query.phases?.length && !query.phases.includes(str(r.Phase) as Phase)) return false;
        if (query.status && r.Status !== query.status) return false;
        if (query.organisationId && r.InbrengerOrg !== query.organisationId) return false;
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
        // Mirrors the policy table's row filter for partners; the core still applies the policy to every row.
        visible = visible.filter((r) => {
          const id = str(r.CaseId);
          const phase = str(r.Phase) as Phase;
          return (
            phase === 'INBRENG' ||
            (mine.has(id) && phase !== 'PURGED') ||
            (asked.has(id) && ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'].includes(phase)) ||
            (party.has(id) && ['BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'].includes(phase))
          );
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

  readAudit(query: AuditQuery): Promise<AuditRow[]> {
    return this.guard(async () => {
      const after = `Seq gt ${Math.max(0, Math.floor(query.afterSeq ?? 0))}`;
      const rows = await this.collect('audit', {
        filter: query.caseId ? `${eq('CaseId', query.caseId)} and ${after}` : after,
        select: ['Seq', 'At', 'ActorId', 'Role', 'CaseId', 'Reference', 'Phase', 'Action', 'Groups', 'Purpose', 'CommandId', 'PrevHash', 'Hash'],
        orderBy: ['Seq', true],
        limit: query.limit,
      });
      return rows.map((r) => ({
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
      }));
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
      const rows = await this.collect('deletions', { select: ['CaseId', 'Reference', 'At', 'Reason', 'ByWhom', 'Destroyed', 'RetentionUntil'] });
      return rows
        .map((r) => ({
          caseId: str(r.CaseId),
          reference: str(r.Reference),
          at: str(r.At),
          reason: str(r.Reason) as DeletionRecord['reason'],
          by: str(r.ByWhom),
          destroyed: json<string[]>(r.Destroyed) ?? [],
          retentionUntil: str(r.RetentionUntil),
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
