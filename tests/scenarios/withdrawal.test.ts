/**
 * Scenario: the case is withdrawn — possible in every active phase, by the procesregisseur, with a
 * reason and an advised route. The retention period follows the phase it was withdrawn in.
 */
import type { Phase } from '../../src/core/model';
import { ACTIVE_PHASES } from '../../src/core/model';
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { attempt, expectCode, steps, stored, walkToReflectie } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld(); // today 2026-03-02
});
afterEach(() => w.close());

async function caseIn(phase: Phase): Promise<string> {
  if (phase === 'VERRIJKING') return w.driveTo('VERRIJKING'); // with identity and open requests
  if (phase === 'REFLECTIE') return walkToReflectie(w);
  return w.driveTo(phase);
}

const expectedRetention: Record<string, string> = {
  INBRENG: '2026-05-31', // 90 days
  VERRIJKING: '2026-03-30', // 28 days
  BESPREKING: '2028-03-02', // 24 months (23rd birthday + 1 year is later)
  OPVOLGING: '2028-03-02',
  REFLECTIE: '2028-03-02',
};

test.each(ACTIVE_PHASES)('withdrawn in %s: CLOSED (WITHDRAWN) with advice, open requests closed, retention by phase', async (phase) => {
  const caseId = await caseIn(phase);
  expectCode(await attempt(w, 'withdrawCase', U.voorzitter, { caseId, rationale: 'Ingetrokken.', advisedRoute: 'WIJKTEAM' }), 'AUTH.FORBIDDEN');
  expectCode(await attempt(w, 'withdrawCase', U.mentor, { caseId, rationale: 'Ingetrokken.', advisedRoute: 'WIJKTEAM' }), 'AUTH.FORBIDDEN');
  expectCode(await attempt(w, 'withdrawCase', U.regisseur, { caseId, rationale: 'Ingetrokken.' }), 'VALIDATION.INVALID_INPUT'); // advice is required

  const r = await attempt(w, 'withdrawCase', U.regisseur, { caseId, rationale: 'De inbrenger trekt de zorg in.', advisedRoute: 'WIJKTEAM' });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'CLOSED', outcome: 'WITHDRAWN', advisedRoute: 'WIJKTEAM' });
  const record = await stored(w, caseId);
  expect(record.frame.exit).toEqual({ reason: 'WITHDRAWN', advisedRoute: 'WIJKTEAM', rationale: 'De inbrenger trekt de zorg in.', closedInPhase: phase });
  expect(record.frame.transitions.at(-1)).toMatchObject({ from: phase, to: 'CLOSED', command: 'withdrawCase', role: 'procesregisseur' });
  expect(record.frame.retentionUntil).toBe(expectedRetention[phase]);
  expect(record.enrichment.requests.filter((q) => q.status === 'open')).toEqual([]);
  // nothing more can be withdrawn
  expectCode(await attempt(w, 'withdrawCase', U.regisseur, { caseId, rationale: 'Nogmaals.', advisedRoute: 'WIJKTEAM' }), 'CASE.TRANSITION_NOT_ALLOWED');
});

test('a withdrawn VERRIJKING case: the partners that were asked lose identity at once', async () => {
  const caseId = await caseIn('VERRIJKING');
  expect((await w.sp.getCase(U.agent, caseId)).ok).toBe(true);
  await steps(w).withdraw(caseId);
  expectCode(await w.sp.getCase(U.agent, caseId), 'CASE.NOT_FOUND');
});
