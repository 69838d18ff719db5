/**
 * Through the API (issue 12, item 4): a name in any guarded field — not only the intake text — is refused
 * with INTAKE.IDENTIFIER_DETECTED whose problem+json names the field path and the category, never the
 * text; nothing is stored. Names here are fictitious.
 */
import type { TestServer } from './support/harness';
import { DEMO, cmdId, commandPath, driveTo, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ SJV_WRITE_RATE_LIMIT: '100000' });
});
afterAll(async () => {
  await t.close();
});

test('a withdrawal rationale with a diminutive name is refused naming rationale and PERSON_NAME; the case stays where it was', async () => {
  const caseId = await driveTo(t, 'BESPREKING');
  const before = await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur });
  const r = await t.call('POST', commandPath('withdrawCase', caseId), {
    as: DEMO.regisseur,
    body: { commandId: cmdId(), rationale: 'Besproken met Jantje Testpersoon zelf.', advisedRoute: 'WIJKTEAM' },
  });
  expect(r.status).toBe(422);
  expect(r.body).toMatchObject({ code: 'INTAKE.IDENTIFIER_DETECTED', fields: [{ path: 'rationale', issue: 'PERSON_NAME' }], categories: ['PERSON_NAME'] });
  expect(r.body.spans).toEqual([{ field: 'rationale', category: 'PERSON_NAME', start: 14, end: 32 }]);
  expect(r.body.detail).toBe('Found in the text: PERSON_NAME in rationale. Nothing was stored.');
  expect(r.text).not.toMatch(/Jantje|Testpersoon/);
  const after = await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur });
  expect(after.body.frame.phase).toBe('BESPREKING');
  expect(after.body.version).toBe(before.body.version);
});

test('discussion notes naming a school with its class are refused naming notes and SCHOOL_CLASS', async () => {
  const caseId = await driveTo(t, 'BESPREKING');
  const r = await t.call('POST', commandPath('recordDiscussion', caseId), {
    as: DEMO.voorzitter,
    body: { commandId: cmdId(), lifeDomains: { SCHOOL: 'concerning' }, notes: 'Zit op Het Baken College in klas 2c.' },
  });
  expect(r.status).toBe(422);
  expect(r.body).toMatchObject({ code: 'INTAKE.IDENTIFIER_DETECTED', fields: [{ path: 'notes', issue: 'SCHOOL_CLASS' }] });
  expect(r.text).not.toContain('Baken');
});

test('a meeting title with a name is refused naming title; no session is created', async () => {
  const r = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'meeting-guarded-title', title: 'Signaaltafel over Keesje', scheduledOn: '2026-03-02' } });
  expect(r.status).toBe(422);
  expect(r.body).toMatchObject({ code: 'INTAKE.IDENTIFIER_DETECTED', fields: [{ path: 'title', issue: 'PERSON_NAME' }] });
  expect(r.text).not.toContain('Keesje');
  const found = await t.call('GET', '/api/v1/meetings?teamsMeetingId=meeting-guarded-title', { as: DEMO.regisseur });
  expect(found.body.items ?? []).toEqual([]);
});
