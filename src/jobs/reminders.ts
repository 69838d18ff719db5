/**
 * Reminders (placeholder for their delivery): computes which informing deadlines and enrichment requests
 * are due within the lead time or overdue. Delivery (bot message, mail) belongs to the bot and letters
 * issues; this job only finds them and reports them at process level (reference, kind, date, organisation).
 */
import { addDays, formatISO } from 'date-fns';
import { informingDueOn } from '../core/case-index';
import type { Store } from '../core/ports';

export interface Reminder {
  kind: 'INFORMING_DEADLINE' | 'ENRICHMENT_DUE';
  caseId: string;
  reference: string;
  dueOn: string;
  overdue: boolean;
  /** the organisation to remind: the inbrenger's for informing, the asked partner's for enrichment. */
  organisationId: string;
}

export interface ReminderOptions {
  leadDays: number;
  informingDeadlineMonths: number;
  pageSize?: number;
}

export async function dueReminders(store: Pick<Store, 'listCases'>, asOf: Date, opts: ReminderOptions): Promise<{ asOf: string; horizon: string; reminders: Reminder[] }> {
  const today = formatISO(asOf, { representation: 'date' });
  const horizon = formatISO(addDays(asOf, opts.leadDays), { representation: 'date' });
  // The store's overdue filter is "due before the given day": the day after the horizon includes the horizon.
  const before = formatISO(addDays(asOf, opts.leadDays + 1), { representation: 'date' });
  const pageSize = opts.pageSize ?? 200;
  const reminders: Reminder[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await store.listCases({ status: 'open', overdueOn: before, limit: pageSize, offset });
    for (const record of items) {
      const informDue = informingDueOn(record, opts.informingDeadlineMonths);
      if (informDue !== null && informDue <= horizon) {
        reminders.push({
          kind: 'INFORMING_DEADLINE',
          caseId: record.id,
          reference: record.frame.reference,
          dueOn: informDue,
          overdue: informDue < today,
          organisationId: record.frame.inbrengerOrganisationId,
        });
      }
      for (const r of record.enrichment.requests) {
        if (r.status !== 'open' || r.dueOn > horizon) continue;
        reminders.push({ kind: 'ENRICHMENT_DUE', caseId: record.id, reference: record.frame.reference, dueOn: r.dueOn, overdue: r.dueOn < today, organisationId: r.organisationId });
      }
    }
    if (items.length < pageSize) break;
  }
  reminders.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference) || a.kind.localeCompare(b.kind));
  return { asOf: today, horizon, reminders };
}
