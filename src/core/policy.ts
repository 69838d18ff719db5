/**
 * THE policy table: phase × data group × role → access. The one source of truth for who sees and writes
 * what. Views (views.ts), command authorisation (CaseService.run in service.ts, with the command table in
 * phases.ts; submitConcern, which has no case yet, is the one exception — see ADR 0001), SharePoint item
 * permissions and the privacy
 * documents (register, DPIA annex) are all derived from this table.
 *
 * A cell is absent (none), or an access level with an optional condition and projection:
 * - condition `enrichmentOpen`: only while the user's organisation has an open enrichment request;
 * - condition `enrichmentAsked`: only if the user's organisation was ever asked for enrichment;
 * - projection `ownAnswer`: only the enrichment rows of the user's own organisation;
 * - projection `statusOnly`: only status at process level (no outcomes, no resident's stance);
 * - projection `process`: the frame without who (as a person) brought the concern in;
 * - projection `resident`: what the resident's own status page shows (views.ts residentViewFor): of A the
 *   kenmerk, the phase and the dates of the steps, the closure and deletion dates and the latest retention
 *   date — never rationales, actors, decisions or the inbrenger's organisation; of C only the retention
 *   date computed from the date of birth (the resident is the data subject: their own birthday-derived
 *   date is theirs to see) — never the name or the date of birth itself.
 */
import type { CaseRecord, DataGroup, Phase, Role } from './model';
import { DATA_GROUPS, PHASES, ROLES } from './model';

export type Access = 'read' | 'write';
export type Condition = 'enrichmentOpen' | 'enrichmentAsked';
export type Projection = 'full' | 'ownAnswer' | 'statusOnly' | 'process' | 'resident';
export interface Cell {
  access: Access;
  when?: Condition;
  projection?: Projection;
}
type PhaseRow = Partial<Record<Phase, Cell>>;
export type PolicyTable = Record<DataGroup, Partial<Record<Role, PhaseRow>>>;

const R: Cell = { access: 'read' };
const W: Cell = { access: 'write' };
const RP: Cell = { access: 'read', projection: 'process' };
const WP: Cell = { access: 'write', projection: 'process' };
const RR: Cell = { access: 'read', projection: 'resident' };
const row = (cells: [Phase, Cell][]): PhaseRow => Object.fromEntries(cells) as PhaseRow;
const phases = (cell: Cell, ...ps: Phase[]): [Phase, Cell][] => ps.map((p) => [p, cell]);
const ACTIVE_AFTER_INBRENG: Phase[] = ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'];

export const POLICY: PolicyTable = {
  // A frame: everyone with a role in the case.
  A: {
    inbrenger: row([['INBRENG', R], ...phases(W, 'VERRIJKING', 'BESPREKING', 'OPVOLGING'), ['REFLECTIE', R], ['CLOSED', R]]),
    ketenpartner: row([['INBRENG', RP], ...phases({ access: 'read', when: 'enrichmentAsked', projection: 'process' }, ...ACTIVE_AFTER_INBRENG)]),
    involvedPartner: row(phases(RP, 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED')),
    leadPartner: row(phases(RP, 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED')),
    procesregisseur: row([...phases(W, 'INBRENG', ...ACTIVE_AFTER_INBRENG, 'CLOSED'), ['PURGED', R]]),
    voorzitter: row([['INBRENG', WP], ['VERRIJKING', RP], ['BESPREKING', WP], ['OPVOLGING', RP], ['REFLECTIE', RP]]),
    // the resident: from the information letter (Verrijking) on, and the deletion date after the purge.
    resident: row(phases(RR, ...ACTIVE_AFTER_INBRENG, 'CLOSED', 'PURGED')),
  },
  // B concern: anonymous; table members, the procesregisseur, the partners asked for enrichment.
  B: {
    inbrenger: row([['INBRENG', W], ...phases(R, ...ACTIVE_AFTER_INBRENG, 'CLOSED')]),
    ketenpartner: row([['INBRENG', R], ['VERRIJKING', { access: 'read', when: 'enrichmentAsked' }]]),
    involvedPartner: row(phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE')),
    leadPartner: row(phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE')),
    procesregisseur: row([...phases(W, 'INBRENG', ...ACTIVE_AFTER_INBRENG), ['CLOSED', R], ['PURGED', R]]),
    voorzitter: row(phases(R, 'INBRENG', ...ACTIVE_AFTER_INBRENG)),
  },
  // C identity: from Verrijking; a partner only while its request is open; involved partners in Bespreking.
  C: {
    inbrenger: row([['VERRIJKING', W], ...phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE')]),
    ketenpartner: row([['VERRIJKING', { access: 'read', when: 'enrichmentOpen' }]]),
    involvedPartner: row([['BESPREKING', R]]),
    leadPartner: row(phases(R, 'BESPREKING', 'OPVOLGING')),
    procesregisseur: row([...phases(W, ...ACTIVE_AFTER_INBRENG), ['CLOSED', R]]),
    // the resident: only their own retention date (a value derived from the date of birth), while it is held.
    resident: row(phases(RR, ...ACTIVE_AFTER_INBRENG, 'CLOSED')),
  },
  // D enrichment: the procesregisseur; the answering partner (own answer); involved partners from Bespreking.
  D: {
    ketenpartner: row([
      ['VERRIJKING', { access: 'write', when: 'enrichmentAsked', projection: 'ownAnswer' }],
      ...phases({ access: 'read', when: 'enrichmentAsked', projection: 'ownAnswer' } as Cell, 'BESPREKING', 'OPVOLGING', 'REFLECTIE'),
    ]),
    involvedPartner: row(phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE')),
    leadPartner: row(phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE')),
    procesregisseur: row([['VERRIJKING', W], ...phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED')]),
    voorzitter: row([['BESPREKING', R]]),
  },
  // E discussion: involved partners, voorzitter, procesregisseur.
  E: {
    involvedPartner: row(phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE')),
    leadPartner: row(phases(R, 'BESPREKING', 'OPVOLGING', 'REFLECTIE')),
    procesregisseur: row([...phases(W, 'BESPREKING', 'OPVOLGING'), ['REFLECTIE', R], ['CLOSED', R]]),
    voorzitter: row([['BESPREKING', W], ...phases(R, 'OPVOLGING', 'REFLECTIE')]),
  },
  // F contact: lead partner and procesregisseur.
  // Contact is recorded in Bespreking (recordDiscussion) and needed while the follow-up runs.
  F: {
    leadPartner: row(phases(R, 'BESPREKING', 'OPVOLGING')),
    procesregisseur: row([['BESPREKING', W], ...phases(R, 'OPVOLGING', 'REFLECTIE', 'CLOSED')]),
  },
  // G follow-up: lead partner; involved partners status only; procesregisseur.
  G: {
    involvedPartner: row(phases({ access: 'read', projection: 'statusOnly' }, 'OPVOLGING', 'REFLECTIE')),
    leadPartner: row([['OPVOLGING', W], ['REFLECTIE', W]]),
    procesregisseur: row([...phases(W, 'OPVOLGING', 'REFLECTIE'), ['CLOSED', R]]),
  },
  // H reflection: procesregisseur; inbrenger and involved partners status at process level.
  H: {
    inbrenger: row(phases({ access: 'read', projection: 'statusOnly' }, 'REFLECTIE', 'CLOSED')),
    involvedPartner: row(phases({ access: 'read', projection: 'statusOnly' }, 'REFLECTIE', 'CLOSED')),
    leadPartner: row(phases({ access: 'read', projection: 'statusOnly' }, 'REFLECTIE', 'CLOSED')),
    procesregisseur: row([...phases(W, ...ACTIVE_AFTER_INBRENG, 'CLOSED'), ['PURGED', R]]),
  },
};

/** Facts about the user's relation to one case that the conditions need. */
export interface PolicyContext {
  organisationId: string;
  enrichmentOpen: boolean;
  enrichmentAsked: boolean;
}

export function contextFor(record: CaseRecord, organisationId: string): PolicyContext {
  const own = record.enrichment.requests.filter((r) => r.organisationId === organisationId);
  return { organisationId, enrichmentAsked: own.length > 0, enrichmentOpen: own.some((r) => r.status === 'open') };
}

export function cellFor(table: PolicyTable, phase: Phase, group: DataGroup, role: Role): Cell | undefined {
  return table[group][role]?.[phase];
}

function conditionHolds(cell: Cell, ctx: PolicyContext): boolean {
  if (cell.when === 'enrichmentOpen') return ctx.enrichmentOpen;
  if (cell.when === 'enrichmentAsked') return ctx.enrichmentAsked;
  return true;
}

const PROJECTION_BREADTH: Record<Projection, number> = { resident: 0, ownAnswer: 1, statusOnly: 1, process: 2, full: 3 };

/**
 * The effective access of a set of roles to one group: the broadest access and projection among the
 * roles' cells whose conditions hold. `undefined` means none.
 */
export function effectiveAccess(
  table: PolicyTable,
  phase: Phase,
  group: DataGroup,
  roles: readonly Role[],
  ctx: PolicyContext,
): { access: Access; projection: Projection } | undefined {
  let best: { access: Access; projection: Projection } | undefined;
  for (const role of roles) {
    const cell = cellFor(table, phase, group, role);
    if (!cell || !conditionHolds(cell, ctx)) continue;
    const projection = cell.projection ?? 'full';
    if (!best) {
      best = { access: cell.access, projection };
      continue;
    }
    best = {
      access: best.access === 'write' || cell.access === 'write' ? 'write' : 'read',
      // Stryker disable next-line EqualityOperator: `>=` only differs for two distinct projections of equal breadth (ownAnswer/statusOnly), which no group of POLICY grants together (tests/spec/policy-vs-spec.test.ts). This also disables `<=` on this line, which those tests kill (checked by hand, docs/quality.md).
      projection: PROJECTION_BREADTH[projection] > PROJECTION_BREADTH[best.projection] ? projection : best.projection,
    };
  }
  return best;
}

/** Which role an audited read is attributed to when a user holds several: the most specific first. */
const READ_ROLE_PREFERENCE: readonly Role[] = ['procesregisseur', 'voorzitter', 'privacyOfficer', 'leadPartner', 'involvedPartner', 'inbrenger', 'ketenpartner', 'resident'];

/**
 * The role through which a user reads `groups` of a case (for the audit): the most specific of their
 * roles whose cells grant one of those groups — not merely the user's first role.
 */
export function readRoleFor(table: PolicyTable, record: CaseRecord, roles: readonly Role[], organisationId: string, groups: readonly DataGroup[]): Role {
  const ctx = contextFor(record, organisationId);
  return (
    READ_ROLE_PREFERENCE.find((r) => roles.includes(r) && groups.some((g) => effectiveAccess(table, record.frame.phase, g, [r], ctx) !== undefined)) ??
    roles[0] ??
    'ketenpartner'
  );
}

/** Every cell of the table as rows, for generated documents and permission sync. */
export function policyRows(table: PolicyTable = POLICY): { phase: Phase; group: DataGroup; role: Role; cell: Cell }[] {
  const rows: { phase: Phase; group: DataGroup; role: Role; cell: Cell }[] = [];
  for (const group of DATA_GROUPS)
    for (const role of ROLES)
      for (const phase of PHASES) {
        const cell = cellFor(table, phase, group, role);
        if (cell) rows.push({ phase, group, role, cell });
      }
  return rows;
}
