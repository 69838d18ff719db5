/**
 * The agenda sent to every participant before the signaaltafel (issue 16): the meeting-agenda job queues one
 * message per participant for each planned session within the lead time (SJV_REMINDER_LEAD_DAYS, default 3),
 * built from that participant's own view of each case: kenmerk and phase where the view holds the frame,
 * else an item without content. The outbox sends it as a card. Real core, SQLite, the bot's outbox worker.
 */
import { loadConfig } from '../../src/config';
import { MeetingService } from '../../src/core/meetings';
import type { Result } from '../../src/core/errors';
import { JOBS } from '../../src/jobs';
import type { BotWorld } from '../bot/support';
import { makeBotWorld, textOf } from '../bot/support';
import { U } from '../support/world';

let w: BotWorld;
let ms: MeetingService;
let inbreng: string;
let bespreking: string;
const ref = async (caseId: string): Promise<string> => (await w.store.transaction((tx) => tx.getCase(caseId)))!.frame.reference;
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
};

beforeEach(async () => {
  w = await makeBotWorld();
  ms = new MeetingService(w.sp, w.store, w.clock);
  inbreng = await w.driveTo('INBRENG');
  bespreking = await w.driveTo('BESPREKING'); // politie and wijkteam were asked for enrichment
});
afterEach(async () => w.close());

const run = () => JOBS['meeting-agenda'].run({ store: w.store, service: w.sp, meetings: ms, config: loadConfig({ SJV_DATA_DIR: '/unused' }), asOf: w.clock.now() });

async function plan(scheduledOn: string, caseIds: string[], teamsMeetingId = 'agenda-job-1'): Promise<string> {
  const m = value(await ms.create(U.regisseur, { teamsMeetingId, title: 'Signaaltafel maart', scheduledOn }));
  value(await ms.setAgenda(U.regisseur, m.id, { caseIds, expectedVersion: m.version }));
  return m.id;
}

/** The participants, written out from src/demo/tenant.ts: the chairs, and the partners of member organisations (not the FG, not the sportclub). */
const PARTICIPANTS = [U.regisseur, U.voorzitter, U.mentor, U.agent, U.coach, U.leerplicht, U.jongerenwerk].map((u) => u.id).sort();

test('a session planned within the lead time: every participant gets the agenda once, each with only the items it may see', async () => {
  const meetingId = await plan('2026-03-04', [inbreng, bespreking]);
  expect(await run()).toEqual({ sessions: 1, items: 2, queued: PARTICIPANTS.length });
  const queued = await w.store.listOutbox({ status: 'pending', limit: 50 });
  expect(queued.map((m) => m.recipientUserId).sort()).toEqual(PARTICIPANTS);
  expect(queued.every((m) => m.kind === 'meetingAgenda' && m.caseId === null && m.reference === null)).toBe(true);

  const payloadOf = (userId: string) => queued.find((m) => m.recipientUserId === userId)!.payload;
  // politie was asked for enrichment: it sees the bespreking case's frame; leerplicht was not.
  expect(payloadOf(U.agent.id)).toEqual({
    meetingId,
    title: 'Signaaltafel maart',
    scheduledOn: '2026-03-04',
    items: [
      { position: 1, part: 'ANONYMOUS_ROUND', reference: await ref(inbreng), phase: 'INBRENG' },
      { position: 2, part: 'BESPREKING', reference: await ref(bespreking), phase: 'BESPREKING' },
    ],
  });
  expect(payloadOf(U.leerplicht.id)).toMatchObject({
    items: [
      { position: 1, part: 'ANONYMOUS_ROUND', reference: await ref(inbreng), phase: 'INBRENG' },
      { position: 2, part: 'BESPREKING' },
    ],
  });
  expect((payloadOf(U.leerplicht.id).items as unknown[])[1]).toEqual({ position: 2, part: 'BESPREKING' });

  // hourly again: nothing new; a changed agenda is sent again
  expect(await run()).toMatchObject({ queued: 0 });
  const m = (await w.store.getMeeting(meetingId))!;
  value(await ms.setAgenda(U.regisseur, meetingId, { caseIds: [inbreng], expectedVersion: m.version }));
  expect(await run()).toMatchObject({ queued: PARTICIPANTS.length });
});

test('no agenda for a session further away than the lead time, nor for one that has started', async () => {
  await plan('2026-03-09', [inbreng]);
  expect(await run()).toEqual({ sessions: 0, items: 0, queued: 0 });
  const soon = await plan('2026-03-03', [inbreng], 'agenda-job-2');
  value(await ms.start(U.voorzitter, soon));
  expect(await run()).toEqual({ sessions: 0, items: 0, queued: 0 });
});

test('the outbox sends the agenda as a card at process level: kenmerk and phase where the reader may see them, no identity or free text', async () => {
  await plan('2026-03-04', [inbreng, bespreking]);
  await run();
  await w.install(U.leerplicht);
  expect(await w.bot.worker.runOnce()).toMatchObject({ sent: 1 });
  const text = textOf(w.sender.sent.at(-1)!.card);
  expect(text).toContain('Agenda signaaltafel: Signaaltafel maart');
  expect(text).toContain(`1. Anonieme ronde — kenmerk ${await ref(inbreng)}, fase Inbreng`);
  expect(text).toContain('2. Bespreking — agendapunt zonder inhoud voor u');
  expect(text).not.toContain(await ref(bespreking));
  for (const personal of ['Test Persoon', '2011-05-04', 'dure kleding', 'LAAT_OP_STRAAT']) expect(text).not.toContain(personal);
});
