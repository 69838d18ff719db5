/**
 * What one intake submit costs the store and the guard (issue 17, ADR 0008 fourth pass): the duplicate hint's
 * read, the command and the confirmation's read of the case are one transaction; the identifier guard runs
 * once (the core's), with or without the hint. The store and the core are real (SQLite in memory); the spies
 * only count calls.
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

test('a text with a name gets the refusal with the name masked, not the duplicate hint, and nothing is written', async () => {
  await w.actCard(U.mentor, 'intake.submit', submitOf(await intakeCard(), 'intake.submit', { ...FILLED, confirmSimilar: 'yes' }));
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(await intakeCard(), 'intake.submit', { ...FILLED, freeText: 'Jan de Vries heeft veel contant geld.' }));
  expect(textOf(answer)).not.toContain('SJV-2026-0001');
  expect(textOf(answer)).not.toContain('Jan de Vries');
  expect(textOf(answer)).toContain('[naam]');
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(1);
});

test('a first submit (the hint read, none similar) runs one store transaction and the identifier guard once', async () => {
  const card = await intakeCard();
  const transactions = jest.spyOn(w.store, 'transaction');
  const guardRuns = jest.spyOn(guard, 'findIdentifiers');
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', FILLED));
  expect(textOf(answer)).toContain('SJV-2026-0001');
  expect(transactions).toHaveBeenCalledTimes(1);
  expect(guardRuns).toHaveBeenCalledTimes(1);
});

test('a submit that finds a similar concern runs one transaction, writes nothing and shows the hint', async () => {
  await w.actCard(U.mentor, 'intake.submit', submitOf(await intakeCard(), 'intake.submit', FILLED));
  const card = await intakeCard();
  const audit = (await w.store.readAudit({ limit: 1000 })).length;
  const transactions = jest.spyOn(w.store, 'transaction');
  const hint = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', FILLED));
  expect(transactions).toHaveBeenCalledTimes(1);
  expect(textOf(hint)).toContain('SJV-2026-0001');
  expect(textOf(hint)).not.toContain('SJV-2026-0002');
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(1);
  expect((await w.store.readAudit({ limit: 1000 })).length).toBe(audit);
});

test('a submit reads the caller\'s organisation from the store, not the list of every organisation', async () => {
  const card = await intakeCard();
  const listed = jest.spyOn(w.store, 'listOrganisations');
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, confirmSimilar: 'yes' }));
  expect(textOf(answer)).toContain('SJV-2026-0001');
  expect(listed).not.toHaveBeenCalled();
});
