/**
 * The reference data over HTTP (issue 16): the procesregisseur reads the current version and changes it on
 * the version it was made on; a stale version is 409 REFERENCE.VERSION_CONFLICT; nobody else may. The
 * catalogue every client reads follows the version valid today: a retired signal is still listed with its
 * label (old cases render it) but marked retired, and a new intake can no longer choose it.
 */
import { codeLabelFrom } from '../../bot/app/code-labels';
import type { TestServer } from './support/harness';
import { CONCERN, DEMO, cmdId, command, driveTo, inDays, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

type Entry = { code: string; nl: string; en: string; retiredIn?: number };

test('only the procesregisseur reads and changes the reference data', async () => {
  expect((await t.call('GET', '/api/v1/reference-data', { as: DEMO.mentor })).status).toBe(403);
  expect((await t.call('GET', '/api/v1/reference-data', { as: DEMO.voorzitter })).status).toBe(403);
  const current = await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur });
  expect(current.status).toBe(200);
  const refused = await t.call('POST', '/api/v1/reference-data', { as: DEMO.coach, body: { commandId: cmdId(), expectedVersion: current.body.version, data: current.body.data } });
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('AUTH.FORBIDDEN');
});

test('retiring a signal: old cases keep it and the catalogue still labels it, a new intake cannot choose it; a stale version is 409', async () => {
  const old = await command(t, DEMO.mentor, 'submitConcern', undefined, { ...CONCERN, riskSignals: ['TELEFOONS'] });
  const current = await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur });
  const version: number = current.body.version;
  const data = current.body.data;
  data.catalogue = data.catalogue.map((e: { code: string }) => (e.code === 'TELEFOONS' ? { ...e, activeUntil: '2000-01-02' } : e));
  data.offers.push({ organisationId: 'wijkteam', code: 'DAGBESTEDING', nl: 'Dagbesteding in de wijk', en: 'Day activities in the neighbourhood', kind: 'dayActivity', minAge: 12, maxAge: 23 });
  const changed = await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: version, data } });
  expect(changed.status).toBe(200);
  expect(changed.body).toEqual({
    version: version + 1,
    replayed: false,
    changes: [
      { area: 'catalogue', op: 'changed', key: 'riskSignal:TELEFOONS' },
      { area: 'offers', op: 'added', key: 'wijkteam:DAGBESTEDING' },
    ],
  });

  const stale = await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: version, data } });
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ code: 'REFERENCE.VERSION_CONFLICT', expectedVersion: version, currentVersion: version + 1 });

  const catalogue = await t.call('GET', '/api/v1/catalogue', { as: DEMO.mentor });
  expect(catalogue.body.referenceVersion).toBe(version + 1);
  expect(catalogue.body.riskSignals.find((e: Entry) => e.code === 'TELEFOONS')).toEqual({ code: 'TELEFOONS', nl: 'Meerdere telefoons', en: 'Several phones', retiredIn: version + 1 });
  expect(catalogue.body.riskSignals.find((e: Entry) => e.code === 'GELD')).toEqual({ code: 'GELD', nl: 'Onverklaarbaar geld of dure spullen', en: 'Unexplained money or goods' });
  expect(catalogue.body.offers).toContainEqual({ code: 'DAGBESTEDING', nl: 'Dagbesteding in de wijk', en: 'Day activities in the neighbourhood', kind: 'dayActivity', organisationId: 'wijkteam', minAge: 12, maxAge: 23 });

  const stored = await t.call('GET', `/api/v1/cases/${old.caseId}`, { as: DEMO.mentor });
  expect(stored.body.concern.riskSignals).toEqual(['TELEFOONS']);

  const intake = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN, riskSignals: ['TELEFOONS'] } });
  expect(intake.status).toBe(400);
  expect(intake.body.code).toBe('VALIDATION.UNKNOWN_CODE');
});

test('invalid reference data is 400 REFERENCE.INVALID naming the field', async () => {
  const current = await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur });
  const data = current.body.data;
  data.registry.push({ organisationId: 'sportclub', joinedOn: '2026-02-01', leftOn: '2026-01-01' });
  const r = await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: current.body.version, data } });
  expect(r.status).toBe(400);
  expect(r.body.code).toBe('REFERENCE.INVALID');
  expect(JSON.stringify(r.body)).toContain(`data.registry.${data.registry.length - 1}.leftOn`);
});

test('a catalogue code of the wrong shape is 400 REFERENCE.INVALID with INVALID_CODE at its field (the web part shows it there)', async () => {
  const current = await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur });
  const data = current.body.data;
  data.catalogue.push({ kind: 'form', code: 'buurt-sport', nl: 'Buurtsport', en: 'Neighbourhood sports' });
  const r = await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: current.body.version, data } });
  expect(r.status).toBe(400);
  expect(r.body.code).toBe('REFERENCE.INVALID');
  expect(r.body.fields).toEqual([{ path: `data.catalogue.${data.catalogue.length - 1}.code`, issue: 'INVALID_CODE' }]);
});

test('a risk signal relabelled and retired after a case stored it: the case still shows it by its newest label — in the catalogue the web part and the tab read, and the bot’s label helper', async () => {
  const old = await command(t, DEMO.mentor, 'submitConcern', undefined, { ...CONCERN, riskSignals: ['SCHULDEN'] });
  const current = await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur });
  const data = current.body.data;
  const index = data.catalogue.findIndex((e: { kind: string; code: string }) => e.kind === 'riskSignal' && e.code === 'SCHULDEN');
  expect(index).toBeGreaterThanOrEqual(0);
  data.catalogue[index] = { kind: 'riskSignal', code: 'SCHULDEN', nl: 'Schulden bij leeftijdgenoten', en: 'Debts to peers', activeUntil: '2000-01-02' };
  const changed = await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: current.body.version, data } });
  expect(changed.status).toBe(200);

  const stored = await t.call('GET', `/api/v1/cases/${old.caseId}`, { as: DEMO.mentor });
  expect(stored.body.concern.riskSignals).toEqual(['SCHULDEN']);
  const catalogue = await t.call('GET', '/api/v1/catalogue', { as: DEMO.mentor });
  expect(catalogue.body.riskSignals.find((e: Entry) => e.code === 'SCHULDEN')).toEqual({ code: 'SCHULDEN', nl: 'Schulden bij leeftijdgenoten', en: 'Debts to peers', retiredIn: changed.body.version });
  // the tab: tests/teams-app/components/RetiredSignalLabel.test.tsx (codesFrom on the same catalogue)
  // the bot: labels from the reference data's history in the store
  const history = await t.server.store.listReferenceVersions();
  expect(codeLabelFrom(history, 'nl-NL')('riskSignals', 'SCHULDEN')).toBe('Schulden bij leeftijdgenoten');
  expect(codeLabelFrom(history, 'en-US')('riskSignals', 'SCHULDEN')).toBe('Debts to peers');
});

test('the minutes show a follow-up action’s offer by its label after the offer was removed from the local offer', async () => {
  const add = await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur });
  const data = add.body.data;
  data.offers.push({ organisationId: 'jongerenwerk', code: 'BOKSEN', nl: 'Bokstraining in de buurt', en: 'Boxing training nearby', kind: 'dayActivity', minAge: 6, maxAge: 23 });
  expect((await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: add.body.version, data } })).status).toBe(200);

  const caseId = await driveTo(t, 'OPVOLGING');
  await command(t, DEMO.jongerenwerk, 'recordFollowUp', caseId, { actions: [{ offerCode: 'BOKSEN', organisationId: 'jongerenwerk', dueOn: inDays(30) }], residentStance: 'agrees' });

  const again = await t.call('GET', '/api/v1/reference-data', { as: DEMO.regisseur });
  const without = again.body.data;
  without.offers = without.offers.filter((o: { code: string }) => o.code !== 'BOKSEN');
  expect((await t.call('POST', '/api/v1/reference-data', { as: DEMO.regisseur, body: { commandId: cmdId(), expectedVersion: again.body.version, data: without } })).status).toBe(200);

  const meeting = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'reference-minutes', title: 'Signaaltafel', scheduledOn: inDays(7) } });
  expect(meeting.status).toBe(201);
  const agenda = await t.call('POST', `/api/v1/meetings/${meeting.body.id}/agenda`, { as: DEMO.regisseur, body: { caseIds: [caseId], expectedVersion: meeting.body.version } });
  expect(agenda.status).toBe(200);
  const md = await t.call('GET', `/api/v1/meetings/${meeting.body.id}/minutes?format=markdown&locale=nl-NL`, { as: DEMO.regisseur });
  expect(md.status).toBe(200);
  expect(md.text).toContain('Actie: Bokstraining in de buurt — Jongerenwerk');
  expect(md.text).not.toContain('BOKSEN');
});
