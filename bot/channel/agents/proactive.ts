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

/**
 * The OAuth errors of Entra's token endpoint that no retry mends: the bot's tenant, app id, secret,
 * certificate or scope is wrong ("Microsoft identity platform and the OAuth 2.0 client credentials flow",
 * Error response: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
 * The SDK's MSAL client throws them as a ServerError with the OAuth `errorCode`.
 */
const TOKEN_REFUSALS = new Set(['invalid_request', 'invalid_client', 'unauthorized_client', 'invalid_grant', 'invalid_scope', 'unsupported_grant_type']);

function isTokenRefusal(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, errorCode } = e as { name?: unknown; errorCode?: unknown };
  return name === 'ServerError' && typeof errorCode === 'string' && TOKEN_REFUSALS.has(errorCode);
}

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
    // Entra refused the token: a configuration error, a dead letter at once (the procesregisseur sees it).
    if (isTokenRefusal(e)) return new SendFailure('permanent', undefined, undefined, 'token');
    // No answer at all (connection refused, DNS, timeout), or Entra unreachable: transient.
    return new SendFailure('transient');
  }
}
