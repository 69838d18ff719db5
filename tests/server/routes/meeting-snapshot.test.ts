/**
 * Meeting surfaces from a per-meeting snapshot (issue 14, item 5): ETag/304 to viewers, the per-viewer view
 * still made per request, reading audited once per item and viewer rather than per poll, and a second
 * instance on the same store serving what the first one changed. Real HTTP, real SQLite, local mode.
 */
import type { TestServer } from '../support/harness';
import { DEMO, driveTo, startTestServer, tempDir } from '../support/harness';

let a: TestServer;
let b: TestServer;
let meetingId: string;
let items: { id: string }[];
beforeAll(async () => {
  const dataDir = tempDir();
  a = await startTestServer({}, { dataDir });
  b = await startTestServer({}, { dataDir });
  const inbreng = await driveTo(a, 'INBRENG');
  const bespreking = await driveTo(a, 'BESPREKING');
  const m = await a.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'meeting-snapshot', title: 'Signaaltafel', scheduledOn: '2026-03-02' } });
  meetingId = m.body.id;
  await a.call('POST', `/api/v1/meetings/${meetingId}/agenda`, { as: DEMO.regisseur, body: { caseIds: [bespreking, inbreng], expectedVersion: 1 } });
  await a.call('POST', `/api/v1/meetings/${meetingId}/start`, { as: DEMO.voorzitter, body: {} });
  items = (await a.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter })).body.items;
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const readRows = async (actor: string): Promise<number> =>
  (await a.server.store.readAudit({ limit: 100_000 })).filter((r) => r.action === 'read' && r.actorId === actor).length;

test('a poll with the current ETag gets 304; a change gives a new ETag and the new content', async () => {
  const first = await a.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent });
  expect(first.status).toBe(200);
  const etag = first.headers.get('etag')!;
  expect(etag).toMatch(/^W\/"m\d+\.a\d+\./);
  const again = await a.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent, headers: { 'if-none-match': etag } });
  expect([again.status, again.text]).toEqual([304, '']);
  await a.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: items[0]!.id } });
  const changed = await a.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent, headers: { 'if-none-match': etag } });
  expect(changed.status).toBe(200);
  expect(changed.headers.get('etag')).not.toBe(etag);
  expect(changed.body.item.id).toBe(items[0]!.id);
});

test('the view is still made per viewer: the chair sees the outcome column, a member does not, from the same snapshot', async () => {
  const chair = await a.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter });
  const member = await a.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.jongerenwerk });
  expect(chair.body.roles).toContain('chair');
  expect(member.body.roles).toEqual(['member']);
  expect(chair.body.items.some((i: { outcome?: unknown }) => i.outcome !== undefined)).toBe(true);
  expect(member.body.items.every((i: { outcome?: unknown }) => i.outcome === undefined)).toBe(true);
  expect(chair.headers.get('etag')).not.toBe(member.headers.get('etag'));
});

test('reading the side panel is audited once per item and viewer, not per poll', async () => {
  const before = await readRows(DEMO.voorzitter);
  const first = await a.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter });
  expect(first.status).toBe(200);
  const afterFirst = await readRows(DEMO.voorzitter);
  for (let i = 0; i < 5; i++) expect((await a.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter })).status).toBe(200);
  expect(await readRows(DEMO.voorzitter)).toBe(afterFirst);
  // the chair reads personal data in the side panel: those reads are audited (once)
  expect(afterFirst).toBeGreaterThan(0);
  expect(afterFirst - before).toBeLessThanOrEqual(items.length);
});

test('a second instance on the same store serves a change made through the first, once a viewer shows the newer ETag', async () => {
  const onB = await b.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent });
  expect(onB.status).toBe(200);
  await a.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: items[1]!.id } });
  const onA = await a.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent });
  expect(onA.body.item.id).toBe(items[1]!.id);
  // the load balancer sends the next poll to B, with the ETag A gave: B checks the store and agrees
  const next = await b.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent, headers: { 'if-none-match': onA.headers.get('etag')! } });
  expect(next.status).toBe(304);
  const plain = await b.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent });
  expect(plain.body.item.id).toBe(items[1]!.id);
});
