/**
 * The channel layer over HTTP, the same tests for each SDK implementation (docs/adr/0008): a fastify server
 * mounts the bot's handler at /api/messages (as the product's server does) and a local Bot Connector
 * stand-in on 127.0.0.1 plays the channel's serviceUrl, receiving the bot's replies and proactive messages.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { U, makeWorld } from '../../support/world';
import type { World } from '../../support/world';
import type { Bot } from '../../../bot';
import { createBot } from '../../../bot';
import type { BotSdk } from '../../../bot/config';
import { cardProblems } from '../card-check';
import { TEST_BOT_CONFIG, actionsOf, submitOf, textOf } from '../support';
import type { Card } from '../../../bot/app/types';
import type { ConnectorStandIn } from './connector-stand-in';
import { startConnector } from './connector-stand-in';

const SDKS: BotSdk[] = ['agents', 'botbuilder'];

describe.each(SDKS)('the channel layer on %s', (sdk) => {
  let world: World;
  let bot: Bot;
  let secured: Bot;
  let app: FastifyInstance;
  let connector: ConnectorStandIn;
  let botUrl: string;
  let securedUrl: string;

  beforeAll(async () => {
    connector = await startConnector();
    world = await makeWorld();
    bot = createBot({ service: world.sp, store: world.store, botStore: world.store, config: { ...TEST_BOT_CONFIG, sdk }, clock: world.clock, startWorker: false });
    // The same bot as production configures it: an app id and a secret, so every activity needs a valid token.
    secured = createBot({
      service: world.sp,
      store: world.store,
      botStore: world.store,
      config: { ...TEST_BOT_CONFIG, sdk, appId: '00000000-0000-4000-8000-0000000000b0', appType: 'SingleTenant', tenantId: '00000000-0000-4000-8000-0000000000aa', password: 'not-used' },
      clock: world.clock,
      startWorker: false,
    });
    app = Fastify();
    app.post('/api/messages', (req, reply) => bot.handler(req, reply));
    app.post('/secured/api/messages', (req, reply) => secured.handler(req, reply));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    botUrl = `${base}/api/messages`;
    securedUrl = `${base}/secured/api/messages`;
  });

  afterAll(async () => {
    await bot.close();
    await secured.close();
    await app.close();
    await connector.close();
    await world.close();
  });

  const activity = (extra: Record<string, unknown>) => ({
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    locale: 'nl-NL',
    id: `in-${Math.random()}`,
    from: { id: '29:mentor', name: 'Mentor', aadObjectId: U.mentor.aadObjectId },
    recipient: { id: '28:bot', name: 'Signaalpunt' },
    conversation: { id: 'a:personal-mentor', conversationType: 'personal' },
    ...extra,
  });

  // The conversation id in the connector's path: botbuilder percent-encodes it, the Agents SDK sends it as is.
  const conversationPath = (i: number): string => decodeURIComponent(connector.received[i]?.path ?? '');

  const post = async (body: unknown, url = botUrl, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await res.text();
    const json = ((): unknown => {
      try {
        return text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        return text;
      }
    })();
    return { status: res.status, json };
  };

  test('the bot runs on the SDK it was configured with', () => {
    expect(bot.channel.sdk).toBe(sdk);
  });

  test('a message is answered by POSTing the intake card to the serviceUrl; the card action is answered in the HTTP response', async () => {
    const before = connector.received.length;
    const res = await post(activity({ type: 'message', text: 'nieuw signaal' }));
    expect(res.status).toBe(200);
    expect(conversationPath(before)).toMatch(/^\/v3\/conversations\/a:personal-mentor\/activities/);
    const [card] = connector.cardsAt(before);
    expect(cardProblems(card)).toEqual([]);
    expect(actionsOf(card).map((a) => a.verb)).toContain('intake.submit');

    const data = submitOf(card!, 'intake.submit', { riskSignals: 'GELD', registrationsBand: '0', urgency: 'normal', ageYears: '16', freeText: 'Veel contant geld.' });
    const invoke = await post(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'intake.submit', data }, trigger: 'manual' } }));
    expect(invoke.status).toBe(200);
    expect(invoke.json).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const confirmation = (invoke.json as { value: Card }).value;
    expect(cardProblems(confirmation)).toEqual([]);
    expect(textOf(confirmation)).toContain('SJV-2026-0001');
    expect((await world.store.listCases({ limit: 10, offset: 0 })).total).toBe(1);
    // The invoke's answer came in the response, not as a message to the serviceUrl.
    expect(connector.received.length).toBe(before + 1);
  });

  test('the stored reference is the same on both SDKs: no activity id, the bot account as agent and as bot', async () => {
    const stored = await world.store.getConversation(U.mentor.id);
    expect(stored?.reference).toEqual({
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      locale: 'nl-NL',
      conversation: { id: 'a:personal-mentor', conversationType: 'personal' },
      user: { id: '29:mentor', name: 'Mentor', aadObjectId: U.mentor.aadObjectId },
      agent: { id: '28:bot', name: 'Signaalpunt' },
      bot: { id: '28:bot', name: 'Signaalpunt' },
    });
  });

  test('a proactive message goes through the adapter to the stored conversation at the serviceUrl', async () => {
    const before = connector.received.length;
    const caseId = (await world.store.listCases({ limit: 1, offset: 0 })).items[0]!.id;
    await world.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen van dealen.' });
    expect(await bot.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(conversationPath(before)).toMatch(/^\/v3\/conversations\/a:personal-mentor\/activities/);
    expect(connector.received[before]?.body.from?.id).toBe('28:bot');
    const [card] = connector.cardsAt(before);
    expect(textOf(card)).toContain('identity.supply');
  });

  test('a malformed card action is a 400 invoke error, not a crash', async () => {
    const res = await post(activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: 'x' } }));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });

  test('a user who is not a member gets the refusal in the invoke response', async () => {
    const res = await post(
      activity({ from: { id: '29:trainer', aadObjectId: U.trainer.aadObjectId }, type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'intake.open', data: {} } } }),
    );
    expect(res.status).toBe(200);
    expect(textOf((res.json as { value: Card }).value)).toContain('niet aangesloten');
  });

  test('a bot with an app id answers 401 to an activity without a token (or with a malformed header) and runs nothing', async () => {
    // (A well-formed but forged token would make the SDK fetch the Bot Framework's signing keys from the
    // internet; tests reach 127.0.0.1 only.)
    const before = connector.received.length;
    const cases = (await world.store.listCases({ limit: 1, offset: 0 })).total;
    const message = activity({ type: 'message', text: 'nieuw signaal' });
    expect((await post(message, securedUrl)).status).toBe(401);
    expect((await post(message, securedUrl, { authorization: 'Basic bWVudG9yOng=' })).status).toBe(401);
    const invoke = activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'intake.open', data: {} } } });
    expect((await post(invoke, securedUrl)).status).toBe(401);
    expect(connector.received.length).toBe(before);
    expect((await world.store.listCases({ limit: 1, offset: 0 })).total).toBe(cases);
  });
});
