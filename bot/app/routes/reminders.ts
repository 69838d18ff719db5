/**
 * The reminders the reminders job queues (src/jobs/reminders.ts), built when they are sent from the case
 * as it is then; a reminder that is no longer needed is dropped (the outbox cancels it):
 * - to the inbrenger: inform the resident — the informing card with a reminder line, so that informing or
 *   a deferral is recorded right from the reminder;
 * - to the procesregisseur: a resident was not informed in time (reference, deadline and the inbrenger's
 *   organisation, at process level).
 * The deadline is recomputed with the same rule as the case list (informingDueOn); a reminder queued for
 * another day than the current deadline (a deferral was recorded since) is dropped, the job queues a new one.
 */
import { informingDueOn, isPast } from '../../../src/core/case-index';
import { formatDate, t } from '../i18n';
import type { ProactiveBuilder, ProactiveContext } from './common';
import { noticeCard, processView } from './common';
import { informingCard } from './identity';

/** The current informing deadline of the case, if it still matches the one the reminder was queued for. */
function currentDeadline({ record, payload, deps }: ProactiveContext): { dueOn: string; overdue: boolean } | { obsolete: string } {
  const dueOn = informingDueOn(record, deps.service.config.informingDeadlineMonths);
  if (dueOn === null) return { obsolete: 'INFORMING_NOT_DUE' };
  if (dueOn !== payload.dueOn) return { obsolete: 'DEADLINE_MOVED' };
  return { dueOn, overdue: isPast(dueOn, deps.clock.now()) };
}

export const buildInformingReminder: ProactiveBuilder = (ctx) => {
  const { record, recipient, locale, messageId, deps } = ctx;
  if (record.frame.inbrengerUserId !== recipient.user.id || !processView(deps, recipient, record)?.frame) return { obsolete: 'NOT_THE_INBRENGER' };
  const deadline = currentDeadline(ctx);
  if ('obsolete' in deadline) return deadline;
  const lead = t(locale, deadline.overdue ? 'reminder.informingOverdue' : 'reminder.informingSoon', { reference: record.frame.reference, date: formatDate(locale, deadline.dueOn) });
  return { card: informingCard(locale, { cardId: messageId, caseId: record.id, lead }) };
};

export const buildInformingOverdue: ProactiveBuilder = (ctx) => {
  const { record, recipient, locale, payload, deps } = ctx;
  if (!recipient.user.roles.includes('procesregisseur') || !processView(deps, recipient, record)?.frame) return { obsolete: 'NOT_PROCESREGISSEUR' };
  const deadline = currentDeadline(ctx);
  if ('obsolete' in deadline) return deadline;
  if (!deadline.overdue) return { obsolete: 'NOT_OVERDUE' };
  const organisation = typeof payload.inbrengerOrganisation === 'string' ? payload.inbrengerOrganisation : record.frame.inbrengerOrganisationId;
  const reference = record.frame.reference;
  return {
    card: noticeCard(locale, {
      title: t(locale, 'reminder.overdueTitle'),
      lines: [t(locale, 'reminder.overdueBody', { reference, date: formatDate(locale, deadline.dueOn) }), ...(record.frame.informingDeferral ? [t(locale, 'reminder.overdueDeferred')] : [])],
      facts: [
        { title: t(locale, 'reminder.factReference'), value: reference },
        { title: t(locale, 'reminder.factDueOn'), value: formatDate(locale, deadline.dueOn) },
        { title: t(locale, 'reminder.factInbrenger'), value: organisation },
      ],
    }),
  };
};

/**
 * To the procesregisseur: a young person asked for the full access export or objected on their status
 * page (resident/, issue 19); queued by the resident server. Kenmerk, kind and the one-month deadline only.
 */
export const buildResidentRequest: ProactiveBuilder = (ctx) => {
  const { record, recipient, locale, payload, deps } = ctx;
  if (!recipient.user.roles.includes('procesregisseur') || !processView(deps, recipient, record)?.frame) return { obsolete: 'NOT_PROCESREGISSEUR' };
  if (typeof payload.dueOn !== 'string' || (payload.requestKind !== 'access' && payload.requestKind !== 'objection')) return { obsolete: 'NOT_A_REQUEST' };
  const reference = record.frame.reference;
  const kind = t(locale, payload.requestKind === 'access' ? 'resident.kindAccess' : 'resident.kindObjection');
  return {
    card: noticeCard(locale, {
      title: t(locale, 'resident.requestTitle'),
      lines: [t(locale, 'resident.requestBody', { reference, kind, date: formatDate(locale, payload.dueOn) })],
      facts: [
        { title: t(locale, 'reminder.factReference'), value: reference },
        { title: t(locale, 'resident.factDueOn'), value: formatDate(locale, payload.dueOn) },
      ],
    }),
  };
};
