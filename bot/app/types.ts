/**
 * The bot's own model of a turn, free of botbuilder: the channel layer (bot/channel) translates Bot
 * Framework activities into a Turn and a TurnResult back into activities and invoke responses.
 */
import type { Organisation, User } from '../../src/core/model';
import type { BotStore, Clock, Store } from '../../src/core/ports';
import type { Signaalpunt } from '../../src/core/service';

import type { Locale } from '../../src/core/vocabulary';

export type { Locale };

/** An Adaptive Card as JSON. */
export interface Card {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}

export type Inbound =
  /** a typed message, with the bot's @mention removed. */
  | { kind: 'message'; text: string }
  /** an Action.Execute (Universal Action): a button press or an automatic refresh. */
  | { kind: 'action'; verb: string; data: unknown; trigger: 'manual' | 'automatic' }
  /** an old-style Action.Submit (message with a value): cards of this bot no longer send it. */
  | { kind: 'legacySubmit' }
  /** the bot was installed or the user added to a conversation with it. */
  | { kind: 'installed' };

export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface Turn {
  inbound: Inbound;
  from: { channelUserId: string; aadObjectId?: string };
  locale: Locale;
  conversation: { type: ConversationType; reference: Record<string, unknown> };
}

export type Reply = { card: Card } | { text: string };

export type TurnResult =
  /** messages to post in the conversation. */
  | { kind: 'replies'; replies: Reply[] }
  /** the card that answers an Action.Execute (replaces the card for the user who acted). */
  | { kind: 'card'; card: Card }
  | { kind: 'none' };

export interface BotLogger {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

export const silentLogger: BotLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Counts one write by a user; refuses when the user is over the per-user write limit (the API's). */
export type WriteLimit = (userId: string) => Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;

/** What the bot's routes need from the outside. */
export interface BotDeps {
  service: Signaalpunt;
  store: Store;
  botStore: BotStore;
  clock: Clock;
  newId: () => string;
  log: BotLogger;
  /** called after messages were queued, so that the outbox worker sends them soon. */
  queued: () => void;
  /** the per-user write limit card submits count against (the server's; none in unit tests). */
  writeLimit?: WriteLimit;
}

/** A member of a protocol organisation, resolved from the Teams user. */
export interface Member {
  user: User;
  organisation: Organisation;
}
