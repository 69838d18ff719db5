/**
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
 */
import { randomUUID } from 'node:crypto';
import type { AuditInput } from '../../core/audit';
import { DomainError } from '../../core/errors';
import type { CaseRecord } from '../../core/model';
import type { CommandRecord, StoreTx } from '../../core/ports';
import type { ReferenceVersion } from '../../core/reference-data';
import type { DeletionRecord } from '../../core/retention';
import type { CaseItems, CaseRefs, CaseWrite, Incomplete, Loaded } from './case-items';
import type { CaseQueries } from './case-queries';
import type { CommandList } from './commands';
import type { CounterList } from './counters';
import type { JournalBody } from './journal';
import type { JournalReplay } from './journal-replay';
import type { StoreLogger } from './logger';
import type { SpItem, SpLists } from './rest';
import { eq, etagOf, guard, str } from './rest';
import { httpStatus } from './sp-client';
import type { TxWriter } from './tx-apply';

/** A transaction's buffered writes. */
interface Buffered {
  writes: Map<string, CaseWrite>;
  loaded: Map<string, Loaded>;
  forgotten: Set<string>;
  commands: CommandRecord[];
  audit: AuditInput[];
  deletions: DeletionRecord[];
}

/** The store's transactions: buffered, then applied through the journal; one at a time within a process. */
export class Transactions {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly lists: SpLists,
    private readonly cases: CaseItems,
    private readonly queries: CaseQueries,
    private readonly commands: CommandList,
    private readonly counters: CounterList,
    private readonly writer: TxWriter,
    private readonly journal: JournalReplay,
    private readonly log: StoreLogger,
  ) {}

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.queue.then(fn, fn);
    this.queue = p.catch(() => undefined);
    return p;
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      await this.journal.sweepJournal();
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
          // a case this transaction read at another version is refused now, before anything is written — as
          // the embedded store does — not at the commit of its case item, after an earlier case of the
          // transaction was committed (a link writes two cases: ADR 0018). A case not read is checked at commit
          // (no extra requests for the retention's batch).
          const read = loaded.get(record.id);
          if (read && read.record.version !== expectedVersion) throw new DomainError('CASE.VERSION_CONFLICT');
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
        // committed cases only: the transaction's own writes are buffered until it ends (see StoreTx.listCases)
        listCases: (query) => this.queries.listCases(query),
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
      const outcome = attempt === 0 ? await this.journal.recoverTx(txId) : 'busy';
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
      await this.writer.applyRest(body, new Map(), { journalled: false, replay: false });
      return;
    }
    // a purge must not leave the case's identity behind in an older journal item: settle those first.
    if (body.deletions.length) await this.journal.settleJournals(body.deletions.map((d) => d.caseId));
    const journal = await this.journal.writeJournal(body);
    this.journal.leftovers.set(journal.itemId, journal);
    let fenced: Map<string, CaseRefs>;
    try {
      fenced = await this.fenceLaterCases(cases.slice(1), b.loaded);
    } catch (e) {
      // nothing was committed: the transaction did not happen.
      await this.journal.deleteJournal(journal);
      this.journal.leftovers.delete(journal.itemId);
      throw e;
    }
    const refs = new Map<string, CaseRefs>();
    for (const [i, c] of cases.entries()) {
      try {
        refs.set(c.caseId, await this.cases.commitCaseItem(c, fenced.get(c.caseId) ?? b.loaded.get(c.caseId)?.refs, body.txId));
      } catch (e) {
        if (i === 0) {
          // the commit point was not reached: the transaction did not happen.
          await this.journal.deleteJournal(journal);
          this.journal.leftovers.delete(journal.itemId);
        }
        throw e;
      }
    }
    await this.writer.applyRest(body, refs, { journalled: true, replay: false });
    await this.writer.syncWritten(body, refs);
    await this.journal.deleteJournal(journal);
    this.journal.leftovers.delete(journal.itemId);
  }

  /**
   * A reference data version with its command record and audit rows (reference-data.ts, ADR 0017), as one
   * journalled transaction whose commit point is the version's SJVReferenceData item: the journal item
   * first (holding the version, the command record and the audit entries), then `commit(txId)` adds the
   * version item carrying TxId, then the command record and audit rows, then the journal item goes.
   * `commit` refusing the version (REFERENCE.VERSION_CONFLICT: 409, the number is taken) means nothing happened: the
   * journal item is deleted. Any other failure, of `commit` (the add may have landed without its answer)
   * or after it, leaves the journal item to this process's next transaction, or to any instance after the
   * grace: the replay rolls the rest forward if the version item carries TxId, else discards it — both
   * or neither, never a version without its audit row nor an audit row of a version that is not there.
   */
  commitWithReference(reference: ReferenceVersion, commands: readonly CommandRecord[], audit: readonly AuditInput[], commit: (txId: string) => Promise<void>): Promise<void> {
    return this.exclusive(async () => {
      await this.journal.sweepJournal();
      const body: JournalBody = { v: 1, txId: randomUUID(), cases: [], forgotten: [], commands: structuredClone([...commands]), audit: structuredClone([...audit]), deletions: [], reference };
      const journal = await guard(() => this.journal.writeJournal(body));
      this.journal.leftovers.set(journal.itemId, journal);
      try {
        await commit(body.txId);
      } catch (e) {
        if (e instanceof DomainError && e.code === 'REFERENCE.VERSION_CONFLICT') {
          // refused (the number is taken), nothing written: the transaction did not happen.
          await guard(() => this.journal.deleteJournal(journal));
          this.journal.leftovers.delete(journal.itemId);
        }
        throw e;
      }
      await guard(() => this.writer.applyRest(body, new Map(), { journalled: true, replay: false }));
      await guard(() => this.journal.deleteJournal(journal));
      this.journal.leftovers.delete(journal.itemId);
    });
  }

  /**
   * The later cases of a transaction that writes several cases it read (a link writes two: ADR 0018) are
   * fenced before the commit point: a no-op MERGE of each case item with If-Match on the etag read. A
   * concurrent writer that changed one of them since is found now (412 → CASE.VERSION_CONFLICT), before the
   * first case is committed; one that read before the fence fails its own If-Match afterwards. Returns each
   * fenced case's references with its new etag. Cases the transaction did not read (the retention's batch)
   * are not fenced: their commit checks the version as before.
   */
  private async fenceLaterCases(later: readonly { caseId: string; expectedVersion: number | null }[], loaded: Map<string, Loaded>): Promise<Map<string, CaseRefs>> {
    const out = new Map<string, CaseRefs>();
    for (const c of later) {
      const read = loaded.get(c.caseId)?.refs;
      if (c.expectedVersion === null || !read) continue;
      const item = this.lists.items('cases').getById(read.casesItemId);
      try {
        await item.update({ TxId: read.txId || null }, read.etag);
      } catch (e) {
        if (httpStatus(e) === 412) throw new DomainError('CASE.VERSION_CONFLICT');
        throw e;
      }
      const now = (await item.select('Id', 'Version', 'TxId')()) as SpItem;
      if (Number(now.Version) !== c.expectedVersion) throw new DomainError('CASE.VERSION_CONFLICT');
      out.set(c.caseId, { ...read, etag: etagOf(now) });
    }
    return out;
  }

  /** Resolves once the transactions begun so far have finished. */
  async close(): Promise<void> {
    await this.queue;
  }
}
