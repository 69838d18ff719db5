/**
 * The deadlines that need someone to act, found in one place for the reminders job (which queues the bot's
 * reminders), the API (`listInformingReminders`) and the dashboards:
 * - informing: the inbrenger informs the resident within `informingDeadlineMonths` after identity capture,
 *   or by the recorded deferral date (informingDueOn in case-index.ts decides the day);
 * - enrichment: an asked partner answers by the request's due date;
 * - actions (dueActions): a follow-up action still planned or running by its planned day, for the lead partner.
 * Process level only: case id, reference, organisations and the inbrenger's user id — no name, no date of
 * birth. A deadline is listed when it has passed or falls within `withinDays` of `asOf`.
 */
import { addToDay, dayOf, daysBetweenDays } from './calendar';
import { informingDueOn, isPast } from './case-index';
import type { Store } from './ports';

interface DeadlineBase {
  caseId: string;
  reference: string;
  /** the last day (yyyy-mm-dd). */
  dueOn: string;
  /** the day has passed. */
  overdue: boolean;
  /** days from `asOf` to the deadline (0: today; negative when overdue). */
  daysLeft: number;
}

export interface InformingDeadline extends DeadlineBase {
  /** the professional who brought the concern in and informs the resident. */
  inbrengerUserId: string;
  inbrengerOrganisationId: string;
  /** the day is a recorded deferral date rather than the deadline after identity capture. */
  deferred: boolean;
}

export interface EnrichmentDeadline extends DeadlineBase {
  /** the asked partner that has not answered yet. */
  organisationId: string;
}

export interface DueDeadlines {
  asOf: string;
  /** the last day included: `asOf` + `withinDays`. */
  horizon: string;
  /** most urgent first. */
  informing: InformingDeadline[];
  enrichment: EnrichmentDeadline[];
}

export interface DeadlineOptions {
  /** also list deadlines within this many days (0: only overdue and due today). */
  withinDays: number;
  informingDeadlineMonths: number;
  pageSize?: number;
}

const urgency = (a: DeadlineBase, b: DeadlineBase): number => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference);

/** Open cases with an informing or enrichment deadline that has passed or falls within the horizon. */
export async function dueDeadlines(store: Pick<Store, 'listCases'>, asOf: Date | string, opts: DeadlineOptions): Promise<DueDeadlines> {
  const today = typeof asOf === 'string' ? asOf.slice(0, 10) : dayOf(asOf);
  const horizon = addToDay(today, { days: opts.withinDays });
  // The store's filter is "a deadline before the given day": the day after the horizon includes the horizon.
  const before = addToDay(horizon, { days: 1 });
  const pageSize = opts.pageSize ?? 200;
  const timing = (dueOn: string) => ({ dueOn, overdue: isPast(dueOn, today), daysLeft: daysBetweenDays(today, dueOn) });
  const informing: InformingDeadline[] = [];
  const enrichment: EnrichmentDeadline[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await store.listCases({ status: 'open', overdueOn: before, limit: pageSize, offset });
    for (const record of items) {
      const f = record.frame;
      const informDue = informingDueOn(record, opts.informingDeadlineMonths);
      if (informDue !== null && informDue <= horizon) {
        informing.push({
          caseId: record.id,
          reference: f.reference,
          ...timing(informDue),
          inbrengerUserId: f.inbrengerUserId,
          inbrengerOrganisationId: f.inbrengerOrganisationId,
          deferred: f.informingDeferral !== undefined,
        });
      }
      for (const r of record.enrichment.requests) {
        if (r.status !== 'open' || r.dueOn > horizon) continue;
        enrichment.push({ caseId: record.id, reference: f.reference, ...timing(r.dueOn), organisationId: r.organisationId });
      }
    }
    if (items.length < pageSize) break;
  }
  return { asOf: today, horizon, informing: informing.sort(urgency), enrichment: enrichment.sort((a, b) => urgency(a, b) || a.organisationId.localeCompare(b.organisationId)) };
}

export interface ActionDeadline extends DeadlineBase {
  actionId: string;
  offerCode: string;
  /** the organisation that carries the action out. */
  organisationId: string;
  /** the lead partner, who keeps the actions' status (PROCESS.md, Opvolging). */
  leadOrganisationId: string;
}

const OPEN_ACTION_STATUSES: readonly string[] = ['planned', 'running'];

/**
 * Follow-up actions still planned or running whose planned day has passed or falls within `withinDays` of
 * `asOf`, in cases in Opvolging or Reflectie (where the lead partner may still update them); most urgent first.
 */
export async function dueActions(store: Pick<Store, 'listCases'>, asOf: Date | string, opts: { withinDays: number; pageSize?: number }): Promise<ActionDeadline[]> {
  const today = typeof asOf === 'string' ? asOf.slice(0, 10) : dayOf(asOf);
  const horizon = addToDay(today, { days: opts.withinDays });
  const pageSize = opts.pageSize ?? 200;
  const out: ActionDeadline[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const { items } = await store.listCases({ phases: ['OPVOLGING', 'REFLECTIE'], status: 'open', limit: pageSize, offset });
    for (const record of items) {
      const lead = record.discussion?.leadOrganisationId;
      if (!lead) continue;
      for (const a of record.followUp?.actions ?? []) {
        if (!OPEN_ACTION_STATUSES.includes(a.status) || a.dueOn > horizon) continue;
        out.push({ caseId: record.id, reference: record.frame.reference, dueOn: a.dueOn, overdue: isPast(a.dueOn, today), daysLeft: daysBetweenDays(today, a.dueOn), actionId: a.id, offerCode: a.offerCode, organisationId: a.organisationId, leadOrganisationId: lead });
      }
    }
    if (items.length < pageSize) break;
  }
  return out.sort((a, b) => urgency(a, b) || a.actionId.localeCompare(b.actionId));
}
