/**
 * A partner can tell which young person a message is about without identity (issue 18, item 2): the
 * identity request, the intake confirmation and "Mijn signalen" repeat the day it was brought in, the age
 * band and the first two risk signals, from the reader's allow-list view. Expected texts are written out.
 */
import { U } from '../../../support/world';
import { cardProblems } from '../../card-check';
import type { BotWorld } from '../../support';
import { cardsOf, makeBotWorld, submitOf, textOf } from '../../support';
import { recognitionLine } from '../../../../bot/app/routes/common';
import type { CaseView } from '../../../../src/core/views';
import { codeLabelFrom } from '../../../../bot/app/code-labels';

let w: BotWorld;
beforeEach(async () => {
  w = await makeBotWorld();
});
afterEach(() => w.close());

// each test brings in the same concern again: sent anyway after the duplicate hint (issue 16)
const FILLED = { confirmSimilar: 'yes', riskSignals: 'WAPENS,GELD,VERZUIM', forms: 'DEALEN', protectiveFactors: '', ageYears: '16', ageBand: '', registrationsBand: 'unknown', urgency: 'normal', freeText: '' };

test('the intake confirmation repeats the day, the age band and the first two signals, in nl and en', async () => {
  for (const [locale, expected] of [
    ['nl-NL', 'Ingebracht op 2 maart 2026 · 16–17 jaar · Wapenbezit, Onverklaarbaar geld of dure spullen (+1)'],
    ['en-US', 'Brought in on March 2, 2026 · 16–17 years · Carrying weapons, Unexplained money or goods (+1)'],
  ] as const) {
    const [card] = cardsOf(await w.say(U.mentor, 'nieuw signaal', { locale }));
    const answer = await w.actCard(U.mentor, 'intake.submit', submitOf(card!, 'intake.submit', FILLED), { locale });
    expect(cardProblems(answer)).toEqual([]);
    expect(textOf(answer)).toContain(expected);
  }
});

test('the identity request names the day, the age band and the first two signals next to the kenmerk', async () => {
  await w.install(U.mentor);
  const { caseId } = await w.submit(U.mentor);
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.' });
  await w.bot.worker.runOnce();
  const request = w.sender.sent.find((s) => JSON.stringify(s.card).includes('identity.supply'))!.card;
  expect(cardProblems(request)).toEqual([]);
  expect(textOf(request)).toContain('SJV-2026-0001');
  expect(textOf(request)).toContain('Ingebracht op 2 maart 2026 · 13–15 jaar · Onverklaarbaar geld of dure spullen, Schoolverzuim / spijbelen');
  // The refresh of the same card shows it too.
  const refreshData = (request.refresh as { action: { data: Record<string, unknown> } }).action.data;
  expect(textOf(await w.actCard(U.mentor, 'identity.refresh', refreshData, { trigger: 'automatic' }))).toContain('Ingebracht op 2 maart 2026 · 13–15 jaar');
});

test('"Mijn signalen" shows per concern the day, the age band and the first two signals', async () => {
  await w.submit(U.mentor);
  w.clock.advanceDays(3);
  await w.submit(U.mentor, { ageYears: 19, riskSignals: ['VERZUIM'] });
  const [card] = cardsOf(await w.say(U.mentor, 'mijn signalen'));
  expect(cardProblems(card)).toEqual([]);
  const text = textOf(card);
  expect(text).toContain('Ingebracht op 2 maart 2026 · 13–15 jaar · Onverklaarbaar geld of dure spullen, Schoolverzuim / spijbelen');
  expect(text).toContain('Ingebracht op 5 maart 2026 · 18–20 jaar · Schoolverzuim / spijbelen');
});

test('the line is built only from what the view holds: no concern group in the view, no age or signals', () => {
  const view = { id: 'x', version: 1, reference: 'SJV-2026-0001', phase: 'CLOSED', access: {}, frame: { createdAt: '2026-03-02T09:00:00Z' } } as CaseView;
  expect(recognitionLine('nl-NL', view, codeLabelFrom([], 'nl-NL'))).toBe('Ingebracht op 2 maart 2026');
  expect(recognitionLine('nl-NL', undefined, codeLabelFrom([], 'nl-NL'))).toBe('');
});
