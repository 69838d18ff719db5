/**
 * The Teams bot, assembled: the conversation logic (bot/app), the channel layer of the configured SDK
 * (bot/channel, chosen by SJV_BOT_SDK: docs/adr/0008) and the outbox worker that sends proactive messages.
 * The server mounts `handler` at /api/messages and calls `close()` when it stops.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { BotStore, Clock, Store } from '../src/core/ports';
import { systemClock } from '../src/core/ports';
import type { Signaalpunt } from '../src/core/service';
import { BotApp } from './app/conversation';
import type { MessageSender } from './app/outbox/worker';
import { OutboxWorker } from './app/outbox/worker';
import { PROACTIVE } from './app/routes';
import type { BotLogger, WriteLimit } from './app/types';
import { silentLogger } from './app/types';
import type { Channel, HttpReplyLike, HttpRequestLike, MessagesHandler } from './channel';
import { createChannel } from './channel';
import type { BotConfig } from './config';
import { readBotConfig, requireBotSdkSetting } from './config';

// zod compiles a parser (new Function) the first time each object schema parses. The card input checks
// (app/card-input.ts) build their object schema per submit, so every submit paid that compile: 0.4 ms of the
// card submit's ~1.3 ms beyond the echo bot (bench/bot.ts, issue 17). Without it zod interprets its schemas,
// which measured no slower for the core's long-lived command schemas (43 vs 55 µs for submitConcern).
// Since then the card input schemas are built once per card (h17); jitless or not then measured the same
// (card input check 10–11 µs, submitConcern 6 µs median), so the setting stays.
z.config({ jitless: true });

export type { BotConfig } from './config';
export { BotConfigError, readBotConfig } from './config';
export { BOT_COMMANDS } from './app/routes';

export interface BotOptions {
  service: Signaalpunt;
  store: Store;
  botStore: BotStore;
  config: BotConfig;
  log?: BotLogger;
  clock?: Clock;
  /** replaces the channel's proactive sender (tests, benchmarks). */
  sender?: MessageSender;
  /** the per-user write limit card submits count against (the server's). */
  writeLimit?: WriteLimit;
  /** start the outbox worker's timer (default: config.outbox.enabled). */
  startWorker?: boolean;
}

export type { Channel, MessagesHandler } from './channel';

export interface Bot {
  handler: MessagesHandler;
  app: BotApp;
  /** the SDK's channel layer (bot/channel): its adapter, activity handler and sender. */
  channel: Channel;
  worker: OutboxWorker;
  close(): Promise<void>;
}

export function createBot(opts: BotOptions): Bot {
  const log = opts.log ?? silentLogger;
  const clock = opts.clock ?? opts.service.clock ?? systemClock;
  const late: { worker?: OutboxWorker } = {};
  const app = new BotApp({
    service: opts.service,
    store: opts.store,
    botStore: opts.botStore,
    clock,
    newId: randomUUID,
    log,
    queued: () => late.worker?.kick(),
    ...(opts.writeLimit ? { writeLimit: opts.writeLimit } : {}),
  });
  const channel = createChannel(opts.config.sdk, opts.config, app, log);
  const sender = opts.sender ?? channel.sender;
  const worker = new OutboxWorker(app.deps, sender, PROACTIVE, {
    pollMs: opts.config.outbox.pollMs,
    leaseMs: opts.config.outbox.leaseMs,
    backoffBaseMs: opts.config.outbox.backoffBaseMs,
    backoffMaxMs: opts.config.outbox.backoffMaxMs,
    ...(opts.config.outbox.maxAttempts ? { maxAttempts: opts.config.outbox.maxAttempts } : {}),
  });
  late.worker = worker;
  if (opts.startWorker ?? opts.config.outbox.enabled) worker.start();
  return { handler: channel.handler, app, channel, worker, close: () => worker.stop() };
}

/**
 * The server's bot endpoint: configuration from the environment (validated now, at start), the store the
 * server opened (its type says it also keeps the bot's queue and conversation references: BotStore), the server's logger. Undefined when production has no bot app.
 */
export function createBotEndpoint(deps: {
  mode: 'local' | 'production';
  store: Store & BotStore;
  service: Signaalpunt;
  env?: Record<string, string | undefined>;
  log?: BotLogger;
  writeLimit?: WriteLimit;
}): (MessagesHandler & { close: () => Promise<void>; bot: Bot; authenticates: boolean }) | undefined {
  const env = deps.env ?? process.env;
  const config = readBotConfig(env, deps.mode);
  requireBotSdkSetting(env, deps.mode, config);
  if (!config) {
    deps.log?.warn({ setting: 'SJV_BOT_APP_ID' }, 'the Teams bot is off: no bot app configured; /api/messages answers 501');
    return undefined;
  }
  const bot = createBot({ service: deps.service, store: deps.store, botStore: deps.store, config, ...(deps.log ? { log: deps.log } : {}), ...(deps.writeLimit ? { writeLimit: deps.writeLimit } : {}) });
  // Without an app id the adapter authenticates nothing (local mode): the server then accepts only loopback serviceUrls.
  return Object.assign((request: HttpRequestLike, reply: HttpReplyLike) => bot.handler(request, reply), { close: () => bot.close(), bot, authenticates: config.appId !== '' });
}
