/**
 * The lead partner's action card (issue 16: "Bot: action cards for the lead partner (status, due date) …
 * reminders of actions due"): the reminders job queues it when a follow-up action still planned or running
 * comes within the lead time of its planned day (SJV_REMINDER_LEAD_DAYS, here 3), and once more when that day
 * has passed; only the lead partner's delegates get it; from the card the lead partner sets the status
 * through the core (authorised, guarded, audited, idempotent per submit); a finished action is not reminded.
 */
import type { Card } from '../../../../bot/app/types';
import type { User } from '../../../../src/core/model';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { actionsOf, makeBotWorld, submitOf, textOf } from '../../support';
import { remindOn as remindOnDay } from '../../support';
import { U } from '../../../support/world';

let w: BotWorld;
let caseId: string;
beforeEach(async () => {
  w = await makeBotWorld();
  for (const u of [U.mentor, U.agent, U.jongerenwerk]) await w.install(u);
  // in Reflectie: the lead partner (jongerenwerk) planned one action, GESPREK_JONGERENWERK, until 2026-04-01
  caseId = await w.driveTo('REFLECTIE');
  await w.bot.worker.runOnce();
  w.sender.sent.length = 0;
});
afterEach(() => w.close());

const remindOn = (day: string) => remindOnDay(w, day);
const to = (cards: { to: string; card: Card }[], user: User) => cards.filter((c) => c.to === user.id && textOf(c.card).includes('Actie in de opvolging')).map((c) => c.card);
const action = async () => (await w.store.transaction((tx) => tx.getCase(caseId)))!.followUp!.actions[0]!;
const statusWrites = async () => (await w.store.readAudit({ caseId, limit: 1000 })).filter((r) => r.purpose.startsWith('updateActionStatus')).length;

test('the lead partner is reminded once when the planned day comes within the lead time and once when it has passed; the involved partner and the inbrenger are not', async () => {
  expect(to((await remindOn('2026-03-28')).cards, U.jongerenwerk)).toEqual([]);
  const soon = await remindOn('2026-03-29');
  const [card] = to(soon.cards, U.jongerenwerk);
  expect(card).toBeDefined();
  expect(cardProblems(card!)).toEqual([]);
  expect(textOf(card)).toContain('De actie bij casus **SJV-2026-0001** staat gepland tot 1 april 2026.');
  expect(textOf(card)).toContain('"title":"Status nu","value":"Gepland"');
  expect(actionsOf(card).map((a) => a.verb)).toEqual(['action.status']);
  expect(to(soon.cards, U.agent)).toEqual([]);
  expect(to(soon.cards, U.mentor)).toEqual([]);
  expect(to((await remindOn('2026-03-30')).cards, U.jongerenwerk)).toEqual([]);
  const late = to((await remindOn('2026-04-02')).cards, U.jongerenwerk);
  expect(late).toHaveLength(1);
  expect(textOf(late[0])).toContain('De geplande datum van de actie bij casus **SJV-2026-0001** is voorbij (1 april 2026).');
});

test('the lead partner sets "Afgerond" from the card: stored and audited once, a repeated submit changes nothing, and a finished action is not reminded again', async () => {
  const [card] = to((await remindOn('2026-03-29')).cards, U.jongerenwerk);
  const data = submitOf(card!, 'action.status', { status: 'done', outcome: 'Vijf gesprekken gevoerd.' });
  const answer = await w.actCard(U.jongerenwerk, 'action.status', data);
  expect(textOf(answer)).toContain('De actie bij casus **SJV-2026-0001** heeft nu de status **Afgerond**.');
  expect(await action()).toMatchObject({ status: 'done', outcome: 'Vijf gesprekken gevoerd.' });
  expect(await statusWrites()).toBe(1);
  await w.actCard(U.jongerenwerk, 'action.status', data); // Teams retries the same submit
  expect(await statusWrites()).toBe(1);
  expect(to((await remindOn('2026-04-02')).cards, U.jongerenwerk)).toEqual([]);
});

test('an outcome naming someone is refused: the card comes back with the name replaced by a placeholder and nothing is stored', async () => {
  const [card] = to((await remindOn('2026-03-29')).cards, U.jongerenwerk);
  const answer = await w.actCard(U.jongerenwerk, 'action.status', submitOf(card!, 'action.status', { status: 'done', outcome: 'Gesprek gehad met Jan de Vries van de Kerkstraat 12.' }));
  expect(textOf(answer)).not.toContain('Jan de Vries');
  expect(textOf(answer)).not.toContain('Kerkstraat 12');
  expect(textOf(answer)).toContain('[naam]');
  expect(await action()).toMatchObject({ status: 'planned' });
  expect(await statusWrites()).toBe(0);
});

test('the involved partner (politie) pressing the same card cannot change the action: refused, nothing stored', async () => {
  const [card] = to((await remindOn('2026-03-29')).cards, U.jongerenwerk);
  const answer = await w.actCard(U.agent, 'action.status', submitOf(card!, 'action.status', { status: 'cancelled' }));
  expect(textOf(answer)).not.toContain('heeft nu de status');
  expect(textOf(answer)).toContain('U heeft voor deze handeling geen rechten.');
  expect(await action()).toMatchObject({ status: 'planned' });
  expect(await statusWrites()).toBe(0);
});
