/**
 * The reminders job: finds the deadlines that need someone to act (src/core/deadlines.ts) and queues the
 * bot's reminders in the store's outbox, from where the bot's outbox worker (any instance) sends them:
 * - the inbrenger, to inform the resident: once when the deadline comes within the lead time, once when it
 *   has passed (each with the card to record informing or a deferral);
 * - every procesregisseur, when a resident was not informed in time (issue 7: "reported to the
 *   procesregisseur by the bot");
 * - every delegate of an asked partner whose enrichment answer is due within the lead time;
 * - every delegate of the lead partner, for a follow-up action still planned or running when its planned day
 *   comes within the lead time, and once when it has passed (the card lets them update the status).
 * Each message has a key that makes it unique (case, deadline day, stage, recipient), so running the job
 * every hour, on several instances, or by hand queues each reminder once; a new deferral date is a new
 * deadline and is reminded again. The bot builds each card when it sends it, from the case as it is then,
 * and drops a reminder that is no longer needed (informed meanwhile, request answered).
 * Messages hold ids, codes, dates and organisation names — never the resident's name or date of birth.
 */
import { randomUUID } from 'node:crypto';
import type { ActionDeadline, DueDeadlines } from '../core/deadlines';
import type { Organisation, User } from '../core/model';
import type { NewOutboxMessage } from '../core/ports';
import { delegatesOf } from '../core/views';

/** The proactive message kinds this job queues; the bot's route table maps each to its card. */
export const REMINDER_KINDS = {
  /** to the inbrenger: inform the resident (payload: dueOn, overdue). */
  informing: 'informingReminder',
  /** to each procesregisseur: a resident was not informed in time (payload: dueOn, inbrengerOrganisation). */
  informingOverdue: 'informingOverdue',
  /** to each delegate of an asked partner: the enrichment answer is due soon (payload: dueOn, organisationId). */
  enrichment: 'enrichmentReminder',
  /** to each delegate of the lead partner: a follow-up action is due soon or overdue (payload: actionId, dueOn, overdue, organisation: the name of who carries it out). */
  action: 'actionReminder',
} as const;

export interface ReminderRecipients {
  users: readonly User[];
  organisations: readonly Organisation[];
}

/** The reminders the deadlines call for, each under its unique key. */
export function reminderMessages(due: DueDeadlines, who: ReminderRecipients, now: string, newId: () => string = randomUUID): NewOutboxMessage[] {
  const orgName = new Map(who.organisations.map((o) => [o.id, o.name]));
  const coordinators = who.users.filter((u) => u.roles.includes('procesregisseur'));
  const out: NewOutboxMessage[] = [];
  for (const d of due.informing) {
    const base = { caseId: d.caseId, reference: d.reference, createdAt: now };
    const stage = d.overdue ? 'overdue' : 'soon';
    out.push({
      ...base,
      id: newId(),
      dedupeKey: `${REMINDER_KINDS.informing}:${d.caseId}:${d.dueOn}:${stage}`,
      kind: REMINDER_KINDS.informing,
      recipientUserId: d.inbrengerUserId,
      payload: { dueOn: d.dueOn, overdue: d.overdue },
    });
    if (!d.overdue) continue;
    for (const c of coordinators) {
      out.push({
        ...base,
        id: newId(),
        dedupeKey: `${REMINDER_KINDS.informingOverdue}:${d.caseId}:${d.dueOn}:${c.id}`,
        kind: REMINDER_KINDS.informingOverdue,
        recipientUserId: c.id,
        payload: { dueOn: d.dueOn, inbrengerOrganisation: orgName.get(d.inbrengerOrganisationId) ?? d.inbrengerOrganisationId },
      });
    }
  }
  for (const d of due.enrichment) {
    // After the due date the enrichment-expiry job closes the request: no reminder for an expired one.
    if (d.overdue) continue;
    for (const u of delegatesOf(who.users, d.organisationId)) {
      out.push({
        id: newId(),
        caseId: d.caseId,
        reference: d.reference,
        createdAt: now,
        dedupeKey: `${REMINDER_KINDS.enrichment}:${d.caseId}:${d.organisationId}:${d.dueOn}:${u.id}`,
        kind: REMINDER_KINDS.enrichment,
        recipientUserId: u.id,
        payload: { dueOn: d.dueOn, organisationId: d.organisationId },
      });
    }
  }
  return out;
}

/** The reminders of follow-up actions due, to the lead partner's delegates, each under its unique key. */
export function actionReminderMessages(due: readonly ActionDeadline[], who: ReminderRecipients, now: string, newId: () => string = randomUUID): NewOutboxMessage[] {
  const orgName = new Map(who.organisations.map((o) => [o.id, o.name]));
  const out: NewOutboxMessage[] = [];
  for (const d of due) {
    const stage = d.overdue ? 'overdue' : 'soon';
    for (const u of delegatesOf(who.users, d.leadOrganisationId)) {
      out.push({
        id: newId(),
        caseId: d.caseId,
        reference: d.reference,
        createdAt: now,
        dedupeKey: `${REMINDER_KINDS.action}:${d.caseId}:${d.actionId}:${d.dueOn}:${stage}:${u.id}`,
        kind: REMINDER_KINDS.action,
        recipientUserId: u.id,
        payload: { actionId: d.actionId, dueOn: d.dueOn, overdue: d.overdue, organisation: orgName.get(d.organisationId) ?? d.organisationId },
      });
    }
  }
  return out;
}
