/**
 * GET /api/v1/bot/undelivered: the procesregisseur sees the bot's dead letters and the messages still retried
 * after several failed attempts — kind, kenmerk, state, attempts, error code, dates; never the recipient.
 * Nobody else may read it.
 */
import type { TestServer } from './support/harness';
import { DEMO, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ SJV_BOT_OUTBOX: 'false' });
  const store = t.server.store;
  const base = { recipientUserId: DEMO.mentor, caseId: null, payload: {}, createdAt: '2026-03-02T09:00:00.000Z' };
  await store.enqueueOutbox([
    { ...base, id: 'm-dead', dedupeKey: 'k-dead', kind: 'identityRequest', reference: 'SJV-2026-0007' },
    { ...base, id: 'm-retry', dedupeKey: 'k-retry', kind: 'enrichmentRequest', reference: 'SJV-2026-0008' },
    { ...base, id: 'm-once', dedupeKey: 'k-once', kind: 'outcome', reference: 'SJV-2026-0009' },
    { ...base, id: 'm-sent', dedupeKey: 'k-sent', kind: 'outcome', reference: 'SJV-2026-0010' },
  ]);
  const claim = async (at: string) => store.claimOutbox('w', at, '2030-01-01T00:00:00.000Z', 10);
  let at = '2026-03-02T09:00:00.000Z';
  for (let i = 0; i < 3; i++) {
    for (const m of await claim(at)) {
      if (m.id === 'm-sent') await store.completeOutbox(m.id, 'w', 'sent', at);
      else if (m.id === 'm-once' && i > 0) continue;
      else await store.failOutbox(m.id, 'w', 'SEND_FAILED:503', at);
    }
    at = new Date(Date.parse(at) + 1000).toISOString();
  }
  const [dead] = (await claim('2027-01-01T00:00:00.000Z')).filter((m) => m.id === 'm-dead');
  await store.completeOutbox(dead!.id, 'w', 'dead', '2027-01-01T00:00:00.000Z', 'SEND_FAILED:429');
});
afterAll(async () => t.close());

test('the procesregisseur gets dead letters first, then messages retried after 3 or more failures, with process-level fields only', async () => {
  const r = await t.call('GET', '/api/v1/bot/undelivered', { as: DEMO.regisseur });
  expect(r.status).toBe(200);
  expect(r.body.items.map((m: { id: string; state: string; attempts: number; lastError: string }) => [m.id, m.state, m.attempts, m.lastError])).toEqual([
    ['m-dead', 'dead', 4, 'SEND_FAILED:429'],
    ['m-retry', 'retrying', 3, 'SEND_FAILED:503'],
  ]);
  expect(r.body.items[0]).toEqual({ id: 'm-dead', kind: 'identityRequest', reference: 'SJV-2026-0007', state: 'dead', attempts: 4, lastError: 'SEND_FAILED:429', createdAt: '2026-03-02T09:00:00.000Z', at: '2027-01-01T00:00:00.000Z' });
  expect(r.text).not.toContain(DEMO.mentor);
});

test.each([DEMO.mentor, DEMO.voorzitter, DEMO.fg])('%s may not read the list of undelivered messages', async (user) => {
  const r = await t.call('GET', '/api/v1/bot/undelivered', { as: user });
  expect(r.status).toBe(403);
});
