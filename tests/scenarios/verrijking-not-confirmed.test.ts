/**
 * Scenario: the partners asked for enrichment do not confirm the signals. The case closes (NOT_CONFIRMED)
 * with an advised route. A confirmation by the inbrenger's own organisation does not count.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { attempt, expectCode, steps, stored } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

async function askedOf(organisationIds: string[]): Promise<string> {
  const s = steps(w);
  const caseId = await s.bringIn();
  await s.suspect(caseId);
  await s.identify(caseId);
  await s.askPartners(caseId, organisationIds);
  return caseId;
}

test('everyone answers "not known": concluding needs advice, then the case closes NOT_CONFIRMED after 28 days retention', async () => {
  const caseId = await askedOf(['politie', 'wijkteam']);
  await steps(w).answer(caseId, U.agent, false);
  await steps(w).answer(caseId, U.coach, false);
  const e = expectCode(await attempt(w, 'concludeEnrichment', U.regisseur, { caseId }), 'CASE.ADVICE_REQUIRED');
  expect(e.details.fields).toEqual([{ path: 'advisedRoute', issue: 'REQUIRED' }]);
  expectCode(await attempt(w, 'concludeEnrichment', U.regisseur, { caseId, advisedRoute: 'WIJKTEAM' }), 'CASE.ADVICE_REQUIRED');
  expect((await stored(w, caseId)).frame.phase).toBe('VERRIJKING');

  const r = await attempt(w, 'concludeEnrichment', U.regisseur, { caseId, advisedRoute: 'WIJKTEAM', rationale: 'Geen bevestiging door partners.' });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'CLOSED', outcome: 'NOT_CONFIRMED', advisedRoute: 'WIJKTEAM' });
  const record = await stored(w, caseId);
  expect(record.frame.exit).toEqual({ reason: 'NOT_CONFIRMED', advisedRoute: 'WIJKTEAM', rationale: 'Geen bevestiging door partners.', closedInPhase: 'VERRIJKING' });
  expect(record.frame.retentionUntil).toBe('2026-03-30');
});

test('"known" without any signal is no confirmation', async () => {
  const caseId = await askedOf(['politie']);
  await steps(w).answer(caseId, U.agent, true, []);
  expectCode(await attempt(w, 'concludeEnrichment', U.regisseur, { caseId }), 'CASE.ADVICE_REQUIRED');
});

test('confirmation only by the inbrenger’s own organisation does NOT count', async () => {
  const caseId = await askedOf(['school', 'wijkteam']);
  // the school is asked too; the mentor answers for it, known with signals
  await steps(w).answer(caseId, U.mentor, true, ['VERZUIM', 'GEDRAG']);
  await steps(w).answer(caseId, U.coach, false);
  expectCode(await attempt(w, 'concludeEnrichment', U.regisseur, { caseId }), 'CASE.ADVICE_REQUIRED');
  const r = await attempt(w, 'concludeEnrichment', U.regisseur, { caseId, advisedRoute: 'ZORGTEAM_SCHOOL', rationale: 'Alleen de school zelf ziet signalen.' });
  expect(r.ok && r.value).toMatchObject({ phase: 'CLOSED', outcome: 'NOT_CONFIRMED' });
});

test('concluding while requests are still open closes them: the partners lose identity access', async () => {
  const caseId = await askedOf(['politie', 'wijkteam']);
  await steps(w).answer(caseId, U.agent, false);
  await steps(w).conclude(caseId, { advisedRoute: 'WIJKTEAM', rationale: 'Geen bevestiging.' });
  expect((await stored(w, caseId)).enrichment.requests.map((r) => [r.organisationId, r.status])).toEqual([
    ['politie', 'answered'],
    ['wijkteam', 'closed'],
  ]);
  expectCode(await attempt(w, 'answerEnrichment', U.coach, { caseId, known: true, signals: ['GELD'] }), 'CASE.NOT_FOUND');
});

test('a partner answering "not known" cannot add signals', async () => {
  const caseId = await askedOf(['politie']);
  const e = expectCode(await attempt(w, 'answerEnrichment', U.agent, { caseId, known: false, signals: ['GELD'] }), 'VALIDATION.INVALID_INPUT');
  expect(e.details.fields).toEqual([{ path: 'signals', issue: 'ONLY_WHEN_KNOWN' }]);
});
