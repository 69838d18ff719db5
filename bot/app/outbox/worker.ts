/**
 * The outbox worker: claims due messages with a lease, builds each card from the case as it is now, sends
 * it, and marks it sent — or records the failure and tries again later with backoff. While a send is in
 * flight the lease is renewed, so no other instance claims the message; a message is sent again only when
 * its send failed, or when the instance holding it died before recording the result. A message that keeps
 * failing stays queued (and is listed for the procesregisseur after a few attempts).
 */
import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '../../../src/core/ports';
import { memberOf } from '../members';
import { localeOf } from '../i18n';
import type { ProactiveBuilder } from '../routes/common';
import { loadRecord } from '../routes/common';
import type { BotDeps, Card } from '../types';
import { scanForMessages } from './notifier';

/** Sends a card into a stored conversation (the channel layer implements it). */
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
}

export const DEFAULT_OUTBOX_OPTIONS: Omit<OutboxOptions, 'owner'> = {
  leaseMs: 60_000,
  batchSize: 10,
  pollMs: 5_000,
  backoffBaseMs: 30_000,
  backoffMaxMs: 60 * 60_000,
};

export interface RunResult {
  queued: number;
  sent: number;
  failed: number;
  cancelled: number;
}

type Outcome = 'sent' | 'failed' | 'cancelled' | 'lost';

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
    private readonly kinds: Readonly<Record<string, ProactiveBuilder>>,
    options: Partial<OutboxOptions> = {},
  ) {
    this.options = { ...DEFAULT_OUTBOX_OPTIONS, owner: `bot-${randomUUID()}`, ...options };
  }

  /** One pass: queue what changed cases call for, then deliver what is due. */
  async runOnce(): Promise<RunResult> {
    const { queued } = await scanForMessages(this.deps);
    const result: RunResult = { queued, sent: 0, failed: 0, cancelled: 0 };
    for (;;) {
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
          if (r.sent || r.failed || r.cancelled) this.deps.log.info({ ...r }, 'outbox pass');
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

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  private leaseEnd(): string {
    return new Date(this.deps.clock.now().getTime() + this.options.leaseMs).toISOString();
  }

  private async deliver(m: OutboxMessage): Promise<Outcome> {
    const { botStore } = this.deps;
    const owner = this.options.owner;
    const at = (): string => this.deps.clock.now().toISOString();
    const fail = async (error: string): Promise<Outcome> => {
      const next = new Date(this.deps.clock.now().getTime() + backoffMs(m.attempts, this.options)).toISOString();
      this.deps.log.warn({ outbox: m.id, kind: m.kind, reference: m.reference, attempts: m.attempts + 1, error }, 'proactive message not delivered');
      return (await botStore.failOutbox(m.id, owner, error, next)) ? 'failed' : 'lost';
    };
    const cancel = async (why: string): Promise<Outcome> => ((await botStore.completeOutbox(m.id, owner, 'cancelled', at(), why)) ? 'cancelled' : 'lost');

    const who = await memberOf(this.deps, m.recipientUserId);
    if (!who.ok) return who.reason === 'NOT_A_MEMBER' ? cancel('NOT_A_MEMBER') : fail('NO_RECIPIENT');
    const record = m.caseId ? await loadRecord(this.deps, m.caseId) : undefined;
    if (!record) return cancel('CASE_GONE');
    const build = this.kinds[m.kind];
    if (!build) return cancel('UNKNOWN_KIND');
    const conversation = await botStore.getConversation(m.recipientUserId);
    if (!conversation) return fail('NO_CONVERSATION');
    const built = build({
      deps: this.deps,
      recipient: who.member,
      channelUserId: conversation.channelUserId,
      locale: localeOf(conversation.locale),
      messageId: m.id,
      payload: m.payload,
      record,
    });
    if ('obsolete' in built) return cancel(built.obsolete);

    // Keep the lease while the send is in flight, however long it takes.
    const renew = setInterval(() => {
      botStore.renewOutboxLease(m.id, owner, this.leaseEnd()).catch((e: unknown) => this.deps.log.warn({ outbox: m.id, err: String(e) }, 'lease renewal failed'));
    }, Math.max(10, Math.floor(this.options.leaseMs / 3)));
    renew.unref();
    try {
      await this.sender.send(conversation.reference, built.card);
    } catch (e) {
      const status = (e as { statusCode?: unknown }).statusCode;
      return fail(typeof status === 'number' ? `SEND_FAILED:${status}` : 'SEND_FAILED');
    } finally {
      clearInterval(renew);
    }
    const done = await botStore.completeOutbox(m.id, owner, 'sent', at());
    if (done) this.deps.log.info({ outbox: m.id, kind: m.kind, reference: m.reference }, 'proactive message sent');
    return done ? 'sent' : 'lost';
  }
}
