/**
 * The transition and command tables (src/core/phases.ts) held to the process of PROCESS.md, transcribed
 * without the code in tests/spec/expected-process.ts; the command table also to the expected-access
 * fixture (a role may only take a step that writes a group it may write in that phase). Pure tables, no
 * store: fast enough for the mutation run, where every table mutant reruns these tests.
 */
import { COMMANDS, COMMAND_NAMES, LETTER_KINDS, TRANSITIONS, findTransition, letterCode, type CommandRule } from '../../src/core/phases';
import { SPEC_PHASES, SPEC_ROLES, expectedCell } from './expected-access';
import { EXPECTED_LETTER_CODES, EXPECTED_LETTER_KINDS, EXPECTED_STEPS, EXPECTED_TRANSITIONS, type SpecStep } from './expected-process';

const edge = (t: { from: string; to: string; exit?: string }): string => `${t.from} → ${t.to}${t.exit ? ` (${t.exit})` : ''}`;
// the conditions of the fixture at their most permissive: the answering partner writes D only while its request is open
const REQUEST_OPEN = { enrichmentOpen: true, enrichmentAsked: true };

const list = (xs: readonly string[] | undefined): string => `[${[...(xs ?? [])].sort().join(', ')}]`;
const phaseList = (xs: readonly string[] | undefined): string => `[${SPEC_PHASES.filter((p) => xs?.includes(p)).join(', ')}]`;
/**
 * Every cell in which a command's rule differs from its step in the fixture, named: `<cell>: table <x> ≠ spec <y>`
 * — phases, roles, each role's phases, written and also-written groups, read groups, each kind's phases,
 * document, path, each managed-code field, and the field naming a second case the command changes too.
 */
function differences(rule: CommandRule, step: SpecStep): string[] {
  const out: string[] = [];
  const cell = (name: string, table: string, spec: string): void => void (table !== spec && out.push(`${name}: table ${table} ≠ spec ${spec}`));
  cell('phases', phaseList(rule.phases), phaseList(step.phases));
  cell('roles', list(rule.roles), list(step.roles));
  for (const role of SPEC_ROLES) {
    const table = (rule.roles as readonly string[]).includes(role) ? phaseList(rule.rolePhases?.[role as keyof typeof rule.rolePhases] ?? rule.phases) : '[]';
    const spec = step.roles.includes(role) ? phaseList(step.rolePhases?.[role] ?? step.phases) : '[]';
    cell(`phases of ${role}`, table, spec);
  }
  cell('writes', rule.writes, step.writes);
  cell('alsoWrites', list(Object.keys(rule.alsoWrites ?? {})), list(step.alsoWrites));
  for (const [group, purpose] of Object.entries(rule.alsoWrites ?? {})) cell(`purpose of also writing ${group}`, purpose.trim().length > 5 ? 'stated' : 'missing', 'stated');
  cell('reads', list(rule.reads), list(step.reads));
  cell('kinds', list(Object.keys(rule.kinds ?? {})), list(Object.keys(step.kinds ?? {})));
  for (const kind of new Set([...Object.keys(rule.kinds ?? {}), ...Object.keys(step.kinds ?? {})])) cell(`phases of kind ${kind}`, phaseList(rule.kinds?.[kind]), phaseList(step.kinds?.[kind]));
  cell('document', rule.document?.contentType ?? 'none', step.document ?? 'none');
  cell('path', rule.path ?? 'none', step.path ?? 'none');
  cell('managed-code fields', list(Object.keys(rule.referenceCodes ?? {})), list(Object.keys(step.codes ?? {})));
  for (const [field, managed] of Object.entries(rule.referenceCodes ?? {})) cell(`list of ${field}`, managed, step.codes?.[field] ?? 'none');
  cell('second case', rule.otherCase ?? 'none', step.secondCase ?? 'none');
  return out;
}

describe('the transition table follows the process of PROCESS.md', () => {
  test('exactly the edges of the phase diagram, each with the exit P names for it — no edge missing, none extra', () => {
    const actual = TRANSITIONS.map(edge).sort();
    const expected = EXPECTED_TRANSITIONS.map(edge).sort();
    expect({ missing: expected.filter((e) => !actual.includes(e)), extra: actual.filter((e) => !expected.includes(e)) }).toEqual({ missing: [], extra: [] });
    expect(TRANSITIONS).toHaveLength(EXPECTED_TRANSITIONS.length);
  });

  test('every edge states its guard in words, for the reader of the table', () => {
    for (const t of TRANSITIONS) expect({ edge: edge(t), guard: t.guard.trim().length > 10 }).toEqual({ edge: edge(t), guard: true });
  });

  test('findTransition finds an edge only by its from-phase, to-phase and command together', () => {
    expect(findTransition('INBRENG', 'VERRIJKING', 'decideSuspicion')).toMatchObject({ from: 'INBRENG', to: 'VERRIJKING' });
    expect(findTransition('CLOSED', 'PURGED', 'purge')).toMatchObject({ from: 'CLOSED', to: 'PURGED' });
    expect(findTransition('INBRENG', 'VERRIJKING', 'withdrawCase')).toBeUndefined(); // right phases, wrong command
    expect(findTransition('VERRIJKING', 'VERRIJKING', 'decideSuspicion')).toBeUndefined(); // wrong from
    expect(findTransition('INBRENG', 'BESPREKING', 'decideSuspicion')).toBeUndefined(); // wrong to
  });
});

describe('the command table follows the steps of PROCESS.md', () => {
  test('every step of P has its command and every command is a step of P', () => {
    expect([...COMMAND_NAMES].sort()).toEqual(Object.keys(EXPECTED_STEPS).sort());
    expect(Object.keys(COMMANDS).sort()).toEqual(Object.keys(EXPECTED_STEPS).sort());
  });

  test.each(Object.entries(EXPECTED_STEPS))('%s: issued by exactly the roles P gives the step, writing the group P puts its data in', (name, step) => {
    const rule = COMMANDS[name as keyof typeof COMMANDS];
    expect([...rule.roles].sort()).toEqual([...step.roles].sort());
    expect(rule.writes).toBe(step.writes);
  });

  test.each(Object.entries(EXPECTED_STEPS))(
    '%s: every cell of its rule is the step of P — phases, each role’s phases, groups written and read, kinds, document, path, managed codes, second case',
    (name, step) => {
      expect(differences(COMMANDS[name as keyof typeof COMMANDS], step)).toEqual([]);
    },
  );

  test('the comparison names a difference in each cell it compares (a rule one cell off the spec is caught)', () => {
    const letter = EXPECTED_STEPS.generateLetter!;
    const exact: CommandRule = {
      phases: letter.phases,
      roles: letter.roles,
      writes: letter.writes,
      reads: letter.reads,
      kinds: letter.kinds,
      document: { contentType: letter.document! },
      path: letter.path,
      purpose: 'brief',
      guarded: [],
    };
    expect(differences(exact, letter)).toEqual([]);
    expect(differences({ ...exact, kinds: { ...letter.kinds, invitation: ['OPVOLGING'] } }, letter)).toEqual(['phases of kind invitation: table [OPVOLGING] ≠ spec [BESPREKING, OPVOLGING]']);
    expect(differences({ ...exact, reads: [] }, letter)).toEqual(['reads: table [] ≠ spec [C]']);
    expect(differences({ ...exact, path: undefined, document: undefined }, letter)).toEqual([`document: table none ≠ spec ${letter.document}`, 'path: table none ≠ spec letters']);
    expect(differences({ ...exact, otherCase: 'linkedReference' }, letter)).toEqual(['second case: table linkedReference ≠ spec none']);
    expect(differences({ ...exact, rolePhases: { procesregisseur: ['CLOSED'] } }, letter)).toEqual([
      'phases of procesregisseur: table [CLOSED] ≠ spec [VERRIJKING, BESPREKING, OPVOLGING, REFLECTIE, CLOSED]',
    ]);
  });
  test('no command lets a role write a group the specification does not let it write in that phase', () => {
    const wrong: string[] = [];
    for (const name of COMMAND_NAMES) {
      const rule = COMMANDS[name];
      for (const phase of rule.phases)
        for (const role of rule.roles) {
          if (rule.rolePhases?.[role] && !rule.rolePhases[role]!.includes(phase)) continue; // the table itself keeps the role out of this phase
          if (expectedCell(phase, rule.writes, [role], REQUEST_OPEN)?.access !== 'write') wrong.push(`${name}: ${role} in ${phase} writes ${rule.writes}`);
        }
    }
    expect(wrong).toEqual([]);
  });

  test('every command states the purpose the audit log records for it (shown to the resident in the access export)', () => {
    for (const name of COMMAND_NAMES) expect({ name, purpose: COMMANDS[name].purpose.trim().length > 5 }).toEqual({ name, purpose: true });
  });
});

describe('the letters to the resident follow "Letters and messages" of PROCESS.md', () => {
  test('exactly three kinds: the information letter, the invitation to the signaaloverleg and the closure letter', () => {
    expect([...LETTER_KINDS].sort()).toEqual(Object.keys(EXPECTED_LETTER_KINDS).sort());
  });

  test('the letter command may run in exactly the phases in which one of its kinds may be made — no phase where every kind is refused', () => {
    const some = SPEC_PHASES.filter((p) => Object.values(EXPECTED_LETTER_KINDS).some((phases) => phases.includes(p)));
    expect(COMMANDS.generateLetter.phases).toEqual(some);
  });

  test.each(Object.entries(EXPECTED_LETTER_CODES))('the %s letter is recorded in H as sent under the code %s, the code stored cases already hold', (kind, code) => {
    expect(letterCode(kind as (typeof LETTER_KINDS)[number])).toBe(code);
  });
});
