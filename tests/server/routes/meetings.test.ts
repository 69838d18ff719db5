/**
 * The signaaltafel session operations over real HTTP (local mode, real SQLite in a temp dir): the paths
 * the meeting tab calls, problem codes, and the Markdown export of the minutes.
 */
import type { TestServer } from '../support/harness';
import { BODIES, DEMO, command, driveTo, startTestServer } from '../support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

test('the tab finds the session of its Teams meeting, runs it, and exports minutes without personal data', async () => {
  const inbreng = await driveTo(t, 'INBRENG');
  const bespreking = await driveTo(t, 'BESPREKING');
  const empty = await t.call('GET', '/api/v1/meetings?teamsMeetingId=19:meeting_abc@thread.v2', { as: DEMO.voorzitter });
  expect(empty.status).toBe(200);
  expect(empty.body.items).toEqual([]);

  const created = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: '19:meeting_abc@thread.v2', title: 'Signaaltafel', scheduledOn: '2026-03-02' } });
  expect(created.status).toBe(201);
  const id: string = created.body.id;
  expect(created.headers.get('location')).toBe(`/api/v1/meetings/${id}`);
  const dup = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: '19:meeting_abc@thread.v2', title: 'Signaaltafel', scheduledOn: '2026-03-02' } });
  expect(dup.status).toBe(409);
  expect(dup.body.code).toBe('MEETING.ALREADY_EXISTS');

  const agenda = await t.call('POST', `/api/v1/meetings/${id}/agenda`, { as: DEMO.regisseur, body: { caseIds: [bespreking, inbreng], expectedVersion: 1 } });
  expect(agenda.status).toBe(200);
  const found = await t.call('GET', '/api/v1/meetings?teamsMeetingId=19:meeting_abc@thread.v2', { as: DEMO.voorzitter });
  expect(found.body.items.map((m: { id: string }) => m.id)).toEqual([id]);

  expect((await t.call('POST', `/api/v1/meetings/${id}/start`, { as: DEMO.voorzitter, body: {} })).status).toBe(200);
  const view = await t.call('GET', `/api/v1/meetings/${id}`, { as: DEMO.voorzitter });
  expect(view.status).toBe(200);
  expect(view.body.items.map((i: { part: string }) => i.part)).toEqual(['ANONYMOUS_ROUND', 'BESPREKING']);
  const shared = await t.call('POST', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter, body: { itemId: view.body.items[1].id } });
  expect(shared.status).toBe(200);
  const stage = await t.call('GET', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter });
  expect(stage.status).toBe(200);
  expect(stage.body.item.case.concern.forms).toEqual(['DEALEN']);
  // a member never asked about this bespreking case reads nothing of it: the stage shows it no item
  const notAsked = await t.call('GET', `/api/v1/meetings/${id}/stage`, { as: DEMO.leerplicht });
  expect(notAsked.status).toBe(200);
  expect(notAsked.body.item).toBeUndefined();
  expect(stage.text).not.toContain('Test Persoon');
  expect(stage.text).not.toContain('2011-05-04');

  await command(t, DEMO.voorzitter, 'decideSuspicion', inbreng, { ...BODIES.decideSuspicion(), expectedVersion: view.body.items[0].case.version });
  const ended = await t.call('POST', `/api/v1/meetings/${id}/end`, { as: DEMO.voorzitter, body: {} });
  expect(ended.status).toBe(200);
  expect(ended.body.final).toBe(true);
  const md = await t.call('GET', `/api/v1/meetings/${id}/minutes?format=markdown&locale=en-US`, { as: DEMO.regisseur });
  expect(md.status).toBe(200);
  expect(md.headers.get('content-type')).toMatch(/^text\/markdown/);
  expect(md.headers.get('content-disposition')).toMatch(/attachment/);
  expect(md.text).toContain('Reasonable suspicion: yes');
  expect(md.text).toContain('Het Baken College');
  expect(md.text).not.toContain('Test Persoon');
});

test('guests and outsiders get nothing: no token 401, the privacy officer 403, a non-member 403', async () => {
  const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'meeting-outsiders', title: 'Signaaltafel', scheduledOn: '2026-03-02' } });
  const id: string = m.body.id;
  expect((await t.call('GET', `/api/v1/meetings/${id}/stage`)).status).toBe(401);
  const fg = await t.call('GET', `/api/v1/meetings/${id}`, { as: DEMO.fg });
  expect([fg.status, fg.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  const trainer = await t.call('GET', `/api/v1/meetings/${id}/stage`, { as: DEMO.trainer });
  expect([trainer.status, trainer.body.code]).toEqual([403, 'AUTH.NOT_A_MEMBER']);
  const unknownField = await t.call('POST', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter, body: { itemId: null, extra: 1 } });
  expect(unknownField.status).toBe(400);
});
