/**
 * The outbox against a Bot Connector that misbehaves: proactive sends go through the real CloudAdapter and
 * the real sender (bot/channel/proactive.ts) to a stand-in on 127.0.0.1 (tests/support/bot-connector.ts)
 * that answers 200, 429 with Retry-After, 503, 403, or refuses connections. A message is marked sent only
 * after a 2xx; every other message is retried (honouring Retry-After) until it is delivered, or becomes a
 * dead letter that the procesregisseur sees.
 */
import type { Bot } from '../../../bot';
import { createBot } from '../../../bot';
import type { OutboxMessage } from '../../../src/core/ports';
import type { ConnectorStandIn } from '../../support/bot-connector';
import { startConnector } from '../../support/bot-connector';
import type { World } from '../../support/world';
import { U, makeWorld } from '../../support/world';
import { TEST_BOT_CONFIG, textOf } from '../support';
import type { Card } from '../../../bot/app/types';

let connector: ConnectorStandIn;
let world: World;
let bot: Bot;

const SECOND = 1000;
const BASE = TEST_BOT_CONFIG.outbox.backoffBaseMs; // 30 s

beforeEach(async () => {
  connector = await startConnector();
  world = await makeWorld();
  bot = createBot({ service: world.sp, store: world.store, botStore: world.store, config: { ...TEST_BOT_CONFIG, outbox: { ...TEST_BOT_CONFIG.outbox, maxAttempts: 4 } }, clock: world.clock, startWorker: false });
  await world.store.putConversation({
    userId: U.mentor.id,
    channelUserId: '29:mentor',
    locale: 'nl-NL',
    reference: { channelId: 'msteams', serviceUrl: connector.serviceUrl, conversation: { id: 'a:personal-mentor' }, bot: { id: '28:bot' }, user: { id: '29:mentor' } },
    updatedAt: world.clock.now().toISOString(),
  });
});
afterEach(async () => {
  await bot.close();
  await world.close();
  await connector.close();
});

/** n cases that each call for an identity request to the mentor. */
async function identityRequests(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const { caseId } = await world.submit(U.mentor);
    await world.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
  }
}
const outbox = (): Promise<OutboxMessage[]> => world.store.listOutbox({ limit: 100 });
const advance = (ms: number): void => world.clock.set(new Date(world.clock.now().getTime() + ms).toISOString());
const accepted = (): number => connector.log.filter((l) => l.status === 200).length;

test('refused, throttled and failing sends are retried (Retry-After honoured) until the connector recovers; each is marked sent once, only after a 200', async () => {
  await identityRequests(5);

  // The connector is down: nothing is marked sent.
  await connector.refuse();
  expect(await bot.worker.runOnce()).toMatchObject({ queued: 5, sent: 0, failed: 5 });
  expect((await outbox()).map((m) => [m.status, m.attempts, m.lastError])).toEqual(Array(5).fill(['pending', 1, 'SEND_FAILED']));

  // Back, but throttling one send (Retry-After: 600 s) and failing another (503).
  await connector.listen();
  connector.script = [{ status: 429, retryAfterSeconds: 600 }, { status: 503 }];
  advance(2 * BASE + SECOND);
  expect(await bot.worker.runOnce()).toMatchObject({ sent: 3, failed: 2 });
  const now = world.clock.now().getTime();
  const pending = (await outbox()).filter((m) => m.status === 'pending');
  expect(pending.map((m) => m.lastError).sort()).toEqual(['SEND_FAILED:429', 'SEND_FAILED:503']);
  const throttled = pending.find((m) => m.lastError === 'SEND_FAILED:429')!;
  const failed = pending.find((m) => m.lastError === 'SEND_FAILED:503')!;
  expect(Date.parse(throttled.nextAttemptAt) - now).toBe(600 * SECOND); // Retry-After, longer than the backoff
  expect(Date.parse(failed.nextAttemptAt) - now).toBe(2 * BASE); // the backoff: base × 2 after the second failure

  // The 503 one is due first; the throttled one is not tried before its Retry-After.
  advance(2 * BASE + SECOND);
  const requestsBefore = connector.log.length;
  expect(await bot.worker.runOnce()).toMatchObject({ sent: 1, failed: 0 });
  expect(connector.log.length).toBe(requestsBefore + 1);
  advance(600 * SECOND);
  expect(await bot.worker.runOnce()).toMatchObject({ sent: 1 });

  const all = await outbox();
  expect(all.every((m) => m.status === 'sent')).toBe(true);
  expect(connector.delivered).toHaveLength(5);
  expect(accepted()).toBe(all.filter((m) => m.status === 'sent').length);
  // Nothing is sent twice.
  expect(await bot.worker.runOnce()).toMatchObject({ sent: 0, failed: 0 });
  expect(connector.delivered).toHaveLength(5);
});

test('a send that keeps failing becomes a dead letter after the configured attempts; a permanent refusal (403) at once; the procesregisseur sees both', async () => {
  await identityRequests(2);
  connector.script = [{ status: 403 }];
  connector.mode = { status: 503 };
  expect(await bot.worker.runOnce()).toMatchObject({ dead: 1, failed: 1, sent: 0 });
  for (let attempt = 1; attempt < 4; attempt++) {
    advance(2 ** attempt * BASE + SECOND);
    await bot.worker.runOnce();
  }
  const all = await outbox();
  expect(all.map((m) => [m.status, m.attempts, m.lastError]).sort()).toEqual([
    ['dead', 1, 'SEND_FAILED:403'],
    ['dead', 4, 'SEND_FAILED:503'],
  ]);
  expect(accepted()).toBe(0);
  // No more attempts once dead.
  const requests = connector.log.length;
  advance(24 * 3600 * SECOND);
  expect(await bot.worker.runOnce()).toMatchObject({ sent: 0, failed: 0, dead: 0 });
  expect(connector.log.length).toBe(requests);

  const result = await bot.app.handle({
    inbound: { kind: 'message', text: 'wachtrij' },
    from: { channelUserId: '29:regisseur', aadObjectId: U.regisseur.aadObjectId! },
    locale: 'nl-NL',
    conversation: { type: 'groupChat', reference: {} },
  });
  const card = (result as { replies: { card: Card }[] }).replies[0]!.card;
  expect(textOf(card)).toContain('Vraag om naam en geboortedatum');
  expect(textOf(card).match(/niet bezorgd, opgegeven/g)).toHaveLength(2);
});
