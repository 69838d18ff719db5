/**
 * The words users read for the core's codes, in every UI language. The tables live in the API contract
 * (packages/contract/src/vocabulary.ts: plain data every client can read, the web part included); here they
 * are typed by the core's own Phase, Role and Decision, so that a phase or role added to the core without
 * its words fails the type check. ADR 0015.
 */
import type { Labels } from '../../packages/contract/src/vocabulary';
import * as contract from '../../packages/contract/src/vocabulary';
import type { Decision, FollowUpAction, Phase, Role } from './model';

export { LOCALES } from '../../packages/contract/src/vocabulary';
export type { Locale } from '../../packages/contract/src/vocabulary';

/** the contract's codes are exactly the core's: neither side has one the other lacks. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _phasesMatch: Same<contract.PhaseCode, Phase> = true;
const _rolesMatch: Same<contract.RoleCode, Role> = true;
const _decisionsMatch: Same<contract.DecisionKind, Decision['kind']> = true;
const _actionStatusesMatch: Same<contract.ActionStatus, FollowUpAction['status']> = true;
void [_phasesMatch, _rolesMatch, _decisionsMatch, _actionStatusesMatch];

/** A kenmerk as the core numbers cases: SJV-yyyy-nnnn (four digits or more) — the contract's pattern. */
export const WHOLE_REFERENCE = contract.WHOLE_REFERENCE;
export function formatReference(year: number, n: number): string {
  return `SJV-${year}-${String(n).padStart(4, '0')}`;
}
/** What the case list's search accepts: a part of a kenmerk (e.g. 0042) or a whole one; never identity. */
export const REFERENCE_SEARCH = contract.REFERENCE_SEARCH;

/** Each phase as users see it: the Dutch process words stay Dutch in nl-NL. */
export const PHASE_LABELS: Readonly<Record<Phase, Labels>> = contract.PHASE_LABELS;

/** The phase labels of one language, as a client's string table holds them. */
export function phaseLabels(locale: contract.Locale): Record<Phase, string> {
  return contract.labelsIn(PHASE_LABELS, locale);
}

/** A follow-up action's status as users read it: the contract's table (the web part reads it too). */
export const ACTION_STATUS_LABELS: Readonly<Record<FollowUpAction['status'], Labels>> = contract.ACTION_STATUS_LABELS;

/** Each role of the policy table (and the system) as users read it: in an audit trail, a document, a screen. */
export const ROLE_LABELS: Readonly<Record<Role | 'system', Labels>> = contract.ROLE_LABELS;

/** Each kind of decision as users read it. */
export const DECISION_LABELS: Readonly<Record<Decision['kind'], Labels>> = contract.DECISION_LABELS;
