/**
 * The daily report of undelivered bot messages: when the queue holds a dead letter (or a message retried
 * after several failures), the job queues one message a day to every procesregisseur with the counts; the
 * outbox sends it as a card that opens the queue. Nothing is queued when everything was delivered.
 */
import { loadConfig } from '../../src/config';
import { MeetingService } from '../../src/core/meetings';
import { JOBS } from '../../src/jobs';
import type { BotWorld } from '../bot/support';
import { makeBotWorld, textOf } from '../bot/support';
import { U } from '../support/world';
import { DEMO_USERS } from '../../src/demo/tenant';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(async () => w.close());

const run = (asOf: Date) => JOBS['undelivered-report'].run({ store: w.store, service: w.sp, meetings: new MeetingService(w.sp, w.store, w.clock), config: loadConfig({ SJV_DATA_DIR: '/unused' }), asOf });
const regisseurs = DEMO_USERS.filter((u) => u.roles.includes('procesregisseur'));

test('nothing undelivered: no report is queued', async () => {
  expect(await run(w.clock.now())).toEqual({ undelivered: 0, dead: 0, queued: 0 });
  expect(await w.store.listOutbox({ limit: 10 })).toEqual([]);
});

test('a dead letter: every procesregisseur gets one report a day, sent as a card with the counts and a button to the queue', async () => {
  await w.store.enqueueOutbox([{ id: 'm1', dedupeKey: 'k1', kind: 'outcome', recipientUserId: U.mentor.id, caseId: null, reference: 'SJV-2026-0001', payload: {}, createdAt: w.clock.now().toISOString() }]);
  const [m] = await w.store.claimOutbox('x', w.clock.now().toISOString(), '2030-01-01T00:00:00.000Z', 1);
  await w.store.completeOutbox(m!.id, 'x', 'dead', w.clock.now().toISOString(), 'SEND_FAILED:403');

  expect(await run(w.clock.now())).toEqual({ undelivered: 1, dead: 1, queued: regisseurs.length });
  // The same day again (the job runs hourly): nothing new.
  expect(await run(new Date(w.clock.now().getTime() + 3600_000))).toMatchObject({ queued: 0 });
  const reports = await w.store.listOutbox({ status: 'pending', limit: 10 });
  expect(reports.map((r) => [r.kind, r.recipientUserId, r.payload])).toEqual(regisseurs.map((u) => ['undeliveredReport', u.id, { day: '2026-03-02', undelivered: 1, dead: 1 }]));

  await w.install(U.regisseur);
  expect(await w.bot.worker.runOnce()).toMatchObject({ sent: 1 });
  const card = w.sender.sent.at(-1)!.card;
  expect(textOf(card)).toContain('1 bericht(en) van de bot zijn niet bezorgd, waarvan 1 opgegeven');
  expect(textOf(card)).toContain('queue.open');
  expect(textOf(card)).not.toContain(U.mentor.id);

  // The next day, still undelivered: a new report.
  expect(await run(new Date(w.clock.now().getTime() + 24 * 3600_000))).toMatchObject({ queued: regisseurs.length });
});
