/**
 * What the server needs of its store, as one type (issue 15): the core's case Store, the sessions of the
 * signaaltafel (MeetingStore), the bot's queue (BotStore: the undelivered-messages route reads it), the
 * residents' access codes and requests (ResidentAccessStore) and the store's change counter (the meeting
 * snapshots' ETags and push). Both real stores implement all of it (src/adapters/sqlite,
 * src/adapters/sharepoint); the composition root (app.ts) takes nothing less, so a store that lacks a
 * capability is a type error at start-up's call site, and no route checks the store's shape at runtime.
 * A leaf module: types only.
 */
import type { MeetingStore } from '../core/meetings';
import type { BotStore, ResidentAccessStore, Store } from '../core/ports';

/** The store's change counter: the sequence number of the last audit row (every change writes one). */
export interface ChangeCounting {
  lastAuditSeq(): Promise<number>;
}

export type ServerStore = Store & MeetingStore & BotStore & ResidentAccessStore & ChangeCounting;
