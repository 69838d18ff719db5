/**
 * Scenario: at VERRIJKING the inbrenger supplies name and date of birth, and the young person turns out
 * not to be eligible — older than 23 on the day of registration, or more than 2 registrations. The
 * identity is then not stored at all; the case closes with a coded exit and the configured advice.
 */
import { Signaalpunt } from '../../src/core/service';
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { RESIDENT, attempt, steps, stored } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld(); // today: 2026-03-02
});
afterEach(() => w.close());

async function inVerrijking(overrides: Record<string, unknown> = {}): Promise<string> {
  const caseId = await steps(w).bringIn(U.mentor, overrides);
  await steps(w).suspect(caseId);
  return caseId;
}

/** every text column of every table, to prove that a value was stored nowhere. */
function databaseText(): string {
  const tables = w.store.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
  return tables.map(({ name }) => JSON.stringify(w.store.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

test('older than 23 on the day of registration: CLOSED (AGE_OVER_23), identity not stored, advised route from config', async () => {
  const caseId = await inVerrijking({ ageYears: 23 });
  const r = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: '2002-03-02' }); // 24 today
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'CLOSED', outcome: 'AGE_OVER_23', advisedRoute: w.sp.config.eligibilityAdvice.AGE_OVER_23 });
  const record = await stored(w, caseId);
  expect(record.identity).toBeUndefined();
  expect(record.frame.identityCapturedAt).toBeUndefined();
  expect(record.frame.exit).toMatchObject({ reason: 'AGE_OVER_23', advisedRoute: 'WIJKTEAM', closedInPhase: 'VERRIJKING' });
  expect(record.frame.retentionUntil).toBe('2026-03-30'); // 28 days
  const db = databaseText();
  expect(db).not.toContain(RESIDENT.name);
  expect(db).not.toContain('2002-03-02');
  // the inbrenger is told why
  const view = await w.sp.getCase(U.mentor, caseId);
  expect(view.ok && view.value.frame?.exit).toMatchObject({ reason: 'AGE_OVER_23', advisedRoute: 'WIJKTEAM' });
});

test('23 until the day before the 24th birthday is eligible', async () => {
  const caseId = await inVerrijking({ ageYears: 23 });
  const r = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: '2002-03-03' }); // 24 tomorrow
  expect(r.ok && r.value).toMatchObject({ phase: 'VERRIJKING', outcome: 'ELIGIBLE' });
  expect((await stored(w, caseId)).identity).toEqual({ name: RESIDENT.name, dateOfBirth: '2002-03-03' });
});

test('more than 2 registrations (band known at intake): CLOSED (TOO_MANY_REGISTRATIONS), identity not stored', async () => {
  const caseId = await inVerrijking({ registrationsBand: '>2' });
  const r = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
  if (!r.ok) throw r.error;
  expect(r.value).toMatchObject({ phase: 'CLOSED', outcome: 'TOO_MANY_REGISTRATIONS', advisedRoute: 'PGA' });
  const record = await stored(w, caseId);
  expect(record.identity).toBeUndefined();
  expect(record.concern.registrationsBand).toBe('>2');
  expect(databaseText()).not.toContain(RESIDENT.name);
});

test('more than 2 registrations supplied with the identity by the procesregisseur, as a band only', async () => {
  const caseId = await inVerrijking({ registrationsBand: 'unknown' });
  const r = await attempt(w, 'supplyIdentity', U.regisseur, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth, registrationsBand: '>2' });
  expect(r.ok && r.value.outcome).toBe('TOO_MANY_REGISTRATIONS');
  expect((await stored(w, caseId)).identity).toBeUndefined();
  expect((await stored(w, caseId)).concern.registrationsBand).toBe('>2');
});

test('the inbrenger may not change the registrations band in Verrijking (docs/process.md, row B: the inbrenger reads B there; the procesregisseur records the band): refused, nothing stored', async () => {
  const caseId = await inVerrijking({ registrationsBand: 'unknown' });
  const r = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth, registrationsBand: '>2' });
  expect(r.ok ? 'OK' : [r.error.code, r.error.details]).toEqual(['AUTH.FORBIDDEN', { reason: 'ALSO_WRITES', group: 'B' }]);
  const record = await stored(w, caseId);
  expect(record).toMatchObject({ frame: { phase: 'VERRIJKING' }, concern: { registrationsBand: 'unknown' } });
  expect(record.identity).toBeUndefined();
  expect(databaseText()).not.toContain(RESIDENT.name);
  // the band the inbrenger gave at intake, sent again unchanged, writes nothing of B and is accepted
  const same = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth, registrationsBand: 'unknown' });
  expect(same.ok && same.value.outcome).toBe('ELIGIBLE');
});

test('a band the procesregisseur records with the identity is audited as a write of B beside the identity', async () => {
  const caseId = await inVerrijking({ registrationsBand: 'unknown' });
  const r = await attempt(w, 'supplyIdentity', U.regisseur, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth, registrationsBand: '1' });
  expect(r.ok && r.value.outcome).toBe('ELIGIBLE');
  const rows = [];
  for await (const page of w.store.auditPages(500)) rows.push(...page);
  const own = rows.filter((row) => row.caseId === caseId && row.purpose.startsWith('supplyIdentity'));
  expect(own.map((row) => [row.action, row.groups])).toEqual([
    ['update', ['C']],
    ['create', ['C']],
    ['update', ['B']],
  ]);
});

test('2 registrations is still eligible', async () => {
  const caseId = await inVerrijking({ registrationsBand: '2' });
  const r = await attempt(w, 'supplyIdentity', U.mentor, { caseId, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
  expect(r.ok && r.value.outcome).toBe('ELIGIBLE');
});

test('the advised route of each exit comes from the process configuration', async () => {
  const sp = new Signaalpunt(w.store, w.clock, { eligibilityAdvice: { AGE_OVER_23: 'JONGERENWERK', TOO_MANY_REGISTRATIONS: 'POLITIE' } });
  const old = await inVerrijking();
  const many = await inVerrijking({ registrationsBand: '>2' });
  const a = await sp.execute('supplyIdentity', U.mentor, { commandId: '00000000-0000-4000-8000-00000000a001', caseId: old, name: RESIDENT.name, dateOfBirth: '1990-01-01' });
  const b = await sp.execute('supplyIdentity', U.mentor, { commandId: '00000000-0000-4000-8000-00000000a002', caseId: many, name: RESIDENT.name, dateOfBirth: RESIDENT.dateOfBirth });
  expect(a.ok && a.value.advisedRoute).toBe('JONGERENWERK');
  expect(b.ok && b.value.advisedRoute).toBe('POLITIE');
  expect((await stored(w, old)).frame.exit?.advisedRoute).toBe('JONGERENWERK');
});
