import { randomUUID } from 'node:crypto';
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { cardsOf, inputsOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(() => w.close());

const FILLED = { riskSignals: 'GELD,VERZUIM', forms: 'DEALEN', protectiveFactors: '', ageYears: '15', ageBand: '', registrationsBand: '0', urgency: 'normal', freeText: 'Heeft sinds kort veel contant geld en spijbelt.' };

async function intakeCard(locale = 'nl-NL'): Promise<Card> {
  const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { locale }));
  if (!card) throw new Error('no intake card');
  return card;
}

const caseCount = async (): Promise<number> => (await w.store.listCases({ limit: 1000, offset: 0 })).total;

test('"nieuw signaal" answers with the intake card: catalogue multi-selects, age, registrations, urgency, free text and the reminder', async () => {
  const card = await intakeCard();
  expect(cardProblems(card)).toEqual([]);
  const inputs = inputsOf(card);
  for (const id of ['riskSignals', 'forms', 'protectiveFactors']) expect(inputs.get(id)).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true });
  expect([...inputs.keys()].sort()).toEqual(['ageBand', 'ageYears', 'forms', 'freeText', 'protectiveFactors', 'registrationsBand', 'riskSignals', 'urgency']);
  expect(inputs.get('freeText')).toMatchObject({ maxLength: 1000 });
  expect(textOf(card)).toContain('Schrijf géén naam');
  // Retired catalogue codes are not offered for new input.
  expect(textOf(inputs.get('forms'))).not.toContain('OPSLAG');
});

test('an accepted concern replaces the card with a confirmation holding the reference and no personal data', async () => {
  const card = await intakeCard();
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', FILLED));
  expect(cardProblems(answer)).toEqual([]);
  expect(textOf(answer)).toMatch(/SJV-2026-0001/);
  expect(textOf(answer)).not.toContain('contant geld');
  expect(inputsOf(answer).size).toBe(0);
  const { items } = await w.store.listCases({ limit: 10, offset: 0 });
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ frame: { inbrengerUserId: U.mentor.id, phase: 'INBRENG' }, concern: { ageYears: 15, riskSignals: ['GELD', 'VERZUIM'], forms: ['DEALEN'] } });
  const audit = await w.store.readAudit({ limit: 100 });
  expect(audit.filter((a) => a.action === 'create' && a.actorId === U.mentor.id)).toHaveLength(1);
});

test('a text with a name is refused: the same card comes back with the input kept but the name replaced by [naam], naming what was found and where; nothing is stored', async () => {
  const card = await intakeCard();
  const text = 'Mohammed El Amrani uit de tweede klas heeft veel geld.';
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, freeText: text }));
  expect(cardProblems(answer)).toEqual([]);
  const inputs = inputsOf(answer);
  expect(inputs.get('freeText')?.value).toBe('[naam] uit de tweede klas heeft veel geld.');
  expect(JSON.stringify(answer)).not.toContain('Mohammed');
  expect(inputs.get('riskSignals')?.value).toBe('GELD,VERZUIM');
  expect(inputs.get('ageYears')?.value).toBe(15);
  expect(textOf(answer)).toMatch(/Gevonden: een naam in de toelichting, vervangen door \[naam\]/);
  expect(await caseCount()).toBe(0);
  // Corrected and sent again from the same card: accepted.
  const again = await w.actCard(U.mentor, 'intake.submit', submitOf(answer, 'intake.submit', { ...FILLED }));
  expect(textOf(again)).toContain('SJV-2026-0001');
  expect(await caseCount()).toBe(1);
});

test('a retried submit (Teams resends the same card action) creates nothing new and answers the same confirmation', async () => {
  const card = await intakeCard();
  const data = submitOf(card, 'intake.submit', FILLED);
  const first = await w.actCard(U.mentor, 'intake.submit', data);
  const second = await w.actCard(U.mentor, 'intake.submit', data);
  expect(second).toEqual(first);
  expect(await caseCount()).toBe(1);
  expect((await w.store.readAudit({ limit: 100 })).filter((a) => a.action === 'create')).toHaveLength(1);
});

test('two intake cards are two concerns: the command id is the card instance, not the content (the second after the duplicate hint)', async () => {
  const a = await intakeCard();
  const b = await intakeCard();
  await w.actCard(U.mentor, 'intake.submit', submitOf(a, 'intake.submit', FILLED));
  const hint = await w.actCard(U.mentor, 'intake.submit', submitOf(b, 'intake.submit', FILLED));
  expect(textOf(hint)).toContain('Toch versturen');
  await w.actCard(U.mentor, 'intake.submit', submitOf(hint, 'intake.submit', FILLED));
  expect(await caseCount()).toBe(2);
});

test.each([
  ['an older card version', (d: Record<string, unknown>) => ({ ...d, v: 0 }), /verouderd/],
  ['a missing field', ({ urgency: _u, ...d }: Record<string, unknown>) => d, /Urgentie: ontbreekt/],
  ['an extra field', (d: Record<string, unknown>) => ({ ...d, naam: 'Jan' }), /naam: hoort niet bij deze kaart/],
  ['a wrong type', (d: Record<string, unknown>) => ({ ...d, riskSignals: { GELD: true } }), /Risicosignalen.*verkeerd type/],
  ['a non-numeric age', (d: Record<string, unknown>) => ({ ...d, ageYears: 'vijftien' }), /Leeftijd.*verkeerd type/],
  ['a 100 KB text', (d: Record<string, unknown>) => ({ ...d, freeText: 'x'.repeat(100 * 1024) }), /te groot/],
  ['a text over 1000 characters', (d: Record<string, unknown>) => ({ ...d, freeText: 'geld '.repeat(260) }), /toelichting.*te lang/],
  ['an unknown catalogue code', (d: Record<string, unknown>) => ({ ...d, riskSignals: 'GELD,RAAR' }), /niet in de catalogus/],
  ['no age at all', (d: Record<string, unknown>) => ({ ...d, ageYears: '', ageBand: '' }), /leeftijd of een leeftijdsgroep/],
  ['no card id', ({ cardId: _c, ...d }: Record<string, unknown>) => d, /niet goed ingevuld/],
])('a submit with %s gets a clear card error and stores nothing', async (_name, mutate, message) => {
  const card = await intakeCard();
  const answer = await w.actCard(U.mentor, 'intake.submit', mutate(submitOf(card, 'intake.submit', FILLED)));
  expect(cardProblems(answer)).toEqual([]);
  expect(textOf(answer)).toMatch(message);
  expect(textOf(answer)).toContain('niets opgeslagen');
  expect(inputsOf(answer).has('riskSignals')).toBe(true);
  expect(await caseCount()).toBe(0);
});

test('a submit that is not an object at all gets a card error', async () => {
  for (const data of [null, 'x', 42, ['a']]) {
    const answer = await w.actCard(U.mentor, 'intake.submit', data);
    expect(textOf(answer)).toContain('niets opgeslagen');
    expect(textOf(answer)).not.toContain('aan onze kant');
  }
  expect(await caseCount()).toBe(0);
});

test('an English-speaking user gets the card in en-US', async () => {
  const card = await intakeCard('en-US');
  expect(textOf(card)).toContain('New concern (anonymous)');
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', FILLED), { locale: 'en-US' });
  expect(textOf(answer)).toContain('Concern received');
});

test('also works when @mentioned in a group chat', async () => {
  const replies = await w.say(U.mentor, '<at>Signaalpunt</at> nieuw signaal', { conversationType: 'groupChat' });
  const [card] = cardsOf(replies);
  expect(card).toBeDefined();
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card!, 'intake.submit', { ...FILLED }), { conversationType: 'groupChat' });
  expect(textOf(answer)).toContain('SJV-2026-0001');
  expect(await w.store.getConversation(U.mentor.id)).toBeUndefined();
});

test('the card id in a submit must be a card instance id (a UUID)', async () => {
  const card = await intakeCard();
  const answer = await w.actCard(U.mentor, 'intake.submit', { ...submitOf(card, 'intake.submit', FILLED), cardId: `x-${randomUUID()}` });
  expect(textOf(answer)).toContain('niets opgeslagen');
  expect(await caseCount()).toBe(0);
});
