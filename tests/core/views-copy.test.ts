/**
 * Views as allow-list copies, on one hand-written case (no store, so a mutation run on views.ts attributes
 * each test): who holds which case role (PROCESS.md, Roles), what a copied group holds and that it is a copy,
 * and what the meeting stage shows of a case (PROCESS.md, Bespreking: the stage shows the case at process
 * level; the concern without free text). Every expectation below is written out from the fixture.
 */
import type { CaseRecord, Organisation, User } from '../../src/core/model';
import type { PolicyTable } from '../../src/core/policy';
import { POLICY } from '../../src/core/policy';
import { rolesFor, stageViewFor, viewFor } from '../../src/core/views';

const NOW = '2026-05-20T10:00:00.000Z';
const regisseur: User = { id: 'regisseur@gemeente.demo', organisationId: 'gemeente', roles: ['procesregisseur'] };
const mentor: User = { id: 'mentor@school.demo', organisationId: 'school', roles: ['partner'] };
const gemeente: Organisation = { id: 'gemeente', name: 'Gemeente', type: 'gemeente', joinedOn: '2025-01-01' };
const school: Organisation = { id: 'school', name: 'School', type: 'school', joinedOn: '2025-01-01' };
const politie: Organisation = { id: 'politie', name: 'Politie', type: 'politie', joinedOn: '2025-01-01' };

/** A case in Opvolging: brought in by the mentor of the school, which is also a party and the lead partner. */
function opvolgingCase(): CaseRecord {
  return {
    id: 'case-7',
    version: 9,
    frame: {
      reference: 'SP-2026-0007',
      phase: 'OPVOLGING',
      createdAt: '2026-04-01T09:00:00.000Z',
      phaseSince: '2026-05-12T14:00:00.000Z',
      inbrengerOrganisationId: 'school',
      inbrengerUserId: 'mentor@school.demo',
      aveLevel: 'AVE2',
      decisions: [{ kind: 'SUSPICION', outcome: 'YES', rationale: 'Signalen passen bij werving', at: '2026-04-02T10:00:00.000Z', actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }],
      transitions: [
        { from: 'INBRENG', to: 'VERRIJKING', at: '2026-04-02T10:00:00.000Z', actorId: 'regisseur@gemeente.demo', role: 'procesregisseur', command: 'confirmSuspicion', rationale: 'vermoeden' },
      ],
      identityCapturedAt: '2026-04-03T11:00:00.000Z',
      informedOn: '2026-04-10',
      catalogueVersion: 3,
    },
    concern: {
      ageBand: '15-17',
      riskSignals: ['GELD', 'VERZUIM'],
      protectiveFactors: ['BETROKKEN_OUDERS'],
      forms: ['DEALEN'],
      registrationsBand: '0',
      urgency: 'normal',
      freeText: 'Heeft sinds kort veel contant geld.',
    },
    identity: { name: 'Mila Jansen', dateOfBirth: '2011-05-04' },
    enrichment: { requests: [] },
    discussion: { lifeDomains: { school: 'concerning' }, parties: ['school', 'wijkteam'], interventions: [], followUpOptions: ['MENTOR'], leadOrganisationId: 'school', notes: 'afspraak', completedAt: '2026-05-12T14:00:00.000Z' },
    contact: { phone: '0612345678' },
    followUp: { actions: [{ id: 'a1', offerCode: 'MENTOR', organisationId: 'school', dueOn: '2026-07-01', status: 'running' }], residentStance: 'open' },
    reflection: { lettersSent: [{ kind: 'INFORMATION', at: '2026-04-10T09:00:00.000Z', by: 'regisseur@gemeente.demo' }] },
  };
}

describe('a partner holds case roles only through their own organisation (PROCESS.md, Roles)', () => {
  test('the mentor of a member school who brought the case in, whose school is a party and the lead: ketenpartner, inbrenger, involved and lead partner', () => {
    expect(rolesFor(mentor, opvolgingCase(), school, NOW).sort()).toEqual(['inbrenger', 'involvedPartner', 'ketenpartner', 'leadPartner']);
  });

  test('given another member organisation than their own, the same mentor holds no case role at all', () => {
    expect(rolesFor(mentor, opvolgingCase(), politie, NOW)).toEqual([]);
  });
});

describe('a copied group holds what the case holds, and nothing that is absent', () => {
  test('a concern with only an age band (no exact age) is shown with the band and without any age field', () => {
    const view = viewFor(regisseur, opvolgingCase(), gemeente, NOW).view;
    expect(view?.concern).toStrictEqual({
      ageBand: '15-17',
      riskSignals: ['GELD', 'VERZUIM'],
      protectiveFactors: ['BETROKKEN_OUDERS'],
      forms: ['DEALEN'],
      registrationsBand: '0',
      urgency: 'normal',
      freeText: 'Heeft sinds kort veel contant geld.',
    });
    expect(Object.keys(view?.concern ?? {})).not.toContain('ageYears');
  });

  test('a concern with an exact age shows that age to a reader of the concern', () => {
    const record = opvolgingCase();
    record.concern.ageYears = 15;
    expect(viewFor(regisseur, record, gemeente, NOW).view?.concern?.ageYears).toBe(15);
  });
});

describe('a view is a copy: changing it never changes the case it was made from (views copy, never share)', () => {
  test("the follow-up actions and the letters sent in the procesregisseur's view are copies of the case's", () => {
    const record = opvolgingCase();
    const view = viewFor(regisseur, record, gemeente, NOW).view;
    expect(view?.followUp?.actions).toEqual([{ id: 'a1', offerCode: 'MENTOR', organisationId: 'school', dueOn: '2026-07-01', status: 'running' }]);
    expect(view?.reflection?.lettersSent).toEqual([{ kind: 'INFORMATION', at: '2026-04-10T09:00:00.000Z', by: 'regisseur@gemeente.demo' }]);
    view!.followUp!.actions![0]!.status = 'cancelled';
    view!.reflection!.lettersSent![0]!.kind = 'CLOSURE';
    expect(record.followUp?.actions[0]?.status).toBe('running');
    expect(record.reflection.lettersSent[0]?.kind).toBe('INFORMATION');
  });
});

describe("the resident's projection is built only for the resident's own status page, never for a user", () => {
  test('even a table that granted a user role the resident projection of the frame gives that user no frame', () => {
    const table: PolicyTable = { ...POLICY, A: { ...POLICY.A, procesregisseur: { OPVOLGING: { access: 'read', projection: 'resident' } } } };
    const view = viewFor(regisseur, opvolgingCase(), gemeente, NOW, table).view;
    expect(view?.frame).toBeUndefined();
    expect(view?.access.A).toBeUndefined();
    // the other groups the procesregisseur reads in Opvolging are still there (the test is not vacuous)
    expect(view?.concern?.ageBand).toBe('15-17');
  });
});

describe('the meeting stage shows the case at process level: the frame without persons, the concern without free text or exact age', () => {
  test("from the procesregisseur's full view: every frame field of the case, actors by role only, no professional named", () => {
    const view = viewFor(regisseur, opvolgingCase(), gemeente, NOW).view!;
    expect(view.frame?.inbrengerUserId).toBe('mentor@school.demo'); // the reader's own view names the inbrenger …
    const stage = stageViewFor(view);
    expect(stage).toStrictEqual({
      id: 'case-7',
      reference: 'SP-2026-0007',
      phase: 'OPVOLGING',
      frame: {
        reference: 'SP-2026-0007',
        phase: 'OPVOLGING',
        createdAt: '2026-04-01T09:00:00.000Z',
        phaseSince: '2026-05-12T14:00:00.000Z',
        inbrengerOrganisationId: 'school',
        aveLevel: 'AVE2',
        decisions: [{ kind: 'SUSPICION', outcome: 'YES', rationale: 'Signalen passen bij werving', at: '2026-04-02T10:00:00.000Z', actorId: '', role: 'procesregisseur' }],
        transitions: [{ from: 'INBRENG', to: 'VERRIJKING', at: '2026-04-02T10:00:00.000Z', actorId: '', role: 'procesregisseur', command: 'confirmSuspicion', rationale: 'vermoeden' }],
        identityCapturedAt: '2026-04-03T11:00:00.000Z',
        informedOn: '2026-04-10',
        catalogueVersion: 3,
      },
      concern: { ageBand: '15-17', riskSignals: ['GELD', 'VERZUIM'], protectiveFactors: ['BETROKKEN_OUDERS'], forms: ['DEALEN'], registrationsBand: '0', urgency: 'normal' },
    });
    expect(JSON.stringify(stage)).not.toContain('@'); // … the stage names no one
  });

  test('a viewer without the frame gets no stage view of the case', () => {
    expect(stageViewFor({ id: 'case-7', version: 9, reference: 'SP-2026-0007', phase: 'OPVOLGING', access: {} })).toBeUndefined();
  });
});
