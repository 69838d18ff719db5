/**
 * The intake card as a teacher meets it (issue 18, item 3): forms, protective factors and the registrations
 * band behind "Meer (optioneel)" (Action.ToggleVisibility: inputs in an Action.ShowCard would not be sent
 * with the parent card's submit — adaptivecards.io/explorer/Action.ShowCard.html; Teams supports
 * Action.ToggleVisibility — learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-actions),
 * the registrations band not required, the card's own text for "no signal", and when to expect an answer.
 */
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { cardsOf, inputsOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';
import { intakeCard as renderIntake } from '../../../../bot/app/routes/intake';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(() => w.close());

const FILLED = { riskSignals: 'GELD', forms: '', protectiveFactors: '', ageYears: '15', ageBand: '', urgency: 'normal', freeText: '' };

async function intakeCard(locale = 'nl-NL'): Promise<Card> {
  const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { locale }));
  if (!card) throw new Error('no intake card');
  return card;
}

type Node = Record<string, unknown>;
const body = (card: Card): Node[] => card.body as Node[];

test('forms, protective factors and the registrations band are behind a closed "Meer (optioneel)"; the rest is on the card', async () => {
  const card = await intakeCard();
  expect(cardProblems(card)).toEqual([]);
  const more = body(card).find((n) => n.id === 'more');
  expect(more).toMatchObject({ type: 'Container', isVisible: false });
  expect([...inputsOf(more).keys()].sort()).toEqual(['forms', 'protectiveFactors', 'registrationsBand']);
  const toggle = body(card).find((n) => n.type === 'ActionSet' && JSON.stringify(n).includes('Action.ToggleVisibility'));
  expect(toggle).toMatchObject({ actions: [{ type: 'Action.ToggleVisibility', title: 'Meer (optioneel)', targetElements: ['more'] }] });
  const outside = body(card).filter((n) => n.id !== 'more');
  expect([...inputsOf(outside).keys()].sort()).toEqual(['ageBand', 'ageYears', 'freeText', 'riskSignals', 'urgency']);
});

test('a refused card with forms or protective factors filled in shows "Meer" open, so the kept input is seen', async () => {
  const card = await intakeCard();
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, forms: 'DEALEN', ageYears: '', ageBand: '' }));
  expect(body(answer).find((n) => n.id === 'more')).toMatchObject({ isVisible: true });
  expect(inputsOf(answer).get('forms')?.value).toBe('DEALEN');
});

test('the registrations band is not required: a concern without it is accepted and stored as unknown', async () => {
  const card = await intakeCard();
  expect(inputsOf(card).get('registrationsBand')?.isRequired).toBeUndefined();
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', FILLED));
  expect(textOf(answer)).toContain('SJV-2026-0001');
  const { items } = await w.store.listCases({ limit: 10, offset: 0 });
  expect(items[0]?.concern?.registrationsBand).toBe('unknown');
});

test.each([
  ['nl-NL', 'Kies minstens één risicosignaal', 'te kort of te klein'],
  ['en-US', 'Choose at least one risk signal', 'too short or too small'],
])('no risk signal in %s is answered with the card\'s own text, not the generic one', async (locale, own, generic) => {
  const card = await intakeCard(locale);
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, riskSignals: '' }), { locale });
  expect(cardProblems(answer)).toEqual([]);
  const errors = JSON.stringify(body(answer).find((n) => n.style === 'attention'));
  expect(errors).toContain(own);
  expect(errors).not.toContain(generic);
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(0);
});

test('the card says when to expect an answer: the configured triage time, 7 days by default', async () => {
  expect(textOf(await intakeCard())).toContain('binnen ongeveer 7 dagen');
  expect(textOf(await intakeCard('en-US'))).toContain('within about 7 days');
  expect(textOf(renderIntake('nl-NL', { triageDays: 10 }))).toContain('binnen ongeveer 10 dagen');
});
