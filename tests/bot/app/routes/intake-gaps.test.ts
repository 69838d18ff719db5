/**
 * The guard gaps of issue 12 through the bot's intake card: the card comes back with the input kept (each
 * found identifier replaced by its placeholder, issue 18) and names what was found (category) and in which
 * field; nothing is stored. Texts are fictitious.
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
  ['Het gaat om Jantje Testpersoon uit groep 8.', 'een naam', 'Het gaat om [naam] uit groep 8.'],
  ['Hij zit op Het Baken College in klas 2c en heeft veel geld.', 'een school met klas of groep', 'Hij zit op [school + klas] en heeft veel geld.'],
  ['Hij is te mailen op jan.devries at gmail dot com.', 'een e-mailadres', 'Hij is te mailen op [e-mail].'],
  ['Op een briefje stond zijn BSN 123456789.', 'een BSN', 'Op een briefje stond zijn BSN [BSN].'],
])('the intake card refuses "%s", names %s in the explanation and keeps the input with placeholders', async (freeText, category, kept) => {
  const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { locale: 'nl-NL' }));
  if (!card) throw new Error('no intake card');
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, freeText }));
  expect(cardProblems(answer)).toEqual([]);
  expect(inputsOf(answer).get('freeText')?.value).toBe(kept);
  expect(textOf(answer)).toContain(`Gevonden: ${category} in de toelichting`);
  expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(0);
});
