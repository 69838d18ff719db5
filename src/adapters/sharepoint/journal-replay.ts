/**
 * The write-ahead journal's items in SJVJournal (journal.ts encodes them, ADR 0007): written before a
 * transaction applies, deleted after (If-Match), and replayed by any instance after a crash — claimed with
 * If-Match, rolled forward idempotently if the case item carries the transaction, discarded if the commit
 * point was never reached. The commit point is the first case's SJVCases item, or for a reference data
 * version (reference-data.ts) its SJVReferenceData item.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/ports';
import type { CaseItems, CaseRefs, Incomplete } from './case-items';
import type { CasePermissions } from './case-permissions';
import type { JournalBody } from './journal';
import { decodeJournal, encodeJournal } from './journal';
import type { StoreLogger } from './logger';
import type { SpItem, SpLists } from './rest';
import { anyOf, chunk, eq, etagOf, lit, str } from './rest';
import { httpStatus, translate } from './sp-client';
import type { TxWriter } from './tx-apply';

/** A journal item this process wrote or claimed. */
export interface JournalHandle {
  itemId: number;
  etag: string;
}

/** The journal items of the site, as this instance writes, claims and replays them. */
export class JournalReplay {
  /** this instance, as the holder of the journal items it writes or claims. */
  private readonly instanceId = randomUUID();
  /** journal items this process left behind (its apply failed part-way): replayed first, without waiting. */
  readonly leftovers = new Map<number, JournalHandle>();
  /** when (process time) the journal list was last looked at; -Infinity: at the first transaction. */
  private lastJournalCheck = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly lists: SpLists,
    private readonly cases: CaseItems,
    private readonly writer: TxWriter,
    private readonly permissions: CasePermissions,
    private readonly clock: Clock,
    private readonly log: StoreLogger,
    /** how long a journal item belongs to the instance that wrote (or claimed) it (SharePointStoreOptions). */
    private readonly journalGraceMs: number,
    /** how often (at most) a transaction first looks for journal items to replay. */
    private readonly journalCheckMs: number,
  ) {}

  private claimUntil(): string {
    return new Date(this.clock.now().getTime() + this.journalGraceMs).toISOString();
  }

  async writeJournal(body: JournalBody): Promise<JournalHandle> {
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
  async deleteJournal(h: JournalHandle): Promise<void> {
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

  async sweepJournal(): Promise<void> {
    if (this.leftovers.size === 0 && performance.now() - this.lastJournalCheck < this.journalCheckMs) return;
    await this.recoverJournal();
  }

  /** Finishes the transaction `txId` if its journal item may be taken over. */
  async recoverTx(txId: string): Promise<'recovered' | 'absent' | 'busy'> {
    const [row] = await this.lists.collect('journal', { filter: eq('TxId', txId), select: ['TxId', 'ClaimedUntil'], limit: 1 });
    if (!row) return 'absent';
    const own = this.leftovers.get(row.Id);
    if (!own && str(row.ClaimedUntil) >= this.clock.now().toISOString()) return 'busy';
    this.leftovers.delete(row.Id);
    return (await this.replay(own ?? { itemId: row.Id, etag: etagOf(row) })) === 'busy' ? 'busy' : 'recovered';
  }

  /** Before a purge: replays (or discards) older journal items of these cases that may be taken over. */
  async settleJournals(caseIds: readonly string[]): Promise<void> {
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
    if (body.reference) {
      // a reference data version's transaction (transaction.ts, commitWithReference): its commit point is the
      // version item; one with this number but another TxId is another instance's version, not this one.
      const [added] = await this.lists.collect('referenceData', { filter: `Version eq ${body.reference.version}`, select: ['Version', 'TxId'], limit: 1 });
      if (!added || str(added.TxId) !== body.txId) {
        await this.deleteJournal(claimed);
        return 'discarded';
      }
    }
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
      // a later case of a multi-case transaction (a purge batch; a link, whose later case was fenced before the commit point): roll forward.
      if (atExpected) refs.set(c.caseId, await this.cases.commitCaseItem(c, current, body.txId));
      else this.log.warn('journal replay: case moved on; its part of the transaction is skipped', { txId: body.txId, caseId: c.caseId });
    }
    await this.writer.applyRest(body, refs, { journalled: true, replay: true });
    if (refs.size) {
      const organisations = await this.permissions.organisationMap();
      const loaded = await this.cases.load([...refs.keys()]);
      for (const { record, refs: r } of loaded.values()) await this.permissions.syncCase(record, r, organisations);
    }
    await this.deleteJournal(claimed);
    return 'replayed';
  }
}
