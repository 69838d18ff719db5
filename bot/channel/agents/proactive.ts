/**
 * THE Agents SDK layer (3/4): proactive sends into a stored conversation (the outbox worker's sender).
 * A send that does not get a 2xx from the Bot Connector rejects with SendFailure — never resolves — and
 * the SDK's HttpError (which holds the activity it sent, i.e. the card) goes no further than here.
 */
import type { CloudAdapter } from '@microsoft/agents-hosting';
import { CardFactory, HttpError, MessageFactory } from '@microsoft/agents-hosting';
import { SendFailure, retryAfterMs, sendFailureKind } from '../../app/outbox/send-failure';
import type { MessageSender } from '../../app/outbox/worker';
import type { Card } from '../../app/types';

type ConversationReference = Parameters<CloudAdapter['continueConversation']>[1];

/** A stored reference in the Agents SDK's shape: references stored by botbuilder name the bot's account `bot`. */
export function agentsReference(stored: Record<string, unknown>): ConversationReference {
  const agent = stored.agent ?? stored.bot;
  return { ...stored, ...(agent ? { agent } : {}) } as unknown as ConversationReference;
}

export class AgentsSender implements MessageSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(reference: Record<string, unknown>, card: Card): Promise<void> {
    // Without an app id (local) the SDK needs an identity object to send anonymously.
    const identity = this.appId || { aud: '' };
    const target = agentsReference(reference);
    // A reference without a service URL or conversation can never be sent to.
    if (typeof target.serviceUrl !== 'string' || !target.serviceUrl || !target.conversation?.id) throw new SendFailure('permanent');
    // The adapter hands an error inside the turn to onTurnError and resolves: keep the send's own error.
    let failed: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversation(identity, target, async (context) => {
        try {
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        } catch (error) {
          failed = { error };
        }
      });
    } catch (error) {
      failed = { error };
    }
    if (failed) throw this.failureOf(failed.error);
  }

  /** The SendFailure for what the SDK threw; the SDK's HttpError holds the card it sent and goes no further. */
  private failureOf(e: unknown): SendFailure {
    if (e instanceof SendFailure) return e;
    if (e instanceof HttpError) {
      const status = e.status;
      const after = status === 429 || status === 503 ? retryAfterMs(e.response.headers.get('retry-after'), this.now()) : undefined;
      return new SendFailure(sendFailureKind(status), status, after);
    }
    // No answer at all (connection refused, DNS, timeout) or no token: transient.
    return new SendFailure('transient');
  }
}
