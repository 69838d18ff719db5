/**
 * Messages the bot did not deliver, for the procesregisseur (the bot's "wachtrij" card, the API's
 * GET /api/v1/bot/undelivered and the web part's list, the daily report): dead letters (given up, ADR 0013)
 * and messages still retried after several failed attempts. Process-level fields only: kind, kenmerk,
 * state, attempts, error code, dates — never a recipient or message content.
 */
import type { UndeliveredMessage } from '../../../packages/contract/src/types';
import type { BotStore, OutboxMessage } from '../../../src/core/ports';

/** After this many failed attempts a message counts as undelivered (it is still retried until it is dead). */
export const UNDELIVERABLE_AFTER_ATTEMPTS = 3;

/** Dead letters first, then messages still retried after several failed attempts; oldest first in each. */
export async function undelivered(botStore: Pick<BotStore, 'listOutbox'>, limit: number): Promise<OutboxMessage[]> {
  const dead = await botStore.listOutbox({ status: 'dead', limit });
  const pending = dead.length < limit ? await botStore.listOutbox({ status: 'pending', minAttempts: UNDELIVERABLE_AFTER_ATTEMPTS, limit: limit - dead.length }) : [];
  return [...dead, ...pending];
}

/** The allow-listed view of an undelivered message. */
export function undeliveredView(m: OutboxMessage): UndeliveredMessage {
  return {
    id: m.id,
    kind: m.kind,
    reference: m.reference,
    state: m.status === 'dead' ? 'dead' : 'retrying',
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    at: m.status === 'dead' ? (m.doneAt ?? m.createdAt) : m.nextAttemptAt,
  };
}
