/**
 * The Teams bot, assembled: the conversation logic (bot/app), the botbuilder layer (bot/channel) and the
 * outbox worker that sends proactive messages. The server mounts `handler` at /api/messages and calls
 * `close()` when it stops.
 */
import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import type { BotStore, Clock, Store } from '../src/core/ports';
import { systemClock } from '../src/core/ports';
import type { Signaalpunt } from '../src/core/service';
import { BotApp } from './app/conversation';
import type { MessageSender } from './app/outbox/worker';
import { OutboxWorker } from './app/outbox/worker';
import { PROACTIVE } from './app/routes';
import type { BotLogger, WriteLimit } from './app/types';
import { silentLogger } from './app/types';
import { createAdapter } from './channel/adapter';
import { SignaalpuntTeamsBot } from './channel/handler';
import type { HttpReplyLike, HttpRequestLike } from './channel/http';
import { messagesHandler } from './channel/http';
import { BotFrameworkSender } from './channel/proactive';
import type { BotConfig } from './config';
import { readBotConfig } from './config';

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
  /** replaces the Bot Framework sender (tests, benchmarks). */
  sender?: MessageSender;
  /** the per-user write limit card submits count against (the server's). */
  writeLimit?: WriteLimit;
  /** start the outbox worker's timer (default: config.outbox.enabled). */
  startWorker?: boolean;
}

export type MessagesHandler = (request: HttpRequestLike, reply: HttpReplyLike) => Promise<unknown>;

export interface Bot {
  handler: MessagesHandler;
  app: BotApp;
  adapter: CloudAdapter;
  teamsBot: SignaalpuntTeamsBot;
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
  const adapter = createAdapter(opts.config, log);
  const teamsBot = new SignaalpuntTeamsBot(app);
  const sender = opts.sender ?? new BotFrameworkSender(adapter, opts.config.appId);
  const worker = new OutboxWorker(app.deps, sender, PROACTIVE, {
    pollMs: opts.config.outbox.pollMs,
    leaseMs: opts.config.outbox.leaseMs,
    backoffBaseMs: opts.config.outbox.backoffBaseMs,
    backoffMaxMs: opts.config.outbox.backoffMaxMs,
    ...(opts.config.outbox.maxAttempts ? { maxAttempts: opts.config.outbox.maxAttempts } : {}),
  });
  late.worker = worker;
  if (opts.startWorker ?? opts.config.outbox.enabled) worker.start();
  return { handler: messagesHandler(adapter, teamsBot), app, adapter, teamsBot, worker, close: () => worker.stop() };
}

function isBotStore(store: unknown): store is BotStore {
  return !!store && typeof (store as Partial<BotStore>).claimOutbox === 'function' && typeof (store as Partial<BotStore>).getConversation === 'function';
}

/**
 * The server's bot endpoint: configuration from the environment (validated now, at start), the store the
 * server opened (it must also implement BotStore), the server's logger. Undefined when production has no bot app.
 */
export function createBotEndpoint(deps: {
  mode: 'local' | 'production';
  store: Store;
  service: Signaalpunt;
  env?: Record<string, string | undefined>;
  log?: BotLogger;
  writeLimit?: WriteLimit;
}): (MessagesHandler & { close: () => Promise<void>; bot: Bot; authenticates: boolean }) | undefined {
  if (!isBotStore(deps.store)) throw new Error('the store does not implement BotStore: the bot needs its queue and conversation references');
  const config = readBotConfig(deps.env ?? process.env, deps.mode);
  if (!config) {
    deps.log?.warn({ setting: 'SJV_BOT_APP_ID' }, 'the Teams bot is off: no bot app configured; /api/messages answers 501');
    return undefined;
  }
  const bot = createBot({ service: deps.service, store: deps.store, botStore: deps.store, config, ...(deps.log ? { log: deps.log } : {}), ...(deps.writeLimit ? { writeLimit: deps.writeLimit } : {}) });
  // Without an app id the adapter authenticates nothing (local mode): the server then accepts only loopback serviceUrls.
  return Object.assign((request: HttpRequestLike, reply: HttpReplyLike) => bot.handler(request, reply), { close: () => bot.close(), bot, authenticates: config.appId !== '' });
}
