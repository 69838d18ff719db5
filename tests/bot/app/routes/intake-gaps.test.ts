/**
 * The guard gaps of issue 12 through the bot's intake card: the card comes back with the input kept and
 * names what was found (category) and in which field; nothing is stored. Texts are fictitious.
 */
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { cardsOf, inputsOf, makeBotWorld, submitOf, textOf } from '../../support';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(() => w.close());

const FILLED = { riskSignals: 'GELD,VERZUIM', forms: 'DEALEN', protectiveFactors: '', ageYears: '15', ageBand: '', registrationsBand: '0', urgency: 'normal' };

test.each([
  ['Het gaat om Jantje Testpersoon uit groep 8.', 'een naam'],
  ['Hij zit op Het Baken College in klas 2c en heeft veel geld.', 'een school met klas of groep'],
  ['Hij is te mailen op jan.devries at gmail dot com.', 'een e-mailadres'],
  ['Op een briefje stond zijn BSN 123456789.', 'een BSN'],
])('the intake card refuses "%s", names %s in the explanation and keeps the input', async (freeText, category) => {
  const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { locale: 'nl-NL' }));
  if (!card) throw new Error('no intake card');
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, freeText }));
  expect(cardProblems(answer)).toEqual([]);
  expect(inputsOf(answer).get('freeText')?.value).toBe(freeText);
  expect(textOf(answer)).toContain(`Gevonden: ${category} in de toelichting`);
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(0);
});
