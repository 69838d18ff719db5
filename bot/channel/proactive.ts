/**
 * THE botbuilder layer (3/4): proactive sends into a stored conversation (the outbox worker's sender).
 * Resolves only when the Bot Connector answered 2xx. The adapter's onTurnError would swallow an error thrown
 * inside the turn (and a failed send would look delivered), so the send's error is caught inside the turn
 * and rethrown after it as a SendFailure (bot/app/outbox/send-failure.ts).
 * The outbox owns the retries (persisted, Retry-After honoured across instances, a dead letter at the end):
 * the connector client's own retry policy (@azure/core-rest-pipeline, phase "Retry": up to 3 retries, each
 * waiting a 429's full Retry-After) is taken out of the client this send uses, so a send answers within one
 * request and a stop never waits for a throttled connector.
 */
import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { MessageSender } from '../app/outbox/worker';
import { SendFailure, retryAfterMs, sendFailureKind } from '../app/outbox/send-failure';
import type { Card } from '../app/types';

/** botbuilder's connector errors (RestError) carry the HTTP status and the response headers; connection errors have neither. */
function failureOf(e: unknown): SendFailure {
  if (e instanceof SendFailure) return e;
  const err = (e ?? {}) as { statusCode?: unknown; response?: { headers?: { get?: (name: string) => string | undefined } } };
  const status = typeof err.statusCode === 'number' && err.statusCode > 0 ? err.statusCode : undefined;
  const header = typeof err.response?.headers?.get === 'function' ? err.response.headers.get('retry-after') : undefined;
  return new SendFailure(sendFailureKind(status), status, retryAfterMs(header, new Date()));
}

export class BotFrameworkSender implements MessageSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async send(reference: Record<string, unknown>, card: Card): Promise<void> {
    let failed: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (context) => {
        const client = context.turnState.get(context.adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(o: { phase: 'Retry' }): unknown } } } | undefined;
        client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
        try {
          await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
        } catch (error) {
          failed = { error };
        }
      });
    } catch (error) {
      throw failureOf(error);
    }
    if (failed) throw failureOf(failed.error);
  }
}
