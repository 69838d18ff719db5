/**
 * The procesregisseur's view of the proactive queue: messages the bot could not deliver after several
 * attempts. They stay queued (the bot keeps trying); this makes them visible so someone can act.
 */
import { render } from '../cards';
import type { StringKey } from '../i18n';
import { formatDate, t, tKey } from '../i18n';
import type { Card } from '../types';
import type { Route, RouteContext } from './common';
import { noticeCard } from './common';
import template from '../../cards/queue.json';

/** After this many failed attempts a message counts as undeliverable (it is still retried). */
export const UNDELIVERABLE_AFTER_ATTEMPTS = 3;

export async function queueCard(ctx: RouteContext): Promise<Card> {
  const { locale, deps, member } = ctx;
  if (!member.user.roles.includes('procesregisseur')) return noticeCard(locale, { title: t(locale, 'queue.title'), errors: [t(locale, 'queue.forbidden')] });
  const stuck = await deps.botStore.listOutbox({ status: 'pending', minAttempts: UNDELIVERABLE_AFTER_ATTEMPTS, limit: 50 });
  const items = stuck.map((m) => ({
    reference: m.reference ?? '—',
    kind: tKey(locale, `queue.kind.${m.kind}`),
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
