/**
 * A refused card never writes a found identifier into the chat history (issue 18, item 1): the text comes
 * back with each identifier replaced by its placeholder in the card's locale, and the partner is asked to
 * check it. The identifiers and placeholders below are written out here, not taken from the code.
 */
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { cardsOf, inputsOf, makeBotWorld, submitOf, textOf } from '../../support';
import type { Card } from '../../../../bot/app/types';
import { CATEGORY_PRIORITY } from '../../../../src/core/guard';
import en from '../../../../bot/i18n/en-US.json';
import nl from '../../../../bot/i18n/nl-NL.json';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(() => w.close());

const FILLED = { riskSignals: 'GELD,VERZUIM', forms: 'DEALEN', protectiveFactors: 'BETROKKEN_OUDERS', ageYears: '15', ageBand: '', registrationsBand: 'unknown', urgency: 'high', freeText: '' };

/** [category, identifier, text containing it, placeholder nl, placeholder en] */
const SAMPLES: [string, string, string, string, string][] = [
  ['PERSON_NAME', 'Mohammed El Amrani', 'Mohammed El Amrani heeft veel geld.', '[naam]', '[name]'],
  ['STREET_ADDRESS', 'Kerkstraat 12', 'Hij komt vaak op de Kerkstraat 12 in de stad.', '[adres]', '[address]'],
  ['POSTCODE_ADDRESS', '1234 AB', 'Het gaat om 1234 AB.', '[adres]', '[address]'],
  ['PHONE', '06-12345678', 'Hij belt met 06-12345678 naar klanten.', '[telefoon]', '[phone]'],
  ['EMAIL', 'k.jansen2009@gmail.com', 'Mail naar k.jansen2009@gmail.com graag.', '[e-mail]', '[e-mail]'],
  ['BIRTH_DATE', '3 april 2009', 'Hij is geboren op 3 april 2009 en spijbelt.', '[geboortedatum]', '[date of birth]'],
  ['BSN', '908301662', 'Zijn BSN 908301662 stond op een brief.', '[BSN]', '[BSN]'],
  ['IBAN', 'NL91ABNA0417164300', 'Geld ging naar NL91ABNA0417164300 vorige week.', '[rekeningnummer]', '[bank account]'],
  ['LICENCE_PLATE', '12-ABC-3', 'Een auto met kenteken 12-ABC-3 stond bij school.', '[kenteken]', '[licence plate]'],
  ['SOCIAL_HANDLE', '@kleine_g010', 'Hij volgt @kleine_g010 al maanden.', '[account]', '[account]'],
  ['SCHOOL_CLASS', 'klas 3B', 'Hij zit op het Erasmuscollege in klas 3B en verzuimt.', '[school + klas]', '[school + class]'],
];

async function intakeCard(locale: string): Promise<Card> {
  const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { locale }));
  if (!card) throw new Error('no intake card');
  return card;
}

test('every guard category has a placeholder in both languages, written in square brackets', () => {
  for (const category of CATEGORY_PRIORITY) {
    for (const table of [nl, en] as Record<string, string>[]) expect(table[`placeholder.${category}`]).toMatch(/^\[[^\]]+\]$/);
  }
  expect(CATEGORY_PRIORITY).toHaveLength(SAMPLES.length);
});

describe.each([
  ['nl-NL', 3],
  ['en-US', 4],
] as const)('a refused intake in %s', (locale, column) => {
  test.each(SAMPLES)('a text with %s: the card holds the placeholder, never the identifier, and keeps the other fields', async (_category, identifier, text, ...placeholders) => {
    const placeholder = placeholders[column - 3]!;
    const card = await intakeCard(locale);
    const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, freeText: text }), { locale });
    expect(cardProblems(answer)).toEqual([]);
    const json = JSON.stringify(answer);
    expect(json).not.toContain(identifier);
    const inputs = inputsOf(answer);
    expect(inputs.get('freeText')?.value).toContain(placeholder);
    expect(textOf(answer)).toMatch(locale === 'nl-NL' ? /Controleer de tekst/ : /Check the text/);
    expect(inputs.get('riskSignals')?.value).toBe('GELD,VERZUIM');
    expect(inputs.get('forms')?.value).toBe('DEALEN');
    expect(inputs.get('protectiveFactors')?.value).toBe('BETROKKEN_OUDERS');
    expect(inputs.get('ageYears')?.value).toBe(15);
    expect(inputs.get('urgency')?.value).toBe('high');
    expect((await w.store.listCases({ limit: 10, offset: 0 })).total).toBe(0);
  });
});

test('the text with placeholders, sent again as it came back, is accepted', async () => {
  const card = await intakeCard('nl-NL');
  const refused = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, freeText: 'Mohammed El Amrani woont op de Kerkstraat 12 en belt 06-12345678.' }));
  const masked = inputsOf(refused).get('freeText')?.value;
  expect(masked).toBe('[naam] woont op de [adres] en belt [telefoon].');
  const again = await w.actCard(U.mentor, 'intake.submit', submitOf(refused, 'intake.submit', { ...FILLED, freeText: masked }));
  expect(textOf(again)).toContain('SJV-2026-0001');
});

test('a submit refused for another reason (no age) does not put an identifier back on the card either', async () => {
  const card = await intakeCard('nl-NL');
  const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card, 'intake.submit', { ...FILLED, ageYears: '', ageBand: '', freeText: 'Kevin Jansen spijbelt.' }));
  expect(JSON.stringify(answer)).not.toContain('Kevin Jansen');
  expect(inputsOf(answer).get('freeText')?.value).toBe('[naam] spijbelt.');
});

test('a refused deferral reason on the informing card comes back with a placeholder, not the name', async () => {
  await w.install(U.mentor);
  const { caseId } = await w.submit(U.mentor);
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
  await w.bot.worker.runOnce();
  const request = w.sender.sent.find((s) => JSON.stringify(s.card).includes('identity.supply'))!.card;
  const informing = await w.actCard(U.mentor, 'identity.supply', submitOf(request, 'identity.supply', { name: 'Sem Jansen', dateOfBirth: '2011-05-04' }));
  const refused = await w.actCard(U.mentor, 'informing.record', submitOf(informing, 'informing.record', { informedOn: '', deferralReason: 'Moeder Fatima Bakker is ziek', deferralUntil: '2026-03-20' }));
  expect(cardProblems(refused)).toEqual([]);
  expect(JSON.stringify(refused)).not.toContain('Fatima');
  expect(JSON.stringify(refused)).not.toContain('Bakker');
  expect(inputsOf(refused).get('deferralReason')?.value).toContain('[naam]');
  expect(inputsOf(refused).get('deferralUntil')?.value).toBe('2026-03-20');
  expect(textOf(refused)).toMatch(/een naam in de reden van uitstel, vervangen door \[naam\]/);
});
