/**
 * A bot on a real core and a real in-memory store (tests/support/world), driven through botbuilder's
 * TestAdapter as Teams would drive it: messages, conversation updates and adaptiveCard/action invokes
 * from demo users identified by their aadObjectId. Proactive sends are recorded by a local sender.
 */
import type { Activity } from 'botbuilder';
import { TestAdapter } from 'botbuilder';
import type { User } from '../../src/core/model';
import type { Bot } from '../../bot';
import { createBot } from '../../bot';
import { SignaalpuntTeamsBot } from '../../bot/channel/handler';
import type { BotConfig } from '../../bot/config';
import type { MessageSender } from '../../bot/app/outbox/worker';
import type { Card } from '../../bot/app/types';
import type { World } from '../support/world';
import { makeWorld } from '../support/world';
import { loadConfig } from '../../src/config';
import { JOBS } from '../../src/jobs';
import { MeetingService } from '../../src/core/meetings';

export const TEST_BOT_CONFIG: BotConfig = {
  sdk: 'agents',
  appId: '',
  appType: 'SingleTenant',
  outbox: { enabled: false, pollMs: 1000, leaseMs: 60_000, backoffBaseMs: 30_000, backoffMaxMs: 3_600_000, maxAttempts: 8 },
};

export interface Sent {
  reference: Record<string, unknown>;
  card: Card;
}

/** Records proactive sends; `fail` makes the next sends throw (as an unreachable service would). */
export class RecordingSender implements MessageSender {
  readonly sent: Sent[] = [];
  failWith: { statusCode: number } | undefined;
  async send(reference: Record<string, unknown>, card: Card): Promise<void> {
    if (this.failWith) throw Object.assign(new Error('send failed'), this.failWith);
    this.sent.push({ reference, card });
  }
}

export interface BotWorld extends World {
  bot: Bot;
  sender: RecordingSender;
  adapter: TestAdapter;
  /** a typed message; returns the cards (and texts) the bot answered with. */
  say(user: User, text: string, opts?: TurnOpts): Promise<Partial<Activity>[]>;
  /** an Action.Execute; returns the invoke response (status and body). */
  act(user: User, verb: string, data: unknown, opts?: TurnOpts & { trigger?: 'manual' | 'automatic' }): Promise<{ status: number; body: InvokeBody }>;
  /** the card an Action.Execute answers with (fails the test if it answers with something else). */
  actCard(user: User, verb: string, data: unknown, opts?: TurnOpts & { trigger?: 'manual' | 'automatic' }): Promise<Card>;
  install(user: User, opts?: TurnOpts): Promise<Partial<Activity>[]>;
}

export interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

export interface TurnOpts {
  locale?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  aadObjectId?: string | null;
}

const teamsIdOf = (user: User): string => `29:${user.id}`;

function activityFor(user: User, opts: TurnOpts = {}): Partial<Activity> {
  const type = opts.conversationType ?? 'personal';
  return {
    channelId: 'msteams',
    serviceUrl: 'https://smba.example.test/emea/',
    locale: opts.locale ?? 'nl-NL',
    from: { id: teamsIdOf(user), name: user.displayName ?? user.id, ...(opts.aadObjectId === null ? {} : { aadObjectId: opts.aadObjectId ?? user.aadObjectId }) },
    recipient: { id: '28:bot', name: 'Signaalpunt' },
    conversation: { id: type === 'personal' ? `a:personal-${user.id}` : '19:group@thread.v2', conversationType: type, isGroup: type !== 'personal', name: '' },
  };
}

export function cardsOf(replies: Partial<Activity>[]): Card[] {
  return replies.flatMap((r) => (r.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Card));
}

export async function makeBotWorld(opts: { sender?: RecordingSender } = {}): Promise<BotWorld> {
  const world = await makeWorld();
  const sender = opts.sender ?? new RecordingSender();
  const bot = createBot({ service: world.sp, store: world.store, botStore: world.store, config: TEST_BOT_CONFIG, clock: world.clock, sender, startWorker: false });
  // The routes are driven through botbuilder's TestAdapter (the Agents SDK has none); both SDKs' own
  // translation is covered over HTTP by tests/bot/channel.
  const teamsBot = new SignaalpuntTeamsBot(bot.app);
  const adapter = new TestAdapter((context) => teamsBot.run(context));
  const drain = (): Partial<Activity>[] => adapter.activeQueue.splice(0, adapter.activeQueue.length);
  const run = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    drain();
    await adapter.processActivity(activity);
    return drain();
  };
  const act: BotWorld['act'] = async (user, verb, data, o = {}) => {
    const replies = await run({
      ...activityFor(user, o),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: o.trigger ?? 'manual' },
    });
    const response = replies.find((r) => r.type === 'invokeResponse');
    if (!response) throw new Error(`no invoke response for ${verb}`);
    return response.value as { status: number; body: InvokeBody };
  };
  return {
    ...world,
    bot,
    sender,
    adapter,
    say: (user, text, o) => run({ ...activityFor(user, o), type: 'message', text }),
    act,
    actCard: async (user, verb, data, o) => {
      const r = await act(user, verb, data, o);
      if (r.status !== 200 || r.body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`${verb} answered ${r.status} ${r.body.type}`);
      return r.body.value as Card;
    },
    install: (user, o) => {
      const a = activityFor(user, o);
      return run({ ...a, type: 'conversationUpdate', membersAdded: [a.recipient!, a.from!] });
    },
    close: async () => {
      await bot.close();
      await world.close();
    },
  };
}

/** Every input value a card offers, by input id; and the actions' verbs and data. */
export function inputsOf(card: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out.set(o.id, o);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The choices of a card's choice input `id` (empty when the card has no such input). */
export function choicesOf(card: unknown, id: string): { title: string; value: string }[] {
  return (inputsOf(card).get(id)?.choices ?? []) as { title: string; value: string }[];
}

export function actionsOf(card: unknown): { verb: string; data: Record<string, unknown> }[] {
  const out: { verb: string; data: Record<string, unknown> }[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Execute' && typeof o.verb === 'string') out.push({ verb: o.verb, data: (o.data as Record<string, unknown>) ?? {} });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The data a user's press of `verb` on `card` sends: the action's data merged with the input values. */
export function submitOf(card: Card, verb: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const action = actionsOf(card).find((a) => a.verb === verb);
  if (!action) throw new Error(`card has no ${verb} action`);
  return { ...action.data, ...inputs };
}

/** All text on a card, for "does it say …" and "does it never hold …" checks. */
export function textOf(card: unknown): string {
  return JSON.stringify(card);
}

/**
 * Runs the reminders job (lead time 3 days) on `day`, then the bot's outbox once: the job's summary, the
 * worker's counts, and the cards sent meanwhile with their recipient's user id (taken out of the sender).
 */
export async function remindOn(w: BotWorld, day: string) {
  w.clock.set(`${day}T08:00:00Z`);
  const job = await JOBS.reminders.run({ store: w.store, service: w.sp, meetings: new MeetingService(w.sp, w.store, w.clock), config: REMINDER_CONFIG, asOf: w.clock.now() });
  const sent = await w.bot.worker.runOnce();
  const cards = w.sender.sent.splice(0).map((s) => ({ to: String((s.reference.conversation as { id: string }).id).replace('a:personal-', ''), card: s.card }));
  return { job, sent, cards };
}
const REMINDER_CONFIG = loadConfig({ SJV_DATA_DIR: '/unused', SJV_REMINDER_LEAD_DAYS: '3' });

