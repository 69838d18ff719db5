/**
 * Scenario: the signaaltafel finds no reasonable suspicion. The case closes in INBRENG with an advised
 * route — the signal ends up where it belongs — and no personal data ever existed.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { attempt, expectCode, steps, stored } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

test('no suspicion needs an advised route', async () => {
  const caseId = await steps(w).bringIn();
  const e = expectCode(await attempt(w, 'decideSuspicion', U.voorzitter, { caseId, suspicion: false, rationale: 'Past beter bij de school.' }), 'VALIDATION.INVALID_INPUT');
  expect(e.details.fields).toContainEqual({ path: 'advisedRoute', issue: 'ADVICE_REQUIRED' });
  expect((await stored(w, caseId)).frame.phase).toBe('INBRENG');
});

test('no suspicion: CLOSED with exit NO_SUSPICION and the advice; retention 90 days; the inbrenger hears the advice back', async () => {
  const caseId = await steps(w).bringIn();
  const r = await attempt(w, 'decideSuspicion', U.voorzitter, { caseId, suspicion: false, rationale: 'Past beter bij de school.', advisedRoute: 'ZORGTEAM_SCHOOL' });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'CLOSED', outcome: 'NO_SUSPICION', advisedRoute: 'ZORGTEAM_SCHOOL' });
  const record = await stored(w, caseId);
  expect(record.frame.exit).toEqual({ reason: 'NO_SUSPICION', advisedRoute: 'ZORGTEAM_SCHOOL', rationale: 'Past beter bij de school.', closedInPhase: 'INBRENG' });
  expect(record.frame.decisions.map((d) => [d.kind, d.outcome])).toEqual([['SUSPICION', 'NO']]);
  expect(record.frame.retentionUntil).toBe('2026-05-31'); // 2026-03-02 + 90 days
  expect(record.identity).toBeUndefined();

  const inbrenger = await w.sp.getCase(U.mentor, caseId);
  if (!inbrenger.ok) throw inbrenger.error;
  expect(inbrenger.value.frame?.exit).toMatchObject({ reason: 'NO_SUSPICION', advisedRoute: 'ZORGTEAM_SCHOOL' });
  expect(inbrenger.value.reflection).toEqual({ closureReason: 'NO_SUSPICION', feedbackSentAt: w.clock.now().toISOString() });
});

test('a closed case cannot be reopened or decided again', async () => {
  const caseId = await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
  expectCode(await attempt(w, 'decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Toch wel.' }), 'CASE.NOT_FOUND'); // the voorzitter no longer sees closed cases
  expectCode(await attempt(w, 'decideSuspicion', U.regisseur, { caseId, suspicion: true, rationale: 'Toch wel.' }), 'CASE.TRANSITION_NOT_ALLOWED');
  expect((await stored(w, caseId)).frame.phase).toBe('CLOSED');
});
