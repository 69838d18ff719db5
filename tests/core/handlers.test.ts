/**
 * The command handlers as plain rules of PROCESS.md (Phases, transitions, exits; Verrijking; Bespreking;
 * Opvolging; Reflectie; Retention defaults), on hand-written cases: no store and no service, each test
 * builds its own case and context, so a mutation run on handlers.ts attributes each test to the code it
 * reaches and runs in milliseconds. Every expected value is written out from the rule, never computed by
 * the code under test. Through the service and the store, the same rules are tested by tests/scenarios.
 */
import { DEFAULT_PROCESS_CONFIG } from '../../src/core/config';
import { DomainError } from '../../src/core/errors';
import type { HandlerContext } from '../../src/core/handlers';
import {
  answerEnrichment,
  closeCase,
  concludeEnrichment,
  decideSuspicion,
  generateLetter,
  linkCases,
  recordDiscussion,
  recordFollowUp,
  recordResidentInformed,
  requestEnrichment,
  supplyIdentity,
  unlinkCases,
  updateActionStatus,
  withdrawCase,
} from '../../src/core/handlers';
import type { CaseRecord, EnrichmentRequest, Organisation, Phase, User } from '../../src/core/model';
import { seedReferenceData } from '../../src/core/reference-data';
import type { CommandName } from '../../src/core/phases';
import type { CommandInput } from '../../src/core/schemas';

const NOW = '2026-05-20T10:00:00.000Z';
const TODAY = '2026-05-20';
const regisseur: User = { id: 'regisseur@gemeente.demo', organisationId: 'gemeente', roles: ['procesregisseur'] };
const agent: User = { id: 'wijkagent@politie.demo', organisationId: 'politie', roles: ['partner'] };
const member = (id: string): Organisation => ({ id, name: id, type: id, joinedOn: '2025-01-01' });
/** school, politie, wijkteam, jongerenwerk are members; `oud` left the protocol on 2026-01-01. */
const ORGANISATIONS = (): Map<string, Organisation> =>
  new Map([...['school', 'politie', 'wijkteam', 'jongerenwerk', 'gemeente'].map((id) => [id, member(id)] as const), ['oud', { ...member('oud'), leftOn: '2026-01-01' }]]);

function ctx(actor: User = regisseur, role: HandlerContext['role'] = 'procesregisseur'): HandlerContext {
  let n = 0;
  return { now: NOW, today: TODAY, actor, role, config: DEFAULT_PROCESS_CONFIG, organisations: ORGANISATIONS(), newId: () => `action-${++n}` };
}

const input = <N extends CommandName>(_name: N, x: Record<string, unknown>): CommandInput<N> => x as unknown as CommandInput<N>;

/** A case brought in by the school, in `phase`; identity captured on 2026-05-05 from Verrijking on. */
function caseIn(phase: Phase): CaseRecord {
  const identified = phase !== 'INBRENG';
  return {
    id: 'case-1',
    version: 3,
    frame: {
      reference: 'SJV-2026-0001',
      phase,
      createdAt: '2026-05-01T09:00:00.000Z',
      phaseSince: '2026-05-04T09:00:00.000Z',
      inbrengerOrganisationId: 'school',
      inbrengerUserId: 'mentor@school.demo',
      decisions: [],
      transitions: [],
      ...(identified ? { identityCapturedAt: '2026-05-05T12:00:00.000Z' } : {}),
      catalogueVersion: 1,
    },
    concern: { ageBand: '13-15', riskSignals: ['GELD'], protectiveFactors: [], forms: [], registrationsBand: '0', urgency: 'normal', freeText: '' },
    ...(identified ? { identity: { name: 'Mila Jansen', dateOfBirth: '2011-05-04' } } : {}),
    enrichment: { requests: [] },
    reflection: { lettersSent: [] },
  };
}

const request = (organisationId: string, r: Partial<EnrichmentRequest> = {}): EnrichmentRequest => ({ organisationId, requestedAt: '2026-05-06T09:00:00.000Z', dueOn: '2026-05-27', status: 'open', ...r });

/** The refusal a handler throws: its stable code and details. */
function refusal(fn: () => unknown): { code: string; details: unknown } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, details: e.details };
    throw e;
  }
  throw new Error('expected a refusal, the command succeeded');
}

describe('Inbreng: the table decides whether there is a reasonable suspicion', () => {
  test('a suspicion moves the case to Verrijking; decision and transition record actor, role, time and rationale, and the AVE level is kept', () => {
    const r = caseIn('INBRENG');
    const out = decideSuspicion(r, input('decideSuspicion', { suspicion: true, rationale: 'werving zichtbaar', aveLevel: '2' }), ctx());
    expect(out.outcome).toBe('VERRIJKING');
    expect(r.frame.phase).toBe('VERRIJKING');
    expect(r.frame.phaseSince).toBe(NOW);
    expect(r.frame.aveLevel).toBe('2');
    expect(r.frame.decisions).toEqual([{ kind: 'SUSPICION', outcome: 'YES', rationale: 'werving zichtbaar', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
    expect(r.frame.transitions).toEqual([{ from: 'INBRENG', to: 'VERRIJKING', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur', command: 'decideSuspicion', rationale: 'werving zichtbaar' }]);
    expect(r.frame.exit).toBeUndefined();
  });

  test('without an AVE level in the decision, none is invented', () => {
    const r = caseIn('INBRENG');
    decideSuspicion(r, input('decideSuspicion', { suspicion: true, rationale: 'werving' }), ctx());
    expect('aveLevel' in r.frame).toBe(false);
  });

  test('no suspicion closes the case in Inbreng with the advised route; the free text goes 90 days after closure', () => {
    const r = caseIn('INBRENG');
    const out = decideSuspicion(r, input('decideSuspicion', { suspicion: false, rationale: 'geen signalen', advisedRoute: 'WIJKTEAM' }), ctx());
    expect(out).toMatchObject({ outcome: 'NO_SUSPICION', advisedRoute: 'WIJKTEAM' });
    expect(r.frame.phase).toBe('CLOSED');
    expect(r.frame.decisions[0]).toMatchObject({ kind: 'SUSPICION', outcome: 'NO' });
    expect(r.frame.exit).toEqual({ reason: 'NO_SUSPICION', advisedRoute: 'WIJKTEAM', rationale: 'geen signalen', closedInPhase: 'INBRENG' });
    expect(r.frame.closedAt).toBe(NOW);
    expect(r.frame.retentionUntil).toBe('2026-08-18'); // 2026-05-20 + 90 days
    expect(r.frame.retentionAtLatest).toBe('2026-08-18');
    expect(r.reflection).toMatchObject({ closureReason: 'NO_SUSPICION', feedbackSentAt: NOW, retentionUntil: '2026-08-18' });
  });

  test('no suspicion and no advised route: the route is "no action"', () => {
    const r = caseIn('INBRENG');
    expect(decideSuspicion(r, input('decideSuspicion', { suspicion: false, rationale: 'geen signalen' }), ctx()).advisedRoute).toBe('GEEN_ACTIE');
    expect(r.frame.exit?.advisedRoute).toBe('GEEN_ACTIE');
  });
});

describe('Verrijking: eligibility is checked when the identity is supplied (age ≤ 23 on the day of registration, 0–2 registrations)', () => {
  function verrijkingWithoutIdentity(): CaseRecord {
    const r = caseIn('VERRIJKING');
    delete r.identity;
    delete r.frame.identityCapturedAt;
    return r;
  }

  test('23 on the day of registration (24 tomorrow): eligible; name and date of birth stored, the capture time recorded', () => {
    const r = verrijkingWithoutIdentity();
    const out = supplyIdentity(r, input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: '2002-05-21' }), ctx());
    expect(out.outcome).toBe('ELIGIBLE');
    expect(r.identity).toEqual({ name: 'Mila Jansen', dateOfBirth: '2002-05-21' });
    expect(r.frame.identityCapturedAt).toBe(NOW);
    expect(r.frame.decisions).toEqual([{ kind: 'ELIGIBILITY', outcome: 'ELIGIBLE', rationale: '', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
    expect(r.frame.phase).toBe('VERRIJKING');
  });

  test('24 on the day of registration: not eligible; the case closes in Verrijking with the advised route, the identity is not stored, data goes 4 weeks after closure', () => {
    const r = verrijkingWithoutIdentity();
    const out = supplyIdentity(r, input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: '2002-05-20' }), ctx());
    expect(out).toMatchObject({ outcome: 'AGE_OVER_23', advisedRoute: 'WIJKTEAM' });
    expect(r.identity).toBeUndefined();
    expect(r.frame.identityCapturedAt).toBeUndefined();
    expect(JSON.stringify(r)).not.toContain('Mila');
    // a coded outcome only: no free text with it
    expect(r.frame.decisions).toEqual([{ kind: 'ELIGIBILITY', outcome: 'AGE_OVER_23', rationale: '', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
    expect(r.frame.exit).toEqual({ reason: 'AGE_OVER_23', advisedRoute: 'WIJKTEAM', rationale: '', closedInPhase: 'VERRIJKING' });
    expect(r.frame.retentionUntil).toBe('2026-06-17'); // 2026-05-20 + 28 days
  });

  test('more than 2 registrations, supplied with the identity: not eligible, advised route PGA', () => {
    const r = verrijkingWithoutIdentity();
    const out = supplyIdentity(r, input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: '2011-05-04', registrationsBand: '>2' }), ctx());
    expect(out).toMatchObject({ outcome: 'TOO_MANY_REGISTRATIONS', advisedRoute: 'PGA' });
    expect(r.concern.registrationsBand).toBe('>2');
    expect(r.identity).toBeUndefined();
  });

  test('2 registrations: eligible, and the band supplied with the identity replaces the one of the concern', () => {
    const r = verrijkingWithoutIdentity();
    expect(supplyIdentity(r, input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: '2011-05-04', registrationsBand: '2' }), ctx()).outcome).toBe('ELIGIBLE');
    expect(r.concern.registrationsBand).toBe('2');
  });

  test('without a band in the identity, the band of the concern counts (here >2: not eligible)', () => {
    const r = verrijkingWithoutIdentity();
    r.concern.registrationsBand = '>2';
    expect(supplyIdentity(r, input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: '2011-05-04' }), ctx()).outcome).toBe('TOO_MANY_REGISTRATIONS');
  });

  test('a date of birth in the future is refused; the identity is supplied once only', () => {
    expect(refusal(() => supplyIdentity(verrijkingWithoutIdentity(), input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: '2026-05-21' }), ctx()))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      details: { fields: [{ path: 'dateOfBirth', issue: 'IN_FUTURE' }] },
    });
    expect(supplyIdentity(verrijkingWithoutIdentity(), input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: TODAY }), ctx()).outcome).toBe('ELIGIBLE');
    expect(refusal(() => supplyIdentity(caseIn('VERRIJKING'), input('supplyIdentity', { name: 'Mila Jansen', dateOfBirth: '2011-05-04' }), ctx()))).toEqual({
      code: 'CASE.PRECONDITION_FAILED',
      details: { reason: 'IDENTITY_ALREADY_SUPPLIED' },
    });
  });
});

describe('Verrijking: the resident is informed within one month of the identity capture; a deferral needs a reason and a date', () => {
  test('informing recorded on a day from the capture day up to today', () => {
    for (const day of ['2026-05-05', TODAY]) {
      const r = caseIn('VERRIJKING');
      expect(recordResidentInformed(r, input('recordResidentInformed', { informedOn: day }), ctx()).outcome).toBe('INFORMED');
      expect(r.frame.informedOn).toBe(day);
    }
  });

  test('informing before the capture day or after today is refused', () => {
    for (const day of ['2026-05-04', '2026-05-21']) {
      expect(refusal(() => recordResidentInformed(caseIn('VERRIJKING'), input('recordResidentInformed', { informedOn: day }), ctx()))).toEqual({
        code: 'VALIDATION.INVALID_INPUT',
        details: { fields: [{ path: 'informedOn', issue: 'OUT_OF_RANGE' }] },
      });
    }
  });

  test('without a captured identity there is no one to inform', () => {
    expect(refusal(() => recordResidentInformed(caseIn('INBRENG'), input('recordResidentInformed', { informedOn: TODAY }), ctx()))).toEqual({
      code: 'CASE.PRECONDITION_FAILED',
      details: { reason: 'IDENTITY_MISSING' },
    });
  });

  test('a deferral up to one month after the capture day is recorded with its reason and date', () => {
    const r = caseIn('VERRIJKING');
    expect(recordResidentInformed(r, input('recordResidentInformed', { deferral: { reason: 'lopend onderzoek', until: '2026-06-05' } }), ctx()).outcome).toBe('DEFERRED');
    expect(r.frame.informingDeferral).toEqual({ reason: 'lopend onderzoek', until: '2026-06-05' });
    expect(r.frame.informedOn).toBeUndefined();
  });

  test('a deferral beyond one month after the capture day is too long; one until today is not in the future', () => {
    expect(refusal(() => recordResidentInformed(caseIn('VERRIJKING'), input('recordResidentInformed', { deferral: { reason: 'onderzoek', until: '2026-06-06' } }), ctx()))).toEqual({
      code: 'INFORMING.DEFERRAL_TOO_LONG',
      details: { fields: [{ path: 'deferral.until', issue: 'AFTER_DEADLINE' }] },
    });
    expect(refusal(() => recordResidentInformed(caseIn('VERRIJKING'), input('recordResidentInformed', { deferral: { reason: 'onderzoek', until: TODAY } }), ctx()))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      details: { fields: [{ path: 'deferral.until', issue: 'NOT_IN_FUTURE' }] },
    });
    const r = caseIn('VERRIJKING');
    recordResidentInformed(r, input('recordResidentInformed', { deferral: { reason: 'onderzoek', until: '2026-05-21' } }), ctx());
    expect(r.frame.informingDeferral?.until).toBe('2026-05-21');
  });
});

describe('Verrijking: name, date of birth and signals are shared with selected member partners, each asked once', () => {
  test('one open request per organisation (a repeated one counts once), the sharing audited as an export of C and B', () => {
    const r = caseIn('VERRIJKING');
    const out = requestEnrichment(r, input('requestEnrichment', { organisationIds: ['politie', 'wijkteam', 'politie'], dueOn: '2026-05-27' }), ctx());
    expect(out.outcome).toBe('REQUESTED');
    expect(r.enrichment.requests).toEqual([
      { organisationId: 'politie', requestedAt: NOW, dueOn: '2026-05-27', status: 'open' },
      { organisationId: 'wijkteam', requestedAt: NOW, dueOn: '2026-05-27', status: 'open' },
    ]);
    expect(out.extraAudit).toEqual([{ action: 'export', groups: ['C', 'B'], purpose: expect.stringContaining('politie, wijkteam') }]);
  });

  test('an organisation that left the protocol is asked nothing, and the refusal names its place in the list', () => {
    const r = caseIn('VERRIJKING');
    expect(refusal(() => requestEnrichment(r, input('requestEnrichment', { organisationIds: ['politie', 'oud'], dueOn: '2026-05-27' }), ctx()))).toEqual({
      code: 'CASE.PRECONDITION_FAILED',
      details: { reason: 'ORGANISATION_NOT_MEMBER', fields: [{ path: 'organisationIds.1', issue: 'NOT_A_MEMBER' }] },
    });
    expect(r.enrichment.requests).toEqual([]);
  });

  test('an organisation already asked is not asked again; the due day must lie after today; no identity, nothing to share', () => {
    const asked = caseIn('VERRIJKING');
    asked.enrichment.requests.push(request('politie', { status: 'answered' }));
    expect(refusal(() => requestEnrichment(asked, input('requestEnrichment', { organisationIds: ['wijkteam', 'politie'], dueOn: '2026-05-27' }), ctx()))).toEqual({
      code: 'ENRICHMENT.ALREADY_REQUESTED',
      details: { organisationId: 'politie' },
    });
    expect(asked.enrichment.requests).toHaveLength(1);
    expect(refusal(() => requestEnrichment(caseIn('VERRIJKING'), input('requestEnrichment', { organisationIds: ['politie'], dueOn: TODAY }), ctx()))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      details: { fields: [{ path: 'dueOn', issue: 'NOT_IN_FUTURE' }] },
    });
    expect(refusal(() => requestEnrichment(caseIn('INBRENG'), input('requestEnrichment', { organisationIds: ['politie'], dueOn: '2026-05-27' }), ctx())).details).toEqual({ reason: 'IDENTITY_MISSING' });
  });
});

describe('Verrijking: each partner answers its own open request: known with risk signals (which), or not known', () => {
  test('known with signals: the answer, its time and who gave it are recorded on the own request only', () => {
    const r = caseIn('VERRIJKING');
    r.enrichment.requests.push(request('wijkteam'), request('politie'));
    expect(answerEnrichment(r, input('answerEnrichment', { known: true, signals: ['GELD', 'WAPEN'] }), ctx(agent, 'ketenpartner')).outcome).toBe('KNOWN');
    expect(r.enrichment.requests).toEqual([
      request('wijkteam'),
      request('politie', { status: 'answered', answer: { known: true, signals: ['GELD', 'WAPEN'], answeredAt: NOW, answeredBy: 'wijkagent@politie.demo' } }),
    ]);
  });

  test('not known: no signals can come with it', () => {
    const r = caseIn('VERRIJKING');
    r.enrichment.requests.push(request('politie'));
    expect(answerEnrichment(r, input('answerEnrichment', { known: false, signals: [] }), ctx(agent, 'ketenpartner')).outcome).toBe('NOT_KNOWN');
    expect(r.enrichment.requests[0]?.answer).toEqual({ known: false, signals: [], answeredAt: NOW, answeredBy: 'wijkagent@politie.demo' });
    const s = caseIn('VERRIJKING');
    s.enrichment.requests.push(request('politie'));
    expect(refusal(() => answerEnrichment(s, input('answerEnrichment', { known: false, signals: ['GELD'] }), ctx(agent, 'ketenpartner')))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      details: { fields: [{ path: 'signals', issue: 'ONLY_WHEN_KNOWN' }] },
    });
  });

  test("no open request of the partner's own organisation (another's open one, or its own already answered): nothing to answer", () => {
    const r = caseIn('VERRIJKING');
    r.enrichment.requests.push(request('wijkteam'), request('politie', { status: 'answered' }));
    expect(refusal(() => answerEnrichment(r, input('answerEnrichment', { known: true, signals: ['GELD'] }), ctx(agent, 'ketenpartner'))).code).toBe('ENRICHMENT.NOT_OPEN');
  });
});

describe('Verrijking ends: to Bespreking only when at least one OTHER partner confirmed signals; otherwise closed with an advice', () => {
  const answered = (organisationId: string, known: boolean, signals: string[]): EnrichmentRequest =>
    request(organisationId, { status: 'answered', answer: { known, signals, answeredAt: NOW, answeredBy: `x@${organisationId}.demo` } });

  test("the police confirmed signals: Bespreking, the decision recorded, the wijkteam's still open request closed", () => {
    const r = caseIn('VERRIJKING');
    r.enrichment.requests.push(answered('politie', true, ['GELD']), request('wijkteam'));
    expect(concludeEnrichment(r, input('concludeEnrichment', { rationale: 'bevestigd' }), ctx()).outcome).toBe('BESPREKING');
    expect(r.frame.phase).toBe('BESPREKING');
    expect(r.frame.decisions).toEqual([{ kind: 'ENRICHMENT_CONCLUSION', outcome: 'CONFIRMED', rationale: 'bevestigd', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
    expect(r.frame.transitions[0]).toMatchObject({ from: 'VERRIJKING', to: 'BESPREKING', command: 'concludeEnrichment', rationale: 'bevestigd' });
    expect(r.enrichment.requests.map((q) => q.status)).toEqual(['answered', 'closed']);
  });

  test('a confirmation without a rationale records an empty one', () => {
    const r = caseIn('VERRIJKING');
    r.enrichment.requests.push(answered('politie', true, ['GELD']));
    concludeEnrichment(r, input('concludeEnrichment', {}), ctx());
    expect(r.frame.decisions[0]?.rationale).toBe('');
    expect(r.frame.transitions[0]?.rationale).toBe('');
  });

  test("the inbrenger's own organisation confirming, or a partner knowing the young person without signals, is no confirmation: closed as not confirmed with the advice", () => {
    const r = caseIn('VERRIJKING');
    r.enrichment.requests.push(answered('school', true, ['GELD']), answered('politie', true, []), request('wijkteam'));
    const out = concludeEnrichment(r, input('concludeEnrichment', { advisedRoute: 'WIJKTEAM', rationale: 'niet bevestigd' }), ctx());
    expect(out).toMatchObject({ outcome: 'NOT_CONFIRMED', advisedRoute: 'WIJKTEAM' });
    expect(r.frame.phase).toBe('CLOSED');
    expect(r.frame.decisions[0]).toMatchObject({ kind: 'ENRICHMENT_CONCLUSION', outcome: 'NOT_CONFIRMED', rationale: 'niet bevestigd' });
    expect(r.frame.exit).toEqual({ reason: 'NOT_CONFIRMED', advisedRoute: 'WIJKTEAM', rationale: 'niet bevestigd', closedInPhase: 'VERRIJKING' });
    expect(r.enrichment.requests.map((q) => q.status)).toEqual(['answered', 'answered', 'closed']);
    expect(r.frame.retentionUntil).toBe('2026-06-17');
  });

  test('not confirmed without an advised route or without a rationale: the missing one is named', () => {
    expect(refusal(() => concludeEnrichment(caseIn('VERRIJKING'), input('concludeEnrichment', { rationale: 'niets' }), ctx()))).toEqual({
      code: 'CASE.ADVICE_REQUIRED',
      details: { fields: [{ path: 'advisedRoute', issue: 'REQUIRED' }] },
    });
    expect(refusal(() => concludeEnrichment(caseIn('VERRIJKING'), input('concludeEnrichment', { advisedRoute: 'WIJKTEAM' }), ctx()))).toEqual({
      code: 'CASE.ADVICE_REQUIRED',
      details: { fields: [{ path: 'rationale', issue: 'REQUIRED' }] },
    });
  });

  test('no identity: nothing was enriched', () => {
    expect(refusal(() => concludeEnrichment(caseIn('INBRENG'), input('concludeEnrichment', {}), ctx())).details).toEqual({ reason: 'IDENTITY_MISSING' });
  });
});

describe('Bespreking: life domains, member parties and a lead partner among them; contact details for the lead partner', () => {
  const discussion = (x: Record<string, unknown> = {}) =>
    input('recordDiscussion', { lifeDomains: { school: 'concerning' }, parties: ['school', 'politie', 'school'], interventions: ['STOPGESPREK'], followUpOptions: ['MENTORGESPREK'], notes: 'n', complete: false, ...x });

  test('saved without completing: the discussion kept (each party once), the case stays in Bespreking', () => {
    const r = caseIn('BESPREKING');
    const out = recordDiscussion(r, discussion(), ctx());
    expect(out).toEqual({ record: r, outcome: 'SAVED' });
    expect(r.discussion).toStrictEqual({ lifeDomains: { school: 'concerning' }, parties: ['school', 'politie'], interventions: ['STOPGESPREK'], followUpOptions: ['MENTORGESPREK'], notes: 'n' });
    expect(r.frame.phase).toBe('BESPREKING');
    expect(r.contact).toBeUndefined();
  });

  test('completed with a lead partner: Opvolging, the completion time and the decision recorded; contact details added (their F audit row is the command table\'s alsoWrites, tests/core/also-writes.test.ts)', () => {
    const r = caseIn('BESPREKING');
    r.contact = { phone: '0612345678' };
    const out = recordDiscussion(r, discussion({ leadOrganisationId: 'politie', complete: true, contact: { email: 'a@example.nl' } }), ctx());
    expect(out.outcome).toBe('OPVOLGING');
    expect(r.contact).toEqual({ phone: '0612345678', email: 'a@example.nl' });
    expect(r.discussion).toMatchObject({ leadOrganisationId: 'politie', completedAt: NOW });
    expect(r.frame.phase).toBe('OPVOLGING');
    expect(r.frame.decisions).toEqual([{ kind: 'DISCUSSION', outcome: 'LEAD_PARTNER_SET', rationale: '', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
    expect(r.frame.transitions).toEqual([{ from: 'BESPREKING', to: 'OPVOLGING', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur', command: 'recordDiscussion', rationale: '' }]);
  });

  test('the lead partner must be one of the parties; completing needs one; every party must be a member', () => {
    expect(refusal(() => recordDiscussion(caseIn('BESPREKING'), discussion({ leadOrganisationId: 'wijkteam' }), ctx()))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      details: { fields: [{ path: 'leadOrganisationId', issue: 'NOT_A_PARTY' }] },
    });
    expect(refusal(() => recordDiscussion(caseIn('BESPREKING'), discussion({ complete: true }), ctx()))).toEqual({
      code: 'CASE.PRECONDITION_FAILED',
      details: { reason: 'LEAD_PARTNER_REQUIRED', fields: [{ path: 'leadOrganisationId', issue: 'REQUIRED' }] },
    });
    expect(refusal(() => recordDiscussion(caseIn('BESPREKING'), discussion({ parties: ['school', 'oud'] }), ctx())).details).toEqual({
      reason: 'ORGANISATION_NOT_MEMBER',
      fields: [{ path: 'parties.1', issue: 'NOT_A_MEMBER' }],
    });
  });
});

describe('Opvolging: agreed actions at process level, by member organisations with an offer they provide (sociale kaart)', () => {
  const followUp = (x: Record<string, unknown> = {}) => input('recordFollowUp', { actions: [{ offerCode: 'STOPGESPREK', organisationId: 'politie', dueOn: '2026-06-30' }], residentStance: 'agrees', complete: false, ...x });

  test('saved: each action planned with a new id, the stance recorded, the case stays in Opvolging', () => {
    const r = caseIn('OPVOLGING');
    expect(recordFollowUp(r, followUp(), ctx()).outcome).toBe('SAVED');
    expect(r.followUp).toStrictEqual({ actions: [{ id: 'action-1', offerCode: 'STOPGESPREK', organisationId: 'politie', dueOn: '2026-06-30', status: 'planned' }], residentStance: 'agrees' });
    expect(r.frame.phase).toBe('OPVOLGING');
  });

  test('completed with an action: Reflectie, the completion time and the stance as the decision', () => {
    const r = caseIn('OPVOLGING');
    expect(recordFollowUp(r, followUp({ complete: true }), ctx()).outcome).toBe('REFLECTIE');
    expect(r.followUp?.completedAt).toBe(NOW);
    expect(r.frame.phase).toBe('REFLECTIE');
    expect(r.frame.decisions).toEqual([{ kind: 'FOLLOW_UP', outcome: 'agrees', rationale: '', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
    expect(r.frame.transitions).toEqual([{ from: 'OPVOLGING', to: 'REFLECTIE', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur', command: 'recordFollowUp', rationale: '' }]);
  });

  test('completing without any action is refused', () => {
    expect(refusal(() => recordFollowUp(caseIn('OPVOLGING'), followUp({ actions: [], complete: true }), ctx()))).toEqual({
      code: 'CASE.PRECONDITION_FAILED',
      details: { reason: 'ACTION_REQUIRED', fields: [{ path: 'actions', issue: 'REQUIRED' }] },
    });
  });

  test('an unknown organisation, one that left the protocol, or an offer the organisation does not provide is refused, naming the action', () => {
    const second = (a: Record<string, unknown>) => followUp({ actions: [{ offerCode: 'STOPGESPREK', organisationId: 'politie', dueOn: '2026-06-30' }, { dueOn: '2026-06-30', ...a }] });
    expect(refusal(() => recordFollowUp(caseIn('OPVOLGING'), second({ offerCode: 'STOPGESPREK', organisationId: 'nergens' }), ctx()))).toEqual({
      code: 'VALIDATION.INVALID_INPUT',
      details: { fields: [{ path: 'actions.1.organisationId', issue: 'UNKNOWN_ORGANISATION' }] },
    });
    expect(refusal(() => recordFollowUp(caseIn('OPVOLGING'), second({ offerCode: 'STOPGESPREK', organisationId: 'oud' }), ctx())).details).toEqual({
      reason: 'ORGANISATION_NOT_MEMBER',
      fields: [{ path: 'actions.1.organisationId', issue: 'NOT_A_MEMBER' }],
    });
    expect(refusal(() => recordFollowUp(caseIn('OPVOLGING'), second({ offerCode: 'STOPGESPREK', organisationId: 'wijkteam' }), ctx()))).toEqual({
      code: 'FOLLOW_UP.OFFER_NOT_PROVIDED',
      details: { fields: [{ path: 'actions.1.offerCode', issue: 'NOT_PROVIDED_BY_ORGANISATION' }] },
    });
  });

  test('an organisation the registry of the sociale kaart (ADR 0017) lists only from a later day is refused, although it is a member today', () => {
    const reference = seedReferenceData([...ORGANISATIONS().values()]);
    reference.registry = reference.registry.map((r) => (r.organisationId === 'politie' ? { ...r, joinedOn: '2026-06-01' } : r));
    expect(refusal(() => recordFollowUp(caseIn('OPVOLGING'), followUp(), { ...ctx(), reference }))).toEqual({
      code: 'CASE.PRECONDITION_FAILED',
      details: { reason: 'ORGANISATION_NOT_MEMBER', fields: [{ path: 'actions.0.organisationId', issue: 'NOT_A_MEMBER' }] },
    });
  });

  test("an action's status is updated by its id, with its outcome when one is given; an unknown id is refused", () => {
    const r = caseIn('REFLECTIE');
    r.followUp = { actions: [{ id: 'a1', offerCode: 'STOPGESPREK', organisationId: 'politie', dueOn: '2026-06-30', status: 'planned', outcome: 'eerder' }], residentStance: 'agrees' };
    expect(updateActionStatus(r, input('updateActionStatus', { actionId: 'a1', status: 'running' }), ctx()).outcome).toBe('running');
    expect(r.followUp.actions[0]).toMatchObject({ status: 'running', outcome: 'eerder' });
    updateActionStatus(r, input('updateActionStatus', { actionId: 'a1', status: 'done', outcome: 'gesprek gevoerd' }), ctx());
    expect(r.followUp.actions[0]).toMatchObject({ status: 'done', outcome: 'gesprek gevoerd' });
    expect(refusal(() => updateActionStatus(r, input('updateActionStatus', { actionId: 'a2', status: 'done' }), ctx()))).toEqual({
      code: 'CASE.PRECONDITION_FAILED',
      details: { reason: 'ACTION_NOT_FOUND', fields: [{ path: 'actionId', issue: 'NOT_FOUND' }] },
    });
  });
});

describe('Reflectie: closed when the follow-up happened and the informing is recorded (or why it could not be); withdrawal in every phase', () => {
  function reflectie(status: 'planned' | 'running' | 'done' | 'cancelled', informed: boolean): CaseRecord {
    const r = caseIn('REFLECTIE');
    r.followUp = { actions: [{ id: 'a1', offerCode: 'STOPGESPREK', organisationId: 'politie', dueOn: '2026-06-30', status }], residentStance: 'agrees' };
    if (informed) r.frame.informedOn = '2026-05-10';
    r.enrichment.requests.push(request('wijkteam'));
    return r;
  }
  const closing = (x: Record<string, unknown> = {}) => input('closeCase', { rationale: 'hulp loopt via wijkteam', advisedRoute: 'GEEN_ACTIE', ...x });

  test('an action done (or cancelled) and the resident informed: closed; data kept 24 months after closure, not past the 23rd birthday + 1 year', () => {
    for (const status of ['done', 'cancelled'] as const) {
      const r = reflectie(status, true);
      expect(closeCase(r, closing(), ctx())).toMatchObject({ outcome: 'CLOSED', advisedRoute: 'GEEN_ACTIE' });
      expect(r.frame.phase).toBe('CLOSED');
      expect(r.frame.exit).toEqual({ reason: 'FOLLOW_UP_DONE', advisedRoute: 'GEEN_ACTIE', rationale: 'hulp loopt via wijkteam', closedInPhase: 'REFLECTIE' });
      expect(r.frame.decisions).toEqual([{ kind: 'CLOSURE', outcome: 'FOLLOW_UP_DONE', rationale: 'hulp loopt via wijkteam', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
      expect(r.reflection).toMatchObject({ rationale: 'hulp loopt via wijkteam', closureReason: 'FOLLOW_UP_DONE', feedbackSentAt: NOW, retentionUntil: '2028-05-20' });
      expect(r.reflection.notInformedReason).toBeUndefined();
      expect(r.frame.retentionUntil).toBe('2028-05-20'); // born 2011: 24 months after closure comes first
      expect(r.enrichment.requests[0]?.status).toBe('closed');
    }
  });

  test('a resident of 22 at closure: the data goes on the 23rd birthday + 1 year, before 24 months have passed; the latest day from the closure alone', () => {
    const r = reflectie('done', true);
    r.identity = { name: 'Mila Jansen', dateOfBirth: '2004-01-10' };
    closeCase(r, closing(), ctx());
    expect(r.frame.retentionUntil).toBe('2028-01-10');
    expect(r.frame.retentionAtLatest).toBe('2028-05-20');
  });

  test('no action done or cancelled yet: not closed', () => {
    for (const status of ['planned', 'running'] as const) {
      expect(refusal(() => closeCase(reflectie(status, true), closing(), ctx()))).toEqual({
        code: 'CLOSURE.FOLLOW_UP_NOT_DONE',
        details: { fields: [{ path: 'followUp.actions', issue: 'NONE_DONE_OR_CANCELLED' }] },
      });
    }
    const none = caseIn('REFLECTIE');
    expect(refusal(() => closeCase(none, closing(), ctx())).code).toBe('CLOSURE.FOLLOW_UP_NOT_DONE');
  });

  test('not informed and no reason why: not closed; with the reason: closed and the reason kept; once informed a reason is not kept', () => {
    expect(refusal(() => closeCase(reflectie('done', false), closing(), ctx()))).toEqual({
      code: 'CLOSURE.INFORMING_NOT_RECORDED',
      details: { fields: [{ path: 'notInformedReason', issue: 'REQUIRED' }] },
    });
    const withReason = reflectie('done', false);
    closeCase(withReason, closing({ notInformedReason: 'onbereikbaar' }), ctx());
    expect(withReason.reflection.notInformedReason).toBe('onbereikbaar');
    const informed = reflectie('done', true);
    closeCase(informed, closing({ notInformedReason: 'onbereikbaar' }), ctx());
    expect(informed.reflection.notInformedReason).toBeUndefined();
  });

  test('a case in which no identity was ever captured needs no informing to close', () => {
    const r = reflectie('done', false);
    delete r.frame.identityCapturedAt;
    expect(closeCase(r, closing(), ctx()).outcome).toBe('CLOSED');
  });

  test('withdrawn: closed in the phase it was in, with the decision and the advised route', () => {
    const r = caseIn('BESPREKING');
    expect(withdrawCase(r, input('withdrawCase', { rationale: 'verhuisd', advisedRoute: 'WIJKTEAM' }), ctx())).toMatchObject({ outcome: 'WITHDRAWN', advisedRoute: 'WIJKTEAM' });
    expect(r.frame.decisions).toEqual([{ kind: 'WITHDRAWAL', outcome: 'WITHDRAWN', rationale: 'verhuisd', at: NOW, actorId: 'regisseur@gemeente.demo', role: 'procesregisseur' }]);
    expect(r.frame.exit).toEqual({ reason: 'WITHDRAWN', advisedRoute: 'WIJKTEAM', rationale: 'verhuisd', closedInPhase: 'BESPREKING' });
    expect(r.frame.transitions[0]).toMatchObject({ from: 'BESPREKING', to: 'CLOSED', command: 'withdrawCase' });
  });

  test('a command cannot move a case along an edge the phase diagram does not have', () => {
    const r = caseIn('VERRIJKING');
    expect(refusal(() => decideSuspicion(r, input('decideSuspicion', { suspicion: true, rationale: 'x' }), ctx()))).toEqual({
      code: 'CASE.TRANSITION_NOT_ALLOWED',
      details: { reason: 'VERRIJKING->VERRIJKING' },
    });
  });
});

describe('Letters to the resident (PROCESS.md "Letters and messages"): recorded as sent with kind, time and sender, each kind in its own phases', () => {
  const closed = (): CaseRecord => {
    const record = caseIn('CLOSED');
    record.frame.closedAt = '2026-05-19T09:00:00.000Z';
    record.frame.retentionUntil = '2028-05-19';
    record.frame.exit = { reason: 'FOLLOW_UP_DONE', advisedRoute: 'NONE', rationale: '', closedInPhase: 'REFLECTIE' };
    return record;
  };
  const shared = (phase: Phase): CaseRecord => {
    const record = caseIn(phase);
    record.enrichment.requests.push(request('politie'));
    return record;
  };

  it('the information letter from Verrijking on, once something was shared, is recorded as sent: INFORMATION, now, by the procesregisseur', () => {
    for (const phase of ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'] as const) {
      const record = shared(phase);
      const out = generateLetter(record, input('generateLetter', { kind: 'information' }), ctx());
      expect({ phase, outcome: out.outcome, sent: record.reflection.lettersSent }).toEqual({ phase, outcome: 'INFORMATION', sent: [{ kind: 'INFORMATION', at: NOW, by: 'regisseur@gemeente.demo' }] });
    }
  });
  it('the information letter before anything was shared is refused (NOTHING_SHARED_YET), and nothing is recorded', () => {
    const record = caseIn('VERRIJKING');
    expect(refusal(() => generateLetter(record, input('generateLetter', { kind: 'information' }), ctx()))).toEqual({ code: 'CASE.PRECONDITION_FAILED', details: { reason: 'NOTHING_SHARED_YET' } });
    expect(record.reflection.lettersSent).toEqual([]);
  });
  it('the invitation to the signaaloverleg in Bespreking and Opvolging, also when nothing was shared', () => {
    for (const phase of ['BESPREKING', 'OPVOLGING'] as const) {
      const record = caseIn(phase);
      expect(generateLetter(record, input('generateLetter', { kind: 'invitation' }), ctx()).outcome).toBe('INVITATION');
      expect(record.reflection.lettersSent).toEqual([{ kind: 'INVITATION', at: NOW, by: 'regisseur@gemeente.demo' }]);
    }
  });
  it('a letter outside its phases is refused (LETTER_NOT_IN_PHASE): information in Inbreng or Closed, invitation in Verrijking, closure before Closed', () => {
    const notInPhase = { code: 'CASE.PRECONDITION_FAILED', details: { reason: 'LETTER_NOT_IN_PHASE' } };
    expect(refusal(() => generateLetter(caseIn('INBRENG'), input('generateLetter', { kind: 'information' }), ctx()))).toEqual(notInPhase);
    expect(refusal(() => generateLetter(shared('CLOSED'), input('generateLetter', { kind: 'information' }), ctx()))).toEqual(notInPhase);
    expect(refusal(() => generateLetter(shared('VERRIJKING'), input('generateLetter', { kind: 'invitation' }), ctx()))).toEqual(notInPhase);
    expect(refusal(() => generateLetter(shared('REFLECTIE'), input('generateLetter', { kind: 'closure' }), ctx()))).toEqual(notInPhase);
  });
  it('no letter to a resident whose identity is not known (IDENTITY_MISSING)', () => {
    const record = shared('VERRIJKING');
    delete record.identity;
    expect(refusal(() => generateLetter(record, input('generateLetter', { kind: 'information' }), ctx()))).toEqual({ code: 'CASE.PRECONDITION_FAILED', details: { reason: 'IDENTITY_MISSING' } });
    expect(record.reflection.lettersSent).toEqual([]);
  });
  it('the closure letter once the case is closed (closure date, retention date and exit recorded); without any of them it is refused (NOT_CLOSED)', () => {
    const record = closed();
    expect(generateLetter(record, input('generateLetter', { kind: 'closure' }), ctx()).outcome).toBe('CLOSURE');
    expect(record.reflection.lettersSent).toEqual([{ kind: 'CLOSURE', at: NOW, by: 'regisseur@gemeente.demo' }]);
    for (const field of ['closedAt', 'retentionUntil', 'exit'] as const) {
      const incomplete = closed();
      delete incomplete.frame[field];
      expect({ field, refused: refusal(() => generateLetter(incomplete, input('generateLetter', { kind: 'closure' }), ctx())) }).toEqual({ field, refused: { code: 'CASE.PRECONDITION_FAILED', details: { reason: 'NOT_CLOSED' } } });
    }
  });
});

describe('Links between two concerns (issue 16, ADR 0018): both cases hold the other kenmerk and the moment, nothing else of it', () => {
  /** A second concern of the same school, SJV-2026-0002. */
  const second = (organisationId = 'school'): CaseRecord => {
    const record = caseIn('INBRENG');
    record.id = 'case-2';
    record.frame.reference = 'SJV-2026-0002';
    record.frame.inbrengerOrganisationId = organisationId;
    return record;
  };
  const withOther = (other: CaseRecord): HandlerContext => ({ ...ctx(), other });
  const linkInput = input('linkCases', { linkedReference: 'SJV-2026-0002' });
  const unlinkInput = input('unlinkCases', { linkedReference: 'SJV-2026-0002' });

  it('a link is recorded on both cases: the other case id, its kenmerk and now', () => {
    const record = caseIn('VERRIJKING');
    const other = second();
    const out = linkCases(record, linkInput, withOther(other));
    expect({ outcome: out.outcome, other: out.other === other }).toEqual({ outcome: 'LINKED', other: true });
    expect(record.frame.links).toEqual([{ caseId: 'case-2', reference: 'SJV-2026-0002', linkedAt: NOW }]);
    expect(other.frame.links).toEqual([{ caseId: 'case-1', reference: 'SJV-2026-0001', linkedAt: NOW }]);
  });
  it('a new link is added after the links a case already has', () => {
    const record = caseIn('VERRIJKING');
    record.frame.links = [{ caseId: 'case-9', reference: 'SJV-2026-0009', linkedAt: '2026-05-10T09:00:00.000Z' }];
    const other = second();
    other.frame.links = [{ caseId: 'case-8', reference: 'SJV-2026-0008', linkedAt: '2026-05-11T09:00:00.000Z' }];
    linkCases(record, linkInput, withOther(other));
    expect(record.frame.links).toEqual([
      { caseId: 'case-9', reference: 'SJV-2026-0009', linkedAt: '2026-05-10T09:00:00.000Z' },
      { caseId: 'case-2', reference: 'SJV-2026-0002', linkedAt: NOW },
    ]);
    expect(other.frame.links).toEqual([
      { caseId: 'case-8', reference: 'SJV-2026-0008', linkedAt: '2026-05-11T09:00:00.000Z' },
      { caseId: 'case-1', reference: 'SJV-2026-0001', linkedAt: NOW },
    ]);
  });
  it('a case is not linked to itself (CASE.LINK_SELF at linkedReference), nor unlinked from itself', () => {
    const record = caseIn('VERRIJKING');
    expect(refusal(() => linkCases(record, linkInput, withOther(record)))).toEqual({ code: 'CASE.LINK_SELF', details: { fields: [{ path: 'linkedReference', issue: 'SELF' }] } });
    expect(refusal(() => unlinkCases(record, unlinkInput, withOther(record)))).toEqual({ code: 'CASE.LINK_SELF', details: { fields: [{ path: 'linkedReference', issue: 'SELF' }] } });
    expect(record.frame.links).toBeUndefined();
  });
  it("another organisation's concern is not linked (CASE.LINK_OTHER_ORGANISATION): the inbrenger would learn of it", () => {
    const record = caseIn('VERRIJKING');
    const other = second('politie');
    expect(refusal(() => linkCases(record, linkInput, withOther(other)))).toEqual({ code: 'CASE.LINK_OTHER_ORGANISATION', details: { fields: [{ path: 'linkedReference', issue: 'OTHER_ORGANISATION' }] } });
    expect([record.frame.links, other.frame.links]).toEqual([undefined, undefined]);
  });
  it('cases linked already, from either side, are not linked twice (CASE.ALREADY_LINKED)', () => {
    for (const side of ['record', 'other'] as const) {
      const record = caseIn('VERRIJKING');
      const other = second();
      const mine = side === 'record' ? record : other;
      const theirs = side === 'record' ? other : record;
      mine.frame.links = [{ caseId: theirs.id, reference: theirs.frame.reference, linkedAt: '2026-05-10T09:00:00.000Z' }];
      expect({ side, refusal: refusal(() => linkCases(record, linkInput, withOther(other))) }).toEqual({ side, refusal: { code: 'CASE.ALREADY_LINKED', details: { fields: [{ path: 'linkedReference', issue: 'ALREADY_LINKED' }] } } });
      expect(mine.frame.links).toHaveLength(1);
    }
  });
  it('unlinking removes the link from both cases and keeps their other links; a case left without links has none', () => {
    const record = caseIn('VERRIJKING');
    const other = second();
    linkCases(record, linkInput, withOther(other));
    other.frame.links!.unshift({ caseId: 'case-8', reference: 'SJV-2026-0008', linkedAt: '2026-05-11T09:00:00.000Z' });
    const out = unlinkCases(record, unlinkInput, withOther(other));
    expect({ outcome: out.outcome, other: out.other === other }).toEqual({ outcome: 'UNLINKED', other: true });
    expect('links' in record.frame).toBe(false);
    expect(other.frame.links).toEqual([{ caseId: 'case-8', reference: 'SJV-2026-0008', linkedAt: '2026-05-11T09:00:00.000Z' }]);
  });
  it('unlinking also works when only one side holds the link', () => {
    const record = caseIn('VERRIJKING');
    const other = second();
    other.frame.links = [{ caseId: 'case-1', reference: 'SJV-2026-0001', linkedAt: '2026-05-10T09:00:00.000Z' }];
    unlinkCases(record, unlinkInput, withOther(other));
    expect(['links' in record.frame, 'links' in other.frame]).toEqual([false, false]);
  });
  it('cases that are not linked are not unlinked (CASE.NOT_LINKED), and nothing changes', () => {
    const record = caseIn('VERRIJKING');
    record.frame.links = [{ caseId: 'case-9', reference: 'SJV-2026-0009', linkedAt: '2026-05-10T09:00:00.000Z' }];
    const other = second();
    expect(refusal(() => unlinkCases(record, unlinkInput, withOther(other)))).toEqual({ code: 'CASE.NOT_LINKED', details: { fields: [{ path: 'linkedReference', issue: 'NOT_LINKED' }] } });
    expect(record.frame.links).toEqual([{ caseId: 'case-9', reference: 'SJV-2026-0009', linkedAt: '2026-05-10T09:00:00.000Z' }]);
  });
  it('a link command without the other case is a programming error, not a refusal', () => {
    expect(() => linkCases(caseIn('VERRIJKING'), linkInput, ctx())).toThrow('a link command needs the other case');
    expect(() => unlinkCases(caseIn('VERRIJKING'), unlinkInput, ctx())).toThrow('a link command needs the other case');
  });
});
