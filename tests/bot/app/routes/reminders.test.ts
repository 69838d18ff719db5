/**
 * The reminders job queues, the bot sends: informing reminders to the inbrenger (with the card to record
 * informing), the overdue report to the procesregisseur, enrichment reminders to the asked partner — each
 * once, built from the case as it is when sent, and dropped when no longer needed.
 */
import { loadConfig } from '../../../../src/config';
import { JOBS } from '../../../../src/jobs';
import { MeetingService } from '../../../../src/core/meetings';
import { backoffMs } from '../../../../bot/app/outbox/worker';
import { UNDELIVERABLE_AFTER_ATTEMPTS } from '../../../../bot/app/routes/queue';
import type { Card } from '../../../../bot/app/types';
import type { User } from '../../../../src/core/model';
import type { BotWorld } from '../../support';
import { actionsOf, makeBotWorld, submitOf, textOf } from '../../support';
import { remindOn as remindOnDay } from '../../support';
import { U } from '../../../support/world';

let w: BotWorld;
let caseId: string;
beforeEach(async () => {
  w = await makeBotWorld();
  for (const u of [U.mentor, U.regisseur, U.agent]) await w.install(u);
  caseId = await w.driveTo('VERRIJKING'); // identity captured 2026-03-02: inform by 2026-04-02; politie and wijkteam asked, due 2026-03-16
  await w.bot.worker.runOnce(); // the identity and enrichment requests
  w.sender.sent.length = 0;
});
afterEach(() => w.close());

const config = loadConfig({ SJV_DATA_DIR: '/unused', SJV_REMINDER_LEAD_DAYS: '3' });
const remindOn = (day: string) => remindOnDay(w, day);
const to = (cards: { to: string; card: Card }[], user: User) => cards.filter((c) => c.to === user.id).map((c) => c.card);

test('the asked partner is reminded once before the enrichment due date, with the request card to answer it', async () => {
  expect((await remindOn('2026-03-12')).cards).toEqual([]);
  const { job, cards } = await remindOn('2026-03-13');
  expect(job.queued).toBe(2); // the delegates of politie and wijkteam (the latter has no chat with the bot yet)
  const [card] = to(cards, U.agent);
  expect(textOf(card)).toContain('Herinnering: het signaalpunt vraagt uw antwoord uiterlijk 16 maart 2026');
  expect(actionsOf(card).map((a) => a.verb)).toContain('enrichment.answer');
  expect((await remindOn('2026-03-14')).job.queued).toBe(0);
});

test('the inbrenger is reminded before and after the informing deadline; every procesregisseur hears when it passed', async () => {
  const soon = await remindOn('2026-03-30');
  expect(soon.cards.map((c) => c.to)).toEqual([U.mentor.id]);
  const [reminder] = to(soon.cards, U.mentor);
  expect(textOf(reminder)).toContain('Herinnering bij **SJV-2026-0001**: informeer de jongere uiterlijk 2 april 2026');
  expect(actionsOf(reminder).map((a) => a.verb)).toEqual(['informing.record']);
  expect((await remindOn('2026-04-02')).cards).toEqual([]);

  const late = await remindOn('2026-04-03');
  expect(late.cards.map((c) => c.to).sort()).toEqual([U.mentor.id, U.regisseur.id].sort());
  expect(textOf(to(late.cards, U.mentor)[0])).toContain('termijn om de jongere te informeren verstreken op 2 april 2026');
  const report = textOf(to(late.cards, U.regisseur)[0]);
  expect(report).toContain('Jongere niet op tijd geïnformeerd');
  expect(report).toContain('SJV-2026-0001');
  const school = (await w.store.listOrganisations()).find((o) => o.id === 'school')!;
  expect(report).toContain(school.name);
  for (const c of [...soon.cards, ...late.cards]) expect(JSON.stringify(c.card)).not.toMatch(/Test Persoon|2011-05-04|4 mei 2011/);
  expect((await remindOn('2026-04-04')).job.queued).toBe(0);

  // The reminder's card records informing; after that nothing more is queued.
  const done = await w.actCard(U.mentor, 'informing.record', submitOf(to(late.cards, U.mentor)[0]!, 'informing.record', { informedOn: '2026-04-04', deferralReason: '', deferralUntil: '' }));
  expect(textOf(done)).toContain('Vastgelegd: jongere geïnformeerd');
  expect((await w.store.transaction((tx) => tx.getCase(caseId)))!.frame.informedOn).toBe('2026-04-04');
  expect((await remindOn('2026-04-10')).job).toMatchObject({ queued: 0, informing: [] });
});

test('a queued reminder is dropped when the resident was informed before it went out', async () => {
  w.clock.set('2026-04-03T08:00:00Z');
  expect((await JOBS.reminders.run({ store: w.store, service: w.sp, meetings: new MeetingService(w.sp, w.store, w.clock), config, asOf: w.clock.now() })).queued).toBe(2);
  await w.cmd('recordResidentInformed', U.mentor, { caseId, informedOn: '2026-04-03' });
  expect(await w.bot.worker.runOnce()).toMatchObject({ sent: 0, cancelled: 2 });
  expect(w.sender.sent).toEqual([]);
});

test('a deferral recorded after the reminder was queued drops it, and the new date is reminded in its turn', async () => {
  w.clock.set('2026-03-30T08:00:00Z');
  expect((await JOBS.reminders.run({ store: w.store, service: w.sp, meetings: new MeetingService(w.sp, w.store, w.clock), config, asOf: w.clock.now() })).queued).toBe(1);
  await w.cmd('recordResidentInformed', U.mentor, { caseId, deferral: { reason: 'Eerst overleg met de ouders.', until: '2026-04-01' } });
  expect(await w.bot.worker.runOnce()).toMatchObject({ sent: 0, cancelled: 1 });
  const { cards } = await remindOn('2026-03-30');
  expect(textOf(to(cards, U.mentor)[0])).toContain('uiterlijk 1 april 2026');
  const late = await remindOn('2026-04-02');
  expect(textOf(to(late.cards, U.regisseur)[0])).toContain('Die datum was een vastgelegde uitsteldatum.');
});

test('in English for a user who talks to the bot in English', async () => {
  await w.install(U.mentor, { locale: 'en-US' });
  const { cards } = await remindOn('2026-03-30');
  expect(textOf(to(cards, U.mentor)[0])).toContain('Reminder for **SJV-2026-0001**: inform the young person by April 2, 2026');
});

test('every proactive kind has a name in the procesregisseur\'s queue listing, in both languages', async () => {
  const { PROACTIVE } = await import('../../../../bot/app/routes');
  const nl = (await import('../../../../bot/i18n/nl-NL.json')).default as Record<string, string>;
  const en = (await import('../../../../bot/i18n/en-US.json')).default as Record<string, string>;
  for (const kind of Object.keys(PROACTIVE)) {
    expect([kind, nl[`queue.kind.${kind}`]]).toEqual([kind, expect.any(String)]);
    expect([kind, en[`queue.kind.${kind}`]]).toEqual([kind, expect.any(String)]);
  }
});

test('a reminder that cannot be delivered is listed in the queue by its name', async () => {
  await w.cmd('recordResidentInformed', U.mentor, { caseId, deferral: { reason: 'Eerst overleg met de ouders.', until: '2026-03-20' } });
  w.sender.failWith = { statusCode: 503 };
  await remindOn('2026-03-21'); // the deferral date has passed: the inbrenger and the procesregisseur, both failing
  for (let i = 1; i < UNDELIVERABLE_AFTER_ATTEMPTS; i++) {
    w.clock.set(new Date(w.clock.now().getTime() + backoffMs(i, w.bot.worker.options)).toISOString());
    await w.bot.worker.runOnce();
  }
  w.sender.failWith = undefined;
  const [card] = (await w.say(U.regisseur, 'wachtrij')).flatMap((r) => (r.attachments ?? []).map((a) => a.content as Card));
  expect(textOf(card)).toContain('Herinnering: jongere informeren');
  expect(textOf(card)).toContain('Melding: jongere niet op tijd geïnformeerd');
});
