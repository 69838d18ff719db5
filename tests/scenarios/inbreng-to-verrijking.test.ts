/**
 * Scenario: a mentor brings in an anonymous worry; the signaaltafel sees it without any personal data
 * and decides there is a reasonable suspicion. The case moves to VERRIJKING.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { allAudit, attempt, expectCode, steps, stored } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

test('the mentor brings in a concern: an anonymous case with a reference, audited as a creation', async () => {
  const r = await attempt(w, 'submitConcern', U.mentor, {
    ageYears: 15,
    riskSignals: ['GELD', 'TELEFOONS'],
    forms: ['DEALEN'],
    freeText: 'Jongen van ongeveer 15 heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
  });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'INBRENG', outcome: 'INBRENG', version: 1, replayed: false });
  expect(r.value.reference).toMatch(/^SJV-2026-\d{4}$/);
  const record = await stored(w, r.value.caseId);
  expect(record.identity).toBeUndefined();
  expect(record.concern).toMatchObject({ ageBand: '13-15', riskSignals: ['GELD', 'TELEFOONS'], registrationsBand: 'unknown', urgency: 'normal' });
  expect(record.frame).toMatchObject({ inbrengerOrganisationId: 'school', inbrengerUserId: U.mentor.id, phase: 'INBRENG' });
  expect((await allAudit(w)).map((a) => [a.action, a.groups, a.actorId, a.role])).toEqual([['create', ['B'], U.mentor.id, 'ketenpartner']]);
});

test('at the signaaltafel every member partner sees the concern anonymously, without who brought it in', async () => {
  const caseId = await steps(w).bringIn();
  const seen = await w.sp.getCase(U.leerplicht, caseId);
  if (!seen.ok) throw seen.error;
  expect(seen.value.concern?.riskSignals).toEqual(['GELD', 'VERZUIM']);
  expect(seen.value.frame?.inbrengerOrganisationId).toBe('school');
  expect(seen.value.frame).not.toHaveProperty('inbrengerUserId');
  expect(seen.value.identity).toBeUndefined();
  const list = await w.sp.listCases(U.agent, { phases: ['INBRENG'] });
  expect(list.ok && list.value.items.map((c) => c.id)).toEqual([caseId]);
});

test('the voorzitter decides: reasonable suspicion — decision, transition and audit record actor, role, time and rationale', async () => {
  const caseId = await steps(w).bringIn();
  w.clock.advanceDays(6);
  const r = await attempt(w, 'decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'VERRIJKING', outcome: 'VERRIJKING', version: 2 });
  const record = await stored(w, caseId);
  const at = w.clock.now().toISOString();
  expect(record.frame.aveLevel).toBe('2');
  expect(record.frame.decisions).toEqual([{ kind: 'SUSPICION', outcome: 'YES', rationale: 'Meerdere signalen van dealen.', at, actorId: U.voorzitter.id, role: 'voorzitter' }]);
  expect(record.frame.transitions).toEqual([
    { from: 'INBRENG', to: 'VERRIJKING', at, actorId: U.voorzitter.id, role: 'voorzitter', command: 'decideSuspicion', rationale: 'Meerdere signalen van dealen.' },
  ]);
  expect(record.frame.phaseSince).toBe(at);
  const audit = await allAudit(w);
  expect(audit.at(-1)).toMatchObject({ action: 'transition', phase: 'VERRIJKING', actorId: U.voorzitter.id, role: 'voorzitter', caseId });
  expect(audit.at(-1)!.purpose).toContain('INBRENG → VERRIJKING');
});

test('the procesregisseur may take the decision too; a partner may not', async () => {
  const a = await steps(w).bringIn();
  expectCode(await attempt(w, 'decideSuspicion', U.mentor, { caseId: a, suspicion: true, rationale: 'Zorgen.' }), 'AUTH.FORBIDDEN');
  expectCode(await attempt(w, 'decideSuspicion', U.agent, { caseId: a, suspicion: true, rationale: 'Zorgen.' }), 'AUTH.FORBIDDEN');
  const r = await attempt(w, 'decideSuspicion', U.regisseur, { caseId: a, suspicion: true, rationale: 'Zorgen.' });
  expect(r.ok && r.value.phase).toBe('VERRIJKING');
});

test('after the decision the case leaves the table’s view: unrelated partners no longer see it; the inbrenger is asked for name and date of birth', async () => {
  const caseId = await steps(w).bringIn();
  await steps(w).suspect(caseId);
  expectCode(await w.sp.getCase(U.leerplicht, caseId), 'CASE.NOT_FOUND');
  const list = await w.sp.listCases(U.mentor);
  expect(list.ok && list.value.items.find((c) => c.id === caseId)?.nextStep).toBe('SUPPLY_IDENTITY');
  const mentor = await w.sp.getCase(U.mentor, caseId);
  expect(mentor.ok && mentor.value.access.C).toBe('write');
});
