/**
 * Every card template, rendered in both locales, is a valid Adaptive Card 1.5 (checked by the adaptivecards
 * library and by our own checks); both locales have the same texts; submitting cards carry their version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, nest } from '../../../bot/app/cards';
import { strings } from '../../../bot/app/i18n';
import { helpCard } from '../../../bot/app/routes/help';
import { welcomeCard } from '../../../bot/app/routes/welcome';
import { intakeCard, intakeConfirmedCard, INTAKE_CARD } from '../../../bot/app/routes/intake';
import { identityRequestCard, informingCard, IDENTITY_CARD, INFORMING_CARD } from '../../../bot/app/routes/identity';
import { noticeCard, refusalCard } from '../../../bot/app/routes/common';
import type { Card, Locale } from '../../../bot/app/types';
import { cardProblems } from '../card-check';
import { actionsOf } from '../support';

const LOCALES: Locale[] = ['nl-NL', 'en-US'];
const cardsDir = join(__dirname, '../../../bot/cards');
const a = { cardId: '11111111-1111-4111-8111-111111111111', caseId: '22222222-2222-4222-8222-222222222222', to: 'mentor@school.demo', channelUserId: '29:x' };

const rendered = (locale: Locale): Record<string, Card> => ({
  intake: intakeCard(locale),
  intakeWithErrors: intakeCard(locale, { errors: ['x'], values: { riskSignals: 'GELD', ageYears: '15', freeText: 'tekst' } }),
  intakeConfirmed: intakeConfirmedCard(locale, 'SJV-2026-0001', 'INBRENG', 'x'),
  identity: identityRequestCard(locale, 'SJV-2026-0001', a, [], 'x'),
  informing: informingCard(locale, { cardId: a.cardId, caseId: a.caseId, lead: 'x' }),
  help: helpCard(locale, true),
  welcome: welcomeCard(locale),
  notice: noticeCard(locale, { title: 'x', lines: ['y'], facts: [{ title: 'a', value: 'b' }], errors: ['e'], buttons: [{ title: 'b', verb: 'help.open' }] }),
  refusal: refusalCard(locale, 'NOT_A_MEMBER'),
  enrichment: render(JSON.parse(readFileSync(join(cardsDir, 'enrichment-request.json'), 'utf8')), locale, {
    meta: { card: 'enrichment', v: 1, ...a },
    body: 'b',
    reference: 'SJV-2026-0001',
    signals: 's',
    forms: 'f',
    ageBand: '13-15',
    dueOn: 'd',
    identity: { shown: true, name: 'n', dateOfBirth: 'd' },
    values: { known: '', signals: '' },
    choices: { riskSignals: [{ title: 'Geld', value: 'GELD' }] },
  }),
  outcome: render(JSON.parse(readFileSync(join(cardsDir, 'outcome.json'), 'utf8')), locale, { body: 'b', reference: 'r', reason: 'x', route: 'y', resident: 'z' }),
  myConcerns: render(JSON.parse(readFileSync(join(cardsDir, 'my-concerns.json'), 'utf8')), locale, { items: [{ reference: 'r', phase: 'p', recognition: 'x', detail: 'd' }], more: '' }),
  queue: render(JSON.parse(readFileSync(join(cardsDir, 'queue.json'), 'utf8')), locale, { items: [{ reference: 'r', kind: 'k', state: 's', recipient: 'u', attempts: '3', lastError: 'e' }] }),
});

test.each(LOCALES)('every card is a valid Adaptive Card 1.5 in %s', (locale) => {
  for (const [name, card] of Object.entries(rendered(locale))) expect({ name, problems: cardProblems(card) }).toEqual({ name, problems: [] });
});

test('every template file is used by a test above and declares type AdaptiveCard, version 1.5', () => {
  const templates = readdirSync(cardsDir).filter((f) => f.endsWith('.json'));
  expect(templates.length).toBeGreaterThanOrEqual(10);
  for (const file of templates) expect(JSON.parse(readFileSync(join(cardsDir, file), 'utf8'))).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
});

test('the card check refuses what the library lets through: no type, another version, Action.Submit, leftovers', () => {
  expect(cardProblems({ version: '1.5', body: [] })).toContain('type is undefined');
  expect(cardProblems({ type: 'AdaptiveCard', version: '1.6', body: [] })).toContain('version is 1.6');
  expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [], actions: [{ type: 'Action.Submit', title: 'x' }] }).join()).toContain('Action.Submit');
  expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${x}' }] })).toContain('unexpanded template expression');
  expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }).join()).toContain('Unknown element type');
});

test('submitting cards carry their card name, version and instance id', () => {
  const cases: [Card, string, { card: string; v: number }][] = [
    [intakeCard('nl-NL'), 'intake.submit', INTAKE_CARD],
    [identityRequestCard('nl-NL', 'SJV-2026-0001', a), 'identity.supply', IDENTITY_CARD],
    [informingCard('nl-NL', { cardId: a.cardId, caseId: a.caseId }), 'informing.record', INFORMING_CARD],
  ];
  for (const [card, verb, meta] of cases) {
    expect(actionsOf(card).find((x) => x.verb === verb)?.data).toMatchObject({ card: meta.card, v: meta.v, cardId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  }
});

test('nl-NL and en-US have the same texts, and every text key nests cleanly for the templates', () => {
  expect(Object.keys(strings('en-US')).sort()).toEqual(Object.keys(strings('nl-NL')).sort());
  for (const locale of LOCALES) expect(() => nest(strings(locale))).not.toThrow();
  for (const locale of LOCALES) for (const [k, v] of Object.entries(strings(locale))) expect({ k, empty: v.trim() === '' }).toEqual({ k, empty: false });
});
