/**
 * The resident's projection of a case: what the young person sees on their own status page. Derived
 * from the policy table like every other view (the `resident` role, projection `resident`): the groups
 * the table grants are copied field by field (allow-list). Of A: the kenmerk, the phase and the dates of
 * the steps, the closure date, the latest retention date and the deletion date; of C only the retention
 * date computed from the date of birth. Never free text, signals, decisions, actors or the inbrenger's
 * organisation. After the purge: only the kenmerk and the deletion date.
 */
import type { CaseRecord, Phase } from './model';
import type { PolicyContext, PolicyTable } from './policy';
import { POLICY, effectiveAccess } from './policy';

export interface ResidentStep {
  phase: Phase;
  at: string;
}

export interface ResidentView {
  reference: string;
  phase: Phase;
  phaseSince?: string;
  /** the phases the case went through, in order, with the moment each began (INBRENG: the creation). */
  steps?: ResidentStep[];
  closedAt?: string;
  /** the latest day of the retention period (group A). */
  retentionAtLatest?: string;
  /** the resident's own retention date (group C: it may be computed from their date of birth). */
  retentionUntil?: string;
  /** the day the data was destroyed (the deletion record). */
  purgedAt?: string;
}

/** The resident has no organisation and is never asked for enrichment: no condition holds for them. */
const RESIDENT_CONTEXT: PolicyContext = { organisationId: '', enrichmentOpen: false, enrichmentAsked: false };

/**
 * The resident's view of their case, or undefined when the table gives the resident nothing in this
 * phase (Inbreng: the case is anonymous, there is no letter and no code yet).
 */
export function residentViewFor(record: CaseRecord, table: PolicyTable = POLICY): ResidentView | undefined {
  const f = record.frame;
  const phase = f.phase;
  const a = effectiveAccess(table, phase, 'A', ['resident'], RESIDENT_CONTEXT);
  if (!a || a.projection !== 'resident') return undefined;
  if (phase === 'PURGED') return stripUndefined({ reference: f.reference, phase, purgedAt: f.purgedAt });
  const c = effectiveAccess(table, phase, 'C', ['resident'], RESIDENT_CONTEXT);
  const steps: ResidentStep[] = [{ phase: 'INBRENG', at: f.createdAt }, ...f.transitions.map((t) => ({ phase: t.to, at: t.at }))];
  return stripUndefined({
    reference: f.reference,
    phase,
    phaseSince: f.phaseSince,
    steps,
    closedAt: f.closedAt,
    retentionAtLatest: f.retentionAtLatest,
    retentionUntil: c?.projection === 'resident' ? (f.retentionUntil ?? record.reflection.retentionUntil) : undefined,
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
