/**
 * Push for meeting surfaces (issue 14, item 5): a Server-Sent Events stream per meeting that carries the
 * store's change counter only. Two instances on one SQLite store (as behind a load balancer), real HTTP,
 * the stream read with fetch and a bearer token as the tab reads it.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import { get } from 'node:http';
import { meetingEventsFor } from '../../../src/server/meeting-events';
import type { TestServer } from '../support/harness';
import { DEMO, driveTo, startTestServer, tempDir } from '../support/harness';

let a: TestServer;
let b: TestServer;
let meetingId: string;
let items: { id: string }[];
let caseIds: string[];
const CHECK_MS = 150;

beforeAll(async () => {
  const dataDir = tempDir();
  a = await startTestServer({}, { dataDir });
  b = await startTestServer({}, { dataDir });
  // the counter interval, shortened for the test (10 s in production)
  meetingEventsFor(a.server.store).checkEveryMs = CHECK_MS;
  meetingEventsFor(b.server.store).checkEveryMs = CHECK_MS;
  caseIds = [await driveTo(a, 'BESPREKING'), await driveTo(a, 'INBRENG')];
  const m = await a.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'meeting-events', title: 'Signaaltafel', scheduledOn: '2026-03-02' } });
  meetingId = m.body.id;
  await a.call('POST', `/api/v1/meetings/${meetingId}/agenda`, { as: DEMO.regisseur, body: { caseIds, expectedVersion: 1 } });
  await a.call('POST', `/api/v1/meetings/${meetingId}/start`, { as: DEMO.voorzitter, body: {} });
  items = (await a.call('GET', `/api/v1/meetings/${meetingId}`, { as: DEMO.voorzitter })).body.items;
});
afterAll(async () => {
  await b.close();
  await a.close();
});

interface Stream {
  status: number;
  contentType: string | null;
  /** everything received so far, as text. */
  text(): string;
  /** the `data` of the `change` events received so far. */
  events(): { counter: string }[];
  waitFor(n: number, ms: number): Promise<{ counter: string }[]>;
  close(): void;
}

/**
 * Opens the event stream with the bearer token, as the tab does, over its own connection (node:http, no
 * agent: a pooled client may open a spare connection on abort that would hold the server's close up).
 */
async function open(server: TestServer, user?: string, path = `/api/v1/meetings/${meetingId}/events`): Promise<Stream> {
  const token = user ? await server.token(user) : undefined;
  let buf = '';
  const { req, res } = await new Promise<{ req: ClientRequest; res: IncomingMessage }>((resolve, reject) => {
    const r = get(`${server.url}${path}`, { agent: false, headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => resolve({ req: r, res: response }));
    r.on('error', reject);
  });
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (buf += chunk));
  res.on('error', () => undefined);
  req.on('error', () => undefined);
  if (res.statusCode !== 200) await new Promise((r) => res.on('end', r));
  const events = (): { counter: string }[] =>
    buf
      .split('\n\n')
      .filter((block) => block.includes('event: change') && block.includes('\ndata: '))
      .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6).split('\n')[0]!) as { counter: string });
  return {
    status: res.statusCode ?? 0,
    contentType: res.headers['content-type'] ?? null,
    text: () => buf,
    events,
    async waitFor(n, ms) {
      const until = Date.now() + ms;
      while (events().length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      return events();
    },
    close: () => req.destroy(),
  };
}

const waitUntil = async (cond: () => boolean, ms: number): Promise<boolean> => {
  const until = Date.now() + ms;
  while (!cond() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return cond();
};

test('a change made through one instance is pushed to a viewer connected to the other within the counter interval', async () => {
  const s = await open(b, DEMO.agent);
  expect(s.status).toBe(200);
  expect(s.contentType).toMatch(/^text\/event-stream/);
  const [first] = await s.waitFor(1, 2000);
  expect(first!.counter).toMatch(/^m\d+\.a\d+$/);

  await a.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: items[0]!.id } });
  const started = Date.now();
  const events = await s.waitFor(2, 2000);
  expect(events.length).toBe(2);
  expect(Date.now() - started).toBeLessThan(CHECK_MS * 4);
  expect(events[1]!.counter).not.toBe(first!.counter);

  // the tab re-fetches with its ETag and the pushed counter in one If-None-Match list: its current ETag still gives 304
  const before = await a.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent });
  const stage = await a.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent, headers: { 'if-none-match': `${before.headers.get('etag')}, W/"${events[1]!.counter}.push"` } });
  expect(stage.status).toBe(304);
  const onB = await b.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.agent });
  expect(onB.body.item.id).toBe(items[0]!.id);
  s.close();
});

test('the stream carries no case data: only the counter, the retry hint and heartbeats', async () => {
  const hub = meetingEventsFor(a.server.store);
  const heartbeat = hub.heartbeatMs;
  hub.heartbeatMs = 100;
  const s = await open(a, DEMO.voorzitter);
  hub.heartbeatMs = heartbeat;
  await s.waitFor(1, 2000);
  await a.call('POST', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter, body: { itemId: items[1]!.id } });
  await s.waitFor(2, 2000);
  await waitUntil(() => s.text().includes(': heartbeat'), 2000);
  s.close();
  const lines = s.text().split('\n').filter((l) => l !== '');
  const allowed = /^(retry: \d+|event: change|id: m\d+\.a\d+|data: \{"counter":"m\d+\.a\d+"\}|: heartbeat)$/;
  expect(lines.filter((l) => !allowed.test(l))).toEqual([]);
  expect(lines).toContain(': heartbeat');
  // and the stage the chair would re-fetch does hold case data: the reference of the shared item
  const stage = await a.call('GET', `/api/v1/meetings/${meetingId}/stage`, { as: DEMO.voorzitter });
  expect(stage.body.item.case.reference).toMatch(/^SJV-/);
  expect(s.text()).not.toContain(stage.body.item.case.reference);
});

test('a disconnect frees the listener, and with the last one the meeting’s timer', async () => {
  const hub = meetingEventsFor(a.server.store);
  const s1 = await open(a, DEMO.mentor);
  const s2 = await open(a, DEMO.coach);
  await s1.waitFor(1, 2000);
  await s2.waitFor(1, 2000);
  expect(hub.open(meetingId)).toBe(2);
  s1.close();
  expect(await waitUntil(() => hub.open(meetingId) === 1, 2000)).toBe(true);
  s2.close();
  expect(await waitUntil(() => hub.open(meetingId) === 0, 2000)).toBe(true);
  const checks = hub.stats.checks;
  await new Promise((r) => setTimeout(r, CHECK_MS * 3));
  expect(hub.stats.checks).toBe(checks);
});

test('one timer per meeting: ten listeners cost the store as many checks as one', async () => {
  const hub = meetingEventsFor(b.server.store);
  const users = [DEMO.voorzitter, DEMO.regisseur, DEMO.mentor, DEMO.agent, DEMO.coach];
  const streams = await Promise.all([...users, ...users].map((u) => open(b, u)));
  await Promise.all(streams.map((s) => s.waitFor(1, 2000)));
  const checks = hub.stats.checks;
  await new Promise((r) => setTimeout(r, CHECK_MS * 4 + 50));
  const made = hub.stats.checks - checks;
  for (const s of streams) s.close();
  expect(made).toBeGreaterThanOrEqual(2);
  expect(made).toBeLessThanOrEqual(6);
});

test('at most three streams per user and meeting: the fourth gets 429', async () => {
  const streams = [await open(a, DEMO.leerplicht), await open(a, DEMO.leerplicht), await open(a, DEMO.leerplicht)];
  expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
  const fourth = await open(a, DEMO.leerplicht);
  expect(fourth.status).toBe(429);
  for (const s of streams) s.close();
});

test('who may not see the stage may not listen: no token 401, a non-member 403, an unknown meeting 404', async () => {
  expect((await open(a)).status).toBe(401);
  const trainer = await open(a, DEMO.trainer);
  expect([trainer.status, JSON.parse(trainer.text()).code]).toEqual([403, 'AUTH.NOT_A_MEMBER']);
  const unknown = await open(a, DEMO.agent, '/api/v1/meetings/00000000-0000-4000-8000-000000000000/events');
  expect(unknown.status).toBe(404);
  expect(meetingEventsFor(a.server.store).open('00000000-0000-4000-8000-000000000000')).toBe(0);
});

test('closing a server with open streams ends them at once rather than waiting for the viewers to leave', async () => {
  const c = await startTestServer({}, { dataDir: a.dataDir, keepDataDir: true });
  const s = await open(c, DEMO.agent);
  await s.waitFor(1, 2000);
  const started = Date.now();
  await c.close();
  expect(Date.now() - started).toBeLessThan(5000);
  expect(meetingEventsFor(c.server.store).open()).toBe(0);
  s.close();
});
