/**
 * Scenario: at the signaaltafel the involved partners establish life domains, parties, interventions and
 * follow-up options, and a lead partner. Contact details are recorded for the lead partner only.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { RESIDENT, attempt, expectCode, stored } from '../core/helpers';

let w: World;
let caseId: string;
beforeEach(async () => {
  w = await makeWorld();
  caseId = await w.driveTo('BESPREKING');
});
afterEach(() => w.close());

const discussion = {
  lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning', FINANCIEN: 'unknown' },
  parties: ['politie', 'jongerenwerk', 'school'],
  interventions: ['MENTORGESPREK'],
  followUpOptions: ['GESPREK_JONGERENWERK', 'WEERBAARHEID'],
  notes: 'Jongerenwerk kent de jongen van het buurthuis.',
};

test('a lead partner is required to complete the discussion', async () => {
  const e = expectCode(await attempt(w, 'recordDiscussion', U.voorzitter, { caseId, ...discussion, complete: true }), 'CASE.PRECONDITION_FAILED');
  expect(e.details.reason).toBe('LEAD_PARTNER_REQUIRED');
  expect((await stored(w, caseId)).discussion).toBeUndefined();
});

test('the lead partner must be one of the parties, and every party a member', async () => {
  const notParty = expectCode(
    await attempt(w, 'recordDiscussion', U.voorzitter, { caseId, ...discussion, leadOrganisationId: 'wijkteam' }),
    'VALIDATION.INVALID_INPUT',
  );
  expect(notParty.details.fields).toEqual([{ path: 'leadOrganisationId', issue: 'NOT_A_PARTY' }]);
  const nonMember = expectCode(
    await attempt(w, 'recordDiscussion', U.voorzitter, { caseId, ...discussion, parties: ['politie', 'sportclub'], leadOrganisationId: 'politie' }),
    'CASE.PRECONDITION_FAILED',
  );
  expect(nonMember.details.reason).toBe('ORGANISATION_NOT_MEMBER');
});

test('the voorzitter records the discussion but may not record contact details', async () => {
  expectCode(
    await attempt(w, 'recordDiscussion', U.voorzitter, { caseId, ...discussion, leadOrganisationId: 'jongerenwerk', contact: { phone: RESIDENT.phone } }),
    'AUTH.FORBIDDEN',
  );
  expect((await stored(w, caseId)).contact).toBeUndefined();
  const saved = await attempt(w, 'recordDiscussion', U.voorzitter, { caseId, ...discussion, leadOrganisationId: 'jongerenwerk' });
  expect(saved.ok && saved.value).toMatchObject({ phase: 'BESPREKING', outcome: 'SAVED' });
});

test('with a lead partner the discussion completes: OPVOLGING; contact only for the lead partner and the procesregisseur', async () => {
  const r = await attempt(w, 'recordDiscussion', U.regisseur, {
    caseId,
    ...discussion,
    leadOrganisationId: 'jongerenwerk',
    contact: { phone: RESIDENT.phone, address: RESIDENT.address },
    complete: true,
  });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'OPVOLGING', outcome: 'OPVOLGING' });
  const record = await stored(w, caseId);
  expect(record.discussion).toMatchObject({ leadOrganisationId: 'jongerenwerk', parties: ['politie', 'jongerenwerk', 'school'] });
  expect(record.discussion?.completedAt).toBe(w.clock.now().toISOString());

  const lead = await w.sp.getCase(U.jongerenwerk, caseId);
  expect(lead.ok && lead.value.contact).toEqual({ phone: RESIDENT.phone, address: RESIDENT.address });
  expect(lead.ok && lead.value.identity).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04' });
  for (const user of [U.agent, U.mentor, U.voorzitter, U.coach]) {
    const v = await w.sp.getCase(user, caseId);
    expect(v.ok ? v.value.contact : undefined).toBeUndefined();
  }
  // involved partners in OPVOLGING no longer see identity; they see the discussion
  const police = await w.sp.getCase(U.agent, caseId);
  expect(police.ok && police.value.identity).toBeUndefined();
  expect(police.ok && police.value.discussion?.leadOrganisationId).toBe('jongerenwerk');
});

test('partners asked for enrichment but not at the table see no identity in BESPREKING', async () => {
  const coach = await w.sp.getCase(U.coach, caseId);
  expect(coach.ok && coach.value.identity).toBeUndefined();
  expect(coach.ok && coach.value.enrichment?.requests.map((r) => r.organisationId)).toEqual(['wijkteam']);
  await attempt(w, 'recordDiscussion', U.voorzitter, { caseId, ...discussion, leadOrganisationId: 'jongerenwerk' });
  const police = await w.sp.getCase(U.agent, caseId); // now involved: identity during BESPREKING
  expect(police.ok && police.value.identity?.name).toBe('Test Persoon');
});
