/**
 * The procesregisseur's view of the proactive queue: messages the bot could not deliver after several
 * attempts (still queued: the bot keeps trying) and dead letters (given up: docs/adr/0013), each by its
 * kind's name, so someone can act.
 */
import { undelivered } from '../outbox/undelivered';
import { render } from '../cards';
import type { StringKey } from '../i18n';
import { formatDate, t, tKey } from '../i18n';
import type { Card } from '../types';
import type { CaseFreeBuilder, Route, RouteContext } from './common';
import { noticeCard } from './common';
import template from '../../cards/queue.json';

export { UNDELIVERABLE_AFTER_ATTEMPTS } from '../outbox/undelivered';

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

/** The daily report to a procesregisseur: how many messages were not delivered, and where to see them. */
export const buildUndeliveredReport: CaseFreeBuilder = {
  caseFree: ({ recipient, locale, payload }) => {
    if (!recipient.user.roles.includes('procesregisseur')) return { obsolete: 'NOT_PROCESREGISSEUR' };
    const count = typeof payload.undelivered === 'number' ? payload.undelivered : 0;
    const dead = typeof payload.dead === 'number' ? payload.dead : 0;
    return {
      card: noticeCard(locale, {
        title: t(locale, 'queue.reportTitle'),
        lines: [t(locale, 'queue.reportBody', { count, dead })],
        buttons: [{ title: t(locale, 'queue.reportOpen'), verb: 'queue.open' }],
      }),
    };
  },
};

export const queueRoute: Route = {
  name: 'queue',
  commands: ['wachtrij', 'berichtenwachtrij', 'queue'],
  onCommand: async (ctx) => [{ card: await queueCard(ctx) }],
  actions: { 'queue.open': queueCard },
};
