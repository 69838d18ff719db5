/**
 * The informing deadline: the resident is informed within `informingDeadlineMonths` after identity
 * capture, or by the recorded deferral date. This is the hook the bot calls to remind the inbrenger and
 * report to the procesregisseur: case ids and references with the inbrenger, at process level only (no
 * name, no date of birth).
 */
import { addDays, formatISO, parseISO } from 'date-fns';
import { informingDueOn } from '../core/case-index';
import type { Store } from '../core/ports';

export interface InformingReminder {
  caseId: string;
  reference: string;
  /** the professional who brought the concern in and informs the resident. */
  inbrengerUserId: string;
  inbrengerOrganisationId: string;
  /** the deadline: one month after identity capture, or the deferral date. */
  dueOn: string;
  deferred: boolean;
  overdue: boolean;
  /** days until the deadline (negative when overdue). */
  daysLeft: number;
}

export interface InformingReminderOptions {
  /** also report cases due within this many days (0: only overdue and due today). Default 7. */
  withinDays?: number;
  informingDeadlineMonths?: number;
  pageSize?: number;
}

const isoDay = (d: Date): string => formatISO(d, { representation: 'date' });

/**
 * Open cases whose resident has not been informed and whose informing deadline has passed or falls
 * within `withinDays` of `asOf`, most urgent first.
 */
export async function dueInformingReminders(store: Pick<Store, 'listCases'>, asOf: Date | string, opts: InformingReminderOptions = {}): Promise<InformingReminder[]> {
  const day = typeof asOf === 'string' ? asOf.slice(0, 10) : isoDay(asOf);
  const within = opts.withinDays ?? 7;
  const months = opts.informingDeadlineMonths ?? 1;
  const horizon = isoDay(addDays(parseISO(day), within));
  // The store's filter is "due before the given day"; the day after the horizon includes the horizon.
  const before = isoDay(addDays(parseISO(day), within + 1));
  const pageSize = opts.pageSize ?? 200;
  const out: InformingReminder[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await store.listCases({ status: 'open', overdueOn: before, limit: pageSize, offset });
    for (const record of items) {
      const dueOn = informingDueOn(record, months);
      if (dueOn === null || dueOn > horizon) continue;
      const daysLeft = Math.round((parseISO(dueOn).getTime() - parseISO(day).getTime()) / 86_400_000);
      out.push({
        caseId: record.id,
        reference: record.frame.reference,
        inbrengerUserId: record.frame.inbrengerUserId,
        inbrengerOrganisationId: record.frame.inbrengerOrganisationId,
        dueOn,
        deferred: record.frame.informingDeferral !== undefined,
        overdue: dueOn < day,
        daysLeft,
      });
    }
    if (items.length < pageSize) break;
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
}
