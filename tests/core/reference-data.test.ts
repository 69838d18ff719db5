/**
 * Reference data as versions (issue 16: "functional management for the procesregisseur"): catalogue
 * entries, the local offer and the registry are data in the store, changed only by the procesregisseur,
 * each change a new version (role, when, what) that never overwrites the one before; reads take the version
 * valid on a day; retired codes still render in old cases and are refused for new input.
 */
import { randomUUID } from 'node:crypto';
import type { ReferenceData } from '../../src/core/reference-data';
import { referenceLabel } from '../../src/core/reference-data';
import type { User } from '../../src/core/model';
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { RESIDENT, allAudit, attempt, expectCode, stored } from './helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

const change = (user: User, expectedVersion: number, data: ReferenceData, commandId: string = randomUUID()) => w.sp.reference.change(user, { commandId, expectedVersion, data });
const current = async (): Promise<ReferenceData> => structuredClone((await w.sp.reference.latest()).data);

describe('version 1: the constants as they were', () => {
  test('holds the active signals, forms and protective factors, the sociale kaart for ages 6–23 and the members of the protocol', async () => {
    const v1 = await w.sp.reference.latest();
    expect(v1).toMatchObject({ version: 1, changedBy: { role: 'system' } });
    expect(v1.data.catalogue).toContainEqual({ kind: 'riskSignal', code: 'GELD', nl: 'Onverklaarbaar geld of dure spullen', en: 'Unexplained money or goods' });
    expect(v1.data.catalogue).toContainEqual({ kind: 'form', code: 'DEALEN', nl: 'Dealen', en: 'Dealing' });
    expect(v1.data.catalogue).toContainEqual({ kind: 'protectiveFactor', code: 'POSITIEVE_VRIENDEN', nl: 'Positieve vrienden', en: 'Positive friends' });
    // OPSLAG was retired before the data was managed: not offered, still rendered (from catalogue.ts)
    expect(v1.data.catalogue.map((e) => e.code)).not.toContain('OPSLAG');
    expect(referenceLabel([v1], 'forms', 'OPSLAG', 'nl-NL')).toBe('Opslag van drugs of geld');
    expect(v1.data.offers).toContainEqual({ organisationId: 'jongerenwerk', code: 'SPORT_MATCH', nl: 'Sport- en beweegmaatje', en: 'Sports buddy', kind: 'dayActivity', minAge: 6, maxAge: 23 });
    expect(v1.data.offers).toHaveLength(9);
    expect(v1.data.registry.map((r) => r.organisationId)).toEqual(['gemeente', 'jongerenwerk', 'leerplicht', 'politie', 'school', 'wijkteam']);
    expect(v1.data.registry).toContainEqual({ organisationId: 'school', joinedOn: '2024-01-01' });
  });

  test('is made once: a second read finds the same version, no second one', async () => {
    await w.sp.reference.latest();
    await w.sp.reference.latest();
    expect((await w.store.listReferenceVersions()).map((v) => v.version)).toEqual([1]);
  });
});

describe('changes by the procesregisseur', () => {
  test('a change makes version 2 with role, moment and what changed; version 1 stays as it was', async () => {
    const before = await current();
    const data = await current();
    data.offers.push({ organisationId: 'wijkteam', code: 'DAGBESTEDING', nl: 'Dagbesteding in de wijk', en: 'Day activities in the neighbourhood', kind: 'dayActivity', minAge: 12, maxAge: 18 });
    data.registry = data.registry.map((r) => (r.organisationId === 'politie' ? { ...r, leftOn: '2026-06-01' } : r));
    const r = await change(U.regisseur, 1, data);
    expect(r.ok && r.value).toEqual({
      version: 2,
      replayed: false,
      changes: [
        { area: 'offers', op: 'added', key: 'wijkteam:DAGBESTEDING' },
        { area: 'registry', op: 'changed', key: 'politie' },
      ],
    });
    const versions = await w.store.listReferenceVersions();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.data).toEqual(before);
    expect(versions[1]).toMatchObject({ version: 2, validFrom: '2026-03-02T09:00:00.000Z', changedBy: { role: 'procesregisseur' } });
    // role only: the version names nobody
    expect(JSON.stringify(versions[1]!.changedBy)).not.toContain('regisseur@');
  });

  test('the change is audited as a command: one update row, role procesregisseur, no case', async () => {
    const before = (await allAudit(w)).length;
    const commandId = randomUUID();
    const r = await change(U.regisseur, 1, await current(), commandId);
    expect(r.ok).toBe(true);
    const rows = (await allAudit(w)).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'update', role: 'procesregisseur', actorId: U.regisseur.id, caseId: null, reference: null, phase: null, groups: [], commandId });
    expect(rows[0]!.purpose).toContain('versie 2');
  });

  test('the same commandId again changes nothing: no third version, no second audit row', async () => {
    const commandId = randomUUID();
    const data = await current();
    await change(U.regisseur, 1, data, commandId);
    const rows = (await allAudit(w)).length;
    const again = await change(U.regisseur, 1, data, commandId);
    expect(again.ok && again.value).toMatchObject({ version: 2, replayed: true });
    expect((await w.store.listReferenceVersions()).length).toBe(2);
    expect((await allAudit(w)).length).toBe(rows);
  });

  test('a change made on an older version is refused with REFERENCE.VERSION_CONFLICT naming the expected version', async () => {
    await change(U.regisseur, 1, await current());
    const stale = await change(U.regisseur, 1, await current());
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('REFERENCE.VERSION_CONFLICT');
    expect(stale.error.details).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect((await w.store.listReferenceVersions()).length).toBe(2);
  });

  test.each([
    ['a partner', U.mentor],
    ['the voorzitter', U.voorzitter],
    ['the privacy officer', U.fg],
  ])('%s may not change it: AUTH.FORBIDDEN, nothing written', async (_who, user) => {
    const r = await change(user, 1, await current());
    expect(!r.ok && r.error.code).toBe('AUTH.FORBIDDEN');
    expect((await w.store.listReferenceVersions()).length).toBe(1);
  });

  test('invalid data is refused with REFERENCE.INVALID and the field: an age range upside down, a duplicate code, an unknown organisation, leaving before joining', async () => {
    const seed = await current();
    const cases: [string, (d: ReferenceData) => void, string][] = [
      ['ages', (d) => d.offers.push({ organisationId: 'wijkteam', code: 'X_AGES', nl: 'x', en: 'x', kind: 'help', minAge: 18, maxAge: 12 }), 'data.offers.9.maxAge'],
      ['duplicate', (d) => d.catalogue.push({ kind: 'riskSignal', code: 'GELD', nl: 'Geld', en: 'Money' }), `data.catalogue.${seed.catalogue.length}`],
      ['organisation', (d) => d.offers.push({ organisationId: 'onbekend', code: 'X_ORG', nl: 'x', en: 'x', kind: 'help', minAge: 6, maxAge: 23 }), 'data.offers.9.organisationId'],
      ['left', (d) => (d.registry[0] = { organisationId: d.registry[0]!.organisationId, joinedOn: '2024-01-01', leftOn: '2023-01-01' }), 'data.registry.0.leftOn'],
    ];
    for (const [what, edit, path] of cases) {
      const data = structuredClone(seed);
      edit(data);
      const r = await change(U.regisseur, 1, data);
      expect([what, !r.ok && r.error.code]).toEqual([what, 'REFERENCE.INVALID']);
      if (!r.ok) expect([what, (r.error.details.fields ?? []).map((f) => f.path)]).toEqual([what, expect.arrayContaining([path])]);
    }
    expect((await w.store.listReferenceVersions()).length).toBe(1);
  });

  test('a day that is no calendar day (month 13, 30 February, 31 April) is refused as REFERENCE.INVALID at its field, not as an internal error, and nothing is written', async () => {
    const seed = await current();
    for (const [what, edit, path] of [
      ['month 13', (d: ReferenceData) => (d.offers[0]!.activeUntil = '2026-13-45'), 'data.offers.0.activeUntil'],
      ['30 February', (d: ReferenceData) => (d.registry[0]!.leftOn = '2027-02-30'), 'data.registry.0.leftOn'],
      ['31 April', (d: ReferenceData) => (d.catalogue[0]!.activeFrom = '2026-04-31'), 'data.catalogue.0.activeFrom'],
    ] as const) {
      const data = structuredClone(seed);
      edit(data);
      const r = await change(U.regisseur, 1, data);
      expect([what, !r.ok && r.error.code, !r.ok && r.error.details.fields]).toEqual([what, 'REFERENCE.INVALID', [{ path, issue: 'INVALID_DATE' }]]);
    }
    expect((await w.store.listReferenceVersions()).length).toBe(1);
  });

  test('the catalogue keeps at least one risk signal without an end date: an intake asks at least one (schemas: riskSignals, min 1), so removing or ending them all is refused and nothing is written', async () => {
    const seed = await current();
    for (const [what, edit] of [
      ['all removed', (d: ReferenceData) => (d.catalogue = d.catalogue.filter((e) => e.kind !== 'riskSignal'))],
      ['all ended', (d: ReferenceData) => d.catalogue.filter((e) => e.kind === 'riskSignal').forEach((e) => (e.activeUntil = '2026-06-01'))],
    ] as const) {
      const data = structuredClone(seed);
      edit(data);
      const r = await change(U.regisseur, 1, data);
      expect([what, !r.ok && r.error.code, !r.ok && r.error.details.fields]).toEqual([what, 'REFERENCE.INVALID', [{ path: 'data.catalogue', issue: 'NO_OPEN_RISK_SIGNAL' }]]);
    }
    expect((await w.store.listReferenceVersions()).length).toBe(1);
  });

  test('a label that names a person is refused by the identifier guard', async () => {
    const data = await current();
    data.offers.push({ organisationId: 'wijkteam', code: 'MILA', nl: `Gesprek met ${RESIDENT.name} (06-12345678)`, en: 'Talk', kind: 'help', minAge: 6, maxAge: 23 });
    const r = await change(U.regisseur, 1, data);
    expect(!r.ok && r.error.code).toBe('INTAKE.IDENTIFIER_DETECTED');
  });

  test('leaving the protocol in the registry is copied onto the organisation: from that day on it is no member', async () => {
    const data = await current();
    data.registry = data.registry.map((r) => (r.organisationId === 'leerplicht' ? { ...r, leftOn: '2026-03-02' } : r));
    expect((await change(U.regisseur, 1, data)).ok).toBe(true);
    expect(await w.store.getOrganisation('leerplicht')).toMatchObject({ id: 'leerplicht', name: 'Leerplicht', joinedOn: '2024-01-01', leftOn: '2026-03-02' });
  });
});

describe('reads take the version valid on a day', () => {
  test('a day before a change reads version 1, the day of it and later the new version', async () => {
    const data = await current();
    data.catalogue = data.catalogue.filter((e) => e.code !== 'TELEFOONS');
    w.clock.set('2026-05-10T12:00:00Z');
    await change(U.regisseur, 1, data);
    expect((await w.sp.reference.on('2026-05-09')).version).toBe(1);
    expect((await w.sp.reference.on('2026-05-10')).version).toBe(2);
    expect((await w.sp.reference.on('2027-01-01')).version).toBe(2);
    expect((await w.sp.reference.on('2020-01-01')).version).toBe(1);
  });
});

describe('retired codes', () => {
  test('a retired risk signal is refused for a new intake, and the old case that stored it still shows its label', async () => {
    const old = await w.submit(U.mentor, { riskSignals: ['TELEFOONS'] });
    const data = await current();
    data.catalogue = data.catalogue.map((e) => (e.code === 'TELEFOONS' ? { ...e, activeUntil: '2026-03-02' } : e));
    expect((await change(U.regisseur, 1, data)).ok).toBe(true);

    const refused = await attempt(w, 'submitConcern', U.mentor, { ageYears: 15, riskSignals: ['TELEFOONS'] });
    expect(!refused.ok && refused.error.code).toBe('VALIDATION.UNKNOWN_CODE');
    expect(!refused.ok && refused.error.details.fields).toEqual([{ path: 'riskSignals.0', issue: 'UNKNOWN_CODE' }]);

    expect((await stored(w, old.caseId)).concern.riskSignals).toEqual(['TELEFOONS']);
    expect(referenceLabel(await w.sp.reference.history(), 'riskSignals', 'TELEFOONS', 'nl-NL')).toBe('Meerdere telefoons');
  });

  test('a code removed in a later version still renders with the label it had', async () => {
    const data = await current();
    data.catalogue.push({ kind: 'riskSignal', code: 'NACHTWERK', nl: "'s Nachts onderweg", en: 'Out at night' });
    await change(U.regisseur, 1, data);
    await w.submit(U.mentor, { riskSignals: ['NACHTWERK'] });
    const without = await current();
    without.catalogue = without.catalogue.filter((e) => e.code !== 'NACHTWERK');
    await change(U.regisseur, 2, without);
    const history = await w.sp.reference.history();
    expect(referenceLabel(history, 'riskSignals', 'NACHTWERK', 'en-US')).toBe('Out at night');
    const refused = await attempt(w, 'submitConcern', U.mentor, { ageYears: 15, riskSignals: ['NACHTWERK'] });
    expect(!refused.ok && refused.error.code).toBe('VALIDATION.UNKNOWN_CODE');
  });

  test('a risk signal retired from tomorrow on is accepted today and refused tomorrow, with no new version in between', async () => {
    w.clock.set('2026-05-10T12:00:00Z');
    const data = await current();
    data.catalogue = data.catalogue.map((e) => (e.code === 'TELEFOONS' ? { ...e, activeUntil: '2026-05-11' } : e));
    expect((await change(U.regisseur, 1, data)).ok).toBe(true);
    expect((await attempt(w, 'submitConcern', U.mentor, { ageYears: 15, riskSignals: ['TELEFOONS'] })).ok).toBe(true);
    w.clock.set('2026-05-11T00:00:01Z');
    const refused = await attempt(w, 'submitConcern', U.mentor, { ageYears: 15, riskSignals: ['TELEFOONS'] });
    expect(!refused.ok && refused.error.details.fields).toEqual([{ path: 'riskSignals.0', issue: 'UNKNOWN_CODE' }]);
    expect((await w.sp.reference.latest()).version).toBe(2);
  });

  test('a signal added by the procesregisseur can be chosen at intake from its day on', async () => {
    const data = await current();
    data.catalogue.push({ kind: 'riskSignal', code: 'NACHTWERK', nl: "'s Nachts onderweg", en: 'Out at night' });
    await change(U.regisseur, 1, data);
    const r = await attempt(w, 'submitConcern', U.mentor, { ageYears: 15, riskSignals: ['NACHTWERK'] });
    expect(r.ok).toBe(true);
  });
});

describe('record-follow-up follows the registry and the local offer of the day', () => {
  let caseId: string;
  beforeEach(async () => {
    caseId = await w.driveTo('OPVOLGING');
  });
  const action = (offerCode: string, organisationId: string) => ({ caseId, actions: [{ offerCode, organisationId, dueOn: '2026-06-01' }], residentStance: 'agrees' });

  test('an organisation that left the protocol in the registry is refused', async () => {
    const data = await current();
    data.registry = data.registry.map((r) => (r.organisationId === 'wijkteam' ? { ...r, leftOn: w.clock.now().toISOString().slice(0, 10) } : r));
    await change(U.regisseur, 1, data);
    const e = expectCode(await attempt(w, 'recordFollowUp', U.regisseur, action('SCHULDHULP', 'wijkteam')), 'CASE.PRECONDITION_FAILED');
    expect(e.details.fields).toEqual([{ path: 'actions.0.organisationId', issue: 'NOT_A_MEMBER' }]);
  });

  test('an offer another organisation provides is refused for this one', async () => {
    const e = expectCode(await attempt(w, 'recordFollowUp', U.regisseur, action('SCHULDHULP', 'jongerenwerk')), 'FOLLOW_UP.OFFER_NOT_PROVIDED');
    expect(e.details.fields).toEqual([{ path: 'actions.0.offerCode', issue: 'NOT_PROVIDED_BY_ORGANISATION' }]);
  });

  test('an offer no longer active on the day is refused; a new one the organisation provides is accepted', async () => {
    const data = await current();
    const today = w.clock.now().toISOString().slice(0, 10);
    data.offers = data.offers.map((o) => (o.code === 'SCHULDHULP' ? { ...o, activeUntil: today } : o));
    data.offers.push({ organisationId: 'wijkteam', code: 'DAGBESTEDING', nl: 'Dagbesteding in de wijk', en: 'Day activities', kind: 'dayActivity', minAge: 6, maxAge: 23 });
    await change(U.regisseur, 1, data);
    expectCode(await attempt(w, 'recordFollowUp', U.regisseur, action('SCHULDHULP', 'wijkteam')), 'VALIDATION.UNKNOWN_CODE');
    const r = await attempt(w, 'recordFollowUp', U.regisseur, action('DAGBESTEDING', 'wijkteam'));
    expect(r.ok).toBe(true);
  });

  test('an offer for other ages than the young person’s on the day is refused', async () => {
    // the walked case's young person (born 2011-05-04) is 14 on 2026-03-02
    const data = await current();
    data.offers = data.offers.map((o) => (o.code === 'OUDERONDERSTEUNING' ? { ...o, minAge: 16, maxAge: 23 } : o));
    await change(U.regisseur, 1, data);
    expect((await stored(w, caseId)).identity?.dateOfBirth).toBe(RESIDENT.dateOfBirth);
    expectCode(await attempt(w, 'recordFollowUp', U.regisseur, action('OUDERONDERSTEUNING', 'wijkteam')), 'FOLLOW_UP.OFFER_NOT_PROVIDED');
  });
});
