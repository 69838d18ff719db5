/**
 * What a channel layer (bot/channel/…) reports when a proactive send did not get a 2xx from the Bot
 * Connector. `MessageSender.send` rejects with this — never resolves for a failed send — so the outbox
 * records the real result: retry on `throttled` (honouring `retryAfterMs`) and `transient`, dead letter on
 * `permanent`. It carries no activity content.
 */
export type SendFailureKind = 'throttled' | 'transient' | 'permanent';

export class SendFailure extends Error {
  override readonly name = 'SendFailure';
  constructor(
    readonly kind: SendFailureKind,
    /** the connector's HTTP status, when it answered at all */
    readonly status?: number,
    /** from the connector's Retry-After header, in milliseconds */
    readonly retryAfterMs?: number,
    /** 'token': Entra refused the bot's token request (the bot's credential or tenant), nothing reached the connector */
    readonly stage: 'connector' | 'token' = 'connector',
  ) {
    super(stage === 'token' ? 'the bot got no token' : status ? `send failed with HTTP ${status}` : 'send failed without an answer');
  }
}

/** The kind for a connector's answer: 429 throttled; 408, 5xx and no answer (connection errors) transient; other 4xx permanent. */
export function sendFailureKind(status: number | undefined): SendFailureKind {
  if (status === undefined) return 'transient';
  if (status === 429) return 'throttled';
  if (status === 408 || status >= 500) return 'transient';
  return 'permanent';
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
