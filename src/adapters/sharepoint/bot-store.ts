/**
 * The bot's storage on SharePoint lists (BotStore port, issue 4): the proactive message queue
 * (SJVBotOutbox), conversation references (SJVBotConversations) and audit cursors (SJVBotCursors); the
 * lists are defined in schema.ts and created by provisioning.
 *
 * SharePoint has no UPDATE … WHERE, so every conditional change is read → check → MERGE with If-Match on
 * the etag that was read: when another server instance changed the item in between, SharePoint answers 412
 * and this instance does not get it. So two instances never claim the same message, never both complete
 * it, and never both move a cursor. New items rely on unique columns (409): a dedupe key is enqueued once.
 * Filters and sorting use indexed columns only; conditions on other columns are checked on the items read.
 */
import type { IItems } from '@pnp/sp/items';
import type { CaseRecord } from '../../core/model';
import type { BotStore, NewOutboxMessage, OutboxMessage, StoredConversation } from '../../core/ports';
import type { ListQuery, SpItem } from './rest';
import { eq, etagOf, lit, str } from './rest';
import type { ListKey } from './schema';
import { httpStatus } from './sp-client';

export interface BotStoreDeps {
  items(key: ListKey): IItems;
  collect(key: ListKey, q: ListQuery): Promise<SpItem[]>;
  /** whole case records for ids, in the order given. */
  loadCases(caseIds: readonly string[]): Promise<CaseRecord[]>;
  /** translates transport errors into coded ones (STORE.UNAVAILABLE). */
  guard<T>(fn: () => Promise<T>): Promise<T>;
}

const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const OUTBOX_COLUMNS = [
  'OutboxId',
  'DedupeKey',
  'Kind',
  'RecipientUserId',
  'CaseId',
  'Reference',
  'PayloadJson',
  'OutboxStatus',
  'Attempts',
  'NextAttemptAt',
  'LeaseOwner',
  'LeaseUntil',
  'LastError',
  'CreatedAt',
  'DoneAt',
];

const toMessage = (r: SpItem): OutboxMessage => ({
  id: str(r.OutboxId),
  dedupeKey: str(r.DedupeKey),
  kind: str(r.Kind),
  recipientUserId: str(r.RecipientUserId),
  caseId: strOrNull(r.CaseId),
  reference: strOrNull(r.Reference),
  payload: JSON.parse(str(r.PayloadJson) || '{}') as Record<string, unknown>,
  status: str(r.OutboxStatus) as OutboxMessage['status'],
  attempts: Number(r.Attempts ?? 0),
  nextAttemptAt: str(r.NextAttemptAt),
  leaseOwner: strOrNull(r.LeaseOwner),
  leaseUntil: strOrNull(r.LeaseUntil),
  lastError: strOrNull(r.LastError),
  createdAt: str(r.CreatedAt),
  doneAt: strOrNull(r.DoneAt),
});

/** Writes `fields` if the item is still as read (If-Match); false when another instance changed it first. */
async function mergeIfUnchanged(items: IItems, row: SpItem, fields: Record<string, unknown>): Promise<boolean> {
  try {
    await items.getById(row.Id).update(fields, etagOf(row));
    return true;
  } catch (e) {
    const status = httpStatus(e);
    if (status === 412 || status === 404) return false;
    throw e;
  }
}

const byDueThenCreated = (a: OutboxMessage, b: OutboxMessage): number =>
  a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id.localeCompare(b.id);

export function sharePointBotStore(d: BotStoreDeps): BotStore {
  const outbox = (): IItems => d.items('botOutbox');
  const outboxRow = async (id: string): Promise<SpItem | undefined> => (await d.collect('botOutbox', { filter: eq('OutboxId', id), select: OUTBOX_COLUMNS, limit: 1 }))[0];

  /** Applies `change` to the message if `owner` still holds its lease and it is pending. */
  const whileLeased = (id: string, owner: string, change: (m: OutboxMessage) => Record<string, unknown>): Promise<boolean> =>
    d.guard(async () => {
      const row = await outboxRow(id);
      if (!row) return false;
      const m = toMessage(row);
      if (m.status !== 'pending' || m.leaseOwner !== owner) return false;
      return mergeIfUnchanged(outbox(), row, change(m));
    });

  const conversationRow = async (userId: string): Promise<SpItem | undefined> =>
    (await d.collect('botConversations', { filter: eq('UserId', userId), select: ['UserId', 'ChannelUserId', 'Locale', 'ReferenceJson', 'UpdatedAt'], limit: 1 }))[0];
  const cursorRow = async (name: string): Promise<SpItem | undefined> => (await d.collect('botCursors', { filter: eq('CursorName', name), select: ['CursorName', 'Position'], limit: 1 }))[0];

  return {
    enqueueOutbox: (messages: NewOutboxMessage[]) =>
      d.guard(async () => {
        let inserted = 0;
        for (const m of messages) {
          if ((await d.collect('botOutbox', { filter: eq('DedupeKey', m.dedupeKey), select: ['DedupeKey'], limit: 1 })).length) continue;
          try {
            await outbox().add({
              Title: m.kind,
              OutboxId: m.id,
              DedupeKey: m.dedupeKey,
              Kind: m.kind,
              RecipientUserId: m.recipientUserId,
              CaseId: m.caseId,
              Reference: m.reference,
              PayloadJson: JSON.stringify(m.payload),
              OutboxStatus: 'pending',
              Attempts: 0,
              NextAttemptAt: m.createdAt,
              LeaseOwner: null,
              LeaseUntil: null,
              LastError: null,
              CreatedAt: m.createdAt,
              DoneAt: null,
            });
            inserted += 1;
          } catch (e) {
            if (httpStatus(e) !== 409) throw e; // 409: the same dedupe key, enqueued by another instance just now
          }
        }
        return inserted;
      }),

    claimOutbox: (owner, now, leaseUntil, limit) =>
      d.guard(async () => {
        if (limit <= 0) return [];
        const rows = await d.collect('botOutbox', { filter: `${eq('OutboxStatus', 'pending')} and NextAttemptAt le ${lit(now)}`, select: OUTBOX_COLUMNS, orderBy: ['NextAttemptAt', true] });
        const candidates = rows
          .map((row) => ({ row, m: toMessage(row) }))
          .filter(({ m }) => m.status === 'pending' && m.nextAttemptAt <= now && (m.leaseUntil === null || m.leaseUntil <= now))
          .sort((a, b) => byDueThenCreated(a.m, b.m));
        const claimed: OutboxMessage[] = [];
        for (const { row, m } of candidates) {
          if (claimed.length >= limit) break;
          // If-Match: when another instance claimed it since we read it, SharePoint answers 412 and we skip it.
          if (await mergeIfUnchanged(outbox(), row, { LeaseOwner: owner, LeaseUntil: leaseUntil })) claimed.push({ ...m, leaseOwner: owner, leaseUntil });
        }
        return claimed;
      }),

    renewOutboxLease: (id, owner, leaseUntil) => whileLeased(id, owner, () => ({ LeaseUntil: leaseUntil })),

    completeOutbox: (id, owner, status, at, note) =>
      whileLeased(id, owner, (m) => ({ OutboxStatus: status, DoneAt: at, LeaseUntil: null, LastError: note ?? m.lastError, ...(status === 'dead' ? { Attempts: m.attempts + 1 } : {}) })),

    failOutbox: (id, owner, error, nextAttemptAt) =>
      whileLeased(id, owner, (m) => ({ Attempts: m.attempts + 1, LastError: error, NextAttemptAt: nextAttemptAt, LeaseUntil: null, LeaseOwner: null })),

    listOutbox: (filter) =>
      d.guard(async () => {
        const where: string[] = [];
        if (filter.status) where.push(eq('OutboxStatus', filter.status));
        if (filter.minAttempts !== undefined) where.push(`Attempts ge ${Math.floor(filter.minAttempts)}`);
        const rows = await d.collect('botOutbox', { ...(where.length ? { filter: where.join(' and ') } : {}), select: OUTBOX_COLUMNS });
        return rows
          .map(toMessage)
          .filter((m) => (!filter.status || m.status === filter.status) && (filter.minAttempts === undefined || m.attempts >= filter.minAttempts))
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id.localeCompare(b.id)))
          .slice(0, filter.limit);
      }),

    releaseOutboxFor: (recipientUserId, now) =>
      d.guard(async () => {
        let released = 0;
        for (let attempt = 0; attempt < 3; attempt++) {
          const rows = await d.collect('botOutbox', { filter: `${eq('RecipientUserId', recipientUserId)} and ${eq('OutboxStatus', 'pending')}`, select: OUTBOX_COLUMNS });
          const waiting = rows.filter((r) => r.OutboxStatus === 'pending' && str(r.NextAttemptAt) > now);
          let conflicts = 0;
          for (const row of waiting) {
            if (await mergeIfUnchanged(outbox(), row, { NextAttemptAt: now })) released += 1;
            else conflicts += 1;
          }
          if (conflicts === 0) break; // else: read again, the changed ones may still be waiting
        }
        return released;
      }),

    putConversation: (c: StoredConversation) =>
      d.guard(async () => {
        const fields = { Title: c.userId, UserId: c.userId, ChannelUserId: c.channelUserId, Locale: c.locale, ReferenceJson: JSON.stringify(c.reference), UpdatedAt: c.updatedAt };
        for (let attempt = 0; attempt < 3; attempt++) {
          const row = await conversationRow(c.userId);
          try {
            if (row) await d.items('botConversations').getById(row.Id).update(fields);
            else await d.items('botConversations').add(fields);
            return;
          } catch (e) {
            if (httpStatus(e) !== 409 && httpStatus(e) !== 404) throw e; // another instance wrote it just now: update that one
          }
        }
      }),

    getConversation: (userId) =>
      d.guard(async () => {
        const r = await conversationRow(userId);
        return r
          ? { userId: str(r.UserId), channelUserId: str(r.ChannelUserId), locale: str(r.Locale), reference: JSON.parse(str(r.ReferenceJson) || '{}') as Record<string, unknown>, updatedAt: str(r.UpdatedAt) }
          : undefined;
      }),

    getCursor: (name) => d.guard(async () => Number((await cursorRow(name))?.Position ?? 0)),

    advanceCursor: (name, from, to) =>
      d.guard(async () => {
        const row = await cursorRow(name);
        if (!row) {
          if (from !== 0) return false;
          try {
            await d.items('botCursors').add({ Title: name, CursorName: name, Position: to });
            return true;
          } catch (e) {
            if (httpStatus(e) !== 409) throw e;
            return false; // another instance created it first: it moved the cursor
          }
        }
        if (Number(row.Position) !== from) return false;
        return mergeIfUnchanged(d.items('botCursors'), row, { Position: to });
      }),

    listCasesBroughtInBy: (userId, limit) =>
      d.guard(async () => {
        const frames = await d.collect('frames', { filter: eq('InbrengerUser', userId), select: ['CaseId'] });
        const records = await d.loadCases(frames.map((f) => str(f.CaseId)));
        return records
          .filter((r) => r.frame.inbrengerUserId === userId)
          .sort((a, b) => (a.frame.createdAt < b.frame.createdAt ? 1 : a.frame.createdAt > b.frame.createdAt ? -1 : a.id.localeCompare(b.id)))
          .slice(0, limit);
      }),
  };
}
