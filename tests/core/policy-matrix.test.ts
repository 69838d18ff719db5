/**
 * The policy matrix: every cell of the specification, for a case in every phase (and every exit), for a
 * user in every role — and users holding several roles at once (an inbrenger whose organisation is a
 * party or the lead partner; a procesregisseur who is also voorzitter). The expected view is computed
 * here from the expected-access fixture (tests/spec/expected-access.ts, transcribed from
 * docs/process.md), never from POLICY — roles, conditions and projections are evaluated by this test's
 * own code, not by views.ts — so a wrong cell of POLICY, or a bug in rolesFor, contextFor,
 * effectiveAccess or the projections, fails here. The views come through the service (getCase), as a
 * client receives them, and each read of C–G must leave an audit row naming a role that grants it.
 *
 * Each test builds its own world and case (no beforeAll), so that mutation testing can tell which test
 * covers which code.
 */
import type { SpecCell, SpecGroup, SpecPhase, SpecRole } from '../spec/expected-access';
import { EXPECTED_ACCESS, SPEC_GROUPS, SPEC_PHASES, SPEC_ROLES } from '../spec/expected-access';
import type { CaseRecord, DataGroup, Organisation, Phase, Role, User } from '../../src/core/model';
import { DATA_GROUPS, GROUP_FIELD, PERSONAL_GROUPS, PHASES, ROLES } from '../../src/core/model';
import { rolesFor } from '../../src/core/views';
import { residentViewFor } from '../../src/core/resident';
import type { CaseView } from '../../src/core/views';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, steps, stored, walkToReflectie } from './helpers';

type Projection = NonNullable<SpecCell['projection']>;

// ---- the cases ------------------------------------------------------------------------------------

interface Scenario {
  label: string;
  phase: Phase;
  build: (w: World) => Promise<string>;
}

const SCENARIOS: Scenario[] = [
  { label: 'INBRENG', phase: 'INBRENG', build: (w) => steps(w).bringIn() },
  {
    label: 'VERRIJKING before identity',
    phase: 'VERRIJKING',
    build: async (w) => {
      const s = steps(w);
      const id = await s.bringIn();
      await s.suspect(id);
      return id;
    },
  },
  {
    label: 'VERRIJKING, requests to politie and wijkteam open',
    phase: 'VERRIJKING',
    build: async (w) => {
      const s = steps(w);
      const id = await s.bringIn();
      await s.suspect(id);
      await s.identify(id);
      await s.askPartners(id);
      return id;
    },
  },
  {
    label: 'VERRIJKING, politie answered, wijkteam open',
    phase: 'VERRIJKING',
    build: async (w) => {
      const s = steps(w);
      const id = await s.bringIn();
      await s.suspect(id);
      await s.identify(id);
      await s.askPartners(id);
      await s.answer(id, U.agent, true, ['LAAT_OP_STRAAT']);
      return id;
    },
  },
  {
    label: 'VERRIJKING, politie answered, wijkteam expired',
    phase: 'VERRIJKING',
    build: async (w) => {
      const s = steps(w);
      const id = await s.bringIn();
      await s.suspect(id);
      await s.identify(id);
      await s.askPartners(id);
      await s.answer(id, U.agent, true, ['LAAT_OP_STRAAT']);
      w.clock.advanceDays(15);
      await w.sp.expireEnrichment();
      return id;
    },
  },
  {
    label: 'BESPREKING before the discussion',
    phase: 'BESPREKING',
    build: (w) => w.driveTo('BESPREKING'),
  },
  {
    label: 'BESPREKING, discussion saved with parties, lead and contact',
    phase: 'BESPREKING',
    build: async (w) => {
      const id = await w.driveTo('BESPREKING');
      await steps(w).discuss(id, { complete: false, contact: true });
      return id;
    },
  },
  {
    label: 'BESPREKING, the inbrenger’s organisation (school) is a party, jongerenwerk leads',
    phase: 'BESPREKING',
    build: async (w) => {
      const id = await w.driveTo('BESPREKING');
      await discussWith(w, id, ['politie', 'school', 'jongerenwerk'], 'jongerenwerk');
      return id;
    },
  },
  {
    label: 'BESPREKING, the inbrenger’s organisation (school) is the lead partner',
    phase: 'BESPREKING',
    build: async (w) => {
      const id = await w.driveTo('BESPREKING');
      await discussWith(w, id, ['politie', 'school'], 'school');
      return id;
    },
  },
  { label: 'OPVOLGING before follow-up', phase: 'OPVOLGING', build: (w) => w.driveTo('OPVOLGING') },
  {
    label: 'OPVOLGING, the inbrenger’s organisation (school) is the lead partner',
    phase: 'OPVOLGING',
    build: async (w) => {
      const id = await w.driveTo('BESPREKING');
      await discussWith(w, id, ['politie', 'school'], 'school', true);
      return id;
    },
  },
  {
    label: 'REFLECTIE, the inbrenger’s organisation (school) led the follow-up',
    phase: 'REFLECTIE',
    build: async (w) => {
      const id = await w.driveTo('BESPREKING');
      await discussWith(w, id, ['politie', 'school'], 'school', true);
      await w.cmd('recordFollowUp', U.mentor, {
        caseId: id,
        actions: [{ offerCode: 'MENTORGESPREK', organisationId: 'school', dueOn: '2026-04-01' }],
        residentStance: 'agrees',
        complete: true,
      });
      return id;
    },
  },
  {
    label: 'OPVOLGING, follow-up saved, action running with an outcome',
    phase: 'OPVOLGING',
    build: async (w) => {
      const id = await w.driveTo('OPVOLGING');
      await steps(w).agreeFollowUp(id, false);
      await steps(w).actionStatus(id, 'running', 'Eerste gesprek gevoerd.');
      return id;
    },
  },
  { label: 'REFLECTIE', phase: 'REFLECTIE', build: (w) => walkToReflectie(w) },
  {
    label: 'CLOSED after REFLECTIE',
    phase: 'CLOSED',
    build: async (w) => {
      const id = await walkToReflectie(w);
      await steps(w).close(id);
      return id;
    },
  },
  { label: 'CLOSED: no suspicion', phase: 'CLOSED', build: (w) => w.driveTo('CLOSED', { exit: 'NO_SUSPICION' }) },
  { label: 'CLOSED: older than 23', phase: 'CLOSED', build: (w) => w.driveTo('CLOSED', { exit: 'AGE_OVER_23' }) },
  { label: 'CLOSED: not confirmed', phase: 'CLOSED', build: (w) => w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' }) },
  { label: 'CLOSED: withdrawn in VERRIJKING', phase: 'CLOSED', build: (w) => w.driveTo('CLOSED', { exit: 'WITHDRAWN' }) },
  {
    label: 'CLOSED: withdrawn in OPVOLGING with follow-up',
    phase: 'CLOSED',
    build: async (w) => {
      const id = await w.driveTo('OPVOLGING');
      await steps(w).agreeFollowUp(id, false);
      await steps(w).withdraw(id);
      return id;
    },
  },
  {
    label: 'PURGED after REFLECTIE',
    phase: 'PURGED',
    build: async (w) => {
      const id = await walkToReflectie(w);
      await steps(w).close(id);
      w.clock.advanceDays(800);
      await w.sp.runRetention();
      return id;
    },
  },
  {
    label: 'PURGED after no suspicion',
    phase: 'PURGED',
    build: async (w) => {
      const id = await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
      w.clock.advanceDays(120);
      await w.sp.runRetention();
      return id;
    },
  },
];

/**
 * The voorzitter and the procesregisseur at the gemeente may be one person (PROCESS.md, Roles: "may be
 * the procesregisseur"); the demo tenant has no such user, so the matrix adds one.
 */
const REGISSEUR_AND_CHAIR: User = { id: 'regisseur-voorzitter@gemeente.demo', organisationId: 'gemeente', roles: ['procesregisseur', 'voorzitter'], displayName: 'Procesregisseur en voorzitter' };

/** The voorzitter records the discussion with these parties and lead; the procesregisseur adds contact (and completes it). */
async function discussWith(w: World, caseId: string, parties: string[], lead: string, complete = false): Promise<void> {
  const body = {
    caseId,
    lifeDomains: { SCHOOL: 'concerning', GEZIN: 'notConcerning' },
    parties,
    interventions: ['MENTORGESPREK'],
    followUpOptions: ['GESPREK_JONGERENWERK'],
    leadOrganisationId: lead,
    notes: 'School neemt de regie.',
  };
  await w.cmd('recordDiscussion', U.voorzitter, body);
  await w.cmd('recordDiscussion', U.regisseur, { ...body, contact: { phone: RESIDENT.phone, email: RESIDENT.email, address: RESIDENT.address, guardian: RESIDENT.guardian }, complete });
}

const USERS: { label: string; user: User }[] = [
  { label: 'procesregisseur who is also voorzitter', user: REGISSEUR_AND_CHAIR },
  { label: 'inbrenger (mentor, school)', user: U.mentor },
  { label: 'unrelated member partner (leerplicht)', user: U.leerplicht },
  { label: 'partner asked, later involved (politie)', user: U.agent },
  { label: 'partner asked only (wijkteam)', user: U.coach },
  { label: 'lead partner (jongerenwerk)', user: U.jongerenwerk },
  { label: 'procesregisseur', user: U.regisseur },
  { label: 'voorzitter', user: U.voorzitter },
  { label: 'privacy officer', user: U.fg },
  { label: 'non-member (sportclub)', user: U.trainer },
];

// ---- the expectation, from the specification alone --------------------------------------------------

/** The specification's cell (tests/spec/expected-access.ts), never POLICY's. */
const specCell = (phase: Phase, group: DataGroup, role: Role): SpecCell | undefined => EXPECTED_ACCESS[group as SpecGroup][role as SpecRole]?.[phase as SpecPhase];
/** Every cell of the specification, as the matrix must cover them. */
const specRows = (): { phase: Phase; group: DataGroup; role: Role; cell: SpecCell }[] =>
  SPEC_GROUPS.flatMap((group) =>
    SPEC_ROLES.flatMap((role) => SPEC_PHASES.flatMap((phase) => {
      const cell = EXPECTED_ACCESS[group][role]?.[phase];
      return cell ? [{ phase, group, role, cell }] : [];
    })),
  );

/** The roles a user holds towards a case, written out from PROCESS.md (independent of views.rolesFor). */
function expectedRoles(user: User, record: CaseRecord, organisations: Organisation[], today: string): Role[] {
  const org = organisations.find((o) => o.id === user.organisationId);
  const member = !!org?.joinedOn && org.joinedOn <= today && (org.leftOn === undefined || today < org.leftOn);
  const roles = new Set<Role>();
  for (const r of user.roles) if (r !== 'partner') roles.add(r);
  if (user.roles.includes('partner') && member) {
    roles.add('ketenpartner');
    if (record.frame.inbrengerUserId === user.id) roles.add('inbrenger');
    if (record.discussion?.parties.includes(user.organisationId)) roles.add('involvedPartner');
    if (record.discussion?.leadOrganisationId === user.organisationId) roles.add('leadPartner');
  }
  return [...roles];
}

function conditionHolds(cell: SpecCell, record: CaseRecord, organisationId: string): boolean {
  const own = record.enrichment.requests.filter((r) => r.organisationId === organisationId);
  if (cell.when === 'enrichmentOpen') return own.some((r) => r.status === 'open');
  if (cell.when === 'enrichmentAsked') return own.length > 0;
  if (cell.when !== undefined) throw new Error(`condition ${String(cell.when)} unknown to this test: extend the matrix`);
  return true;
}

interface Expected {
  access: 'read' | 'write';
  projections: Set<Projection>;
}

function expectedGroups(roles: Role[], record: CaseRecord, organisationId: string): Map<DataGroup, Expected> {
  const out = new Map<DataGroup, Expected>();
  for (const group of DATA_GROUPS) {
    for (const role of roles) {
      const cell = specCell(record.frame.phase, group, role);
      if (!cell || !conditionHolds(cell, record, organisationId)) continue;
      const e = out.get(group) ?? { access: 'read', projections: new Set<Projection>() };
      if (cell.access === 'write') e.access = 'write';
      e.projections.add(cell.projection ?? 'full');
      out.set(group, e);
    }
  }
  return out;
}

const VIEW_KEY: Record<DataGroup, keyof CaseView> = GROUP_FIELD;
const ALL_USER_IDS = [...Object.values(U).map((u) => u.id), REGISSEUR_AND_CHAIR.id];

/**
 * The retention date is computed from the date of birth when the age limit comes first (PROCESS.md: a value
 * derived from a group belongs to that group): a reader without identity (C) does not get it, in the frame
 * nor in the reflection.
 */
function withoutRetentionDate<T extends { retentionUntil?: string }>(x: T, readsIdentity: boolean): Omit<T, 'retentionUntil'> | T {
  if (readsIdentity) return x;
  const { retentionUntil: _r, ...rest } = x;
  return rest;
}

/** Asserts one group's content in the projection the table grants, against the stored record. */
function assertProjection(group: DataGroup, e: Expected, view: CaseView, record: CaseRecord, user: User, readsIdentity: boolean): void {
  const full = e.projections.has('full');
  switch (group) {
    case 'A': {
      const frame = view.frame!;
      if (!readsIdentity) expect(frame).not.toHaveProperty('retentionUntil');
      if (full) {
        expect(frame).toEqual(withoutRetentionDate(record.frame, readsIdentity));
        return;
      }
      expect(e.projections).toEqual(new Set(['process']));
      expect(frame).not.toHaveProperty('inbrengerUserId');
      for (const d of frame.decisions ?? []) expect(d.actorId || undefined).toBeUndefined();
      for (const t of frame.transitions ?? []) expect(t.actorId || undefined).toBeUndefined();
      const json = JSON.stringify(frame);
      for (const id of ALL_USER_IDS) expect(json).not.toContain(id);
      // everything else of the frame is there
      const { inbrengerUserId: _drop, decisions, transitions, ...rest } = withoutRetentionDate(record.frame, readsIdentity);
      expect(frame).toMatchObject(rest);
      const withoutActor = <T extends { actorId: string }>(xs: T[] | undefined): Omit<T, 'actorId'>[] => (xs ?? []).map(({ actorId: _a, ...x }) => x);
      expect(withoutActor(frame.decisions)).toEqual(withoutActor(decisions));
      expect(withoutActor(frame.transitions)).toEqual(withoutActor(transitions));
      return;
    }
    case 'B':
      expect(e.projections).toEqual(new Set(['full']));
      expect(view.concern).toEqual(record.concern);
      return;
    case 'C':
      expect(e.projections).toEqual(new Set(['full']));
      expect(view.identity).toEqual(record.identity);
      return;
    case 'D': {
      if (full) {
        expect(view.enrichment).toEqual(record.enrichment);
        return;
      }
      expect(e.projections).toEqual(new Set(['ownAnswer']));
      const own = record.enrichment.requests.filter((r) => r.organisationId === user.organisationId);
      expect(own.length).toBeGreaterThan(0);
      expect(view.enrichment).toEqual({ requests: own });
      for (const r of view.enrichment!.requests) expect(r.organisationId).toBe(user.organisationId);
      return;
    }
    case 'E':
      expect(view.discussion).toEqual(record.discussion);
      return;
    case 'F':
      expect(view.contact).toEqual(record.contact);
      return;
    case 'G': {
      if (full) {
        expect(view.followUp).toEqual(record.followUp);
        return;
      }
      expect(e.projections).toEqual(new Set(['statusOnly']));
      const g = view.followUp!;
      expect(Object.keys(g)).toEqual(['actions']);
      expect(g).not.toHaveProperty('residentStance');
      for (const a of g.actions ?? []) expect(a).not.toHaveProperty('outcome');
      expect(g.actions).toEqual(record.followUp!.actions.map(({ outcome: _o, ...a }) => a));
      return;
    }
    case 'H': {
      if (full) {
        expect(view.reflection).toEqual(withoutRetentionDate(record.reflection, readsIdentity));
        return;
      }
      expect(e.projections).toEqual(new Set(['statusOnly']));
      const h = view.reflection!;
      for (const key of Object.keys(h)) expect(['closureReason', 'feedbackSentAt']).toContain(key);
      expect(h).toEqual(
        Object.fromEntries(Object.entries({ closureReason: record.reflection.closureReason, feedbackSentAt: record.reflection.feedbackSentAt }).filter(([, v]) => v !== undefined)),
      );
      return;
    }
  }
}

// ---- coverage of the table itself -----------------------------------------------------------------

const exercised = new Set<string>();
const exercisedFalse = new Set<string>();
const roleSeen = new Set<string>();
const combinationSeen = new Set<string>();
const cellKey = (phase: Phase, group: DataGroup, role: Role): string => `${phase}|${group}|${role}`;

/** A fresh world with the scenario's case, built inside each test (per-test factory). */
async function arrange(build: Scenario['build']): Promise<{ w: World; caseId: string; organisations: Organisation[] }> {
  const w = await makeWorld();
  const caseId = await build(w);
  return { w, caseId, organisations: await w.store.listOrganisations() };
}

/** The resident's projection (policy role `resident`) holds the kenmerk, phase, step dates and retention dates only; after the purge only the deletion date. */
async function residentSeesOnlyTheProcess(w: World, caseId: string, phase: Phase): Promise<void> {
    const record = await stored(w, caseId);
    roleSeen.add(`${phase}|resident`);
    for (const group of DATA_GROUPS) if (specCell(phase, group, 'resident')) exercised.add(cellKey(phase, group, 'resident'));
    const view = residentViewFor(record);
    const a = specCell(phase, 'A', 'resident');
    if (!a) {
      expect(view).toBeUndefined();
      return;
    }
    expect(a.projection).toBe('resident');
    const f = record.frame;
    if (phase === 'PURGED') {
      expect(view).toEqual({ reference: f.reference, phase, purgedAt: f.purgedAt });
      return;
    }
    const c = specCell(phase, 'C', 'resident');
    const expected: Record<string, unknown> = {
      reference: f.reference,
      phase,
      phaseSince: f.phaseSince,
      steps: [{ phase: 'INBRENG', at: f.createdAt }, ...f.transitions.map((t) => ({ phase: t.to, at: t.at }))],
    };
    if (f.closedAt) expected.closedAt = f.closedAt;
    if (f.retentionAtLatest) expected.retentionAtLatest = f.retentionAtLatest;
    if (c && f.retentionUntil) expected.retentionUntil = f.retentionUntil;
    expect(view).toEqual(expected);
    const text = JSON.stringify(view);
    if (record.identity) for (const v of [record.identity.name, record.identity.dateOfBirth]) expect(text).not.toContain(v);
    for (const t of f.transitions) if (t.rationale) expect(text).not.toContain(t.rationale);
    expect(text).not.toContain(f.inbrengerOrganisationId);
    expect(text).not.toContain(f.inbrengerUserId);
}

describe.each(SCENARIOS)('case: $label', ({ phase, build }) => {
  test('is in the phase it claims', async () => {
    const { w, caseId } = await arrange(build);
    try {
      expect((await stored(w, caseId)).frame.phase).toBe(phase);
    } finally {
      await w.close();
    }
  });

  test('the resident sees only the kenmerk, the phase, the dates of the steps and the retention dates; after the purge only the deletion date', async () => {
    const { w, caseId } = await arrange(build);
    try {
      await residentSeesOnlyTheProcess(w, caseId, phase);
    } finally {
      await w.close();
    }
  });

  test.each(USERS)('$label sees exactly what the specification permits', async ({ user }) => {
    const { w, caseId, organisations } = await arrange(build);
    try {
      await seesWhatTheSpecificationPermits(w, caseId, organisations, phase, user);
    } finally {
      await w.close();
    }
  });
});

async function seesWhatTheSpecificationPermits(w: World, caseId: string, organisations: Organisation[], phase: Phase, user: User): Promise<void> {
  const record = await stored(w, caseId);
  const today = w.clock.now().toISOString().slice(0, 10);
  const roles = expectedRoles(user, record, organisations, today);
  expect(new Set(rolesFor(user, record, organisations.find((o) => o.id === user.organisationId), w.clock.now().toISOString()))).toEqual(new Set(roles));
  combinationSeen.add([...roles].sort().join('+'));
  for (const role of roles) {
    roleSeen.add(`${phase}|${role}`);
    for (const group of DATA_GROUPS) {
      const cell = specCell(phase, group, role);
      if (!cell) continue;
      (conditionHolds(cell, record, user.organisationId) ? exercised : exercisedFalse).add(cellKey(phase, group, role));
    }
  }
  const expected = expectedGroups(roles, record, user.organisationId);
  const auditBefore = (await allAudit(w)).length;

  const result = await w.sp.getCase(user, caseId, 'matrixtest');

  if (expected.size === 0) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('CASE.NOT_FOUND');
    expect((await allAudit(w)).length).toBe(auditBefore);
    return;
  }
  if (!result.ok) throw new Error(`expected a view, got ${result.error.code}`);
  const view = result.value;

  // exactly the permitted groups, and only where the data exists
  const expectedKeys = [...expected.keys()].filter((g) => record[GROUP_FIELD[g]] !== undefined).map((g) => VIEW_KEY[g]);
  expect(Object.keys(view).sort()).toEqual(['access', 'id', 'phase', 'reference', 'version', ...expectedKeys].sort());
  expect(view.access).toEqual(Object.fromEntries([...expected].map(([g, e]) => [g, e.access])));
  expect(view).toMatchObject({ id: record.id, version: record.version, reference: record.frame.reference, phase });

  for (const [group, e] of expected) if (record[GROUP_FIELD[group]] !== undefined) assertProjection(group, e, view, record, user, expected.has('C'));

  // each read of C–G is audited, with exactly the personal groups the view holds
  const personal = [...expected.keys()].filter(
    (g) => PERSONAL_GROUPS.includes(g) && record[GROUP_FIELD[g]] !== undefined && !(g === 'D' && view.enrichment!.requests.length === 0),
  );
  const after = await allAudit(w);
  if (personal.length === 0) {
    expect(after.length).toBe(auditBefore);
  } else {
    expect(after.length).toBe(auditBefore + 1);
    const row = after[after.length - 1]!;
    expect(row).toMatchObject({ action: 'read', actorId: user.id, caseId, phase, purpose: 'matrixtest' });
    expect([...row.groups].sort()).toEqual([...personal].sort());
    // the role recorded is one that grants the read
    expect(roles).toContain(row.role);
    expect(personal.some((g) => {
      const cell = specCell(phase, g, row.role as Role);
      return cell !== undefined && conditionHolds(cell, record, user.organisationId);
    })).toBe(true);
  }
}

describe('the matrix covered the whole table', () => {
  test('every cell of the specification was exercised by a user holding its role with its condition holding', () => {
    const missing = specRows().filter(({ phase, group, role }) => !exercised.has(cellKey(phase, group, role)));
    expect(missing.map(({ phase, group, role }) => cellKey(phase, group, role))).toEqual([]);
  });

  test('every conditional cell was also exercised with its condition failing', () => {
    const missing = specRows().filter(({ phase, group, role, cell }) => cell.when && !exercisedFalse.has(cellKey(phase, group, role)));
    expect(missing.map(({ phase, group, role }) => cellKey(phase, group, role))).toEqual([]);
  });

  test('users holding combined roles were walked: inbrenger + party, inbrenger + lead partner, procesregisseur + voorzitter', () => {
    expect([...combinationSeen]).toEqual(
      expect.arrayContaining([
        'inbrenger+involvedPartner+ketenpartner',
        'inbrenger+involvedPartner+ketenpartner+leadPartner',
        'procesregisseur+voorzitter',
      ]),
    );
  });

  test('every role that can exist in a phase was held by some user there (absent cells were walked too)', () => {
    const possible: Record<Role, Phase[]> = {
      inbrenger: ['INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'],
      ketenpartner: [...PHASES],
      // involvement exists once a discussion is recorded; it is kept (as codes) after purge
      involvedPartner: ['BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'],
      leadPartner: ['BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED', 'PURGED'],
      procesregisseur: [...PHASES],
      voorzitter: [...PHASES],
      privacyOfficer: [...PHASES],
      // the resident of every case, walked through residentViewFor
      resident: [...PHASES],
    };
    const missing = ROLES.flatMap((role) => possible[role].filter((p) => !roleSeen.has(`${p}|${role}`)).map((p) => `${p}|${role}`));
    expect(missing).toEqual([]);
  });
});
