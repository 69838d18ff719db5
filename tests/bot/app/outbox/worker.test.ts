import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../../../src/adapters/sqlite';
import { Signaalpunt } from '../../../../src/core/service';
import { U, makeWorld } from '../../../support/world';
import { OutboxWorker, backoffMs } from '../../../../bot/app/outbox/worker';
import { BotApp } from '../../../../bot/app/conversation';
import { PROACTIVE } from '../../../../bot/app/routes';
import { silentLogger } from '../../../../bot/app/types';
import type { Card } from '../../../../bot/app/types';
import { cardsOf, makeBotWorld, RecordingSender, textOf } from '../../support';

test('a message that cannot be delivered is retried with backoff, stays queued, and is listed for the procesregisseur', async () => {
  const w = await makeBotWorld();
  try {
    // The mentor never installed the bot: no conversation to send the identity request into.
    const { caseId } = await w.submit(U.mentor);
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
    expect(await w.bot.worker.runOnce()).toMatchObject({ queued: 1, failed: 1, sent: 0 });
    const [queued] = await w.store.listOutbox({ limit: 10 });
    expect(queued).toMatchObject({ status: 'pending', attempts: 1, lastError: 'NO_CONVERSATION' });
    // Not due again until the backoff has passed.
    expect(await w.bot.worker.runOnce()).toMatchObject({ failed: 0 });
    for (let i = 1; i < 3; i++) {
      w.clock.set(new Date(w.clock.now().getTime() + backoffMs(i, w.bot.worker.options)).toISOString());
      expect(await w.bot.worker.runOnce()).toMatchObject({ failed: 1 });
    }
    const [card] = cardsOf(await w.say(U.regisseur, 'wachtrij'));
    expect(textOf(card)).toContain('SJV-2026-0001');
    expect(textOf(card)).toContain('Vraag om naam en geboortedatum');
    expect(textOf(card)).toContain('nog niet geïnstalleerd');
    const [forbidden] = cardsOf(await w.say(U.agent, 'wachtrij'));
    expect(textOf(forbidden)).toContain('Alleen de procesregisseur');
    // When the mentor installs the bot, the waiting message is due at once and delivered.
    await w.install(U.mentor);
    expect(await w.bot.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await w.store.listOutbox({ status: 'pending', limit: 10 })).toHaveLength(0);
  } finally {
    await w.close();
  }
});

test('a failing send is recorded with its status code and retried later; a later success sends it once', async () => {
  const w = await makeBotWorld();
  try {
    await w.install(U.mentor);
    const { caseId } = await w.submit(U.mentor);
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
    w.sender.failWith = { statusCode: 503 };
    expect(await w.bot.worker.runOnce()).toMatchObject({ failed: 1 });
    expect((await w.store.listOutbox({ limit: 10 }))[0]).toMatchObject({ lastError: 'SEND_FAILED:503', attempts: 1 });
    w.sender.failWith = undefined;
    w.clock.advanceDays(1);
    expect(await w.bot.worker.runOnce()).toMatchObject({ sent: 1 });
    expect(await w.bot.worker.runOnce()).toMatchObject({ sent: 0 });
    expect(w.sender.sent).toHaveLength(1);
  } finally {
    await w.close();
  }
});

test('backoff doubles per failed attempt and is capped', () => {
  const opts = { backoffBaseMs: 1000, backoffMaxMs: 60_000 };
  expect([0, 1, 2, 3, 10].map((n) => backoffMs(n, opts))).toEqual([1000, 2000, 4000, 8000, 60_000]);
});

test('several instances on one database send every message once, never twice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-bot-outbox-'));
  const file = join(dir, 'signaalpunt.db');
  const w = await makeWorld({ file });
  const stores = [SqliteStore.open(file), SqliteStore.open(file), SqliteStore.open(file)];
  const delivered: string[] = [];
  try {
    // Many cases whose enrichment requests go to every partner delegate.
    for (const u of [U.agent, U.coach, U.leerplicht, U.jongerenwerk, U.mentor]) {
      await w.store.putConversation({ userId: u.id, channelUserId: `29:${u.id}`, locale: 'nl-NL', reference: { conversation: { id: u.id } }, updatedAt: w.clock.now().toISOString() });
    }
    for (let i = 0; i < 8; i++) {
      const { caseId } = await w.submit(U.mentor);
      await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
      await w.cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '2011-05-04' });
      await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam', 'leerplicht', 'jongerenwerk'], dueOn: '2026-03-16' });
    }
    const workers = stores.map((store, i) => {
      const sp = new Signaalpunt(store, w.clock);
      const app = new BotApp({ service: sp, store, botStore: store, clock: w.clock, newId: () => crypto.randomUUID(), log: silentLogger, queued: () => undefined });
      const sender = {
        send: async (reference: Record<string, unknown>, card: Card) => {
          // A slow channel: the other instances run meanwhile.
          await new Promise((r) => setTimeout(r, 5));
          delivered.push(`${(card.refresh as { action: { data: { cardId: string } } } | undefined)?.action.data.cardId ?? textOf(card).slice(0, 40)}`);
          void reference;
        },
      };
      return new OutboxWorker(app.deps, sender, PROACTIVE, { owner: `instance-${i}`, batchSize: 3 });
    });
    const results = await Promise.all(workers.map((wk) => wk.runOnce()));
    const again = await Promise.all(workers.map((wk) => wk.runOnce()));
    const total = await w.store.listOutbox({ limit: 1000 });
    // 8 identity requests (already answered when sent: cancelled) and 8 × 4 enrichment requests.
    expect(total).toHaveLength(8 + 8 * 4);
    expect(total.filter((m) => m.kind === 'identityRequest').every((m) => m.status === 'cancelled')).toBe(true);
    const enrichment = total.filter((m) => m.kind === 'enrichmentRequest');
    expect(enrichment.every((m) => m.status === 'sent')).toBe(true);
    expect(delivered).toHaveLength(enrichment.length);
    expect(new Set(delivered).size).toBe(delivered.length);
    expect(results.reduce((n, r) => n + r.sent, 0) + again.reduce((n, r) => n + r.sent, 0)).toBe(enrichment.length);
    // The work was shared: more than one instance sent something.
    expect(results.filter((r) => r.sent > 0).length).toBeGreaterThan(1);
  } finally {
    for (const s of stores) await s.close();
    await w.close();
  }
});

test('a claimed message is not claimed by another instance while its lease runs, and is after the lease expired', async () => {
  const w = await makeBotWorld();
  try {
    await w.store.enqueueOutbox([{ id: crypto.randomUUID(), dedupeKey: 'k1', kind: 'outcome', recipientUserId: U.mentor.id, caseId: null, reference: null, payload: {}, createdAt: '2026-03-02T09:00:00.000Z' }]);
    const a = await w.store.claimOutbox('a', '2026-03-02T09:00:00.000Z', '2026-03-02T09:01:00.000Z', 10);
    const b = await w.store.claimOutbox('b', '2026-03-02T09:00:30.000Z', '2026-03-02T09:01:30.000Z', 10);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(0);
    expect(await w.store.renewOutboxLease(a[0]!.id, 'a', '2026-03-02T09:02:00.000Z')).toBe(true);
    expect(await w.store.claimOutbox('b', '2026-03-02T09:01:30.000Z', '2026-03-02T09:02:30.000Z', 10)).toHaveLength(0);
    const c = await w.store.claimOutbox('c', '2026-03-02T09:02:00.000Z', '2026-03-02T09:03:00.000Z', 10);
    expect(c).toHaveLength(1);
    // The instance that lost its lease cannot mark the message sent.
    expect(await w.store.completeOutbox(a[0]!.id, 'a', 'sent', '2026-03-02T09:02:10.000Z')).toBe(false);
    expect(await w.store.completeOutbox(c[0]!.id, 'c', 'sent', '2026-03-02T09:02:10.000Z')).toBe(true);
    expect(await w.store.claimOutbox('d', '2026-03-03T00:00:00.000Z', '2026-03-03T00:01:00.000Z', 10)).toHaveLength(0);
  } finally {
    await w.close();
  }
});

test('an Action.Execute is answered while a proactive send hangs', async () => {
  let release: () => void = () => undefined;
  const hanging = new (class extends RecordingSender {
    override async send(reference: Record<string, unknown>, card: Card): Promise<void> {
      await new Promise<void>((r) => (release = r));
      await super.send(reference, card);
    }
  })();
  const w = await makeBotWorld({ sender: hanging });
  try {
    await w.install(U.mentor);
    const { caseId } = await w.submit(U.mentor);
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
    const pass = w.bot.worker.runOnce();
    // The send is in flight (held by the channel); the user's card action is answered meanwhile.
    const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal'));
    const answer = await w.actCard(U.mentor, 'intake.open', { card: 'open', v: 1 });
    expect(textOf(card)).toContain('intake.submit');
    expect(textOf(answer)).toContain('intake.submit');
    expect(hanging.sent).toHaveLength(0);
    release();
    expect(await pass).toMatchObject({ sent: 1 });
  } finally {
    await w.close();
  }
});
