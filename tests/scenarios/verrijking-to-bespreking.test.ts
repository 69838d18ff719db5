/**
 * Scenario: the inbrenger supplies name and date of birth, informs the resident, the procesregisseur
 * asks two partners, the police confirms with signals: the case goes to BESPREKING.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { RESIDENT, allAudit, attempt, expectCode, steps, stored } from '../core/helpers';

let w: World;
let caseId: string;
beforeEach(async () => {
  w = await makeWorld();
  caseId = await steps(w).bringIn();
  await steps(w).suspect(caseId);
});
afterEach(() => w.close());

test('the whole enrichment, step by step', async () => {
  // the inbrenger supplies name and date of birth; eligibility is checked and recorded
  const id = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
  expect(id.ok && id.value.outcome).toBe('ELIGIBLE');
  let record = await stored(w, caseId);
  expect(record.identity).toEqual({ name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
  expect(record.frame.identityCapturedAt).toBe(w.clock.now().toISOString());
  expect((await allAudit(w)).filter((a) => a.caseId === caseId && a.groups.includes('C')).map((a) => a.action)).toEqual(['update', 'create']);

  // the inbrenger informs the resident a week later
  w.clock.advanceDays(7);
  const informed = await attempt(w, 'recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-09' });
  expect(informed.ok && informed.value.outcome).toBe('INFORMED');

  // the procesregisseur shares name, date of birth and signals with two partners: an audited export
  await steps(w).askPartners(caseId, ['politie', 'wijkteam'], '2026-03-23');
  const exportRow = (await allAudit(w)).find((a) => a.action === 'export');
  expect(exportRow).toMatchObject({ caseId, actorId: U.regisseur.id, role: 'procesregisseur' });
  expect(exportRow!.groups.sort()).toEqual(['B', 'C']);
  expect(exportRow!.purpose).toContain('politie');
  expect(exportRow!.purpose).toContain('wijkteam');
  expect(exportRow!.purpose).not.toContain(RESIDENT.name);

  // the police knows him, with signals; the wijkteam does not
  await steps(w).answer(caseId, U.agent, true, ['LAAT_OP_STRAAT', 'OUDERE_CONTACTEN']);
  await steps(w).answer(caseId, U.coach, false);
  const list = await w.sp.listCases(U.regisseur, { phases: ['VERRIJKING'] });
  expect(list.ok && list.value.items[0]?.nextStep).toBe('CONCLUDE_ENRICHMENT');

  const done = await attempt(w, 'concludeEnrichment', U.regisseur, { caseId, rationale: 'Bevestigd door de politie.' });
  expect(done.ok && done.value).toMatchObject({ phase: 'BESPREKING', outcome: 'BESPREKING' });
  record = await stored(w, caseId);
  expect(record.frame.decisions.at(-1)).toMatchObject({ kind: 'ENRICHMENT_CONCLUSION', outcome: 'CONFIRMED', role: 'procesregisseur' });
  expect(record.frame.transitions.at(-1)).toMatchObject({ from: 'VERRIJKING', to: 'BESPREKING', command: 'concludeEnrichment', actorId: U.regisseur.id });
});

test('the procesregisseur may register the identity on the inbrenger’s behalf', async () => {
  const r = await attempt(w, 'supplyIdentity', U.regisseur, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
  expect(r.ok && r.value.outcome).toBe('ELIGIBLE');
});

test('identity is supplied once; enrichment needs identity; an organisation is asked once', async () => {
  expectCode(await attempt(w, 'requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie'], dueOn: '2026-03-16' }), 'CASE.PRECONDITION_FAILED');
  await steps(w).identify(caseId);
  expectCode(await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: 'Iemand Anders', dateOfBirth: '2010-01-01' }), 'CASE.PRECONDITION_FAILED');
  expect((await stored(w, caseId)).identity?.name).toBe(RESIDENT.name);
  await steps(w).askPartners(caseId, ['politie']);
  expectCode(await attempt(w, 'requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie'], dueOn: '2026-03-16' }), 'ENRICHMENT.ALREADY_REQUESTED');
  expectCode(await attempt(w, 'requestEnrichment', U.regisseur, { caseId, organisationIds: ['wijkteam'], dueOn: '2026-03-02' }), 'VALIDATION.INVALID_INPUT');
});

test('a partner that was not asked cannot answer; a partner answers once', async () => {
  await steps(w).identify(caseId);
  await steps(w).askPartners(caseId, ['politie']);
  expectCode(await attempt(w, 'answerEnrichment', U.coach, { caseId, known: false }), 'CASE.NOT_FOUND');
  await steps(w).answer(caseId, U.agent, true, ['GELD']);
  expectCode(await attempt(w, 'answerEnrichment', U.agent, { caseId, known: false }), 'ENRICHMENT.NOT_OPEN');
});

test('an open request overdue shows up in the overdue list', async () => {
  await steps(w).identify(caseId);
  await steps(w).askPartners(caseId, ['politie'], '2026-03-10');
  w.clock.set('2026-03-10T12:00:00Z');
  const notYet = await w.sp.listCases(U.regisseur, { overdue: true });
  expect(notYet.ok && notYet.value.items.map((c) => c.id)).toEqual([]);
  w.clock.set('2026-03-11T12:00:00Z');
  const overdue = await w.sp.listCases(U.regisseur, { overdue: true });
  expect(overdue.ok && overdue.value.items.map((c) => [c.id, c.overdue.enrichment])).toEqual([[caseId, true]]);
});
