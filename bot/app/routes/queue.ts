/**
 * The procesregisseur's view of the proactive queue: messages the bot could not deliver after several
 * attempts (still queued: the bot keeps trying) and dead letters (given up: docs/adr/0013), each by its
 * kind's name, so someone can act.
 */
import type { BotStore, OutboxMessage } from '../../../src/core/ports';
import { render } from '../cards';
import type { StringKey } from '../i18n';
import { formatDate, t, tKey } from '../i18n';
import type { Card } from '../types';
import type { Route, RouteContext } from './common';
import { noticeCard } from './common';
import template from '../../cards/queue.json';

/** After this many failed attempts a message counts as undeliverable (it is still retried). */
export const UNDELIVERABLE_AFTER_ATTEMPTS = 3;

/** Messages not delivered: dead letters first, then those still retried after several failed attempts. */
export async function undelivered(botStore: BotStore, limit: number): Promise<OutboxMessage[]> {
  const dead = await botStore.listOutbox({ status: 'dead', limit });
  const pending = await botStore.listOutbox({ status: 'pending', minAttempts: UNDELIVERABLE_AFTER_ATTEMPTS, limit: Math.max(0, limit - dead.length) });
  return [...dead, ...pending];
}

export async function queueCard(ctx: RouteContext): Promise<Card> {
  const { locale, deps, member } = ctx;
  if (!member.user.roles.includes('procesregisseur')) return noticeCard(locale, { title: t(locale, 'queue.title'), errors: [t(locale, 'queue.forbidden')] });
  const stuck = await undelivered(deps.botStore, 50);
  const items = stuck.map((m) => ({
    reference: m.reference ?? '—',
    kind: tKey(locale, `queue.kind.${m.kind}`),
    state: t(locale, m.status === 'dead' ? 'queue.state.dead' : 'queue.state.pending'),
    recipient: m.recipientUserId,
    attempts: `${m.attempts} (${formatDate(locale, m.createdAt)})`,
    lastError: m.lastError ? tKey(locale, `queue.error.${m.lastError.split(':')[0]}` as StringKey) : '—',
  }));
  return render(template, locale, { items });
}

export const queueRoute: Route = {
  name: 'queue',
  commands: ['wachtrij', 'berichtenwachtrij', 'queue'],
  onCommand: async (ctx) => [{ card: await queueCard(ctx) }],
  actions: { 'queue.open': queueCard },
};
