/**
 * THE botbuilder layer (2/4): the activity handler. It only translates: a Bot Framework activity into the
 * bot's Turn, the TurnResult back into messages or an Action.Execute invoke response. No conversation
 * logic lives here.
 */
import type { InvokeResponse, TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory, TeamsActivityHandler, TurnContext as Turns } from 'botbuilder';
import type { BotApp } from '../app/conversation';
import { localeOf } from '../app/i18n';
import type { ConversationType, Inbound, Turn, TurnResult } from '../app/types';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

function conversationType(raw: string | undefined): ConversationType {
  return raw === 'groupChat' || raw === 'channel' ? raw : 'personal';
}

function turnOf(context: TurnContext, inbound: Inbound): Turn {
  const a = context.activity;
  return {
    inbound,
    from: { channelUserId: a.from?.id ?? '', ...(a.from?.aadObjectId ? { aadObjectId: a.from.aadObjectId } : {}) },
    locale: localeOf(a.locale),
    conversation: {
      type: conversationType(a.conversation?.conversationType),
      reference: Turns.getConversationReference(a) as unknown as Record<string, unknown>,
    },
  };
}

/** Reads an adaptiveCard/action invoke's value defensively: clients may send anything. */
function actionOf(value: unknown): Inbound | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const action = (value as { action?: unknown }).action;
  if (!action || typeof action !== 'object') return undefined;
  const { type, verb, data } = action as { type?: unknown; verb?: unknown; data?: unknown };
  if (type !== 'Action.Execute' || typeof verb !== 'string') return undefined;
  const trigger = (value as { trigger?: unknown }).trigger === 'automatic' ? 'automatic' : 'manual';
  return { kind: 'action', verb, data, trigger };
}

async function send(context: TurnContext, result: TurnResult): Promise<void> {
  if (result.kind !== 'replies') return;
  for (const reply of result.replies) {
    await context.sendActivity('card' in reply ? MessageFactory.attachment(CardFactory.adaptiveCard(reply.card)) : MessageFactory.text(reply.text));
  }
}

export class SignaalpuntTeamsBot extends TeamsActivityHandler {
  constructor(private readonly app: BotApp) {
    super();
    this.onMessage(async (context, next) => {
      const a = context.activity;
      // The @mention of the bot (group chats) is not part of the command; Teams marks it with <at>…</at>.
      const text = (Turns.removeRecipientMention(a) ?? a.text ?? '').replace(/<at>[^<]*<\/at>/g, ' ').trim();
      const inbound: Inbound = !text && a.value !== undefined ? { kind: 'legacySubmit' } : { kind: 'message', text };
      await send(context, await this.app.handle(turnOf(context, inbound)));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const a = context.activity;
      const added = a.membersAdded ?? [];
      // In a personal chat Teams adds the bot (install) and the user; greet once.
      const greet = added.some((m) => m.id === a.recipient.id) || (conversationType(a.conversation?.conversationType) === 'personal' && added.length > 0);
      if (greet) await send(context, await this.app.handle(turnOf(context, { kind: 'installed' })));
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const inbound = actionOf(context.activity.value);
    if (!inbound) {
      return { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'Not an Action.Execute with a verb.' } } };
    }
    const result = await this.app.handle(turnOf(context, inbound));
    if (result.kind !== 'card') return { status: 200, body: { statusCode: 204, type: 'application/vnd.microsoft.activity.message', value: '' } };
    return { status: 200, body: { statusCode: 200, type: CARD_CONTENT_TYPE, value: result.card } };
  }
}

