/**
 * What one intake submit costs the store and the guard (issue 17, ADR 0008 fourth pass): the command and the
 * confirmation's read of the case are one transaction; the identifier guard runs once for a submit sent
 * anyway after the duplicate hint (the core's own check), and the bot's pre-check runs only where the hint
 * can still be shown. The store and the core are real (SQLite in memory); the spies only count calls.
 */
import * as guard from '../../../../src/core/guard';
import { U } from '../../../support/world';
import type { BotWorld } from '../../support';
import { cardsOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(async () => {
  jest.restoreAllMocks();
  await w.close();
});

const FILLED = { riskSignals: 'GELD,VERZUIM', forms: 'DEALEN', protectiveFactors: '', ageYears: '15', ageBand: '', registrationsBand: '0', urgency: 'normal', freeText: 'Heeft sinds kort veel contant geld en spijbelt.' };

async function intakeCard(): Promise<Card> {
  const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal'));
  if (!card) throw new Error('no intake card');
  return card;
}

test('a submit sent anyway after the hint runs one store transaction and answers with the confirmation and its recognition line', async () => {
  const card = await intakeCard();
  const transactions = jest.spyOn(w.store, 'transaction');
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, confirmSimilar: 'yes' }));
  expect(transactions).toHaveBeenCalledTimes(1);
  expect(textOf(answer)).toContain('SJV-2026-0001');
  expect(textOf(answer)).toContain('Ingebracht op 2 maart 2026 · 13–15 jaar · Onverklaarbaar geld of dure spullen, Schoolverzuim / spijbelen');
});

test('a retried submit (the same card) runs one transaction too and confirms the same kenmerk with its recognition line', async () => {
  const card = await intakeCard();
  const data = submitOf(card, 'intake.submit', { ...FILLED, confirmSimilar: 'yes' });
  await w.actCard(U.mentor, 'intake.submit', data);
  const transactions = jest.spyOn(w.store, 'transaction');
  const again = await w.actCard(U.mentor, 'intake.submit', data);
  expect(transactions).toHaveBeenCalledTimes(1);
  expect(textOf(again)).toContain('SJV-2026-0001');
  expect(textOf(again)).toContain('Ingebracht op 2 maart 2026 · 13–15 jaar');
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(1);
});

test('a submit sent anyway after the hint runs the identifier guard once (in the core), not again in the bot', async () => {
  const card = await intakeCard();
  const guardRuns = jest.spyOn(guard, 'findIdentifiers');
  await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, confirmSimilar: 'yes' }));
  expect(guardRuns).toHaveBeenCalledTimes(1);
});

test('a first submit still checks its text in the bot before the hint: a text with a name gets no hint but the refusal, masked', async () => {
  await w.actCard(U.mentor, 'intake.submit', submitOf(await intakeCard(), 'intake.submit', { ...FILLED, confirmSimilar: 'yes' }));
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(await intakeCard(), 'intake.submit', { ...FILLED, freeText: 'Jan de Vries heeft veel contant geld.' }));
  expect(textOf(answer)).not.toContain('SJV-2026-0001');
  expect(textOf(answer)).not.toContain('Jan de Vries');
  expect(textOf(answer)).toContain('[naam]');
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(1);
});
