/**
 * The audit on SharePoint: hash-chained rows in SJVAudit (unique Seq; TxKey = transaction:entry for a
 * journalled transaction, so that a replay writes no row twice), read in Seq order, and the audit's
 * checkpoints in SJVAuditCheckpoints (ADR 0009).
 */
import { chainRows } from '../../core/audit';
import type { AuditInput, AuditRow } from '../../core/audit';
import type { DataGroup, Phase } from '../../core/model';
import type { AuditCheckpointLog, AuditQuery } from '../../core/ports';
import type { SpItem, SpLists } from './rest';
import { anyOf, chunk, eq, guard, json, str } from './rest';
import { httpStatus } from './sp-client';

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

/** The audit rows and checkpoints of the site. */
export class AuditList {
  constructor(private readonly lists: SpLists) {}

  /**
   * The audit's checkpoints (ADR 0009): the list SJVAuditCheckpoints, apart from SJVAudit, where only the
   * privacy officer's group (and this server app, which can technically write every list) may add items.
   */
  readonly auditCheckpoints: AuditCheckpointLog = {
    append: (c) =>
      guard(async () => {
        await this.lists.items('auditCheckpoints').add({ Seq: c.seq, Hash: c.hash, At: c.at, Reason: c.reason });
      }),
    latest: () =>
      guard(async () => {
        const [last] = await this.lists.collect('auditCheckpoints', { select: ['Seq', 'Hash', 'At', 'Reason'], orderBy: ['Seq', false], limit: 1 });
        return last ? { seq: Number(last.Seq), hash: str(last.Hash), at: str(last.At), reason: last.Reason === 'daily' ? ('daily' as const) : ('verification' as const) } : undefined;
      }),
  };

  async lastAudit(): Promise<{ seq: number; hash: string } | undefined> {
    const [last] = await this.lists.collect('audit', { select: ['Seq', 'Hash'], orderBy: ['Seq', false], limit: 1 });
    return last ? { seq: Number(last.Seq), hash: str(last.Hash) } : undefined;
  }

  /**
   * Appends chained rows after the last stored row. If another writer took a sequence number (unique Seq:
   * 409), the rest is re-chained after the new last row; a row whose request failed but landed anyway (a
   * retried request) is recognised by its TxKey and not written twice.
   */
  async writeAudit(entries: readonly AuditInput[], keys: readonly (string | null)[]): Promise<void> {
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
  async auditByKey(keys: readonly string[]): Promise<Map<string, AuditRow>> {
    const out = new Map<string, AuditRow>();
    for (const part of chunk(keys, 20)) {
      for (const r of await this.lists.collect('audit', { filter: anyOf('TxKey', part), select: [...AUDIT_COLUMNS, 'TxKey'] })) out.set(str(r.TxKey), auditRowOf(r));
    }
    return out;
  }

  private async addAuditRow(r: AuditRow, key: string | null): Promise<void> {
    await this.lists.items('audit').add({
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

  /** The store's change counter: the sequence number of the last audit row (every change writes one). One call. */
  lastAuditSeq(): Promise<number> {
    return guard(async () => (await this.lastAudit())?.seq ?? 0);
  }

  readAudit(query: AuditQuery): Promise<AuditRow[]> {
    return guard(async () => {
      const after = `Seq gt ${Math.max(0, Math.floor(query.afterSeq ?? 0))}`;
      const rows = await this.lists.collect('audit', {
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
}
