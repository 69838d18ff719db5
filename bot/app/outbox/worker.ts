/**
 * The outbox worker: claims due messages with a lease, builds each card from the case as it is now, sends
 * it, and marks it sent only when the channel layer reports a 2xx from the Bot Connector (the sender
 * resolves); a rejected send (a SendFailure: throttled, transient or permanent) is retried with backoff that
 * honours Retry-After, and after `maxAttempts` send failures — or at once for a permanent one — becomes a
 * dead letter, listed for the procesregisseur (docs/adr/0013). While a send is in flight the lease is
 * renewed, so no other instance claims the message; a message is sent again only when its send failed, or
 * when the instance holding it died (or stopped waiting for it) before recording the result. `stop()`
 * finishes the sends in flight (up to `stopGraceMs`), claims nothing more and gives the leases of claimed
 * but unsent messages back, so another instance sends them.
 */
import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '../../../src/core/ports';
import { cardCodes } from '../code-labels';
import { memberOf } from '../members';
import { localeOf } from '../i18n';
import type { CaseFreeBuilder, ProactiveBuilder } from '../routes/common';
import { loadRecord } from '../routes/common';
import type { BotDeps, Card } from '../types';
import { scanForMessages } from './notifier';
import { SendFailure, sendFailureKind } from './send-failure';

/**
 * Sends a card into a stored conversation (the channel layer implements it). Resolves only when the Bot
 * Connector answered 2xx; otherwise rejects with a SendFailure (bot/app/outbox/send-failure.ts).
 */
export interface MessageSender {
  send(reference: Record<string, unknown>, card: Card): Promise<void>;
}

export interface OutboxOptions {
  /** this instance's name in leases. */
  owner: string;
  leaseMs: number;
  batchSize: number;
  pollMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** send failures after which a message becomes a dead letter. */
  maxAttempts: number;
  /** how long stop() waits for the sends in flight. */
  stopGraceMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: Omit<OutboxOptions, 'owner'> = {
  leaseMs: 60_000,
  batchSize: 10,
  pollMs: 5_000,
  backoffBaseMs: 30_000,
  backoffMaxMs: 60 * 60_000,
  maxAttempts: 8,
  stopGraceMs: 8_000,
};

export interface RunResult {
  queued: number;
  sent: number;
  failed: number;
  cancelled: number;
  /** given up: dead letters. */
  dead: number;
  /** claimed but left for another instance because this one is stopping. */
  released: number;
}

type Outcome = 'sent' | 'failed' | 'cancelled' | 'dead' | 'released' | 'lost';

/** The rejection of a send as a SendFailure (a sender that throws something else is read by its statusCode). */
function asSendFailure(e: unknown): SendFailure {
  if (e instanceof SendFailure) return e;
  const status = (e as { statusCode?: unknown } | undefined)?.statusCode;
  return new SendFailure(sendFailureKind(typeof status === 'number' ? status : undefined), typeof status === 'number' ? status : undefined);
}

/** The delay before attempt n+1 after n failed attempts: base × 2^n, capped. */
export function backoffMs(failedAttempts: number, opts: Pick<OutboxOptions, 'backoffBaseMs' | 'backoffMaxMs'>): number {
  return Math.min(opts.backoffBaseMs * 2 ** Math.min(failedAttempts, 30), opts.backoffMaxMs);
}

export class OutboxWorker {
  readonly options: OutboxOptions;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly deps: BotDeps,
    private readonly sender: MessageSender,
    private readonly kinds: Readonly<Record<string, ProactiveBuilder | CaseFreeBuilder>>,
    options: Partial<OutboxOptions> = {},
  ) {
    this.options = { ...DEFAULT_OUTBOX_OPTIONS, owner: `bot-${randomUUID()}`, ...options };
  }

  /** One pass: queue what changed cases call for, then deliver what is due. */
  async runOnce(): Promise<RunResult> {
    const result: RunResult = { queued: 0, sent: 0, failed: 0, cancelled: 0, dead: 0, released: 0 };
    if (this.stopped) return result;
    result.queued = (await scanForMessages(this.deps, 500, () => this.stopped)).queued;
    for (;;) {
      if (this.stopped) break;
      const now = this.deps.clock.now();
      const claimed = await this.deps.botStore.claimOutbox(this.options.owner, now.toISOString(), this.leaseEnd(), this.options.batchSize);
      if (claimed.length === 0) break;
      const outcomes = await Promise.all(claimed.map((m) => this.deliver(m)));
      for (const o of outcomes) if (o !== 'lost') result[o] += 1;
      if (claimed.length < this.options.batchSize) break;
    }
    return result;
  }

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Runs a pass soon (after the current one, if one is running); only once started. */
  kick(): void {
    if (this.stopped || !this.timer) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .then(
        (r) => {
          if (r.sent || r.failed || r.cancelled || r.dead || r.released) this.deps.log.info({ ...r }, 'outbox pass');
        },
        (e: unknown) => this.deps.log.error({ err: e instanceof Error ? { type: e.name, message: e.message } : String(e) }, 'outbox pass failed'),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no pass is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Stops: no new pass, no new claim, no new send; the sends in flight finish (waited for up to
   * `stopGraceMs`), claimed messages not yet sent are given back. Never waits for the rest of the queue.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    let timeout: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((r) => (timeout = setTimeout(r, this.options.stopGraceMs)));
    await Promise.race([this.idle(), grace]);
    clearTimeout(timeout);
  }

  get stopping(): boolean {
    return this.stopped;
  }

  private leaseEnd(): string {
    return new Date(this.deps.clock.now().getTime() + this.options.leaseMs).toISOString();
  }

  private async deliver(m: OutboxMessage): Promise<Outcome> {
    const { botStore } = this.deps;
    const owner = this.options.owner;
    const at = (): string => this.deps.clock.now().toISOString();
    const fail = async (error: string, retryAfter?: number): Promise<Outcome> => {
      const delay = Math.max(backoffMs(m.attempts, this.options), retryAfter ?? 0);
      const next = new Date(this.deps.clock.now().getTime() + delay).toISOString();
      this.deps.log.warn({ outbox: m.id, kind: m.kind, reference: m.reference, attempts: m.attempts + 1, error }, 'proactive message not delivered');
      return (await botStore.failOutbox(m.id, owner, error, next)) ? 'failed' : 'lost';
    };
    const bury = async (error: string): Promise<Outcome> => {
      this.deps.log.warn({ outbox: m.id, kind: m.kind, reference: m.reference, attempts: m.attempts + 1, error }, 'proactive message given up: dead letter');
      return (await botStore.completeOutbox(m.id, owner, 'dead', at(), error)) ? 'dead' : 'lost';
    };
    // Stopping: give the lease back at once (a lease that ends now), so another instance sends it.
    const release = async (): Promise<Outcome> => ((await botStore.renewOutboxLease(m.id, owner, at())) ? 'released' : 'lost');
    if (this.stopped) return release();
    const cancel = async (why: string): Promise<Outcome> => ((await botStore.completeOutbox(m.id, owner, 'cancelled', at(), why)) ? 'cancelled' : 'lost');

    const who = await memberOf(this.deps, m.recipientUserId);
    if (!who.ok) return who.reason === 'NOT_A_MEMBER' ? cancel('NOT_A_MEMBER') : fail('NO_RECIPIENT');
    const build = this.kinds[m.kind];
    if (!build) return cancel('UNKNOWN_KIND');
    const record = m.caseId ? await loadRecord(this.deps, m.caseId) : undefined;
    if (!record && !('caseFree' in build)) return cancel('CASE_GONE');
    const conversation = await botStore.getConversation(m.recipientUserId);
    if (!conversation) return fail('NO_CONVERSATION');
    const context = {
      deps: this.deps,
      recipient: who.member,
      channelUserId: conversation.channelUserId,
      locale: localeOf(conversation.locale),
      messageId: m.id,
      payload: m.payload,
    };
    const built = 'caseFree' in build ? build.caseFree(context) : build({ ...context, record: record!, ...(await cardCodes(this.deps.service, context.locale)) });
    if ('obsolete' in built) return cancel(built.obsolete);
    if (this.stopped) return release();

    // Keep the lease while the send is in flight, however long it takes.
    const renew = setInterval(() => {
      botStore.renewOutboxLease(m.id, owner, this.leaseEnd()).catch((e: unknown) => this.deps.log.warn({ outbox: m.id, err: String(e) }, 'lease renewal failed'));
    }, Math.max(10, Math.floor(this.options.leaseMs / 3)));
    renew.unref();
    try {
      await this.sender.send(conversation.reference, built.card);
    } catch (e) {
      const failure = asSendFailure(e);
      const code = failure.stage === 'token' ? 'SEND_FAILED:TOKEN' : failure.status !== undefined ? `SEND_FAILED:${failure.status}` : 'SEND_FAILED';
      if (failure.kind === 'permanent' || m.attempts + 1 >= this.options.maxAttempts) return bury(code);
      return fail(code, failure.retryAfterMs);
    } finally {
      clearInterval(renew);
    }
    const done = await botStore.completeOutbox(m.id, owner, 'sent', at());
    if (done) this.deps.log.info({ outbox: m.id, kind: m.kind, reference: m.reference }, 'proactive message sent');
    return done ? 'sent' : 'lost';
  }
}
