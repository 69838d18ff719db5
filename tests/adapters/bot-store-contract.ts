/**
 * The BotStore contract: what every adapter of the bot's store port must do (SQLite locally, SharePoint
 * lists in production). Store-agnostic — it uses only the ports — and run by each adapter's test:
 *
 *   botStoreContract('SharePointStore', () => makePair(...));
 *
 * `makePair` returns two stores on one fresh, empty backend (two server instances on one database / site),
 * so that the claim rules can be checked across instances.
 */
import { randomUUID } from 'node:crypto';
import type { BotStore, NewOutboxMessage, Store } from '../../src/core/ports';
import { U } from '../support/world';
import { makeRecord } from './store-contract';

export type BotTestStore = Store & BotStore;
export interface BotStorePair {
  a: BotTestStore;
  b: BotTestStore;
  close(): Promise<void>;
}

const T0 = '2026-03-02T10:00:00.000Z';
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

export function message(n: number, overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return {
    id: `msg-${String(n).padStart(3, '0')}-${randomUUID().slice(0, 8)}`,
    dedupeKey: `key-${n}`,
    kind: 'ENRICHMENT_REQUESTED',
    recipientUserId: U.agent.id,
    caseId: `case-${n}`,
    reference: `SJV-2026-${String(n).padStart(4, '0')}`,
    payload: { phase: 'VERRIJKING', n },
    createdAt: at(n),
    ...overrides,
  };
}

export function botStoreContract(name: string, makePair: () => Promise<BotStorePair>): void {
  describe(`BotStore contract: ${name}`, () => {
    let pair: BotStorePair;
    let store: BotTestStore;
    beforeEach(async () => {
      pair = await makePair();
      store = pair.a;
    });
    afterEach(() => pair.close());

    describe('outbox', () => {
      test('enqueue inserts each dedupe key once, ever, and reports how many were new', async () => {
        expect(await store.enqueueOutbox([message(1), message(2)])).toBe(2);
        expect(await store.enqueueOutbox([message(1, { id: 'another-id' }), message(3)])).toBe(1);
        expect(await pair.b.enqueueOutbox([message(2, { id: 'yet-another' })])).toBe(0);
        const all = await store.listOutbox({ limit: 10 });
        expect(all.map((m) => m.dedupeKey)).toEqual(['key-1', 'key-2', 'key-3']);
        const first = message(1);
        expect(all[0]).toEqual({
          ...first,
          id: expect.any(String),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: first.createdAt,
          leaseOwner: null,
          leaseUntil: null,
          lastError: null,
          doneAt: null,
        });
      });

      test('claim takes due, unleased, pending messages, oldest due first, up to the limit, with the lease', async () => {
        await store.enqueueOutbox([message(3), message(1), message(2), message(50)]);
        const claimed = await store.claimOutbox('instance-a', at(10), at(15), 2);
        expect(claimed.map((m) => m.dedupeKey)).toEqual(['key-1', 'key-2']);
        for (const m of claimed) expect(m).toMatchObject({ leaseOwner: 'instance-a', leaseUntil: at(15), status: 'pending' });
        // the leased ones are not claimed again while the lease runs; message 50 is not due yet
        expect((await pair.b.claimOutbox('instance-b', at(12), at(17), 10)).map((m) => m.dedupeKey)).toEqual(['key-3']);
        // an expired lease can be taken over by another instance
        expect((await pair.b.claimOutbox('instance-b', at(15), at(20), 10)).map((m) => m.dedupeKey)).toEqual(['key-1', 'key-2']);
      });

      test('two instances claiming at once never claim the same message, and between them claim every due one', async () => {
        await store.enqueueOutbox(Array.from({ length: 12 }, (_, i) => message(i + 1)));
        const [x, y] = await Promise.all([store.claimOutbox('instance-a', at(30), at(35), 12), pair.b.claimOutbox('instance-b', at(30), at(35), 12)]);
        const ids = [...x, ...y].map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(12);
        const owners = new Map((await store.listOutbox({ limit: 20 })).map((m) => [m.id, m.leaseOwner]));
        for (const m of x) expect(owners.get(m.id)).toBe('instance-a');
        for (const m of y) expect(owners.get(m.id)).toBe('instance-b');
      });

      test('renew, complete and fail work only for the owner of the lease', async () => {
        await store.enqueueOutbox([message(1), message(2)]);
        const [m1, m2] = await store.claimOutbox('instance-a', at(5), at(10), 2);
        expect(await pair.b.renewOutboxLease(m1!.id, 'instance-b', at(20))).toBe(false);
        expect(await store.renewOutboxLease(m1!.id, 'instance-a', at(20))).toBe(true);
        expect(await pair.b.completeOutbox(m1!.id, 'instance-b', 'sent', at(6))).toBe(false);
        expect(await pair.b.failOutbox(m2!.id, 'instance-b', 'SEND_FAILED_503', at(30))).toBe(false);

        expect(await store.completeOutbox(m1!.id, 'instance-a', 'sent', at(6))).toBe(true);
        expect(await store.completeOutbox(m1!.id, 'instance-a', 'sent', at(7))).toBe(false); // done: once
        expect(await store.renewOutboxLease(m1!.id, 'instance-a', at(30))).toBe(false);
        expect(await store.failOutbox(m2!.id, 'instance-a', 'SEND_FAILED_503', at(30))).toBe(true);

        const byKey = new Map((await store.listOutbox({ limit: 10 })).map((m) => [m.dedupeKey, m]));
        expect(byKey.get('key-1')).toMatchObject({ status: 'sent', doneAt: at(6), leaseUntil: null, attempts: 0 });
        expect(byKey.get('key-2')).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SEND_FAILED_503', nextAttemptAt: at(30), leaseOwner: null, leaseUntil: null });
        // a failed message is due again at its next attempt, for any instance
        expect(await pair.b.claimOutbox('instance-b', at(29), at(40), 10)).toEqual([]);
        expect((await pair.b.claimOutbox('instance-b', at(30), at(40), 10)).map((m) => m.dedupeKey)).toEqual(['key-2']);
      });

      test('complete with a note keeps it as the last error code; cancelled is final too', async () => {
        await store.enqueueOutbox([message(1)]);
        const [m] = await store.claimOutbox('instance-a', at(5), at(10), 1);
        expect(await store.completeOutbox(m!.id, 'instance-a', 'cancelled', at(6), 'NO_CONVERSATION')).toBe(true);
        expect(await store.listOutbox({ status: 'cancelled', limit: 10 })).toEqual([expect.objectContaining({ id: m!.id, lastError: 'NO_CONVERSATION', doneAt: at(6) })]);
        expect(await store.claimOutbox('instance-a', at(60), at(70), 10)).toEqual([]);
      });

      test('a dead letter counts its failed attempt, keeps its error code, is listed as dead and never claimed again', async () => {
        await store.enqueueOutbox([message(1)]);
        const [m] = await store.claimOutbox('instance-a', at(5), at(10), 1);
        expect(await pair.b.completeOutbox(m!.id, 'instance-b', 'dead', at(6), 'SEND_FAILED:503')).toBe(false);
        expect(await store.completeOutbox(m!.id, 'instance-a', 'dead', at(6), 'SEND_FAILED:503')).toBe(true);
        expect(await store.listOutbox({ status: 'dead', limit: 10 })).toEqual([expect.objectContaining({ id: m!.id, attempts: 1, lastError: 'SEND_FAILED:503', doneAt: at(6) })]);
        expect(await pair.b.claimOutbox('instance-b', at(600), at(610), 10)).toEqual([]);
      });

      test('a lease renewed to end now is given back: another instance claims the message at once', async () => {
        await store.enqueueOutbox([message(1)]);
        const [m] = await store.claimOutbox('instance-a', at(5), at(10), 1);
        expect(await pair.b.claimOutbox('instance-b', at(6), at(16), 10)).toEqual([]);
        expect(await store.renewOutboxLease(m!.id, 'instance-a', at(6))).toBe(true);
        expect((await pair.b.claimOutbox('instance-b', at(6), at(16), 10)).map((x) => x.id)).toEqual([m!.id]);
      });

      test('list filters by status and by at least n attempts, oldest first, limited', async () => {
        await store.enqueueOutbox([message(1)]);
        for (let i = 0; i < 2; i++) {
          const [m] = await store.claimOutbox('a', at(100 + i * 10), at(101 + i * 10), 1);
          expect(m?.dedupeKey).toBe('key-1');
          await store.failOutbox(m!.id, 'a', 'SEND_FAILED_503', at(105 + i * 10));
        }
        await store.enqueueOutbox([message(2), message(3)]);
        expect((await store.listOutbox({ minAttempts: 2, limit: 10 })).map((m) => m.dedupeKey)).toEqual(['key-1']);
        expect((await store.listOutbox({ status: 'pending', limit: 2 })).map((m) => m.dedupeKey)).toEqual(['key-1', 'key-2']);
        expect(await store.listOutbox({ status: 'sent', limit: 10 })).toEqual([]);
      });

      test('release makes a recipient’s waiting messages due now, and only theirs', async () => {
        await store.enqueueOutbox([message(1), message(2, { recipientUserId: U.coach.id }), message(3)]);
        const claimed = await store.claimOutbox('a', at(5), at(6), 10);
        for (const m of claimed) await store.failOutbox(m.id, 'a', 'NO_CONVERSATION', at(24 * 60));
        expect(await store.releaseOutboxFor(U.agent.id, at(7))).toBe(2);
        expect(await store.releaseOutboxFor(U.agent.id, at(7))).toBe(0); // already due
        expect((await pair.b.claimOutbox('b', at(7), at(8), 10)).map((m) => m.dedupeKey)).toEqual(['key-1', 'key-3']);
      });
    });

    describe('conversations and cursors', () => {
      test('a conversation reference is stored per user and overwritten, across instances', async () => {
        expect(await store.getConversation(U.agent.id)).toBeUndefined();
        const c = { userId: U.agent.id, channelUserId: '29:abc', locale: 'nl-NL', reference: { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/' }, updatedAt: at(1) };
        await store.putConversation(c);
        expect(await pair.b.getConversation(U.agent.id)).toEqual(c);
        const newer = { ...c, locale: 'en-US', reference: { conversation: { id: 'a:2' } }, updatedAt: at(2) };
        await pair.b.putConversation(newer);
        expect(await store.getConversation(U.agent.id)).toEqual(newer);
        expect(await store.getConversation(U.coach.id)).toBeUndefined();
      });

      test('a cursor starts at 0 and moves only from where the mover saw it', async () => {
        expect(await store.getCursor('audit')).toBe(0);
        expect(await store.advanceCursor('audit', 0, 5)).toBe(true);
        expect(await pair.b.advanceCursor('audit', 0, 7)).toBe(false);
        expect(await pair.b.advanceCursor('audit', 5, 9)).toBe(true);
        expect(await store.advanceCursor('audit', 5, 9)).toBe(false);
        expect(await store.getCursor('audit')).toBe(9);
        expect(await store.getCursor('other')).toBe(0);
      });

      test('two instances advancing the same cursor at once: exactly one moves it', async () => {
        await store.advanceCursor('audit', 0, 3);
        const results = await Promise.all([store.advanceCursor('audit', 3, 10), pair.b.advanceCursor('audit', 3, 11)]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect([10, 11]).toContain(await store.getCursor('audit'));
      });
    });

    describe('cases brought in', () => {
      test('the cases a user brought in, newest first, limited, nobody else’s', async () => {
        const mine = ['2026-01-01T10:00:00.000Z', '2026-01-03T10:00:00.000Z', '2026-01-02T10:00:00.000Z'].map((createdAt, i) =>
          makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt }, `SJV-2026-010${i}`),
        );
        const theirs = makeRecord({ phase: 'INBRENG', org: 'wijkteam', user: U.coach.id, createdAt: '2026-01-04T10:00:00.000Z' }, 'SJV-2026-0200');
        await store.transaction(async (tx) => {
          for (const r of [...mine, theirs]) await tx.insertCase(r);
        });
        expect((await store.listCasesBroughtInBy(U.mentor.id, 10)).map((r) => r.frame.createdAt)).toEqual([
          '2026-01-03T10:00:00.000Z',
          '2026-01-02T10:00:00.000Z',
          '2026-01-01T10:00:00.000Z',
        ]);
        expect(await store.listCasesBroughtInBy(U.mentor.id, 2)).toEqual([mine[1], mine[2]]);
        expect(await store.listCasesBroughtInBy(U.leerplicht.id, 10)).toEqual([]);
      });
    });
  });
}
