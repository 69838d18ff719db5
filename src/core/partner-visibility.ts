/**
 * Which cases a partner's list may hold, derived from the policy table: for each relation a partner can have
 * to a case — and that a store can index — the phases in which a cell of that relation's role gives any read.
 * Both stores filter a partner's list by this (SQL in sqlite, the list filter on SharePoint), so the filter is
 * the table's, not a copy of it; the core still applies the policy to every row it lists.
 */
import type { Phase, Role } from './model';
import { PHASES } from './model';
import type { Cell, PolicyTable } from './policy';
import { POLICY, policyRows } from './policy';

/**
 * - `member`: any member partner (the ketenpartner's unconditioned cells);
 * - `inbrenger`: the user who brought the concern in;
 * - `asked`: an organisation asked for enrichment (the ketenpartner's cells with an enrichment condition);
 * - `party`: an organisation among the parties of the discussion (involved and lead partner).
 */
type PartnerRelation = 'member' | 'inbrenger' | 'asked' | 'party';
export type PartnerVisibility = Readonly<Record<PartnerRelation, readonly Phase[]>>;

function relationOf(role: Role, cell: Cell): PartnerRelation | undefined {
  switch (role) {
    case 'ketenpartner':
      return cell.when ? 'asked' : 'member';
    case 'inbrenger':
      return 'inbrenger';
    case 'involvedPartner':
    case 'leadPartner':
      return 'party';
    default:
      return undefined; // the municipality's roles and the resident list no partner's cases
  }
}

/** Per relation, the phases (in process order) in which it gives a partner any read of a case. */
export function partnerVisibility(table: PolicyTable = POLICY): PartnerVisibility {
  const seen: Record<PartnerRelation, Set<Phase>> = { member: new Set(), inbrenger: new Set(), asked: new Set(), party: new Set() };
  for (const { phase, role, cell } of policyRows(table)) {
    const relation = relationOf(role, cell);
    if (relation) seen[relation].add(phase);
  }
  return { member: PHASES.filter((p) => seen.member.has(p)), inbrenger: PHASES.filter((p) => seen.inbrenger.has(p)), asked: PHASES.filter((p) => seen.asked.has(p)), party: PHASES.filter((p) => seen.party.has(p)) };
}
