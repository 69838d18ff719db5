/**
 * Proactive sends on the channel layers: a conversation reference stored by one SDK's turn is sent to by the
 * other SDK's sender (the switch of SJV_BOT_SDK keeps every stored reference working, docs/adr/0008), and
 * the Agents SDK's sender rejects with SendFailure whenever the Bot Connector does not answer 2xx.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { U, makeWorld } from '../../support/world';
import type { World } from '../../support/world';
import type { Bot } from '../../../bot';
import { createBot } from '../../../bot';
import type { BotSdk } from '../../../bot/config';
import { SendFailure } from '../../../bot/app/outbox/send-failure';
import type { Card } from '../../../bot/app/types';
import { TEST_BOT_CONFIG } from '../support';
import type { ConnectorStandIn } from './connector-stand-in';
import { startConnector } from './connector-stand-in';

const CARD: Card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Test' }] };

let world: World;
let connector: ConnectorStandIn;
let app: FastifyInstance;
let base: string;
const bots = {} as Record<BotSdk, Bot>;

beforeAll(async () => {
  connector = await startConnector();
  world = await makeWorld();
  app = Fastify();
  for (const sdk of ['agents', 'botbuilder'] as const) {
    bots[sdk] = createBot({ service: world.sp, store: world.store, botStore: world.store, config: { ...TEST_BOT_CONFIG, sdk }, clock: world.clock, startWorker: false });
    app.post(`/${sdk}/api/messages`, (req, reply) => bots[sdk].handler(req, reply));
  }
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await Promise.all(Object.values(bots).map((b) => b.close()));
  await app.close();
  await connector.close();
  await world.close();
});

/** The user says something to the bot running on `sdk`; the bot stores the personal chat's reference. */
async function say(sdk: BotSdk, user: typeof U.mentor, conversationId: string): Promise<void> {
  const res = await fetch(`${base}/${sdk}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      text: 'handreiking',
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      locale: 'nl-NL',
      id: `in-${Math.random()}`,
      from: { id: `29:${user.id}`, aadObjectId: user.aadObjectId },
      recipient: { id: '28:bot', name: 'Signaalpunt' },
      conversation: { id: conversationId, conversationType: 'personal' },
    }),
  });
  expect(res.status).toBe(200);
}

describe.each([
  ['botbuilder', 'agents'],
  ['agents', 'botbuilder'],
] as const)('a reference stored on %s', (storedBy, sentBy) => {
  test(`is sent to by ${sentBy}: the stored conversation at the stored serviceUrl, from the bot's account`, async () => {
    const user = storedBy === 'agents' ? U.agent : U.mentor;
    const conversationId = `a:personal-${storedBy}-${user.id}`;
    await say(storedBy, user, conversationId);
    const stored = await world.store.getConversation(user.id);
    expect(stored?.reference).toMatchObject({ serviceUrl: connector.serviceUrl, conversation: { id: conversationId } });

    const before = connector.received.length;
    await bots[sentBy].channel.sender.send(stored!.reference, CARD);
    expect(connector.received.length).toBe(before + 1);
    const sent = connector.received[before]!;
    expect(decodeURIComponent(sent.path)).toMatch(new RegExp(`^/v3/conversations/${conversationId}/activities`));
    expect(sent.body.from?.id).toBe('28:bot');
    expect(sent.body.conversation?.id).toBe(conversationId);
    expect(connector.cardsAt(before)).toEqual([CARD]);
  });
});

test('a reference stored by botbuilder before the switch (bot, activityId, no agent) is sent to by the Agents SDK', async () => {
  const legacy = {
    activityId: 'f:1234',
    user: { id: '29:legacy', aadObjectId: '00000000-0000-4000-8000-0000000000ee' },
    bot: { id: '28:bot', name: 'Signaalpunt' },
    conversation: { id: 'a:personal-legacy', conversationType: 'personal' },
    channelId: 'msteams',
    locale: 'nl-NL',
    serviceUrl: connector.serviceUrl,
  };
  const before = connector.received.length;
  await bots.agents.channel.sender.send(legacy, CARD);
  const sent = connector.received[before]!;
  expect(decodeURIComponent(sent.path)).toMatch(/^\/v3\/conversations\/a:personal-legacy\/activities/);
  expect(sent.body.from?.id).toBe('28:bot');
  expect(connector.cardsAt(before)).toEqual([CARD]);
});

describe('the Agents SDK sender', () => {
  const reference = (serviceUrl: string): Record<string, unknown> => ({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: 'a:personal-x', conversationType: 'personal' },
    agent: { id: '28:bot' },
    user: { id: '29:x' },
  });
  const sendFails = async (failure: { status: number; headers?: Record<string, string> }): Promise<SendFailure> => {
    connector.failNext.push(failure);
    const error: unknown = await bots.agents.channel.sender.send(reference(connector.serviceUrl), CARD).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SendFailure);
    return error as SendFailure;
  };

  test('resolves when the connector answers 200', async () => {
    const before = connector.received.length;
    await expect(bots.agents.channel.sender.send(reference(connector.serviceUrl), CARD)).resolves.toBeUndefined();
    expect(connector.received.length).toBe(before + 1);
  });

  test('rejects with SendFailure: 429 throttled with its Retry-After, 5xx transient, 403 permanent', async () => {
    expect(await sendFails({ status: 429, headers: { 'retry-after': '7' } })).toMatchObject({ kind: 'throttled', status: 429, retryAfterMs: 7000 });
    expect(await sendFails({ status: 502 })).toMatchObject({ kind: 'transient', status: 502 });
    expect(await sendFails({ status: 403 })).toMatchObject({ kind: 'permanent', status: 403 });
  });

  test('the failure carries no activity content', async () => {
    const failure = await sendFails({ status: 400 });
    expect(JSON.stringify({ ...failure, message: failure.message })).not.toContain('Test');
    expect(failure.message).toBe('send failed with HTTP 400');
  });

  test('rejects as transient when no connector answers, and as permanent for a reference without a service URL', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(bots.agents.channel.sender.send(reference(`http://127.0.0.1:${port}/`), CARD)).rejects.toMatchObject({ name: 'SendFailure', kind: 'transient', status: undefined });
    const { serviceUrl: _omitted, ...withoutUrl } = reference(connector.serviceUrl);
    await expect(bots.agents.channel.sender.send(withoutUrl, CARD)).rejects.toMatchObject({ name: 'SendFailure', kind: 'permanent' });
  });
});
