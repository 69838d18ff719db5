/**
 * Scenario: the lead partner agrees follow-up actions with the resident (what, which organisation,
 * when) and the resident's stance at process level. Involved partners see the status only.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { attempt, expectCode, steps, stored } from '../core/helpers';

let w: World;
let caseId: string;
beforeEach(async () => {
  w = await makeWorld();
  caseId = await w.driveTo('OPVOLGING');
});
afterEach(() => w.close());

const actions = [
  { offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' },
  { offerCode: 'VERZUIMAANPAK', organisationId: 'leerplicht', dueOn: '2026-04-15' },
];

test('completing the follow-up needs at least one action', async () => {
  const e = expectCode(await attempt(w, 'recordFollowUp', U.jongerenwerk, { caseId, actions: [], residentStance: 'agrees', complete: true }), 'CASE.PRECONDITION_FAILED');
  expect(e.details.reason).toBe('ACTION_REQUIRED');
  expect((await stored(w, caseId)).followUp).toBeUndefined();
});

test('only the lead partner (or the procesregisseur) records the follow-up', async () => {
  expectCode(await attempt(w, 'recordFollowUp', U.agent, { caseId, actions, residentStance: 'agrees' }), 'AUTH.FORBIDDEN');
  expectCode(await attempt(w, 'recordFollowUp', U.voorzitter, { caseId, actions, residentStance: 'agrees' }), 'AUTH.FORBIDDEN');
  expectCode(await attempt(w, 'recordFollowUp', U.mentor, { caseId, actions, residentStance: 'agrees' }), 'AUTH.FORBIDDEN');
  expectCode(
    await attempt(w, 'recordFollowUp', U.jongerenwerk, { caseId, actions: [{ offerCode: 'STOPGESPREK', organisationId: 'onbekend', dueOn: '2026-04-01' }], residentStance: 'agrees' }),
    'VALIDATION.INVALID_INPUT',
  );
});

test('the lead partner agrees actions with the resident: REFLECTIE; involved partners see status only', async () => {
  const saved = await attempt(w, 'recordFollowUp', U.jongerenwerk, { caseId, actions: [actions[0]], residentStance: 'partly' });
  expect(saved.ok && saved.value).toMatchObject({ phase: 'OPVOLGING', outcome: 'SAVED' });
  const done = await attempt(w, 'recordFollowUp', U.jongerenwerk, { caseId, actions: [actions[1]], residentStance: 'agrees', complete: true });
  expect(done.ok && done.value).toMatchObject({ phase: 'REFLECTIE', outcome: 'REFLECTIE' });
  const record = await stored(w, caseId);
  expect(record.followUp?.actions.map((a) => [a.offerCode, a.organisationId, a.dueOn, a.status])).toEqual([
    ['GESPREK_JONGERENWERK', 'jongerenwerk', '2026-04-01', 'planned'],
    ['VERZUIMAANPAK', 'leerplicht', '2026-04-15', 'planned'],
  ]);
  expect(record.followUp?.residentStance).toBe('agrees');
  expect(record.frame.decisions.at(-1)).toMatchObject({ kind: 'FOLLOW_UP', outcome: 'agrees', role: 'leadPartner', actorId: U.jongerenwerk.id });

  await steps(w).actionStatus(caseId, 'done', 'Vijf gesprekken gevoerd.');
  const police = await w.sp.getCase(U.agent, caseId);
  if (!police.ok) throw police.error;
  expect(police.value.followUp).toEqual({ actions: record.followUp!.actions.map(({ id, offerCode, organisationId, dueOn }, i) => ({ id, offerCode, organisationId, dueOn, status: i === 0 ? 'done' : 'planned' })) });
  expect(JSON.stringify(police.value)).not.toContain('Vijf gesprekken');
  const lead = await w.sp.getCase(U.jongerenwerk, caseId);
  expect(lead.ok && lead.value.followUp?.actions?.[0]?.outcome).toBe('Vijf gesprekken gevoerd.');
});

test('an unknown action cannot be updated', async () => {
  await steps(w).agreeFollowUp(caseId, false);
  const e = expectCode(await attempt(w, 'updateActionStatus', U.jongerenwerk, { caseId, actionId: 'bestaat-niet', status: 'done' }), 'CASE.PRECONDITION_FAILED');
  expect(e.details.reason).toBe('ACTION_NOT_FOUND');
});
