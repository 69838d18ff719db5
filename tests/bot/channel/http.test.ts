/**
 * The bot through the real CloudAdapter over HTTP: a fastify server mounts the bot's handler at
 * /api/messages (as the product's server does) and a local HTTP server on 127.0.0.1 plays the channel's
 * serviceUrl, receiving the bot's replies and proactive messages.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { U, makeWorld } from '../../support/world';
import type { World } from '../../support/world';
import type { Bot } from '../../../bot';
import { createBot } from '../../../bot';
import { cardProblems } from '../card-check';
import { TEST_BOT_CONFIG, actionsOf, submitOf, textOf } from '../support';
import type { Card } from '../../../bot/app/types';

interface Received {
  path: string;
  body: { type: string; attachments?: { contentType: string; content: Card }[] };
}

let world: World;
let bot: Bot;
let app: FastifyInstance;
let channel: Server;
let serviceUrl: string;
let botUrl: string;
const received: Received[] = [];

const readJson = (req: IncomingMessage): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
    req.on('error', reject);
  });

beforeAll(async () => {
  channel = createServer((req, res) => {
    void readJson(req).then((body) => {
      received.push({ path: req.url ?? '', body: body as Received['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${received.length}` }));
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  world = await makeWorld();
  bot = createBot({ service: world.sp, store: world.store, botStore: world.store, config: TEST_BOT_CONFIG, clock: world.clock, startWorker: false });
  app = Fastify();
  app.post('/api/messages', (req, reply) => bot.handler(req, reply));
  await app.listen({ host: '127.0.0.1', port: 0 });
  botUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/messages`;
});

afterAll(async () => {
  await bot.close();
  await app.close();
  await new Promise((r) => channel.close(r));
  await world.close();
});

const activity = (extra: Record<string, unknown>) => ({
  channelId: 'msteams',
  serviceUrl,
  locale: 'nl-NL',
  id: `in-${Math.random()}`,
  from: { id: '29:mentor', name: 'Mentor', aadObjectId: U.mentor.aadObjectId },
  recipient: { id: '28:bot', name: 'Signaalpunt' },
  conversation: { id: 'a:personal-mentor', conversationType: 'personal' },
  ...extra,
});

const post = async (body: unknown): Promise<{ status: number; json: unknown }> => {
  const res = await fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
};

const cardsAt = (from: number): Card[] =>
  received.slice(from).flatMap((r) => (r.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));

test('a message is answered by POSTing the intake card to the serviceUrl; the card action is answered in the HTTP response', async () => {
  const before = received.length;
  const res = await post(activity({ type: 'message', text: 'nieuw signaal' }));
  expect(res.status).toBe(200);
  expect(received[before]?.path).toMatch(/^\/v3\/conversations\/a%3Apersonal-mentor\/activities\//);
  const [card] = cardsAt(before);
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
  expect(received.length).toBe(before + 1);
});

test('a proactive message goes through the CloudAdapter to the stored conversation at the serviceUrl', async () => {
  const before = received.length;
  const caseId = (await world.store.listCases({ limit: 1, offset: 0 })).items[0]!.id;
  await world.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen van dealen.' });
  expect(await bot.worker.runOnce()).toMatchObject({ sent: 1 });
  expect(received[before]?.path).toMatch(/^\/v3\/conversations\/a%3Apersonal-mentor\/activities/);
  const [card] = cardsAt(before);
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
