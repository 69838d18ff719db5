/**
 * Which proactive messages a case calls for, derived from the case as it is (not from events held in
 * memory): the identity request once the table decided "reasonable suspicion", an enrichment request per
 * delegate of each asked organisation, the outcome when the case closes, and the status at process level to
 * the delegates of every party of the case discussion (the involved and the lead partner) at each phase
 * from Opvolging on, closure included (issue 16, feature row 9). The notifier follows the audit
 * log (a cursor over its sequence numbers) to find the cases that changed, and queues each message under
 * a key that makes it unique: several instances scanning the same rows queue nothing twice.
 */
import { randomUUID } from 'node:crypto';
import type { CaseRecord, Phase, User } from '../../../src/core/model';
import type { NewOutboxMessage } from '../../../src/core/ports';
import { delegatesOf } from '../../../src/core/views';
import { loadRecord } from '../routes/common';
import type { BotDeps } from '../types';

export const NOTIFIER_CURSOR = 'bot-notifier';
/** The status at process level to the parties of a case (payload: the phase it reports). */
export const STATUS_UPDATE_KIND = 'statusUpdate';
/** The phases whose start the parties hear of: after the case discussion that made them parties. */
const STATUS_PHASES: ReadonlySet<Phase> = new Set<Phase>(['OPVOLGING', 'REFLECTIE', 'CLOSED']);
/** Audit actions after which a case may call for a message: phase transitions and identity shared for enrichment. */
const TRIGGERS = new Set(['transition', 'export']);

export function desiredMessages(record: CaseRecord, users: readonly User[], now: string, newId: () => string = randomUUID): NewOutboxMessage[] {
  const f = record.frame;
  const base = { caseId: record.id, reference: f.reference, createdAt: now };
  const out: NewOutboxMessage[] = [];
  if (f.decisions.some((d) => d.kind === 'SUSPICION' && d.outcome === 'YES')) {
    out.push({ ...base, id: newId(), dedupeKey: `identityRequest:${record.id}`, kind: 'identityRequest', recipientUserId: f.inbrengerUserId, payload: {} });
  }
  for (const request of record.enrichment.requests) {
    if (request.status !== 'open') continue;
    for (const user of delegatesOf(users, request.organisationId)) {
      out.push({
        ...base,
        id: newId(),
        dedupeKey: `enrichmentRequest:${record.id}:${request.organisationId}:${user.id}`,
        kind: 'enrichmentRequest',
        recipientUserId: user.id,
        payload: { organisationId: request.organisationId },
      });
    }
  }
  if (f.phase === 'CLOSED' && f.closedAt) {
    out.push({ ...base, id: newId(), dedupeKey: `outcome:${record.id}`, kind: 'outcome', recipientUserId: f.inbrengerUserId, payload: {} });
  }
  if (STATUS_PHASES.has(f.phase) && record.discussion) {
    const parties = [...new Set([...record.discussion.parties, ...(record.discussion.leadOrganisationId ? [record.discussion.leadOrganisationId] : [])])];
    for (const organisationId of parties) {
      for (const user of delegatesOf(users, organisationId)) {
        // the inbrenger hears the closure through the outcome, not twice
        if (f.phase === 'CLOSED' && user.id === f.inbrengerUserId) continue;
        out.push({ ...base, id: newId(), dedupeKey: `${STATUS_UPDATE_KIND}:${record.id}:${f.phase}:${user.id}`, kind: STATUS_UPDATE_KIND, recipientUserId: user.id, payload: { phase: f.phase } });
      }
    }
  }
  return out;
}

/** Reads the audit log from the cursor on and queues what the changed cases call for. */
export async function scanForMessages(deps: BotDeps, batchSize = 500, stopping: () => boolean = () => false): Promise<{ scanned: number; queued: number }> {
  let scanned = 0;
  let queued = 0;
  for (;;) {
    if (stopping()) break;
    const from = await deps.botStore.getCursor(NOTIFIER_CURSOR);
    const rows = await deps.store.readAudit({ afterSeq: from, limit: batchSize });
    if (rows.length === 0) break;
    const caseIds = [...new Set(rows.filter((r) => r.caseId && TRIGGERS.has(r.action)).map((r) => r.caseId!))];
    if (caseIds.length > 0) {
      const users = await deps.store.listUsers();
      const now = deps.clock.now().toISOString();
      const messages: NewOutboxMessage[] = [];
      for (const id of caseIds) {
        const record = await loadRecord(deps, id);
        if (record) messages.push(...desiredMessages(record, users, now, deps.newId));
      }
      if (messages.length) queued += await deps.botStore.enqueueOutbox(messages);
    }
    scanned += rows.length;
    // Another instance may have moved the cursor meanwhile: then its scan covered these rows too.
    await deps.botStore.advanceCursor(NOTIFIER_CURSOR, from, rows[rows.length - 1]!.seq);
    if (rows.length < batchSize) break;
  }
  return { scanned, queued };
}
