/**
 * The policy table held to the specification: POLICY (src/core/policy.ts) against the expected-access
 * fixture (tests/spec/expected-access.ts, transcribed from docs/process.md without looking at the code).
 * Every phase × group × role is compared — access, condition and projection — and every difference is
 * named. A difference is decided in docs/process.md: either the table is wrong (fix POLICY) or the reading
 * is (fix docs/process.md and the fixture).
 */
import type { Cell, PolicyContext } from '../../src/core/policy';
import { POLICY, cellFor, effectiveAccess, policyRows } from '../../src/core/policy';
import type { SpecCell, SpecContext, SpecGroup, SpecPhase, SpecRole } from './expected-access';
import { EXPECTED_ACCESS, SPEC_GROUPS, SPEC_PHASES, SPEC_ROLES, expectedCell } from './expected-access';

const show = (c: Cell | SpecCell | undefined): string => (c ? `${c.access}${c.when ? ` when ${c.when}` : ''} ${c.projection ?? 'full'}` : 'none');
const same = (a: Cell | undefined, b: SpecCell | undefined): boolean => show(a) === show(b);

/** Every cell where POLICY and the specification differ, named as `group/role/phase: POLICY … ≠ spec …`. */
function differences(groups: readonly SpecGroup[], roles: readonly SpecRole[]): string[] {
  const out: string[] = [];
  for (const group of groups)
    for (const role of roles)
      for (const phase of SPEC_PHASES) {
        const actual = cellFor(POLICY, phase, group, role);
        const expected = EXPECTED_ACCESS[group][role]?.[phase];
        if (!same(actual, expected)) out.push(`${group}/${role}/${phase}: POLICY ${show(actual)} ≠ spec ${show(expected)}`);
      }
  return out;
}

describe('POLICY follows docs/process.md cell by cell', () => {
  test('the table and the specification share their phases, groups and roles (no cell can hide outside the comparison)', () => {
    expect(Object.keys(POLICY).sort()).toEqual([...SPEC_GROUPS].sort());
    for (const group of SPEC_GROUPS) {
      for (const role of Object.keys(POLICY[group])) expect(SPEC_ROLES).toContain(role);
      for (const row of Object.values(POLICY[group])) for (const phase of Object.keys(row ?? {})) expect(SPEC_PHASES).toContain(phase);
    }
  });

  // One test per group × role, so that a failing cell names its row of docs/process.md.
  const rows = SPEC_GROUPS.flatMap((group) => SPEC_ROLES.map((role) => ({ group, role })));
  test.each(rows)('group $group for role $role: every phase as docs/process.md says', ({ group, role }) => {
    expect(differences([group], [role])).toEqual([]);
  });

  test('no difference anywhere (the full list, for the issue note)', () => {
    expect(differences(SPEC_GROUPS, SPEC_ROLES)).toEqual([]);
  });

  test('the privacy officer has no cell in any group or phase: the FG never reads case content', () => {
    for (const group of SPEC_GROUPS) for (const phase of SPEC_PHASES) expect(cellFor(POLICY, phase, group, 'privacyOfficer')).toBeUndefined();
  });

  test('the inbrenger still reads the concern (B) from Verrijking through Closed, and writes it in Inbreng', () => {
    expect(cellFor(POLICY, 'INBRENG', 'B', 'inbrenger')).toEqual({ access: 'write' });
    for (const phase of ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'] as const) expect(cellFor(POLICY, phase, 'B', 'inbrenger')).toEqual({ access: 'read' });
    expect(cellFor(POLICY, 'PURGED', 'B', 'inbrenger')).toBeUndefined();
  });
});

describe('policyRows lists exactly the cells of the specification (the documents and permission sync build on it)', () => {
  test('every cell of the specification is a row, and every row a cell of the specification', () => {
    const key = (group: string, role: string, phase: string, c: Cell | SpecCell): string => `${group}/${role}/${phase}: ${show(c)}`;
    const expected: string[] = [];
    for (const group of SPEC_GROUPS)
      for (const role of SPEC_ROLES)
        for (const phase of SPEC_PHASES) {
          const c = EXPECTED_ACCESS[group][role]?.[phase];
          if (c) expected.push(key(group, role, phase, c));
        }
    const actual = policyRows().map(({ group, role, phase, cell }) => key(group, role, phase, cell));
    expect(actual.length).toBeGreaterThan(0);
    expect(actual.sort()).toEqual(expected.sort());
  });

  test('policyRows of another table reads that table, not POLICY', () => {
    const table = { A: { voorzitter: { CLOSED: { access: 'read' as const } } }, B: {}, C: {}, D: {}, E: {}, F: {}, G: {}, H: {} };
    expect(policyRows(table)).toEqual([{ phase: 'CLOSED', group: 'A', role: 'voorzitter', cell: { access: 'read' } }]);
  });
});

// ---- combined roles ---------------------------------------------------------------------------------

/** Every non-empty combination of roles (2^7 − 1), so a user holding several roles is compared too. */
const COMBINATIONS: SpecRole[][] = [];
for (let mask = 1; mask < 1 << SPEC_ROLES.length; mask++) COMBINATIONS.push(SPEC_ROLES.filter((_, i) => (mask & (1 << i)) !== 0));

const CONTEXTS: SpecContext[] = [
  { enrichmentAsked: false, enrichmentOpen: false },
  { enrichmentAsked: true, enrichmentOpen: false },
  { enrichmentAsked: true, enrichmentOpen: true },
];
const policyContext = (ctx: SpecContext): PolicyContext => ({ organisationId: 'org', ...ctx });

describe('effectiveAccess of any combination of roles is what the specification grants that combination', () => {
  test.each(SPEC_PHASES.map((phase) => ({ phase })))('$phase: every group, every combination of roles, every enrichment state', ({ phase }: { phase: SpecPhase }) => {
    const wrong: string[] = [];
    for (const group of SPEC_GROUPS)
      for (const roles of COMBINATIONS)
        for (const ctx of CONTEXTS) {
          const actual = effectiveAccess(POLICY, phase, group, roles, policyContext(ctx));
          const expected = expectedCell(phase, group, roles, ctx);
          if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${group} [${roles.join('+')}] ${JSON.stringify(ctx)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
        }
    expect(wrong).toEqual([]);
  });

  test('a user holding a write role and a read role for the same group writes (procesregisseur + voorzitter on A in Verrijking; inbrenger + ketenpartner on B in Inbreng)', () => {
    const none = policyContext({ enrichmentAsked: false, enrichmentOpen: false });
    // the voorzitter reads A in Verrijking, the procesregisseur writes it: together they write, in full.
    expect(effectiveAccess(POLICY, 'VERRIJKING', 'A', ['voorzitter', 'procesregisseur'], none)).toEqual({ access: 'write', projection: 'full' });
    // the write role listed first or last makes no difference
    expect(effectiveAccess(POLICY, 'VERRIJKING', 'A', ['procesregisseur', 'voorzitter'], none)).toEqual({ access: 'write', projection: 'full' });
    expect(effectiveAccess(POLICY, 'INBRENG', 'B', ['ketenpartner', 'inbrenger'], none)).toEqual({ access: 'write', projection: 'full' });
    expect(effectiveAccess(POLICY, 'INBRENG', 'B', ['inbrenger', 'ketenpartner'], none)).toEqual({ access: 'write', projection: 'full' });
  });

  test('a user holding a narrow and a broad projection gets the broad one, whichever role comes first (asked partner who is also involved reads all of D)', () => {
    const asked = policyContext({ enrichmentAsked: true, enrichmentOpen: false });
    expect(effectiveAccess(POLICY, 'BESPREKING', 'D', ['ketenpartner', 'involvedPartner'], asked)).toEqual({ access: 'read', projection: 'full' });
    expect(effectiveAccess(POLICY, 'BESPREKING', 'D', ['involvedPartner', 'ketenpartner'], asked)).toEqual({ access: 'read', projection: 'full' });
    // the inbrenger (frame in full) who is also an involved partner (frame as process) sees the full frame
    expect(effectiveAccess(POLICY, 'REFLECTIE', 'A', ['ketenpartner', 'inbrenger', 'involvedPartner'], asked)).toEqual({ access: 'read', projection: 'full' });
    expect(effectiveAccess(POLICY, 'REFLECTIE', 'A', ['involvedPartner', 'inbrenger'], asked)).toEqual({ access: 'read', projection: 'full' });
  });

  /*
   * policy.ts:147, `PROJECTION_BREADTH[projection] > PROJECTION_BREADTH[best.projection]` → `>=`: equivalent
   * for this table. The two differ only when two cells that both hold have projections of equal breadth but
   * different names; the only such pair is ownAnswer/statusOnly (breadth 1), and no group has both
   * (ownAnswer is only in D, statusOnly only in G and H — checked below). With equal names the result is
   * the same projection either way. So the mutant cannot change any effectiveAccess result for POLICY.
   */
  test('no group grants both ownAnswer and statusOnly (why `>` → `>=` in effectiveAccess is an equivalent mutant)', () => {
    for (const group of SPEC_GROUPS) {
      const projections = new Set(policyRows().filter((r) => r.group === group).map((r) => r.cell.projection ?? 'full'));
      expect(projections.has('ownAnswer') && projections.has('statusOnly')).toBe(false);
    }
  });
});
