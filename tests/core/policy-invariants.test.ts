/**
 * Hand-written invariants of the policy: the promises PROCESS.md makes, checked through the service as
 * the users meet them, independent of how the table happens to be written down.
 */
import type { CaseRecord, Organisation, Phase, User } from '../../src/core/model';
import { DATA_GROUPS, PHASES, ROLES } from '../../src/core/model';
import { POLICY, cellFor } from '../../src/core/policy';
import { stageViewFor, viewFor } from '../../src/core/views';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, attempt, expectCode, steps, stored, walkToReflectie } from './helpers';

const PARTNERS: User[] = [U.mentor, U.agent, U.coach, U.leerplicht, U.jongerenwerk];
const EVERYONE: User[] = [...PARTNERS, U.regisseur, U.voorzitter, U.fg, U.trainer];
const PERSONAL_KEYS = ['identity', 'enrichment', 'discussion', 'contact', 'followUp'] as const;

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

async function viewOf(user: User, caseId: string) {
  const r = await w.sp.getCase(user, caseId);
  return r.ok ? r.value : undefined;
}

/** One case in each phase in the same world (and the walk passed through every phase). */
async function casesInEveryPhase(): Promise<Record<Phase, string>> {
  const s = steps(w);
  const inbreng = await s.bringIn();
  const verrijking = await w.driveTo('VERRIJKING');
  const bespreking = await w.driveTo('BESPREKING');
  await s.discuss(bespreking, { complete: false, contact: true });
  const opvolging = await w.driveTo('OPVOLGING');
  const reflectie = await walkToReflectie(w);
  const closed = await walkToReflectie(w);
  await s.close(closed);
  const purged = await walkToReflectie(w);
  await s.close(purged);
  w.clock.advanceDays(800);
  await w.sp.runRetention();
  w.clock.advanceDays(-800);
  return { INBRENG: inbreng, VERRIJKING: verrijking, BESPREKING: bespreking, OPVOLGING: opvolging, REFLECTIE: reflectie, CLOSED: closed, PURGED: purged };
}

describe('no identity before VERRIJKING', () => {
  test('the table grants no one identity in INBRENG', () => {
    for (const role of ROLES) expect(cellFor(POLICY, 'INBRENG', 'C', role)).toBeUndefined();
  });

  test('no one receives identity in INBRENG, and it cannot be supplied there', async () => {
    const id = await steps(w).bringIn();
    for (const user of EVERYONE) expect((await viewOf(user, id))?.identity).toBeUndefined();
    expectCode(await attempt(w, 'supplyIdentity', U.mentor, { caseId: id, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth }), 'CASE.TRANSITION_NOT_ALLOWED');
    expectCode(await attempt(w, 'supplyIdentity', U.regisseur, { caseId: id, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth }), 'CASE.TRANSITION_NOT_ALLOWED');
    expect((await stored(w, id)).identity).toBeUndefined();
    expect(JSON.stringify(await stored(w, id))).not.toContain(RESIDENT.name);
  });

  test('a case closed in INBRENG never held identity', async () => {
    const id = await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
    expect((await stored(w, id)).identity).toBeUndefined();
    expectCode(await attempt(w, 'supplyIdentity', U.mentor, { caseId: id, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth }), 'CASE.TRANSITION_NOT_ALLOWED');
  });
});

describe('a partner sees identity only while its enrichment request is open', () => {
  async function caseAskingPolitieAndWijkteam(): Promise<string> {
    const s = steps(w);
    const id = await s.bringIn();
    await s.suspect(id);
    await s.identify(id);
    await s.askPartners(id, ['politie', 'wijkteam'], '2026-03-16');
    return id;
  }

  test('answering ends identity access (known or not known); the own answer stays visible', async () => {
    const id = await caseAskingPolitieAndWijkteam();
    expect((await viewOf(U.agent, id))?.identity).toEqual({ name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
    expect((await viewOf(U.coach, id))?.identity).toEqual({ name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });

    await steps(w).answer(id, U.agent, true, ['LAAT_OP_STRAAT']);
    const agentView = await viewOf(U.agent, id);
    expect(agentView?.identity).toBeUndefined();
    expect(agentView?.enrichment?.requests.map((r) => [r.organisationId, r.status])).toEqual([['politie', 'answered']]);
    expect((await viewOf(U.coach, id))?.identity).toBeDefined(); // the other request is still open

    await steps(w).answer(id, U.coach, false);
    expect((await viewOf(U.coach, id))?.identity).toBeUndefined();
  });

  test('expiry ends identity access — on the due date it is still open, the day after it is gone', async () => {
    const id = await caseAskingPolitieAndWijkteam();
    w.clock.set('2026-03-16T20:00:00Z');
    expect(await w.sp.expireEnrichment()).toEqual({ expired: 0 });
    expect((await viewOf(U.coach, id))?.identity).toBeDefined();

    w.clock.set('2026-03-17T08:00:00Z');
    expect(await w.sp.expireEnrichment()).toEqual({ expired: 2 });
    expect((await viewOf(U.coach, id))?.identity).toBeUndefined();
    expect((await viewOf(U.agent, id))?.identity).toBeUndefined();
    expect((await stored(w, id)).enrichment.requests.map((r) => r.status)).toEqual(['expired', 'expired']);
    // an expired request cannot be answered any more
    expectCode(await attempt(w, 'answerEnrichment', U.coach, { caseId: id, known: true, signals: ['GELD'] }), 'ENRICHMENT.NOT_OPEN');
    // the expiry is audited
    const expiry = (await allAudit(w)).filter((r) => r.actorId === 'system:enrichment-expiry');
    expect(expiry).toHaveLength(1);
    expect(expiry[0]).toMatchObject({ action: 'update', groups: ['D'], caseId: id, role: 'system' });
  });

  test('concluding the enrichment closes the remaining open requests: identity access ends', async () => {
    const id = await caseAskingPolitieAndWijkteam();
    await steps(w).answer(id, U.agent, true, ['LAAT_OP_STRAAT']);
    await steps(w).conclude(id);
    expect((await stored(w, id)).frame.phase).toBe('BESPREKING');
    expect((await viewOf(U.coach, id))?.identity).toBeUndefined();
  });

  test('a member never asked does not see identity', async () => {
    const id = await caseAskingPolitieAndWijkteam();
    expect(await viewOf(U.leerplicht, id)).toBeUndefined();
  });
});

describe('after CLOSED only the procesregisseur reaches C–G', () => {
  const closers: [string, (w: World) => Promise<string>][] = [
    ['closed after REFLECTIE', async (w) => {
      const id = await walkToReflectie(w);
      await steps(w).close(id);
      return id;
    }],
    ['withdrawn in OPVOLGING', async (w) => {
      const id = await w.driveTo('OPVOLGING');
      await steps(w).agreeFollowUp(id, false);
      await steps(w).withdraw(id);
      return id;
    }],
    ['withdrawn in BESPREKING after the discussion', async (w) => {
      const id = await w.driveTo('BESPREKING');
      await steps(w).discuss(id, { complete: false, contact: true });
      await steps(w).withdraw(id);
      return id;
    }],
    ['not confirmed in VERRIJKING', (w) => w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' })],
  ];

  test.each(closers)('%s', async (_label, close) => {
    const id = await close(w);
    const record = await stored(w, id);
    expect(record.frame.phase).toBe('CLOSED');
    for (const user of EVERYONE.filter((u) => u !== U.regisseur)) {
      const view = await viewOf(user, id);
      for (const key of PERSONAL_KEYS) expect(view?.[key]).toBeUndefined();
    }
    const regisseur = await viewOf(U.regisseur, id);
    for (const key of PERSONAL_KEYS) if (record[key] !== undefined) expect(regisseur?.[key]).toEqual(record[key]);
  });

  test('in the table: C–G in CLOSED and PURGED have procesregisseur cells only (and the resident’s own retention date in CLOSED)', () => {
    for (const phase of ['CLOSED', 'PURGED'] as const)
      for (const group of ['C', 'D', 'E', 'F', 'G'] as const)
        for (const role of ROLES) {
          if (role === 'procesregisseur') continue;
          // the data subject is no recipient: of C only their own retention date (docs/process-resident.md RR3)
          if (role === 'resident' && phase === 'CLOSED' && group === 'C') expect(cellFor(POLICY, phase, group, role)).toEqual({ access: 'read', projection: 'resident' });
          else expect(cellFor(POLICY, phase, group, role)).toBeUndefined();
        }
  });
});

describe('an organisation outside the privacy protocol sees nothing and cannot submit', () => {
  test('the sportclub (never joined): no view in any phase, no list, no submit, no requests', async () => {
    const cases = await casesInEveryPhase();
    for (const phase of PHASES) expectCode(await w.sp.getCase(U.trainer, cases[phase]), 'CASE.NOT_FOUND');
    expectCode(await w.sp.listCases(U.trainer), 'AUTH.NOT_A_MEMBER');
    expectCode(await attempt(w, 'submitConcern', U.trainer, { ageYears: 15, riskSignals: ['GELD'] }), 'AUTH.NOT_A_MEMBER');
    const s = steps(w);
    const id = await s.bringIn();
    await s.suspect(id);
    await s.identify(id);
    const refused = expectCode(await attempt(w, 'requestEnrichment', U.regisseur, { caseId: id, organisationIds: ['sportclub'], dueOn: '2026-03-16' }), 'CASE.PRECONDITION_FAILED');
    expect(refused.details.reason).toBe('ORGANISATION_NOT_MEMBER');
    expectCode(await attempt(w, 'answerEnrichment', U.trainer, { caseId: id, known: true, signals: ['GELD'] }), 'CASE.NOT_FOUND');
  });

  test('an organisation whose leftOn has passed loses everything it had, from that day', async () => {
    const s = steps(w);
    const id = await s.bringIn();
    await s.suspect(id);
    await s.identify(id);
    await s.askPartners(id, ['leerplicht', 'politie'], '2026-03-30');
    const leerplicht = (await w.store.getOrganisation('leerplicht'))!;
    const leaving: Organisation = { ...leerplicht, leftOn: '2026-03-10' };
    await w.store.putOrganisation(leaving);

    w.clock.set('2026-03-09T12:00:00Z'); // still a member
    expect((await viewOf(U.leerplicht, id))?.identity).toBeDefined();
    expect((await w.sp.listCases(U.leerplicht)).ok).toBe(true);

    w.clock.set('2026-03-10T07:00:00Z'); // the day it leaves
    expectCode(await w.sp.getCase(U.leerplicht, id), 'CASE.NOT_FOUND');
    expectCode(await w.sp.listCases(U.leerplicht), 'AUTH.NOT_A_MEMBER');
    expectCode(await attempt(w, 'answerEnrichment', U.leerplicht, { caseId: id, known: true, signals: ['VERZUIM'] }), 'CASE.NOT_FOUND');
    expectCode(await attempt(w, 'submitConcern', U.leerplicht, { ageYears: 15, riskSignals: ['GELD'] }), 'AUTH.NOT_A_MEMBER');
    // and it gets no new requests
    const other = await s.bringIn();
    await s.suspect(other);
    await s.identify(other);
    expectCode(await attempt(w, 'requestEnrichment', U.regisseur, { caseId: other, organisationIds: ['leerplicht'], dueOn: '2026-03-30' }), 'CASE.PRECONDITION_FAILED');
  });

  test('an organisation that has not joined yet is no member either', async () => {
    await w.store.putOrganisation({ id: 'nieuw', name: 'Nieuwe partner', type: 'other', joinedOn: '2026-04-01' });
    const newcomer: User = { id: 'iemand@nieuw.demo', organisationId: 'nieuw', roles: ['partner'] };
    const id = await steps(w).bringIn();
    expectCode(await w.sp.getCase(newcomer, id), 'CASE.NOT_FOUND');
    expectCode(await attempt(w, 'submitConcern', newcomer, { ageYears: 15, riskSignals: ['GELD'] }), 'AUTH.NOT_A_MEMBER');
  });
});

describe('the privacy officer sees no case content', () => {
  test('no cell of the table grants the FG anything', () => {
    for (const phase of PHASES) for (const group of DATA_GROUPS) expect(cellFor(POLICY, phase, group, 'privacyOfficer')).toBeUndefined();
  });

  test('getCase and listCases give the FG nothing; the audit log and retention report do answer', async () => {
    const cases = await casesInEveryPhase();
    for (const phase of PHASES) expectCode(await w.sp.getCase(U.fg, cases[phase]), 'CASE.NOT_FOUND');
    expectCode(await w.sp.listCases(U.fg), 'AUTH.FORBIDDEN');
    const audit = await w.sp.caseAudit(U.fg, cases.CLOSED);
    expect(audit.ok).toBe(true);
    const auditJson = JSON.stringify(audit);
    for (const pd of [RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone, RESIDENT.email, 'dure kleding']) expect(auditJson).not.toContain(pd);
    const report = await w.sp.retentionReport(U.fg);
    expect(report.ok).toBe(true);
    for (const pd of [RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone]) expect(JSON.stringify(report)).not.toContain(pd);
  });

  test('partners cannot read the audit log', async () => {
    const id = await steps(w).bringIn();
    expectCode(await w.sp.caseAudit(U.mentor, id), 'AUTH.FORBIDDEN');
    expectCode(await w.sp.caseAudit(U.voorzitter, id), 'AUTH.FORBIDDEN');
  });
});

describe('the stage view of a meeting', () => {
  test('never contains name, date of birth, contact or free text, whatever the case holds', async () => {
    const cases = await casesInEveryPhase();
    for (const phase of PHASES) {
      const record: CaseRecord = await stored(w, cases[phase]);
      // from the broadest reader's view (the procesregisseur reads C and F in most phases)
      const full = viewFor(U.regisseur, record, await w.store.getOrganisation('gemeente'), w.clock.now().toISOString()).view!;
      const stageView = stageViewFor(full);
      const stage = JSON.stringify(stageView);
      for (const pd of [RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone, RESIDENT.email, RESIDENT.address, RESIDENT.guardian, 'Mila', 'dure kleding']) {
        expect(stage).not.toContain(pd);
      }
      for (const user of Object.values(U)) expect(stage).not.toContain(user.id);
      expect(Object.keys(stageView ?? {}).sort()).toEqual(['concern', 'frame', 'id', 'phase', 'reference']);
    }
    // the check is meaningful: the BESPREKING case really holds identity and contact
    const bespreking = await stored(w, cases.BESPREKING);
    expect(bespreking.identity).toBeDefined();
    expect(bespreking.contact?.phone).toBe(RESIDENT.phone);
  });
});

describe('every getCase that returns C–G writes an audit read row', () => {
  test('for every user and every phase: a read row iff the view holds personal data, naming exactly those groups', async () => {
    const cases = await casesInEveryPhase();
    for (const phase of PHASES) {
      for (const user of EVERYONE) {
        const before = (await allAudit(w)).length;
        const view = await viewOf(user, cases[phase]);
        const rows = await allAudit(w);
        const held = {
          C: view?.identity !== undefined,
          D: (view?.enrichment?.requests.length ?? 0) > 0,
          E: view?.discussion !== undefined,
          F: view?.contact !== undefined,
          G: view?.followUp !== undefined,
        };
        const groups = Object.entries(held).filter(([, v]) => v).map(([g]) => g);
        if (groups.length === 0) {
          expect(rows.length).toBe(before);
          continue;
        }
        expect(rows.length).toBe(before + 1);
        expect(rows.at(-1)).toMatchObject({ action: 'read', actorId: user.id, caseId: cases[phase], phase });
        expect([...rows.at(-1)!.groups].sort()).toEqual(groups.sort());
      }
    }
  });

  test('the read row records the role through which the data was reached (the inbrenger, not "ketenpartner")', async () => {
    const id = await w.driveTo('BESPREKING');
    await viewOf(U.mentor, id);
    expect((await allAudit(w)).at(-1)).toMatchObject({ action: 'read', actorId: U.mentor.id, role: 'inbrenger', groups: ['C'] });
    await steps(w).discuss(id, { complete: false, contact: true });
    await viewOf(U.jongerenwerk, id);
    expect((await allAudit(w)).at(-1)).toMatchObject({ action: 'read', actorId: U.jongerenwerk.id, role: 'leadPartner' });
  });
});

describe('a case list for a partner', () => {
  test('never includes a case the partner may not see, and includes every case it may see', async () => {
    await casesInEveryPhase();
    // more relations: a case asked of leerplicht, a case brought in by the wijkteam, exits of every kind
    const s = steps(w);
    const asked = await s.bringIn(U.coach);
    await s.suspect(asked);
    await w.cmd('supplyIdentity', U.coach, { caseId: asked, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
    await s.askPartners(asked, ['leerplicht'], '2026-03-20');
    await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' });
    await w.driveTo('CLOSED', { exit: 'AGE_OVER_23' });
    await w.driveTo('CLOSED', { exit: 'WITHDRAWN' });
    await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });

    const all = (await w.store.listCases({ limit: 1000, offset: 0 })).items.map((r) => r.id);
    expect(all.length).toBeGreaterThan(10);
    for (const user of [...PARTNERS, U.voorzitter, U.regisseur]) {
      const list = await w.sp.listCases(user, { limit: 200 });
      if (!list.ok) throw new Error(`${user.id}: ${list.error.code}`);
      const listed = new Set(list.value.items.map((c) => c.id));
      const visible = new Set<string>();
      for (const id of all) if ((await w.sp.getCase(user, id)).ok) visible.add(id);
      expect({ user: user.id, listed: [...listed].sort() }).toEqual({ user: user.id, listed: [...visible].sort() });
      expect(list.value.total).toBe(listed.size);
      // summaries carry group B only where the user may read B
      for (const item of list.value.items) {
        const v = await viewOf(user, item.id);
        expect(item.riskSignals !== undefined).toBe(v?.concern !== undefined);
      }
    }
  });

  test('filters cannot widen the list: asking for another organisation’s or closed cases yields only visible ones', async () => {
    await casesInEveryPhase();
    for (const filter of [{ status: 'closed' as const }, { organisationId: 'school' }, { phases: ['CLOSED', 'PURGED'] as Phase[] }, { overdue: true }]) {
      const list = await w.sp.listCases(U.leerplicht, filter);
      if (!list.ok) throw new Error(list.error.code);
      for (const item of list.value.items) expect((await w.sp.getCase(U.leerplicht, item.id)).ok).toBe(true);
    }
  });
});
