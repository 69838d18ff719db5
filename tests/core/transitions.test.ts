/**
 * The process as data and its guards: the transition table only moves forward (or to CLOSED); every
 * command is refused outside its phases and for the wrong roles; commands are idempotent per commandId;
 * bad input stores nothing; errors never carry personal data.
 */
import { randomUUID } from 'node:crypto';
import { EXIT_REASONS } from '../../src/core/catalogue';
import type { ErrorCode } from '../../src/core/errors';
import type { Phase, Role, User } from '../../src/core/model';
import { ACTIVE_PHASES, PHASES } from '../../src/core/model';
import type { CommandName } from '../../src/core/phases';
import { COMMANDS, COMMAND_NAMES, TRANSITIONS } from '../../src/core/phases';
import { rolesFor } from '../../src/core/views';
import type { World } from '../support/world';
import { CONCERN, U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, attempt, expectCode, footprint, refusal, steps, stored, walkToReflectie } from './helpers';

const idx = (p: Phase): number => PHASES.indexOf(p);

describe('the transition table', () => {
  test('only moves forward, to the next phase or to CLOSED; PURGED only from CLOSED by purge', () => {
    for (const t of TRANSITIONS) {
      expect(idx(t.to)).toBeGreaterThan(idx(t.from));
      if (t.to === 'PURGED') expect(t).toMatchObject({ from: 'CLOSED', command: 'purge' });
      else if (t.to !== 'CLOSED') expect(idx(t.to)).toBe(idx(t.from) + 1);
    }
    expect(TRANSITIONS.filter((t) => t.from === 'CLOSED')).toEqual([expect.objectContaining({ to: 'PURGED', command: 'purge' })]);
    expect(TRANSITIONS.filter((t) => t.from === 'PURGED')).toEqual([]);
  });

  test('every edge is taken by a command allowed in its from-phase; every edge into CLOSED records a known exit code', () => {
    const exitCodes = EXIT_REASONS.map((e) => e.code);
    for (const t of TRANSITIONS) {
      if (t.command !== 'purge') expect(COMMANDS[t.command].phases).toContain(t.from);
      if (t.to === 'CLOSED') expect(exitCodes).toContain(t.exit);
      else expect(t.exit).toBeUndefined();
    }
  });

  test('the happy path INBRENG → … → CLOSED → PURGED is in the table, and withdrawal is possible from every active phase', () => {
    const path: Phase[] = ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'];
    for (let i = 0; i + 1 < path.length; i++) expect(TRANSITIONS.some((t) => t.from === path[i] && t.to === path[i + 1])).toBe(true);
    for (const p of ACTIVE_PHASES) expect(TRANSITIONS).toContainEqual(expect.objectContaining({ from: p, to: 'CLOSED', command: 'withdrawCase', exit: 'WITHDRAWN' }));
  });

  test('every transition a real case takes is an edge of the table, in phase order', async () => {
    const w = await makeWorld();
    const ids = [
      await w.driveTo('CLOSED'),
      await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' }),
      await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' }),
      await w.driveTo('CLOSED', { exit: 'AGE_OVER_23' }),
      await w.driveTo('CLOSED', { exit: 'WITHDRAWN' }),
    ];
    w.clock.advanceDays(800);
    await w.sp.runRetention();
    for (const id of ids) {
      const record = await stored(w, id);
      expect(record.frame.phase).toBe('PURGED');
      let at = 'INBRENG' as Phase;
      for (const t of record.frame.transitions) {
        expect(t.from).toBe(at);
        expect(TRANSITIONS).toContainEqual(expect.objectContaining({ from: t.from, to: t.to, command: t.command }));
        at = t.to;
      }
      expect(at).toBe('PURGED');
    }
    await w.close();
  });
});

// ---- commands refused outside their phases and for the wrong roles ---------------------------------

/** A valid payload for each command: refusals must come from the guards, not from validation. */
const PAYLOAD: Record<Exclude<CommandName, 'submitConcern'>, Record<string, unknown>> = {
  decideSuspicion: { suspicion: true, rationale: 'Meerdere signalen.', aveLevel: '2' },
  supplyIdentity: { name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth },
  recordResidentInformed: { informedOn: '2026-03-02' },
  requestEnrichment: { organisationIds: ['leerplicht'], dueOn: '2026-04-30' },
  answerEnrichment: { known: false },
  concludeEnrichment: { advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' },
  recordDiscussion: { lifeDomains: { SCHOOL: 'concerning' }, parties: ['politie'], leadOrganisationId: 'politie' },
  recordFollowUp: { actions: [{ offerCode: 'STOPGESPREK', organisationId: 'politie', dueOn: '2026-05-01' }], residentStance: 'agrees' },
  updateActionStatus: { actionId: 'unknown-action', status: 'running' },
  closeCase: { rationale: 'Afgerond.', advisedRoute: 'GEEN_ACTIE' },
  withdrawCase: { rationale: 'Ingetrokken.', advisedRoute: 'WIJKTEAM' },
  generateLetter: { kind: 'information', locale: 'nl' },
  linkCases: { linkedReference: 'SJV-2099-9999' },
  unlinkCases: { linkedReference: 'SJV-2099-9999' },
};
const CASE_COMMANDS = COMMAND_NAMES.filter((n): n is Exclude<CommandName, 'submitConcern'> => n !== 'submitConcern');
const USERS: User[] = [U.mentor, U.agent, U.coach, U.leerplicht, U.jongerenwerk, U.regisseur, U.voorzitter, U.fg, U.trainer];

/**
 * A world with one case in every phase, built inside each test that needs it (a per-test factory rather
 * than beforeAll, so that mutation testing can attribute the code each test covers).
 */
async function caseInEveryPhase(): Promise<{ w: World; cases: Record<Phase, string> }> {
  const w = await makeWorld();
  const cases = {} as Record<Phase, string>;
  const s = steps(w);
  cases.INBRENG = await s.bringIn();
  cases.VERRIJKING = await w.driveTo('VERRIJKING');
  cases.BESPREKING = await w.driveTo('BESPREKING');
  await s.discuss(cases.BESPREKING, { complete: false, contact: true }); // so that involved and lead partners exist
  cases.OPVOLGING = await w.driveTo('OPVOLGING');
  await s.agreeFollowUp(cases.OPVOLGING, false);
  cases.REFLECTIE = await walkToReflectie(w);
  cases.CLOSED = await walkToReflectie(w);
  await s.close(cases.CLOSED);
  cases.PURGED = await walkToReflectie(w);
  await s.close(cases.PURGED);
  w.clock.advanceDays(800);
  await w.sp.runRetention();
  w.clock.advanceDays(-800);
  return { w, cases };
}

describe('commands outside their phases and roles', () => {
  let w: World;
  let cases: Record<Phase, string>;
  /** Every test that needs the cases calls this first; afterEach closes the world. */
  async function arrange(): Promise<void> {
    ({ w, cases } = await caseInEveryPhase());
  }
  afterEach(async () => {
    await w?.close();
  });

  async function expectRefused(name: Exclude<CommandName, 'submitConcern'>, user: User, phase: Phase, code: ErrorCode): Promise<void> {
    const caseId = cases[phase];
    const before = await stored(w, caseId);
    const auditBefore = (await allAudit(w)).length;
    const r = await attempt(w, name, user, { caseId, ...PAYLOAD[name] });
    const got = r.ok ? `succeeded (${r.value.outcome})` : r.error.code;
    expect(`${name} by ${user.id} in ${phase}: ${got}`).toBe(`${name} by ${user.id} in ${phase}: ${code}`);
    expect(await stored(w, caseId)).toEqual(before);
    expect((await allAudit(w)).length).toBe(auditBefore);
  }

  async function holds(user: User, phase: Phase): Promise<{ roles: Role[]; visible: boolean }> {
    const record = await stored(w, cases[phase]);
    const org = await w.store.getOrganisation(user.organisationId);
    return { roles: rolesFor(user, record, org, w.clock.now().toISOString()), visible: (await w.sp.getCase(user, cases[phase])).ok };
  }

  test.each(CASE_COMMANDS)('%s is refused with CASE.TRANSITION_NOT_ALLOWED outside its phases, for users who hold its role', async (name) => {
    await arrange();
    const rule = COMMANDS[name];
    for (const phase of PHASES.filter((p) => !rule.phases.includes(p))) {
      let holders = 0;
      for (const user of USERS) {
        const { roles, visible } = await holds(user, phase);
        if (!roles.some((r) => rule.roles.includes(r))) continue;
        holders += 1;
        // a user who cannot see the case at all learns nothing about it, not even its phase
        await expectRefused(name, user, phase, visible ? 'CASE.TRANSITION_NOT_ALLOWED' : 'CASE.NOT_FOUND');
      }
      expect(`${name} in ${phase}: ${holders > 0 ? 'tried' : 'no holder of ' + rule.roles.join('/')}`).toBe(`${name} in ${phase}: tried`);
    }
  });

  test.each(CASE_COMMANDS)('%s is refused with AUTH.FORBIDDEN (or CASE.NOT_FOUND when invisible) for users without its role', async (name) => {
    await arrange();
    const rule = COMMANDS[name];
    for (const phase of PHASES) {
      for (const user of USERS) {
        const { roles, visible } = await holds(user, phase);
        if (roles.some((r) => rule.roles.includes(r))) continue;
        await expectRefused(name, user, phase, visible ? 'AUTH.FORBIDDEN' : 'CASE.NOT_FOUND');
      }
    }
  });

  test('only procesregisseur and voorzitter decide; only a member partner submits', async () => {
    await arrange();
    for (const user of [U.fg, U.regisseur, U.voorzitter, U.trainer]) {
      expectCode(await attempt(w, 'submitConcern', user, CONCERN), 'AUTH.NOT_A_MEMBER');
    }
    expect(COMMANDS.submitConcern.phases).toEqual([]);
  });
});

// ---- idempotency -----------------------------------------------------------------------------------

describe('the same commandId twice has no second effect', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(() => w.close());

  test('submitConcern retried: same case and reference, no second case, no audit row, no reference number used', async () => {
    const commandId = randomUUID();
    const first = await w.sp.execute('submitConcern', U.mentor, { commandId, ...CONCERN });
    const after1 = await footprint(w);
    const second = await w.sp.execute('submitConcern', U.mentor, { commandId, ...CONCERN });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.value.replayed).toBe(false);
    expect(second.value).toEqual({ ...first.value, replayed: true });
    expect(await footprint(w)).toEqual(after1);
    // the next concern gets the next number: the retry did not consume one
    const next = await steps(w).bringIn();
    expect((await stored(w, next)).frame.reference).toBe('SJV-2026-0002');
  });

  test('a transition retried (card submitted twice): version, phase, audit rows unchanged; result replayed', async () => {
    const caseId = await steps(w).bringIn();
    const commandId = randomUUID();
    const input = { commandId, caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' };
    const first = await w.sp.execute('decideSuspicion', U.voorzitter, input);
    const record = await stored(w, caseId);
    const audit = (await allAudit(w)).length;
    const fp = await footprint(w);
    const second = await w.sp.execute('decideSuspicion', U.voorzitter, input);
    expect(second).toEqual({ ok: true, value: { ...(first.ok ? first.value : {}), replayed: true } });
    expect(await stored(w, caseId)).toEqual(record);
    expect((await allAudit(w)).length).toBe(audit);
    expect(await footprint(w)).toEqual(fp);
    expect(record.frame.transitions).toHaveLength(1);
    expect(record.frame.decisions).toHaveLength(1);
  });

  test('a retry arriving after the case moved on still changes nothing', async () => {
    const caseId = await steps(w).bringIn();
    const commandId = randomUUID();
    const input = { commandId, caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' };
    await w.sp.execute('decideSuspicion', U.voorzitter, input);
    await steps(w).identify(caseId);
    const record = await stored(w, caseId);
    const again = await w.sp.execute('decideSuspicion', U.voorzitter, input);
    expect(again.ok && again.value.replayed).toBe(true);
    expect(await stored(w, caseId)).toEqual(record);
  });

  test('the same commandId with a different payload, command or user is COMMAND.ID_REUSED and changes nothing', async () => {
    const caseId = await steps(w).bringIn();
    const commandId = randomUUID();
    await w.sp.execute('decideSuspicion', U.voorzitter, { commandId, caseId, suspicion: true, rationale: 'Meerdere signalen.' });
    const record = await stored(w, caseId);
    const fp = await footprint(w);
    expectCode(await w.sp.execute('decideSuspicion', U.voorzitter, { commandId, caseId, suspicion: true, rationale: 'Andere tekst.' }), 'COMMAND.ID_REUSED');
    expectCode(await w.sp.execute('decideSuspicion', U.regisseur, { commandId, caseId, suspicion: true, rationale: 'Meerdere signalen.' }), 'COMMAND.ID_REUSED');
    expectCode(await w.sp.execute('withdrawCase', U.regisseur, { commandId, caseId, rationale: 'Meerdere signalen.', advisedRoute: 'WIJKTEAM' }), 'COMMAND.ID_REUSED');
    expectCode(await w.sp.execute('submitConcern', U.mentor, { commandId, ...CONCERN }), 'COMMAND.ID_REUSED');
    expect(await stored(w, caseId)).toEqual(record);
    expect(await footprint(w)).toEqual(fp);
  });

  test('a refused command leaves no idempotency record: the corrected retry with the same id runs', async () => {
    const caseId = await steps(w).bringIn();
    const commandId = randomUUID();
    expectCode(await w.sp.execute('decideSuspicion', U.voorzitter, { commandId, caseId, suspicion: false, rationale: 'Geen zorgen.' }), 'VALIDATION.INVALID_INPUT');
    const r = await w.sp.execute('decideSuspicion', U.voorzitter, { commandId, caseId, suspicion: false, rationale: 'Geen zorgen.', advisedRoute: 'WIJKTEAM' });
    expect(r.ok && r.value).toMatchObject({ phase: 'CLOSED', replayed: false });
  });
});

// ---- bad input stores nothing ------------------------------------------------------------------------

describe('bad input stores nothing', () => {
  let w: World;
  beforeEach(async () => {
    w = await makeWorld();
  });
  afterEach(() => w.close());

  const badConcerns: [string, ErrorCode, Record<string, unknown>][] = [
    ['an unknown field', 'VALIDATION.INVALID_INPUT', { ...CONCERN, naam: RESIDENT.name }],
    ['an unknown risk-signal code', 'VALIDATION.UNKNOWN_CODE', { ...CONCERN, riskSignals: ['GELD', 'ONBEKEND'] }],
    ['a retired form code (OPSLAG, retired in catalogue 2)', 'VALIDATION.UNKNOWN_CODE', { ...CONCERN, forms: ['OPSLAG'] }],
    ['an unknown AVE level', 'VALIDATION.UNKNOWN_CODE', { ...CONCERN, aveLevel: '5' }],
    ['no risk signal', 'VALIDATION.INVALID_INPUT', { ...CONCERN, riskSignals: [] }],
    ['no age', 'VALIDATION.INVALID_INPUT', { riskSignals: ['GELD'] }],
    ['an age above 23', 'VALIDATION.INVALID_INPUT', { ...CONCERN, ageYears: 24 }],
    ['duplicate codes', 'VALIDATION.INVALID_INPUT', { ...CONCERN, riskSignals: ['GELD', 'GELD'] }],
    ['free text that is too long', 'VALIDATION.INVALID_INPUT', { ...CONCERN, freeText: 'zorg '.repeat(300) }],
    ['a commandId that is too short', 'VALIDATION.INVALID_INPUT', { ...CONCERN, commandId: 'x' }],
  ];

  test.each(badConcerns)('submitConcern with %s → %s, nothing stored', async (_label, code, input) => {
    const before = await footprint(w);
    expectCode(await attempt(w, 'submitConcern', U.mentor, input), code);
    expect(await footprint(w)).toEqual(before);
  });

  test('identifiers in the free text → INTAKE.IDENTIFIER_DETECTED with spans, no text, nothing stored', async () => {
    const phone = '06-12345678';
    const email = 'jongen.x@example.nl';
    const freeText = `Jongen van 15 is bereikbaar op ${phone} en mailt vanaf ${email} over geld.`;
    const before = await footprint(w);
    const e = expectCode(await attempt(w, 'submitConcern', U.mentor, { ...CONCERN, freeText }), 'INTAKE.IDENTIFIER_DETECTED');
    expect(await footprint(w)).toEqual(before);
    const spans = e.details.spans ?? [];
    expect(spans.length).toBeGreaterThan(0);
    expect(e.details.categories?.length).toBeGreaterThan(0);
    for (const sp of spans) {
      expect(sp.field).toBe('freeText');
      expect(sp.start).toBeGreaterThanOrEqual(0);
      expect(sp.end).toBeLessThanOrEqual(freeText.length);
      expect(sp.end).toBeGreaterThan(sp.start);
    }
    const covers = (needle: string): boolean => {
      const at = freeText.indexOf(needle);
      return spans.some((s) => s.start <= at + 1 && s.end >= at + needle.length - 1);
    };
    expect(covers(phone)).toBe(true);
    expect(covers(email)).toBe(true);
    const json = JSON.stringify(e);
    for (const fragment of [phone, email, '12345678', 'jongen.x']) expect(json).not.toContain(fragment);
  });

  test('identifiers in a process-level rationale are refused too; the case does not move', async () => {
    const caseId = await steps(w).bringIn();
    const before = await stored(w, caseId);
    const e = expectCode(
      await attempt(w, 'decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Moeder belde vanaf 06-12345678 over de jongen.' }),
      'INTAKE.IDENTIFIER_DETECTED',
    );
    expect(e.details.spans?.every((s) => s.field === 'rationale')).toBe(true);
    expect(await stored(w, caseId)).toEqual(before);
  });

  test('invalid dates are refused and no identity is stored', async () => {
    const caseId = await steps(w).bringIn();
    await steps(w).suspect(caseId);
    for (const dateOfBirth of ['2011-02-30', '2011-13-01', '04-05-2011', '2011-5-4', '', '2027-01-01']) {
      const r = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth });
      expect(refusal(r).code).toBe('VALIDATION.INVALID_INPUT');
      expect((await stored(w, caseId)).identity).toBeUndefined();
    }
    expectCode(await attempt(w, 'requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie'], dueOn: '2026-02-30' }), 'VALIDATION.INVALID_INPUT');
  });

  test('unknown fields and unknown codes on case commands are refused; the case is unchanged', async () => {
    const caseId = await w.driveTo('BESPREKING');
    const before = await stored(w, caseId);
    const base = { caseId, lifeDomains: { SCHOOL: 'concerning' }, parties: ['politie'], leadOrganisationId: 'politie' };
    expectCode(await attempt(w, 'recordDiscussion', U.voorzitter, { ...base, extra: 1 }), 'VALIDATION.INVALID_INPUT');
    expectCode(await attempt(w, 'recordDiscussion', U.voorzitter, { ...base, lifeDomains: { RELIGIE: 'concerning' } }), 'VALIDATION.UNKNOWN_CODE');
    expectCode(await attempt(w, 'recordDiscussion', U.voorzitter, { ...base, followUpOptions: ['BESTAAT_NIET'] }), 'VALIDATION.UNKNOWN_CODE');
    expectCode(await attempt(w, 'recordDiscussion', U.voorzitter, { ...base, lifeDomains: { SCHOOL: 'heel erg' } }), 'VALIDATION.INVALID_INPUT');
    expectCode(await attempt(w, 'withdrawCase', U.regisseur, { caseId, rationale: 'x', advisedRoute: 'NERGENS' }), 'VALIDATION.UNKNOWN_CODE');
    expectCode(await attempt(w, 'withdrawCase', U.regisseur, { caseId: 'not-a-uuid', rationale: 'x', advisedRoute: 'WIJKTEAM' }), 'VALIDATION.INVALID_INPUT');
    expect(await stored(w, caseId)).toEqual(before);
  });
});

describe('optimistic concurrency', () => {
  test('expectedVersion that does not match → CASE.VERSION_CONFLICT, nothing changes; the right version passes', async () => {
    const w = await makeWorld();
    const caseId = await steps(w).bringIn();
    const before = await stored(w, caseId);
    const auditBefore = (await allAudit(w)).length;
    expectCode(
      await attempt(w, 'decideSuspicion', U.voorzitter, { caseId, expectedVersion: before.version + 1, suspicion: true, rationale: 'Signalen.' }),
      'CASE.VERSION_CONFLICT',
    );
    expect(await stored(w, caseId)).toEqual(before);
    expect((await allAudit(w)).length).toBe(auditBefore);
    const ok = await attempt(w, 'decideSuspicion', U.voorzitter, { caseId, expectedVersion: before.version, suspicion: true, rationale: 'Signalen.' });
    expect(ok.ok && ok.value.version).toBe(before.version + 1);
    await w.close();
  });
});

describe('informing the resident', () => {
  test('a deferral to at most one month after identity capture is accepted; one day more → INFORMING.DEFERRAL_TOO_LONG', async () => {
    const w = await makeWorld(); // clock: 2026-03-02
    const caseId = await steps(w).bringIn();
    await steps(w).suspect(caseId);
    await steps(w).identify(caseId);
    const before = await stored(w, caseId);
    const e = expectCode(
      await attempt(w, 'recordResidentInformed', U.mentor, { caseId, deferral: { reason: 'Lopend onderzoek van de politie.', until: '2026-04-03' } }),
      'INFORMING.DEFERRAL_TOO_LONG',
    );
    expect(JSON.stringify(e)).not.toContain('Lopend onderzoek');
    expect(await stored(w, caseId)).toEqual(before);
    const r = await attempt(w, 'recordResidentInformed', U.mentor, { caseId, deferral: { reason: 'Lopend onderzoek van de politie.', until: '2026-04-02' } });
    expect(r.ok && r.value.outcome).toBe('DEFERRED');
    expect((await stored(w, caseId)).frame.informingDeferral).toEqual({ reason: 'Lopend onderzoek van de politie.', until: '2026-04-02' });
    // informed on a date before identity capture, or in the future, is refused
    expectCode(await attempt(w, 'recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-01' }), 'VALIDATION.INVALID_INPUT');
    expectCode(await attempt(w, 'recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-03' }), 'VALIDATION.INVALID_INPUT');
    // neither or both of informedOn/deferral
    expectCode(await attempt(w, 'recordResidentInformed', U.mentor, { caseId }), 'VALIDATION.INVALID_INPUT');
    await w.close();
  });

  test('informing before identity exists is refused', async () => {
    const w = await makeWorld();
    const caseId = await steps(w).bringIn();
    await steps(w).suspect(caseId);
    expectCode(await attempt(w, 'recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-02' }), 'CASE.PRECONDITION_FAILED');
    await w.close();
  });
});

describe('errors never contain personal data', () => {
  test('refusals around identity carry codes, paths and spans only', async () => {
    const w = await makeWorld();
    const caseId = await steps(w).bringIn();
    await steps(w).suspect(caseId);
    const pd = [RESIDENT.name, 'Mila', 'Jansen', RESIDENT.dateOfBirth, '2011-02-30', RESIDENT.phone];
    const errors = [
      refusal(await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: '2011-02-30' })),
      refusal(await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth, bsn: '111222333' })),
      refusal(await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name.repeat(30), dateOfBirth: RESIDENT.dateOfBirth })),
      refusal(await attempt(w, 'supplyIdentity', U.agent, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth })),
      refusal(await attempt(w, 'supplyIdentity', U.voorzitter, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth })),
      refusal(await attempt(w, 'supplyIdentity', U.mentor, { caseId, expectedVersion: 99, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth })),
      refusal(await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: '2030-01-01' })),
    ];
    await steps(w).identify(caseId);
    errors.push(refusal(await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth })));
    const commandId = randomUUID();
    await w.sp.execute('recordResidentInformed', U.mentor, { commandId, caseId, informedOn: '2026-03-02' });
    errors.push(refusal(await w.sp.execute('supplyIdentity', U.mentor, { commandId, caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth })));
    errors.push(refusal(await attempt(w, 'submitConcern', U.mentor, { ...CONCERN, freeText: `Het gaat om ${RESIDENT.name}, geboren ${'4-5-2011'}, tel ${RESIDENT.phone}.` })));
    expect(errors.map((e) => e.code)).toEqual([
      'VALIDATION.INVALID_INPUT',
      'VALIDATION.INVALID_INPUT',
      'VALIDATION.INVALID_INPUT',
      'CASE.NOT_FOUND',
      'AUTH.FORBIDDEN',
      'CASE.VERSION_CONFLICT',
      'VALIDATION.INVALID_INPUT',
      'CASE.PRECONDITION_FAILED',
      'COMMAND.ID_REUSED',
      'INTAKE.IDENTIFIER_DETECTED',
    ]);
    for (const e of errors) {
      const text = [JSON.stringify(e), e.message, String(e.stack), JSON.stringify(e.details), e.message_nl(), e.message_en()].join('\n');
      for (const fragment of [...pd, '4-5-2011']) expect(text).not.toContain(fragment);
    }
    await w.close();
  });
});
