/**
 * A full case through all five phases over real HTTP with the demo users, as they would run it: anonymous
 * intake, decision, identity and enrichment, discussion, follow-up, closure, and destruction at retention.
 */
import type { TestServer } from './support/harness';
import { BODIES, CONCERN, DEMO, cmdId, command, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const getCase = (as: string, caseId: string) => t.call('GET', `/api/v1/cases/${caseId}`, { as });

test('a case runs from anonymous intake to destruction of its personal data with the demo users', async () => {
  // Inbreng: the mentor brings in an anonymous concern.
  const commandId = cmdId();
  const created = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId, ...CONCERN } });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ phase: 'INBRENG', version: 1, replayed: false });
  expect(created.body.reference).toMatch(/^SJV-\d{4}-\d{4}$/);
  const caseId: string = created.body.caseId;
  expect(created.headers.get('location')).toBe(`/api/v1/cases/${caseId}`);

  // The same submit delivered twice changes nothing the second time.
  const again = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId, ...CONCERN } });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ caseId, replayed: true, version: 1 });
  const listed = await t.call('GET', '/api/v1/cases?phase=INBRENG', { as: DEMO.voorzitter });
  expect(listed.status).toBe(200);
  expect(listed.body.items.filter((c: { id: string }) => c.id === caseId)).toHaveLength(1);
  expect(listed.body.total).toBe(1);

  // Anonymous at the table: the chair sees the concern, and no identity exists yet.
  const atTable = await getCase(DEMO.voorzitter, caseId);
  expect(atTable.status).toBe(200);
  expect(atTable.body.concern.riskSignals).toEqual(['GELD', 'VERZUIM']);
  expect(atTable.body.identity).toBeUndefined();

  expect((await command(t, DEMO.voorzitter, 'decideSuspicion', caseId, BODIES.decideSuspicion())).phase).toBe('VERRIJKING');

  // Verrijking: identity, informing, enrichment requests and answers.
  expect((await command(t, DEMO.mentor, 'supplyIdentity', caseId, BODIES.supplyIdentity())).outcome).toBe('ELIGIBLE');
  expect((await command(t, DEMO.mentor, 'recordResidentInformed', caseId, BODIES.recordResidentInformed())).outcome).toBe('INFORMED');
  expect((await command(t, DEMO.regisseur, 'requestEnrichment', caseId, BODIES.requestEnrichment())).outcome).toBe('REQUESTED');

  const agentWhileOpen = await getCase(DEMO.agent, caseId);
  expect(agentWhileOpen.body.identity).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04' });
  expect((await command(t, DEMO.agent, 'answerEnrichment', caseId, BODIES.answerEnrichment())).outcome).toBe('KNOWN');
  const agentAfterAnswer = await getCase(DEMO.agent, caseId);
  expect(agentAfterAnswer.body.identity).toBeUndefined();
  expect(agentAfterAnswer.body.enrichment.requests.map((r: { organisationId: string }) => r.organisationId)).toEqual(['politie']);
  expect((await command(t, DEMO.coach, 'answerEnrichment', caseId, { known: false })).outcome).toBe('NOT_KNOWN');
  expect((await command(t, DEMO.regisseur, 'concludeEnrichment', caseId, {})).phase).toBe('BESPREKING');

  // Bespreking: the chair records, the procesregisseur adds the contact for the lead partner and completes.
  const discussion = BODIES.recordDiscussion();
  expect((await command(t, DEMO.voorzitter, 'recordDiscussion', caseId, { ...discussion, contact: undefined, complete: false })).outcome).toBe('SAVED');
  expect((await command(t, DEMO.regisseur, 'recordDiscussion', caseId, discussion)).phase).toBe('OPVOLGING');
  expect((await getCase(DEMO.jongerenwerk, caseId)).body.contact).toEqual({ phone: '06-12345678' });
  expect((await getCase(DEMO.agent, caseId)).body.contact).toBeUndefined();

  // Opvolging → Reflectie: the lead partner records the follow-up and the outcome of the action.
  expect((await command(t, DEMO.jongerenwerk, 'recordFollowUp', caseId, BODIES.recordFollowUp())).phase).toBe('REFLECTIE');
  const actionId: string = (await getCase(DEMO.regisseur, caseId)).body.followUp.actions[0].id;
  expect((await command(t, DEMO.jongerenwerk, 'updateActionStatus', caseId, BODIES.updateActionStatus(actionId))).outcome).toBe('done');

  // Closure and retention.
  expect((await command(t, DEMO.regisseur, 'closeCase', caseId, BODIES.closeCase())).phase).toBe('CLOSED');
  const closed = await getCase(DEMO.regisseur, caseId);
  const retentionUntil: string = closed.body.frame.retentionUntil;
  expect(retentionUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(closed.body.identity).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04' });

  const early = await t.call('POST', '/api/v1/retention/run', { as: DEMO.regisseur, body: {} });
  expect(early.status).toBe(200);
  expect(early.body.purged).toEqual([]);
  const run = await t.call('POST', '/api/v1/retention/run', { as: DEMO.regisseur, body: { asOf: retentionUntil } });
  expect(run.status).toBe(200);
  expect(run.body.purged.map((p: { caseId: string }) => p.caseId)).toEqual([caseId]);
  const purged = await getCase(DEMO.regisseur, caseId);
  expect(purged.body.phase).toBe('PURGED');
  expect(purged.body.identity).toBeUndefined();
  expect(purged.body.concern.freeText).toBe('');
  expect(JSON.stringify(purged.body)).not.toContain('Test Persoon');
  expect(JSON.stringify(purged.body)).not.toContain('06-12345678');

  // Accountability: the privacy officer reads the audit and the chain holds, but sees no case content.
  const audit = await t.call('GET', `/api/v1/cases/${caseId}/audit`, { as: DEMO.fg });
  expect(audit.status).toBe(200);
  const actions = audit.body.items.map((r: { action: string }) => r.action);
  expect(actions).toEqual(expect.arrayContaining(['create', 'update', 'read', 'export', 'transition', 'delete']));
  expect(JSON.stringify(audit.body)).not.toContain('Test Persoon');
  const verified = await t.call('GET', '/api/v1/audit/verification', { as: DEMO.fg });
  expect(verified.body).toMatchObject({ ok: true });
  expect(verified.body.rows).toBeGreaterThanOrEqual(audit.body.items.length);
  expect((await getCase(DEMO.fg, caseId)).status).toBe(404);
  const report = await t.call('GET', '/api/v1/retention/report', { as: DEMO.fg });
  expect(report.status).toBe(200);
  expect(report.body.deletions.map((d: { caseId: string }) => d.caseId)).toContain(caseId);
});

test('getMe returns the demo user with organisation and roles from the store, and the catalogue and partners are served', async () => {
  const me = await t.call('GET', '/api/v1/me', { as: DEMO.trainer });
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ user: { id: DEMO.trainer, organisationId: 'sportclub', roles: ['partner'] }, organisation: { id: 'sportclub', member: false }, mode: 'local' });
  const catalogue = await t.call('GET', '/api/v1/catalogue', { as: DEMO.mentor });
  expect(catalogue.body.riskSignals.map((e: { code: string }) => e.code)).toContain('GELD');
  const partners = await t.call('GET', '/api/v1/partners', { as: DEMO.mentor });
  const byId = Object.fromEntries(partners.body.items.map((p: { id: string; member: boolean }) => [p.id, p.member]));
  expect(byId).toMatchObject({ gemeente: true, school: true, politie: true, sportclub: false });
});

test('listCases filters by phase, status, organisation and overdue, and pages', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await command(t, DEMO.coach, 'submitConcern', undefined, CONCERN)).caseId);
  await command(t, DEMO.voorzitter, 'decideSuspicion', ids[0]!, BODIES.decideSuspicion());
  const list = (q: string, as: string = DEMO.regisseur) => t.call('GET', `/api/v1/cases${q}`, { as });

  const wijkteam = await list('?organisation=wijkteam&limit=2');
  expect(wijkteam.body.total).toBe(3);
  expect(wijkteam.body.items).toHaveLength(2);
  expect(wijkteam.body).toMatchObject({ limit: 2, offset: 0 });
  const rest = await list('?organisation=wijkteam&limit=2&offset=2');
  expect(rest.body.items).toHaveLength(1);
  expect(new Set([...wijkteam.body.items, ...rest.body.items].map((c: { id: string }) => c.id))).toEqual(new Set(ids));

  const enrichment = await list('?organisation=wijkteam&phase=VERRIJKING,BESPREKING');
  expect(enrichment.body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
  expect((await list('?organisation=wijkteam&status=closed')).body.total).toBe(0);
  expect((await list('?organisation=wijkteam&overdue=true')).body.total).toBe(0);

  const bad = await list('?phase=NOPE');
  expect(bad.status).toBe(400);
  expect(bad.body).toMatchObject({ code: 'VALIDATION.INVALID_INPUT', fields: [{ path: 'phase.0' }] });
  const unknownParam = await list('?colour=red');
  expect(unknownParam.status).toBe(400);
  expect(unknownParam.body.fields).toEqual([{ path: 'colour', issue: 'unrecognized_keys' }]);
});
