import { PERSONAL_GROUPS } from '../../src/core/model';
import { normaliseName } from '../../src/transparency/access-export';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import { readDocx, services } from './support';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

const read = async (user: typeof U.mentor, caseId: string): Promise<void> => {
  const r = await w.sp.getCase(user, caseId);
  if (!r.ok) throw r.error;
};

/** A case walked to closure as the users would, with reads by partners along the way. */
async function seededCase(): Promise<string> {
  const { caseId } = await w.submit(U.mentor, { freeText: 'Heeft sinds kort dure kleding.' });
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
  w.clock.set('2026-03-03T09:00:00Z');
  await w.cmd('supplyIdentity', U.mentor, { caseId, name: 'Test Persoon', dateOfBirth: '2011-05-04' });
  await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['politie', 'wijkteam'], dueOn: '2026-03-16' });
  w.clock.set('2026-03-04T10:00:00Z');
  await read(U.agent, caseId); // the police officer reads name and date of birth while the request is open
  await w.cmd('answerEnrichment', U.agent, { caseId, known: true, signals: ['LAAT_OP_STRAAT'] });
  await w.cmd('answerEnrichment', U.coach, { caseId, known: false });
  await w.cmd('concludeEnrichment', U.regisseur, { caseId });
  await services(w).letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
  await w.cmd('recordResidentInformed', U.mentor, { caseId, informedOn: '2026-03-04' });
  w.clock.set('2026-03-10T14:00:00Z');
  await w.cmd('recordDiscussion', U.regisseur, {
    caseId,
    lifeDomains: { SCHOOL: 'concerning', GEZIN: 'notConcerning' },
    parties: ['politie', 'jongerenwerk'],
    followUpOptions: ['GESPREK_JONGERENWERK'],
    leadOrganisationId: 'jongerenwerk',
    contact: { address: 'Kerkstraat 1, 1234 AB Voorbeeldstad', phone: '06-12345678' },
    notes: 'Afspraak met jongerenwerker gepland.',
    complete: true,
  });
  w.clock.set('2026-03-11T09:00:00Z');
  await read(U.jongerenwerk, caseId); // the lead partner reads contact details
  await w.cmd('recordFollowUp', U.jongerenwerk, { caseId, actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: '2026-04-01' }], residentStance: 'agrees', complete: true });
  w.clock.set('2026-04-02T09:00:00Z');
  // closing "follow-up done" needs a finished action (issue 18, item 4)
  const actionId = (await w.store.transaction((tx) => tx.getCase(caseId)))!.followUp!.actions[0]!.id;
  await w.cmd('updateActionStatus', U.jongerenwerk, { caseId, actionId, status: 'done' });
  await w.cmd('closeCase', U.regisseur, { caseId, rationale: 'Opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' });
  return caseId;
}

async function otherResidents(): Promise<void> {
  for (const [name, dateOfBirth] of [
    ['Lotte Bakker', '2009-09-09'],
    ['Test Persoon', '2009-01-01'], // same name, another date of birth: another person
  ] as const) {
    const { caseId } = await w.submit(U.coach, { riskSignals: ['WAPENS'], freeText: 'Ander verhaal.' });
    await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
    await w.cmd('supplyIdentity', U.coach, { caseId, name, dateOfBirth });
    await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['leerplicht'], dueOn: '2026-05-16' });
  }
}

describe('the access export (AVG art. 15)', () => {
  test('finds the resident by name and date of birth, however the name is typed', async () => {
    expect(normaliseName('  Jan-Willem   de VRIES ')).toBe(normaliseName('jan willem de vries'));
    expect(normaliseName('Zoë Çelik')).toBe('zoe celik');
    expect(normaliseName("D'Souza")).toBe('dsouza');
  });

  test('holds everything stored on the resident: data per phase, decisions, letters sent', async () => {
    const caseId = await seededCase();
    await otherResidents();
    const record = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    const r = await services(w).access.export(U.regisseur, { name: '  test   PERSOON ', dateOfBirth: '2011-05-04' });
    if (!r.ok) throw r.error;
    const { json } = r.value;
    expect(json.cases.map((c) => c.reference)).toEqual([record.frame.reference]);
    const c = json.cases[0]!;
    expect(c.identity).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    expect(c.source.organisation).toBe('Het Baken College');
    expect(c.concern.riskSignals.map((s) => s.code)).toEqual(record.concern.riskSignals);
    expect(c.concern.freeText).toBe('Heeft sinds kort dure kleding.');
    expect(c.frame.aveLevel?.code).toBe('2');
    expect(c.frame.informedOn).toBe('2026-03-04');
    expect(c.frame.decisions.map((d) => [d.kind.code, d.outcome])).toEqual(record.frame.decisions.map((d) => [d.kind, d.outcome]));
    expect(c.frame.transitions.map((t) => t.to.code)).toEqual(['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED']);
    expect(c.frame.exit).toMatchObject({ reason: { code: 'FOLLOW_UP_DONE' }, advisedRoute: { code: 'JONGERENWERK' }, rationale: 'Opvolging loopt via het jongerenwerk.' });
    expect(c.enrichment).toEqual([
      expect.objectContaining({ organisation: 'Politie basisteam', answer: expect.objectContaining({ known: true, signals: [{ code: 'LAAT_OP_STRAAT', label: "'s Avonds laat op bekende dealplekken" }], answeredBy: 'Wijkagent (politie)' }) }),
      expect.objectContaining({ organisation: 'Wijkteam Centrum', answer: expect.objectContaining({ known: false, answeredBy: 'Coach (wijkteam)' }) }),
    ]);
    expect(c.discussion).toMatchObject({ parties: ['Politie basisteam', 'Jongerenwerk'], leadOrganisation: 'Jongerenwerk', notes: 'Afspraak met jongerenwerker gepland.' });
    expect(c.contact).toEqual({ address: 'Kerkstraat 1, 1234 AB Voorbeeldstad', phone: '06-12345678', email: null, guardian: null });
    expect(c.followUp).toMatchObject({ residentStance: { code: 'agrees' }, actions: [{ offer: { code: 'GESPREK_JONGERENWERK' }, organisation: 'Jongerenwerk', status: { code: 'done' } }] });
    expect(c.reflection.lettersSent).toEqual([{ kind: { code: 'INFORMATION', label: 'Informatiebrief (gegevens gedeeld)' }, at: '2026-03-04T10:00:00.000Z', by: 'Procesregisseur' }]);
    expect(c.retentionUntil).toBe(record.frame.retentionUntil);
    expect(json.legalBasis).toContain('Artikel 6, lid 1, onder e');
    expect(json.retention).toEqual({ closedInVerrijking: '4 weken', closedLater: '24 maanden', maxAge: 24 });
  });

  test('names every organisation and person that received or read the data, and when', async () => {
    const caseId = await seededCase();
    const before = await w.store.readAudit({ caseId, limit: 10_000 });
    const r = await services(w).access.export(U.regisseur, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    if (!r.ok) throw r.error;
    const c = r.value.json.cases[0]!;
    const find = (pred: (x: (typeof c.recipients)[number]) => boolean) => c.recipients.filter(pred);
    // organisations that received name, date of birth and signals through the enrichment request
    expect(find((x) => x.personId === null && x.organisation === 'Politie basisteam' && x.actions.some((a) => a.startsWith('ontvangen')))[0]).toMatchObject({ firstAt: '2026-03-03T09:00:00.000Z', groups: ['B', 'C'] });
    expect(find((x) => x.personId === null && x.organisation === 'Wijkteam Centrum')).toHaveLength(1);
    // the parties of the discussion, with what the policy table lets them see: the lead partner also the contact details
    expect(find((x) => x.personId === null && x.organisation === 'Jongerenwerk')[0]).toMatchObject({ role: 'Regiehouder (lead partner)', firstAt: '2026-03-10T14:00:00.000Z', groups: ['B', 'C', 'D', 'E', 'F'] });
    expect(find((x) => x.personId === null && x.organisation === 'Politie basisteam' && x.role.startsWith('Betrokken'))[0]).toMatchObject({ groups: ['B', 'C', 'D', 'E'] });
    // persons who read, with when
    expect(find((x) => x.personId === 'wijkagent@politie.demo' && x.actions.includes('ingezien'))[0]).toMatchObject({ organisation: 'Politie basisteam', firstAt: '2026-03-04T10:00:00.000Z' });
    expect(find((x) => x.personId === 'werker@jongerenwerk.demo' && x.actions.includes('ingezien'))[0]).toMatchObject({ groups: expect.arrayContaining(['C', 'F']), firstAt: '2026-03-11T09:00:00.000Z' });
    // complete: every person in the audit log who touched personal data appears, within first…last
    for (const row of before) {
      if (row.role === 'system' || !row.groups.some((g) => PERSONAL_GROUPS.includes(g)) || !['create', 'read', 'update', 'export'].includes(row.action)) continue;
      const hit = c.recipients.find((x) => x.personId === row.actorId && x.firstAt <= row.at && row.at <= x.lastAt);
      expect(hit).toBeDefined();
    }
    // and every audit row of the case is listed, plus this export itself
    expect(c.processing).toHaveLength(before.length + 1);
    expect(c.processing.at(-1)).toMatchObject({ actorId: 'regisseur@gemeente.demo', purpose: 'dit inzageverzoek (export)' });
  });

  test('is itself audited as an export of the resident’s data', async () => {
    const caseId = await seededCase();
    w.clock.set('2026-05-01T12:00:00Z');
    const r = await services(w).access.export(U.regisseur, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    expect(r.ok).toBe(true);
    const last = (await w.store.readAudit({ caseId, limit: 10_000 })).at(-1)!;
    expect(last).toMatchObject({ at: '2026-05-01T12:00:00.000Z', actorId: 'regisseur@gemeente.demo', role: 'procesregisseur', action: 'export', phase: 'CLOSED' });
    expect(last.groups).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(last.purpose).toContain('AVG art. 15');
    expect((await w.sp.verifyAudit()).ok).toBe(true);
  });

  test('names who asked and why in the export (JSON and docx); the audit purpose names who asked, never the reason’s text', async () => {
    const caseId = await seededCase();
    const r = await services(w).access.export(U.regisseur, { name: 'Test Persoon', dateOfBirth: '2011-05-04', requestedBy: 'guardian', reason: 'Brief van de moeder van 3 april' });
    if (!r.ok) throw r.error;
    expect(r.value.json.request).toEqual({ name: 'Test Persoon', dateOfBirth: '2011-05-04', requestedBy: { code: 'guardian', label: 'ouder of voogd' }, reason: 'Brief van de moeder van 3 april' });
    const doc = readDocx(r.value.docx.data);
    expect(doc.text).toContain('\nGevraagd door: ouder of voogd\nReden van het verzoek: Brief van de moeder van 3 april\n');
    const last = (await w.store.readAudit({ caseId, limit: 10_000 })).at(-1)!;
    expect(last.purpose).toBe('inzageverzoek betrokkene (AVG art. 15): export van alle gegevens; verzoek van: guardian');
    expect(last.purpose).not.toContain('moeder');
  });

  test('holds nothing of another resident, also not of one with the same name', async () => {
    await seededCase();
    await otherResidents();
    const r = await services(w).access.export(U.regisseur, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    if (!r.ok) throw r.error;
    const all = JSON.stringify(r.value.json) + readDocx(r.value.docx.data).text;
    for (const leak of ['Lotte', '2009-09-09', '2009-01-01', 'SJV-2026-0002', 'SJV-2026-0003', 'Ander verhaal', 'Wapenbezit', 'Leerplicht']) expect(all).not.toContain(leak);
  });

  test('comes as a readable .docx with the same content', async () => {
    await seededCase();
    const r = await services(w).access.export(U.regisseur, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    if (!r.ok) throw r.error;
    expect(r.value.docx.fileName).toMatch(/^inzage-\d{4}-\d{2}-\d{2}\.docx$/);
    const doc = readDocx(r.value.docx.data);
    expect(doc.text).toContain('Inzage in uw gegevens (AVG artikel 15)');
    expect(doc.text).toContain('Dossier SJV-2026-0001');
    expect(doc.text).toContain('Wie uw gegevens heeft ontvangen of ingezien');
    expect(doc.body).toEqual(expect.arrayContaining(['Test Persoon', 'Wijkagent (politie)', 'Politie basisteam', 'Kerkstraat 1, 1234 AB Voorbeeldstad', 'Informatiebrief (gegevens gedeeld)']));
    expect(doc.header).toContain('Gemeente Voorbeeldstad');
  });

  test('answers "nothing found" when nothing is held, and audits that search too', async () => {
    await seededCase();
    const r = await services(w).access.export(U.regisseur, { name: 'Test Persoon', dateOfBirth: '2011-05-05' });
    if (!r.ok) throw r.error;
    expect(r.value.json.cases).toEqual([]);
    expect(readDocx(r.value.docx.data).text).toContain('Wij hebben geen gegevens gevonden bij deze naam en geboortedatum.');
    const last = (await w.store.readAudit({ limit: 10_000 })).at(-1)!;
    expect(last).toMatchObject({ caseId: null, action: 'export', actorId: 'regisseur@gemeente.demo' });
    expect(last.purpose).toContain('geen gegevens gevonden');
  });

  test('finds nothing once the retention period has ended and the identity is destroyed', async () => {
    await w.driveTo('PURGED');
    const r = await services(w).access.export(U.regisseur, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
    if (!r.ok) throw r.error;
    expect(r.value.json.cases).toEqual([]);
  });

  test('is for the procesregisseur only: the privacy officer and partners are refused', async () => {
    await seededCase();
    for (const user of [U.fg, U.mentor, U.voorzitter, U.agent]) {
      const r = await services(w).access.export(user, { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
      expect(r.ok ? 'ok' : r.error.code).toBe('AUTH.FORBIDDEN');
    }
    const bad = await services(w).access.export(U.regisseur, { name: 'T', dateOfBirth: '2011-13-40' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION.INVALID_INPUT');
  });
});
