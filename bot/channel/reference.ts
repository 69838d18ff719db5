/**
 * The conversation reference as the bot stores it, the same whichever SDK took the turn (docs/adr/0008):
 * the bot's account under both names the SDKs use (`agent`: Agents SDK, `bot`: botbuilder), so that either
 * SDK sends to a reference the other stored; and without the incoming activity's id. A proactive message is
 * a new message in the chat ("Send to conversation"), not a reply to whatever the user last sent; and the
 * reference then stays the same from turn to turn, so the bot (which stores it only when it changed) does
 * not write it on every turn.
 */
import type { BotApp } from '../app/conversation';

export function sharedReference(reference: Record<string, unknown>): Record<string, unknown> {
  const { activityId: _activityId, ...rest } = reference;
  const account = rest.agent ?? rest.bot;
  return account ? { ...rest, agent: account, bot: account } : rest;
}

/** The bot's app, with every turn's reference in the shared shape (for a handler whose SDK makes its own). */
export function withSharedReferences(app: BotApp): BotApp {
  const shared = Object.create(app) as BotApp;
  shared.handle = (turn) => app.handle({ ...turn, conversation: { ...turn.conversation, reference: sharedReference(turn.conversation.reference) } });
  return shared;
}
