/**
 * Every command refused over HTTP for the wrong role and for the wrong phase, with the core's code as a
 * problem+json, and the case unchanged afterwards.
 */
import type { ApiPhase, TestServer } from './support/harness';
import { BODIES, CONCERN, DEMO, cmdId, commandPath, driveTo, startTestServer } from './support/harness';
import { operations } from '../../src/server/operations';

let t: TestServer;
const cases: Partial<Record<ApiPhase, string>> = {};
beforeAll(async () => {
  t = await startTestServer({ SJV_WRITE_RATE_LIMIT: '100000' });
});
afterAll(async () => {
  await t.close();
});

/** A fresh case in `phase` for each refusal, so that refusals cannot mask each other. */
async function caseIn(phase: ApiPhase): Promise<string> {
  return (cases[phase] = await driveTo(t, phase));
}

async function refused(name: string, as: string, caseId: string | undefined, body: Record<string, unknown>) {
  const before = caseId ? await t.server.store.transaction((tx) => tx.getCase(caseId)) : undefined;
  const auditBefore = (await t.server.store.readAudit({ limit: 1_000_000 })).length;
  const r = await t.call('POST', commandPath(name, caseId), { as, body: { commandId: cmdId(), ...body } });
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  if (caseId) expect(await t.server.store.transaction((tx) => tx.getCase(caseId))).toEqual(before);
  expect((await t.server.store.readAudit({ limit: 1_000_000 })).length).toBe(auditBefore);
  return r;
}

const actionIdOf = async (caseId: string): Promise<string> => (await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body.followUp.actions[0].id;

interface Refusal {
  command: string;
  as: string;
  phase?: ApiPhase;
  body: (caseId: string) => Record<string, unknown> | Promise<Record<string, unknown>>;
  code: string;
}

const WRONG_ROLE: Refusal[] = [
  { command: 'submitConcern', as: DEMO.regisseur, body: () => CONCERN, code: 'AUTH.NOT_A_MEMBER' },
  { command: 'submitConcern', as: DEMO.trainer, body: () => CONCERN, code: 'AUTH.NOT_A_MEMBER' },
  { command: 'decideSuspicion', as: DEMO.mentor, phase: 'INBRENG', body: BODIES.decideSuspicion, code: 'AUTH.FORBIDDEN' },
  { command: 'supplyIdentity', as: DEMO.voorzitter, phase: 'VERRIJKING', body: BODIES.supplyIdentity, code: 'AUTH.FORBIDDEN' },
  { command: 'recordResidentInformed', as: DEMO.voorzitter, phase: 'VERRIJKING', body: BODIES.recordResidentInformed, code: 'AUTH.FORBIDDEN' },
  { command: 'requestEnrichment', as: DEMO.mentor, phase: 'VERRIJKING', body: BODIES.requestEnrichment, code: 'AUTH.FORBIDDEN' },
  { command: 'answerEnrichment', as: DEMO.voorzitter, phase: 'VERRIJKING', body: BODIES.answerEnrichment, code: 'AUTH.FORBIDDEN' },
  { command: 'concludeEnrichment', as: DEMO.voorzitter, phase: 'VERRIJKING', body: () => ({}), code: 'AUTH.FORBIDDEN' },
  { command: 'recordDiscussion', as: DEMO.mentor, phase: 'BESPREKING', body: BODIES.recordDiscussion, code: 'AUTH.FORBIDDEN' },
  { command: 'recordFollowUp', as: DEMO.voorzitter, phase: 'OPVOLGING', body: BODIES.recordFollowUp, code: 'AUTH.FORBIDDEN' },
  { command: 'updateActionStatus', as: DEMO.agent, phase: 'REFLECTIE', body: async (id) => BODIES.updateActionStatus(await actionIdOf(id)), code: 'AUTH.FORBIDDEN' },
  { command: 'closeCase', as: DEMO.voorzitter, phase: 'REFLECTIE', body: BODIES.closeCase, code: 'AUTH.FORBIDDEN' },
  { command: 'withdrawCase', as: DEMO.voorzitter, phase: 'INBRENG', body: BODIES.withdrawCase, code: 'AUTH.FORBIDDEN' },
  { command: 'generateLetter', as: DEMO.voorzitter, phase: 'VERRIJKING', body: () => ({ kind: 'information' }), code: 'AUTH.FORBIDDEN' },
  { command: 'generateLetter', as: DEMO.fg, phase: 'VERRIJKING', body: () => ({ kind: 'information' }), code: 'CASE.NOT_FOUND' },
  { command: 'linkCases', as: DEMO.voorzitter, phase: 'INBRENG', body: () => ({ linkedReference: 'SJV-2026-0001' }), code: 'AUTH.FORBIDDEN' },
  { command: 'unlinkCases', as: DEMO.mentor, phase: 'INBRENG', body: () => ({ linkedReference: 'SJV-2026-0001' }), code: 'AUTH.FORBIDDEN' },
  // Who may not see a case at all is told it does not exist.
  { command: 'decideSuspicion', as: DEMO.trainer, phase: 'INBRENG', body: BODIES.decideSuspicion, code: 'CASE.NOT_FOUND' },
  { command: 'withdrawCase', as: DEMO.fg, phase: 'VERRIJKING', body: BODIES.withdrawCase, code: 'CASE.NOT_FOUND' },
];

/** Purges every closed case (a retention run as on a far day, local mode) and names another case to link to. */
async function purgedFirst(): Promise<Record<string, unknown>> {
  const run = await t.call('POST', '/api/v1/retention/run', { as: DEMO.regisseur, body: { asOf: '2099-01-01' } });
  expect(run.status).toBe(200);
  return { linkedReference: 'SJV-2026-0001' };
}

const WRONG_PHASE: Refusal[] = [
  { command: 'decideSuspicion', as: DEMO.voorzitter, phase: 'VERRIJKING', body: BODIES.decideSuspicion, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'supplyIdentity', as: DEMO.mentor, phase: 'INBRENG', body: BODIES.supplyIdentity, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'recordResidentInformed', as: DEMO.regisseur, phase: 'INBRENG', body: BODIES.recordResidentInformed, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'requestEnrichment', as: DEMO.regisseur, phase: 'BESPREKING', body: BODIES.requestEnrichment, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'answerEnrichment', as: DEMO.agent, phase: 'BESPREKING', body: BODIES.answerEnrichment, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'concludeEnrichment', as: DEMO.regisseur, phase: 'INBRENG', body: () => ({}), code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'recordDiscussion', as: DEMO.voorzitter, phase: 'VERRIJKING', body: () => ({ ...BODIES.recordDiscussion(), contact: undefined }), code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'recordFollowUp', as: DEMO.regisseur, phase: 'BESPREKING', body: BODIES.recordFollowUp, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'updateActionStatus', as: DEMO.regisseur, phase: 'BESPREKING', body: () => BODIES.updateActionStatus('a1'), code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'closeCase', as: DEMO.regisseur, phase: 'OPVOLGING', body: BODIES.closeCase, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'withdrawCase', as: DEMO.regisseur, phase: 'CLOSED', body: BODIES.withdrawCase, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'generateLetter', as: DEMO.regisseur, phase: 'INBRENG', body: () => ({ kind: 'information' }), code: 'CASE.TRANSITION_NOT_ALLOWED' },
  // a link is refused only on a purged case: the closed case is purged first (retention run as on a far day)
  { command: 'linkCases', as: DEMO.regisseur, phase: 'CLOSED', body: purgedFirst, code: 'CASE.TRANSITION_NOT_ALLOWED' },
  { command: 'unlinkCases', as: DEMO.regisseur, phase: 'CLOSED', body: purgedFirst, code: 'CASE.TRANSITION_NOT_ALLOWED' },
];

const label = (r: Refusal): string => `${r.command} by ${r.as}${r.phase ? ` in ${r.phase}` : ''} is refused with ${r.code}`;

describe('wrong role', () => {
  test.each(WRONG_ROLE.map((r) => [label(r), r] as const))('%s', async (_name, r) => {
    const caseId = r.phase ? await caseIn(r.phase) : undefined;
    const res = await refused(r.command, r.as, caseId, await r.body(caseId ?? ''));
    expect(res.body).toMatchObject({ code: r.code, status: res.status, type: `urn:signaalpunt:problem:${r.code}` });
    expect(res.status).toBe(r.code === 'CASE.NOT_FOUND' ? 404 : 403);
    expect(res.body.messages.nl).toEqual(expect.any(String));
    expect(res.body.messages.en).toEqual(expect.any(String));
  });
});

describe('wrong phase', () => {
  test.each(WRONG_PHASE.map((r) => [label(r), r] as const))('%s', async (_name, r) => {
    const caseId = await caseIn(r.phase!);
    const res = await refused(r.command, r.as, caseId, await r.body(caseId));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: r.code });
  });
});

test('every command of the core is covered by a wrong-role and a wrong-phase refusal (submitConcern has no phase)', () => {
  const commands = operations()
    .filter((op) => op.command)
    .map((op) => op.command!);
  expect(new Set(WRONG_ROLE.map((r) => r.command))).toEqual(new Set(commands));
  expect(new Set(WRONG_PHASE.map((r) => r.command))).toEqual(new Set(commands.filter((c) => c !== 'submitConcern')));
});

test('a command on a case id that does not exist is CASE.NOT_FOUND and one that is no uuid names the field', async () => {
  const missing = await refused('closeCase', DEMO.regisseur, '7f0c8a51-7d3c-4c39-9f1b-7b6d3f0e2a11', BODIES.closeCase());
  expect(missing.status).toBe(404);
  expect(missing.body.code).toBe('CASE.NOT_FOUND');
  const bad = await t.call('POST', '/api/v1/cases/not-a-uuid/close-case', { as: DEMO.regisseur, body: { commandId: cmdId(), ...BODIES.closeCase() } });
  expect(bad.status).toBe(400);
  expect(bad.body.fields).toEqual([{ path: 'caseId', issue: 'invalid_format' }]);
});

test('queries refuse callers without the role: audit and retention are for the procesregisseur and the privacy officer', async () => {
  const caseId = cases.INBRENG ?? (await caseIn('INBRENG'));
  for (const [method, path] of [
    ['GET', `/api/v1/cases/${caseId}/audit`],
    ['GET', '/api/v1/audit/verification'],
    ['GET', '/api/v1/retention/report'],
    ['POST', '/api/v1/retention/run'],
  ] as const) {
    const r = await t.call(method, path, { as: DEMO.mentor, ...(method === 'POST' ? { body: {} } : {}) });
    expect([path, r.status, r.body.code]).toEqual([path, 403, 'AUTH.FORBIDDEN']);
  }
  const fgRun = await t.call('POST', '/api/v1/retention/run', { as: DEMO.fg, body: {} });
  expect(fgRun.body.code).toBe('AUTH.FORBIDDEN');
  const list = await t.call('GET', '/api/v1/cases', { as: DEMO.trainer });
  expect([list.status, list.body.code]).toEqual([403, 'AUTH.NOT_A_MEMBER']);
});
