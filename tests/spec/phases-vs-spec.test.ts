/**
 * The transition and command tables (src/core/phases.ts) held to the process of PROCESS.md, transcribed
 * without the code in tests/spec/expected-process.ts; the command table also to the expected-access
 * fixture (a role may only take a step that writes a group it may write in that phase). Pure tables, no
 * store: fast enough for the mutation run, where every table mutant reruns these tests.
 */
import { COMMANDS, COMMAND_NAMES, TRANSITIONS, findTransition } from '../../src/core/phases';
import { expectedCell } from './expected-access';
import { EXPECTED_STEPS, EXPECTED_TRANSITIONS } from './expected-process';

const edge = (t: { from: string; to: string; exit?: string }): string => `${t.from} → ${t.to}${t.exit ? ` (${t.exit})` : ''}`;
// the conditions of the fixture at their most permissive: the answering partner writes D only while its request is open
const REQUEST_OPEN = { enrichmentOpen: true, enrichmentAsked: true };

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

  test.each(Object.entries(EXPECTED_STEPS))('%s: allowed in every phase P puts the step in', (name, step) => {
    const rule = COMMANDS[name as keyof typeof COMMANDS];
    for (const phase of step.phases) expect(rule.phases).toContain(phase);
    if (step.phases.length === 0) expect(rule.phases).toEqual([]); // the command that creates the case
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
