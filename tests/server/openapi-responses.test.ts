/**
 * The documented response schemas hold for real responses: a server in local mode on 127.0.0.1 answers
 * each JSON operation that got its schema in issue 15 (catalogue, retention report, meetings, transparency),
 * and every body is validated against the schema the OpenAPI document gives it (ajv, JSON Schema 2020-12).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Json, Reply, TestServer } from './support/harness';
import { BODIES, DEMO, command, driveTo, inDays, startTestServer } from './support/harness';

let t: TestServer;
let doc: Json;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

beforeAll(async () => {
  t = await startTestServer();
  doc = (await t.call('GET', '/api/openapi.json')).body;
});
afterAll(async () => {
  await t.close();
});

/** Checks a reply against the documented 200/201 JSON schema of the operation at `path`/`method`. */
function holds(reply: Reply, method: string, path: string): { status: number; valid: boolean; errors: unknown } {
  const op = doc.paths[path][method];
  const schema = op.responses[String(reply.status)]?.content?.['application/json']?.schema;
  if (!schema) return { status: reply.status, valid: false, errors: `no JSON schema documented for ${reply.status}` };
  const valid = ajv.validate(schema, reply.body);
  return { status: reply.status, valid, errors: valid ? null : ajv.errors };
}
const ok = (status = 200) => ({ status, valid: true, errors: null });

test('the catalogue and the retention report match their documented schemas', async () => {
  expect(holds(await t.call('GET', '/api/v1/catalogue', { as: DEMO.mentor }), 'get', '/api/v1/catalogue')).toEqual(ok());
  await driveTo(t, 'CLOSED');
  expect(holds(await t.call('GET', `/api/v1/retention/report?asOf=${inDays(3000)}`, { as: DEMO.fg }), 'get', '/api/v1/retention/report')).toEqual(ok());
});

test('a session’s agenda, stage, end and minutes match their documented schemas', async () => {
  const inbreng = await driveTo(t, 'INBRENG');
  const bespreking = await driveTo(t, 'BESPREKING');
  const created = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: '19:meeting_schema@thread.v2', title: 'Signaaltafel', scheduledOn: '2026-03-02' } });
  const id: string = created.body.id;
  await t.call('POST', `/api/v1/meetings/${id}/agenda`, { as: DEMO.regisseur, body: { caseIds: [bespreking, inbreng], expectedVersion: 1 } });
  await t.call('POST', `/api/v1/meetings/${id}/start`, { as: DEMO.voorzitter, body: {} });
  const agenda = await t.call('GET', `/api/v1/meetings/${id}`, { as: DEMO.voorzitter });
  expect(holds(agenda, 'get', '/api/v1/meetings/{meetingId}')).toEqual(ok());
  expect(holds(await t.call('GET', `/api/v1/meetings/${id}`, { as: DEMO.agent }), 'get', '/api/v1/meetings/{meetingId}')).toEqual(ok());
  expect(holds(await t.call('GET', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter }), 'get', '/api/v1/meetings/{meetingId}/stage')).toEqual(ok());
  await t.call('POST', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter, body: { itemId: agenda.body.items[1].id } });
  expect(holds(await t.call('GET', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter }), 'get', '/api/v1/meetings/{meetingId}/stage')).toEqual(ok());
  await command(t, DEMO.voorzitter, 'decideSuspicion', inbreng, { ...BODIES.decideSuspicion(), expectedVersion: agenda.body.items[0].case.version });
  expect(holds(await t.call('POST', `/api/v1/meetings/${id}/end`, { as: DEMO.voorzitter, body: {} }), 'post', '/api/v1/meetings/{meetingId}/end')).toEqual(ok());
  expect(holds(await t.call('GET', `/api/v1/meetings/${id}/minutes`, { as: DEMO.regisseur }), 'get', '/api/v1/meetings/{meetingId}/minutes')).toEqual(ok());
});

test('the access export, locks, statistics and informing reminders match their documented schemas', async () => {
  const caseId = await driveTo(t, 'BESPREKING');
  expect(caseId).toBeTruthy();
  const exported = await t.call('POST', '/api/v1/access-requests', { as: DEMO.regisseur, body: { ...BODIES.supplyIdentity(), locale: 'en' } });
  expect(exported.body.cases.length).toBeGreaterThan(0);
  expect(holds(exported, 'post', '/api/v1/access-requests')).toEqual(ok());
  expect(holds(await t.call('GET', '/api/v1/resident/locks', { as: DEMO.regisseur }), 'get', '/api/v1/resident/locks')).toEqual(ok());
  const stats = await t.call('GET', `/api/v1/statistics?from=${inDays(-30)}&to=${inDays(0)}`, { as: DEMO.voorzitter });
  expect(holds(stats, 'get', '/api/v1/statistics')).toEqual(ok());
  const reminders = await t.call('GET', '/api/v1/informing/reminders?withinDays=60', { as: DEMO.regisseur });
  expect(reminders.body.items.length).toBeGreaterThan(0);
  expect(holds(reminders, 'get', '/api/v1/informing/reminders')).toEqual(ok());
});
