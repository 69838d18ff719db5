/**
 * The expected-access fixture: the specification of who may read and write what, per phase × data group ×
 * role, transcribed from `docs/process.md` (the project's copy of PROCESS.md's "Data per phase", made
 * precise, with ADR 0001's amendment). Each row cites the line of docs/process.md it transcribes.
 *
 * It imports nothing from `src/`: it is the oracle the policy table (`src/core/policy.ts`) and the leak
 * tests are held to, so it must not be computed from the code under test. Change docs/process.md first,
 * then this file.
 */

export const SPEC_PHASES = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'] as const;
export type SpecPhase = (typeof SPEC_PHASES)[number];
export const SPEC_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type SpecGroup = (typeof SPEC_GROUPS)[number];
export const SPEC_ROLES = ['inbrenger', 'ketenpartner', 'involvedPartner', 'leadPartner', 'procesregisseur', 'voorzitter', 'privacyOfficer', 'resident'] as const;
export type SpecRole = (typeof SPEC_ROLES)[number];
export interface SpecCell {
  access: 'read' | 'write';
  when?: 'enrichmentOpen' | 'enrichmentAsked';
  projection?: 'full' | 'ownAnswer' | 'statusOnly' | 'process' | 'resident';
}
export interface SpecContext {
  enrichmentOpen: boolean;
  enrichmentAsked: boolean;
}
type SpecRow = Partial<Record<SpecPhase, SpecCell>>;

// Notation of docs/process.md: r / w, with `asked` / `open` conditions and a projection per row.
const r: SpecCell = { access: 'read' };
const w: SpecCell = { access: 'write' };
const rProcess: SpecCell = { access: 'read', projection: 'process' };
const wProcess: SpecCell = { access: 'write', projection: 'process' };
const rProcessAsked: SpecCell = { access: 'read', when: 'enrichmentAsked', projection: 'process' };
const rAsked: SpecCell = { access: 'read', when: 'enrichmentAsked' };
const rOpen: SpecCell = { access: 'read', when: 'enrichmentOpen' };
const wOwnAnswerAsked: SpecCell = { access: 'write', when: 'enrichmentAsked', projection: 'ownAnswer' };
const rOwnAnswerAsked: SpecCell = { access: 'read', when: 'enrichmentAsked', projection: 'ownAnswer' };
const rStatus: SpecCell = { access: 'read', projection: 'statusOnly' };
const rResident: SpecCell = { access: 'read', projection: 'resident' };

/** group → role → phase → cell; an absent cell is no access. */
export const EXPECTED_ACCESS: Record<SpecGroup, Partial<Record<SpecRole, SpecRow>>> = {
  A: {
    // docs/process.md:46
    inbrenger: { INBRENG: r, VERRIJKING: w, BESPREKING: w, OPVOLGING: w, REFLECTIE: r, CLOSED: r },
    // docs/process.md:47
    ketenpartner: { INBRENG: rProcess, VERRIJKING: rProcessAsked, BESPREKING: rProcessAsked, OPVOLGING: rProcessAsked, REFLECTIE: rProcessAsked },
    // docs/process.md:48
    involvedPartner: { BESPREKING: rProcess, OPVOLGING: rProcess, REFLECTIE: rProcess, CLOSED: rProcess },
    // docs/process.md:49
    leadPartner: { BESPREKING: rProcess, OPVOLGING: rProcess, REFLECTIE: rProcess, CLOSED: rProcess },
    // docs/process.md:50
    procesregisseur: { INBRENG: w, VERRIJKING: w, BESPREKING: w, OPVOLGING: w, REFLECTIE: w, CLOSED: w, PURGED: r },
    // docs/process.md:51
    voorzitter: { INBRENG: wProcess, VERRIJKING: rProcess, BESPREKING: wProcess, OPVOLGING: rProcess, REFLECTIE: rProcess },
    // docs/process-resident.md:35
    resident: { VERRIJKING: rResident, BESPREKING: rResident, OPVOLGING: rResident, REFLECTIE: rResident, CLOSED: rResident, PURGED: rResident },
  },
  B: {
    // docs/process.md:52
    inbrenger: { INBRENG: w, VERRIJKING: r, BESPREKING: r, OPVOLGING: r, REFLECTIE: r, CLOSED: r },
    // docs/process.md:53
    ketenpartner: { INBRENG: r, VERRIJKING: rAsked },
    // docs/process.md:54
    involvedPartner: { BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
    // docs/process.md:55
    leadPartner: { BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
    // docs/process.md:56
    procesregisseur: { INBRENG: w, VERRIJKING: w, BESPREKING: w, OPVOLGING: w, REFLECTIE: w, CLOSED: r, PURGED: r },
    // docs/process.md:57
    voorzitter: { INBRENG: r, VERRIJKING: r, BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
  },
  C: {
    // docs/process.md:58
    inbrenger: { VERRIJKING: w, BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
    // docs/process.md:59
    ketenpartner: { VERRIJKING: rOpen },
    // docs/process.md:60
    involvedPartner: { BESPREKING: r },
    // docs/process.md:61
    leadPartner: { BESPREKING: r, OPVOLGING: r },
    // docs/process.md:62
    procesregisseur: { VERRIJKING: w, BESPREKING: w, OPVOLGING: w, REFLECTIE: w, CLOSED: r },
    // docs/process-resident.md:36
    resident: { VERRIJKING: rResident, BESPREKING: rResident, OPVOLGING: rResident, REFLECTIE: rResident, CLOSED: rResident },
  },
  D: {
    // docs/process.md:63
    ketenpartner: { VERRIJKING: wOwnAnswerAsked, BESPREKING: rOwnAnswerAsked, OPVOLGING: rOwnAnswerAsked, REFLECTIE: rOwnAnswerAsked },
    // docs/process.md:64
    involvedPartner: { BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
    // docs/process.md:65
    leadPartner: { BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
    // docs/process.md:66
    procesregisseur: { VERRIJKING: w, BESPREKING: r, OPVOLGING: r, REFLECTIE: r, CLOSED: r },
    // docs/process.md:67
    voorzitter: { BESPREKING: r },
  },
  E: {
    // docs/process.md:68
    involvedPartner: { BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
    // docs/process.md:69
    leadPartner: { BESPREKING: r, OPVOLGING: r, REFLECTIE: r },
    // docs/process.md:70
    procesregisseur: { BESPREKING: w, OPVOLGING: w, REFLECTIE: r, CLOSED: r },
    // docs/process.md:71
    voorzitter: { BESPREKING: w, OPVOLGING: r, REFLECTIE: r },
  },
  F: {
    // docs/process.md:72
    leadPartner: { BESPREKING: r, OPVOLGING: r },
    // docs/process.md:73
    procesregisseur: { BESPREKING: w, OPVOLGING: r, REFLECTIE: r, CLOSED: r },
  },
  G: {
    // docs/process.md:74
    involvedPartner: { OPVOLGING: rStatus, REFLECTIE: rStatus },
    // docs/process.md:75
    leadPartner: { OPVOLGING: w, REFLECTIE: w },
    // docs/process.md:76
    procesregisseur: { OPVOLGING: w, REFLECTIE: w, CLOSED: r },
  },
  H: {
    // docs/process.md:77
    inbrenger: { REFLECTIE: rStatus, CLOSED: rStatus },
    // docs/process.md:78
    involvedPartner: { REFLECTIE: rStatus, CLOSED: rStatus },
    // docs/process.md:79
    leadPartner: { REFLECTIE: rStatus, CLOSED: rStatus },
    // docs/process.md:80
    procesregisseur: { VERRIJKING: w, BESPREKING: w, OPVOLGING: w, REFLECTIE: w, CLOSED: w, PURGED: r },
  },
  // The FG (privacyOfficer) has no cell anywhere: docs/process.md rule R2.
};

// docs/process.md "Vocabulary": full > process > ownAnswer = statusOnly (> resident, docs/process-resident.md).
const BREADTH: Record<NonNullable<SpecCell['projection']>, number> = { full: 3, process: 2, ownAnswer: 1, statusOnly: 1, resident: 0 };

function holds(cell: SpecCell, ctx: SpecContext): boolean {
  if (cell.when === 'enrichmentOpen') return ctx.enrichmentOpen;
  if (cell.when === 'enrichmentAsked') return ctx.enrichmentAsked;
  return true;
}

/** The effective cell for a user holding `roles` (broadest access and projection among cells whose condition holds), or undefined. */
export function expectedCell(
  phase: SpecPhase,
  group: SpecGroup,
  roles: readonly SpecRole[],
  ctx: SpecContext,
): { access: 'read' | 'write'; projection: NonNullable<SpecCell['projection']> } | undefined {
  const cells = roles.map((role) => EXPECTED_ACCESS[group][role]?.[phase]).filter((c): c is SpecCell => c !== undefined && holds(c, ctx));
  if (cells.length === 0) return undefined;
  const access = cells.some((c) => c.access === 'write') ? 'write' : 'read';
  let projection: NonNullable<SpecCell['projection']> = cells[0]?.projection ?? 'full';
  for (const c of cells) {
    const p = c.projection ?? 'full';
    if (BREADTH[p] > BREADTH[projection]) projection = p;
  }
  return { access, projection };
}

/** The groups such a user may read in `phase` (any access). */
export function expectedReadableGroups(phase: SpecPhase, roles: readonly SpecRole[], ctx: SpecContext): SpecGroup[] {
  return SPEC_GROUPS.filter((g) => expectedCell(phase, g, roles, ctx) !== undefined);
}
