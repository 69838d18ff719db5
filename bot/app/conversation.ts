/**
 * The conversation logic: who is talking, then dispatch to the route of the typed command or card verb.
 * Free of botbuilder: it takes a Turn and returns a TurnResult (bot/channel does the translation).
 */
import type { StoredConversation } from '../../src/core/ports';
import { resolveMember } from './members';
import type { RouteContext } from './routes/common';
import { noticeCard, refusalCard } from './routes/common';
import { helpCard } from './routes/help';
import { ACTIONS, COMMANDS, WRITE_ACTIONS, normaliseCommand } from './routes';
import { capMessageText } from './text';
import { intakeCard, referenceNow } from './routes/intake';
import { welcomeCard } from './routes/welcome';
import { t } from './i18n';
import { ERROR_CODES } from '../../src/core/errors';
import type { BotDeps, Card, Member, Turn, TurnResult } from './types';

export class BotApp {
  /** the reference last written per user by this instance, to skip writing an unchanged one. */
  private readonly remembered = new Map<string, string>();

  constructor(readonly deps: BotDeps) {}

  async handle(turn: Turn): Promise<TurnResult> {
    const { locale, inbound } = turn;
    const resolved = await resolveMember(this.deps, turn.from.aadObjectId);
    if (!resolved.ok) {
      this.deps.log.info({ reason: resolved.reason, kind: inbound.kind }, 'refused: not a member');
      const card = refusalCard(locale, resolved.reason);
      return inbound.kind === 'action' ? { kind: 'card', card } : { kind: 'replies', replies: [{ card }] };
    }
    const member = resolved.member;
    await this.remember(member, turn);
    const ctx: RouteContext = { deps: this.deps, member, locale, turn };
    try {
      switch (inbound.kind) {
        case 'installed':
          return { kind: 'replies', replies: [{ card: welcomeCard(locale) }] };
        case 'legacySubmit':
          return { kind: 'replies', replies: [{ card: intakeCard(locale, { errors: [t(locale, 'error.CARD_OUTDATED')], triageDays: this.deps.service.config.triageDays, reference: await referenceNow(ctx) }) }] };
        case 'message': {
          const route = COMMANDS.get(normaliseCommand(capMessageText(inbound.text)));
          if (!route?.onCommand) return { kind: 'replies', replies: [{ card: helpCard(locale, true) }] };
          return { kind: 'replies', replies: await route.onCommand(ctx) };
        }
        case 'action': {
          const handler = ACTIONS.get(inbound.verb);
          if (!handler) return { kind: 'card', card: noticeCard(locale, { title: t(locale, 'common.errorTitle'), errors: [t(locale, 'error.UNKNOWN_ACTION')] }) };
          // A card submit is a write like an API call: the same per-user limit, refused in the card.
          if (WRITE_ACTIONS.has(inbound.verb) && this.deps.writeLimit) {
            const limit = await this.deps.writeLimit(member.user.id);
            if (!limit.allowed) {
              this.deps.log.info({ reason: 'RATE_LIMITED', verb: inbound.verb }, 'card submit refused: write limit');
              return { kind: 'card', card: noticeCard(locale, { title: t(locale, 'common.errorTitle'), errors: [t(locale, 'error.RATE_LIMITED', { seconds: limit.retryAfterSeconds })] }) };
            }
          }
          return { kind: 'card', card: await handler(ctx, { data: inbound.data, trigger: inbound.trigger }) };
        }
      }
    } catch (e) {
      // Logged without input (it may hold what a user typed): the error's type and message only.
      this.deps.log.error({ err: e instanceof Error ? { type: e.name, message: e.message } : String(e), kind: inbound.kind }, 'bot turn failed');
      const card: Card = noticeCard(locale, { title: t(locale, 'common.errorTitle'), errors: [locale === 'en-US' ? ERROR_CODES['INTERNAL.ERROR'].en : ERROR_CODES['INTERNAL.ERROR'].nl] });
      return inbound.kind === 'action' ? { kind: 'card', card } : { kind: 'replies', replies: [{ card }] };
    }
  }

  /** Keeps the personal chat's conversation reference in the store, for proactive messages. */
  private async remember(member: Member, turn: Turn): Promise<void> {
    if (turn.conversation.type !== 'personal') return;
    const json = JSON.stringify([turn.from.channelUserId, turn.locale, turn.conversation.reference]);
    if (this.remembered.get(member.user.id) === json) return;
    const conversation: StoredConversation = {
      userId: member.user.id,
      channelUserId: turn.from.channelUserId,
      locale: turn.locale,
      reference: turn.conversation.reference,
      updatedAt: this.deps.clock.now().toISOString(),
    };
    await this.deps.botStore.putConversation(conversation);
    this.remembered.set(member.user.id, json);
    // Messages that waited for this member (no conversation yet) are due now.
    if ((await this.deps.botStore.releaseOutboxFor(member.user.id, conversation.updatedAt)) > 0) this.deps.queued();
  }
}
