/**
 * The duplicate hint at intake (issue 16: "two identical concerns from the same partner a day apart raise
 * nothing"; PROCESS.md feature row 25), without identity: when the partner's own organisation brought in a
 * concern within the window (SJV_DUPLICATE_WINDOW_DAYS, default 14) that shares a risk signal and the age
 * band, the card says so with that concern's day and kenmerk and nothing else, and the partner may still send
 * it ("Toch versturen"). Another organisation's concern, another age band, no shared signal, or an older one:
 * no hint. A text the guard refuses gets the refusal, not the hint.
 */
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { cardsOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';
import type { User } from '../../../../src/core/model';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(() => w.close());

const FIRST = { riskSignals: 'GELD,VERZUIM', forms: '', protectiveFactors: '', ageYears: '15', ageBand: '', registrationsBand: '', urgency: 'normal', freeText: 'Heeft sinds kort veel contant geld.' };
const HINT = 'Uw organisatie bracht onlangs een vergelijkbare zorg in';

async function intakeCard(user: User = U.mentor, locale = 'nl-NL'): Promise<Card> {
  const [card] = cardsOf(await w.say(user, 'nieuw signaal', { locale }));
  if (!card) throw new Error('no intake card');
  return card;
}
const bringIn = async (user: User, inputs: Record<string, unknown>, locale = 'nl-NL'): Promise<Card> => w.actCard(user, 'intake.submit', submitOf(await intakeCard(user, locale), 'intake.submit', inputs), { locale });
const caseCount = async (): Promise<number> => (await w.store.listCases({ limit: 1000, offset: 0 })).total;

test('a day later the same school brings in a concern with a shared signal and the same age band: the card names the earlier day and kenmerk, nothing is stored, and "Toch versturen" stores it', async () => {
  w.clock.set('2026-03-02T09:00:00Z');
  await bringIn(U.mentor, FIRST);
  w.clock.set('2026-03-03T10:00:00Z');
  const hint = await bringIn(U.mentor, { ...FIRST, riskSignals: 'GELD', freeText: 'Nieuwe dure kleding.' });
  expect(cardProblems(hint)).toEqual([]);
  expect(textOf(hint)).toContain(`${HINT}: op 2 maart 2026 (kenmerk **SJV-2026-0001**).`);
  expect(textOf(hint)).toContain('Toch versturen');
  expect(textOf(hint)).toContain('Nieuwe dure kleding.'); // the partner's input is kept
  expect(await caseCount()).toBe(1);
  const sent = await w.actCard(U.mentor, 'intake.submit', submitOf(hint, 'intake.submit', { ...FIRST, riskSignals: 'GELD', freeText: 'Nieuwe dure kleding.' }));
  expect(textOf(sent)).toContain('SJV-2026-0002');
  expect(await caseCount()).toBe(2);
});

test.each([
  ['another organisation (leerplicht)', U.leerplicht, { ...FIRST }],
  ['no shared risk signal', U.mentor, { ...FIRST, riskSignals: 'TELEFOONS' }],
  ['another age band (19)', U.mentor, { ...FIRST, ageYears: '19' }],
])('no hint for %s: the concern is stored at once', async (_name, user, inputs) => {
  await bringIn(U.mentor, FIRST);
  const answer = await bringIn(user, inputs);
  expect(textOf(answer)).not.toContain(HINT);
  expect(await caseCount()).toBe(2);
});

test('no hint once the window has passed: 15 days later with the default window of 14 days', async () => {
  w.clock.set('2026-03-02T09:00:00Z');
  await bringIn(U.mentor, FIRST);
  w.clock.set('2026-03-17T09:00:00Z');
  expect(textOf(await bringIn(U.mentor, FIRST))).not.toContain(HINT);
  expect(await caseCount()).toBe(2);
});

test('a text with a name gets the guard\'s refusal with the name masked, not the hint', async () => {
  await bringIn(U.mentor, FIRST);
  const answer = await bringIn(U.mentor, { ...FIRST, freeText: 'Jan de Vries heeft veel geld.' });
  expect(textOf(answer)).not.toContain(HINT);
  expect(textOf(answer)).not.toContain('Jan de Vries');
  expect(await caseCount()).toBe(1);
});

test('in English: "Your organisation recently brought in a similar concern" and "Send anyway"', async () => {
  w.clock.set('2026-03-02T09:00:00Z');
  await bringIn(U.mentor, FIRST, 'en-US');
  const hint = await bringIn(U.mentor, FIRST, 'en-US');
  expect(textOf(hint)).toContain('Your organisation recently brought in a similar concern: on March 2, 2026 (reference **SJV-2026-0001**).');
  expect(textOf(hint)).toContain('Send anyway');
});
