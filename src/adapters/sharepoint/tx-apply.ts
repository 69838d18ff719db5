/**
 * Applies a transaction's writes after its case items (steps 2–6 of the order in transaction.ts), for a
 * transaction and, idempotently, for the replay of its journal item (journal-replay.ts); then syncs the
 * written cases' item permissions (step 7).
 */
import { hashRow } from '../../core/audit';
import { DomainError } from '../../core/errors';
import type { AuditList } from './audit-store';
import type { CaseItems, CaseRefs } from './case-items';
import type { CasePermissions } from './case-permissions';
import type { CommandList } from './commands';
import type { DeletionList } from './deletions';
import type { JournalBody } from './journal';
import { auditKey } from './journal';
import type { StoreLogger } from './logger';

/** Writes the rest of a transaction (everything but its case items, which are its commit point). */
export class TxWriter {
  constructor(
    private readonly cases: CaseItems,
    private readonly commands: CommandList,
    private readonly audit: AuditList,
    private readonly deletions: DeletionList,
    private readonly permissions: CasePermissions,
    private readonly log: StoreLogger,
  ) {}

  /**
   * Everything after the case items (steps 2–6 in the header): idempotent when `replay` (records that are
   * already there are left as they are; an audit row that differs from the journal is a conflict).
   */
  async applyRest(body: JournalBody, refs: ReadonlyMap<string, CaseRefs>, opts: { journalled: boolean; replay: boolean }): Promise<void> {
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

  async syncWritten(body: JournalBody, refs: ReadonlyMap<string, CaseRefs>): Promise<void> {
    if (refs.size === 0) return;
    const organisations = await this.permissions.organisationMap();
    for (const c of body.cases) {
      const r = refs.get(c.caseId);
      if (r) await this.permissions.syncCase(c.record, r, organisations);
    }
  }
}
