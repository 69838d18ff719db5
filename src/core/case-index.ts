/** The columns every store indexes, derived from a case record in one place for all adapters. */
import { isPastDay } from '../../packages/contract/src/days';
import { addToDay, dayOf } from './calendar';
import type { CaseRecord } from './model';
import type { CaseIndex } from './ports';
import { ACTIVE_PHASES } from './model';

export function informingDueOn(record: CaseRecord, deadlineMonths: number): string | null {
  const f = record.frame;
  if (!f.identityCapturedAt || f.informedOn || !ACTIVE_PHASES.includes(f.phase)) return null;
  if (f.informingDeferral) return f.informingDeferral.until;
  return addToDay(dayOf(f.identityCapturedAt), { months: deadlineMonths });
}

export function enrichmentDueOn(record: CaseRecord): string | null {
  const open = record.enrichment.requests.filter((r) => r.status === 'open').map((r) => r.dueOn);
  return open.length ? open.sort()[0]! : null;
}

/** Which deadlines of a case have passed: the informing deadline, and an open enrichment request's due date. */
export interface OverdueFlags {
  informing: boolean;
  enrichment: boolean;
}

/** The one rule for "overdue" (the contract's isPastDay, which the web part uses too): a deadline's day lies before the calendar day of `now`. */
export function isPast(dueOn: string, now: Date | string): boolean {
  return isPastDay(dueOn, dayOf(now));
}

/**
 * Which deadlines of a case have passed, shown wherever a case is listed: the API list (and so the web
 * part) and the agenda of the meeting tab.
 */
export function overdueFlags(record: CaseRecord, deadlineMonths: number, now: string): OverdueFlags {
  const informDue = informingDueOn(record, deadlineMonths);
  const enrichDue = enrichmentDueOn(record);
  return { informing: informDue !== null && isPast(informDue, now), enrichment: enrichDue !== null && isPast(enrichDue, now) };
}

export function caseIndex(record: CaseRecord, informingDeadlineMonths: number): CaseIndex {
  const f = record.frame;
  const relations: CaseIndex['relations'] = [];
  for (const r of record.enrichment.requests) relations.push({ organisationId: r.organisationId, relation: 'asked' });
  for (const p of record.discussion?.parties ?? []) relations.push({ organisationId: p, relation: 'party' });
  return {
    id: record.id,
    reference: f.reference,
    phase: f.phase,
    status: ACTIVE_PHASES.includes(f.phase) ? 'open' : 'closed',
    inbrengerOrganisationId: f.inbrengerOrganisationId,
    inbrengerUserId: f.inbrengerUserId,
    createdAt: f.createdAt,
    phaseSince: f.phaseSince,
    informingDueOn: informingDueOn(record, informingDeadlineMonths),
    enrichmentDueOn: enrichmentDueOn(record),
    retentionUntil: f.retentionUntil ?? null,
    relations,
  };
}
