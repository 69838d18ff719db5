/**
 * Rules that slipped (issue 16 "Rules that slip", issue 18 item 4): a case closes only after the follow-up
 * happened (an action done or cancelled) and with the resident recorded as informed — or a recorded reason
 * why informing was not possible; the procesregisseur can still record the informing in Reflectie; follow-up
 * actions only for member organisations and offers they provide (the sociale kaart).
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { attempt, expectCode, footprint, steps, stored } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

const CLOSE = { rationale: 'De opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' };

/** REFLECTIE with the lead partner's only action finished; the resident never recorded as informed. */
async function reflectieUninformed(status: 'done' | 'cancelled' = 'done'): Promise<string> {
  const caseId = await w.driveTo('REFLECTIE');
  await steps(w).actionStatus(caseId, status);
  return caseId;
}

describe('closing needs the informing recorded, or a reason why it was not possible', () => {
  test('never informed and no reason: refused with CLOSURE.INFORMING_NOT_RECORDED, nothing stored', async () => {
    const caseId = await reflectieUninformed();
    const before = await stored(w, caseId);
    const prints = await footprint(w);
    const e = expectCode(await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE }), 'CLOSURE.INFORMING_NOT_RECORDED');
    expect(e.details.fields).toEqual([{ path: 'notInformedReason', issue: 'REQUIRED' }]);
    expect(await stored(w, caseId)).toEqual(before);
    expect(await footprint(w)).toEqual(prints);
  });

  test('a deferral alone is not informing: still refused', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    await w.cmd('recordResidentInformed', U.mentor, { caseId, deferral: { reason: 'Eerst overleg met de school.', until: '2026-03-20' } });
    // walk on from VERRIJKING as the demo users do
    await steps(w).answer(caseId, U.agent, true, ['LAAT_OP_STRAAT']);
    await steps(w).conclude(caseId);
    await steps(w).discuss(caseId, { complete: true });
    await steps(w).agreeFollowUp(caseId, true);
    await steps(w).actionStatus(caseId, 'done');
    expectCode(await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE }), 'CLOSURE.INFORMING_NOT_RECORDED');
  });

  test('with a recorded reason the case closes, and the reason is kept for the procesregisseur', async () => {
    const caseId = await reflectieUninformed();
    const reason = 'De jongere is verhuisd en niet bereikbaar gebleken.';
    const r = await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE, notInformedReason: reason });
    if (!r.ok) throw r.error;
    expect(r.value.phase).toBe('CLOSED');
    expect((await stored(w, caseId)).reflection.notInformedReason).toBe(reason);
    const view = await w.sp.getCase(U.regisseur, caseId);
    expect(view.ok && view.value.reflection?.notInformedReason).toBe(reason);
  });

  test('the reason is guarded free text: a name in it is refused', async () => {
    const caseId = await reflectieUninformed();
    const e = expectCode(
      await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE, notInformedReason: 'Kevin de Vries was niet thuis.' }),
      'INTAKE.IDENTIFIER_DETECTED',
    );
    expect(e.details.fields).toEqual([{ path: 'notInformedReason', issue: 'PERSON_NAME' }]);
    expect((await stored(w, caseId)).frame.phase).toBe('REFLECTIE');
  });

  test('the procesregisseur records the informing in REFLECTIE (the inbrenger only reads the frame there); then the case closes', async () => {
    const caseId = await reflectieUninformed();
    expectCode(await attempt(w, 'recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-02' }), 'AUTH.FORBIDDEN');
    const informed = await attempt(w, 'recordResidentInformed', U.regisseur, { caseId, informedOn: '2026-03-02' });
    if (!informed.ok) throw informed.error;
    expect(informed.value).toMatchObject({ phase: 'REFLECTIE', outcome: 'INFORMED' });
    const r = await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE });
    if (!r.ok) throw r.error;
    const record = await stored(w, caseId);
    expect(record.frame.informedOn).toBe('2026-03-02');
    expect(record.reflection.notInformedReason).toBeUndefined();
  });

  test('cases closed before a young person was taken on (no suspicion, not eligible, not confirmed) close without any informing recorded', async () => {
    for (const exit of ['NO_SUSPICION', 'AGE_OVER_23', 'NOT_CONFIRMED'] as const) {
      const caseId = await w.driveTo('CLOSED', { exit });
      const f = (await stored(w, caseId)).frame;
      expect({ exit, phase: f.phase, reason: f.exit?.reason, informedOn: f.informedOn }).toEqual({ exit, phase: 'CLOSED', reason: exit, informedOn: undefined });
    }
  });
});

describe('closing "follow-up done" needs an action done or cancelled (issue 18, item 4)', () => {
  test('the only action still planned, or running: refused with CLOSURE.FOLLOW_UP_NOT_DONE', async () => {
    const caseId = await w.driveTo('REFLECTIE');
    await w.cmd('recordResidentInformed', U.regisseur, { caseId, informedOn: '2026-03-02' });
    const planned = expectCode(await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE }), 'CLOSURE.FOLLOW_UP_NOT_DONE');
    expect(planned.details.fields).toEqual([{ path: 'followUp.actions', issue: 'NONE_DONE_OR_CANCELLED' }]);
    await steps(w).actionStatus(caseId, 'running');
    expectCode(await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE }), 'CLOSURE.FOLLOW_UP_NOT_DONE');
    expect((await stored(w, caseId)).frame.phase).toBe('REFLECTIE');
  });

  test('a cancelled action counts as finished: the case closes', async () => {
    const caseId = await reflectieUninformed('cancelled');
    const r = await attempt(w, 'closeCase', U.regisseur, { caseId, ...CLOSE, notInformedReason: 'Contact liep via de voogd; niet gelukt.' });
    expect(r.ok && r.value.phase).toBe('CLOSED');
  });
});

describe('follow-up actions: only member organisations, only offers they provide (sociale kaart)', () => {
  test('an organisation that never joined the protocol: refused, ORGANISATION_NOT_MEMBER', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    const e = expectCode(
      await attempt(w, 'recordFollowUp', U.jongerenwerk, { caseId, actions: [{ offerCode: 'SPORT_MATCH', organisationId: 'sportclub', dueOn: '2026-04-01' }], residentStance: 'agrees' }),
      'CASE.PRECONDITION_FAILED',
    );
    expect(e.details).toMatchObject({ reason: 'ORGANISATION_NOT_MEMBER', fields: [{ path: 'actions.0.organisationId', issue: 'NOT_A_MEMBER' }] });
    expect((await stored(w, caseId)).followUp).toBeUndefined();
  });

  test('an offer the organisation does not provide (a police warning talk by the youth work): refused with FOLLOW_UP.OFFER_NOT_PROVIDED', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    const e = expectCode(
      await attempt(w, 'recordFollowUp', U.jongerenwerk, {
        caseId,
        actions: [
          { offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' },
          { offerCode: 'STOPGESPREK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' },
        ],
        residentStance: 'agrees',
      }),
      'FOLLOW_UP.OFFER_NOT_PROVIDED',
    );
    expect(e.details.fields).toEqual([{ path: 'actions.1.offerCode', issue: 'NOT_PROVIDED_BY_ORGANISATION' }]);
    expect((await stored(w, caseId)).followUp).toBeUndefined();
    // the provider itself may take the same offer
    const ok = await attempt(w, 'recordFollowUp', U.jongerenwerk, { caseId, actions: [{ offerCode: 'STOPGESPREK', organisationId: 'politie', dueOn: '2026-04-01' }], residentStance: 'agrees' });
    expect(ok.ok).toBe(true);
  });
});
