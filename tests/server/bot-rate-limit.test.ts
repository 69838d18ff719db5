/**
 * One write limit per user, API or card: a burst of 80 intake card submits from one partner over the real
 * /api/messages creates at most SJV_WRITE_RATE_LIMIT (60) cases — what the API allows the same user in a
 * minute — and every other submit is answered in the card with the limit message (nl), creating nothing.
 */
import { randomUUID } from 'node:crypto';
import { DEMO_USERS } from '../../src/demo/tenant';
import type { ConnectorStandIn } from '../support/bot-connector';
import { startConnector } from '../support/bot-connector';
import { actionsOf, textOf } from '../bot/support';
import type { Card } from '../../bot/app/types';
import type { TestServer } from './support/harness';
import { DEMO, startTestServer } from './support/harness';

jest.setTimeout(120_000);

let t: TestServer;
let connector: ConnectorStandIn;
const mentor = DEMO_USERS.find((u) => u.id === DEMO.mentor)!;

beforeAll(async () => {
  connector = await startConnector();
  t = await startTestServer({ SJV_BOT_OUTBOX: 'false' });
});
afterAll(async () => {
  await t.close();
  await connector.close();
});

const activity = (extra: Record<string, unknown>): Record<string, unknown> => ({
  channelId: 'msteams',
  serviceUrl: connector.serviceUrl,
  locale: 'nl-NL',
  id: `in-${randomUUID()}`,
  from: { id: '29:mentor', name: 'Mentor', aadObjectId: mentor.aadObjectId },
  recipient: { id: '28:bot', name: 'Signaalpunt' },
  conversation: { id: 'a:personal-mentor', conversationType: 'personal' },
  ...extra,
});
const post = async (body: unknown): Promise<{ status: number; json: { value?: Card } }> => {
  const res = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as { value?: Card } };
};

test('80 card submits in a burst create at most the API’s 60 writes per minute; the rest get the limit message in the card and create nothing', async () => {
  expect(t.config.http.writeRateLimitPerMinute).toBe(60);
  const opened = await post(activity({ type: 'message', text: 'nieuw signaal' }));
  expect(opened.status).toBe(200);
  const card = connector.delivered.at(-1)!.body.attachments![0]!.content as Card;
  const submit = actionsOf(card).find((a) => a.verb === 'intake.submit')!;
  // 80 times the same concern: sent anyway after the duplicate hint (issue 16), so that each is a write
  const inputs = { confirmSimilar: 'yes', riskSignals: 'GELD', registrationsBand: '0', urgency: 'normal', ageYears: '16', freeText: 'Veel contant geld.' };

  // 80 different intake cards (each its own cardId, so none is a retry of another), submitted at once.
  const answers = await Promise.all(
    Array.from({ length: 80 }, () =>
      post(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'intake.submit', data: { ...submit.data, ...inputs, cardId: randomUUID() } }, trigger: 'manual' } })),
    ),
  );
  expect(answers.every((a) => a.status === 200)).toBe(true);
  const limited = answers.filter((a) => textOf(a.json.value).includes('U doet te veel wijzigingen kort na elkaar'));
  const { total } = await t.server.store.listCases({ limit: 1, offset: 0 });
  expect(total).toBe(60);
  expect(limited).toHaveLength(20);
  expect(textOf(limited[0]!.json.value)).toContain('niet opgeslagen');
});
