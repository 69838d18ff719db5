/**
 * Scenario: the follow-up happened; the procesregisseur closes the case with a rationale and the advised
 * route. The inbrenger and involved partners hear the status at process level; after closure only the
 * procesregisseur reaches the personal data, until the retention date.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { attempt, expectCode, stored, walkToReflectie } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

test('the procesregisseur closes: FOLLOW_UP_DONE, retention 24 months, status for inbrenger and partners', async () => {
  const caseId = await walkToReflectie(w);
  const inReflectie = await w.sp.getCase(U.mentor, caseId);
  expect(inReflectie.ok && inReflectie.value.identity).toBeDefined();

  expectCode(await attempt(w, 'closeCase', U.voorzitter, { caseId, rationale: 'Klaar.' }), 'AUTH.FORBIDDEN');
  expectCode(await attempt(w, 'closeCase', U.jongerenwerk, { caseId, rationale: 'Klaar.' }), 'AUTH.FORBIDDEN');
  w.clock.set('2026-06-15T10:00:00Z');
  const r = await attempt(w, 'closeCase', U.regisseur, { caseId, rationale: 'De opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'CLOSED', outcome: 'CLOSED', advisedRoute: 'JONGERENWERK' });

  const record = await stored(w, caseId);
  expect(record.frame.exit).toEqual({ reason: 'FOLLOW_UP_DONE', advisedRoute: 'JONGERENWERK', rationale: 'De opvolging loopt via het jongerenwerk.', closedInPhase: 'REFLECTIE' });
  expect(record.frame.closedAt).toBe('2026-06-15T10:00:00.000Z');
  expect(record.frame.retentionUntil).toBe('2028-06-15');
  expect(record.reflection).toMatchObject({ closureReason: 'FOLLOW_UP_DONE', rationale: 'De opvolging loopt via het jongerenwerk.', retentionUntil: '2028-06-15' });

  for (const user of [U.mentor, U.agent, U.jongerenwerk]) {
    const v = await w.sp.getCase(user, caseId);
    if (!v.ok) throw v.error;
    expect(v.value.reflection).toEqual({ closureReason: 'FOLLOW_UP_DONE', feedbackSentAt: '2026-06-15T10:00:00.000Z' });
    for (const key of ['identity', 'enrichment', 'discussion', 'contact', 'followUp'] as const) expect(v.value[key]).toBeUndefined();
  }
  const regisseur = await w.sp.getCase(U.regisseur, caseId);
  expect(regisseur.ok && regisseur.value.contact).toBeDefined();
  expectCode(await w.sp.getCase(U.voorzitter, caseId), 'CASE.NOT_FOUND');
});

test('a young person close to 24: retention ends on the 24th birthday, not 24 months after closure', async () => {
  const caseId = await walkToReflectie(w, '2003-09-01', { ageYears: 22 });
  await attempt(w, 'closeCase', U.regisseur, { caseId, rationale: 'Afgerond.' });
  expect((await stored(w, caseId)).frame.retentionUntil).toBe('2027-09-01');
});

test('closing is possible only in REFLECTIE', async () => {
  const caseId = await w.driveTo('OPVOLGING');
  expectCode(await attempt(w, 'closeCase', U.regisseur, { caseId, rationale: 'Te vroeg.' }), 'CASE.TRANSITION_NOT_ALLOWED');
});
