import { POLICY } from '../../src/core/policy';
import type { PolicyTable } from '../../src/core/policy';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import type { Store, StoreTx } from '../../src/core/ports';
import { LETTER_KINDS, LETTER_VOCABULARY, LetterService, letterValues } from '../../src/transparency/letters';
import { LANGUAGES, formatDate } from '../../src/transparency/format';
import { TEMPLATES, readDocx, services } from './support';

/** Walks a fresh concern to Verrijking with a chosen identity, signals and partners asked. */
async function toVerrijking(w: World, o: { name: string; dateOfBirth: string; signals: string[]; ask: string[]; by?: typeof U.mentor }): Promise<string> {
  const { caseId } = await w.submit(o.by ?? U.mentor, { riskSignals: o.signals });
  await w.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Meerdere signalen.' });
  await w.cmd('supplyIdentity', U.regisseur, { caseId, name: o.name, dateOfBirth: o.dateOfBirth });
  await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: o.ask, dueOn: '2026-03-16' });
  return caseId;
}

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

describe('the information letter at Verrijking', () => {
  test('holds what was shared, with whom, why, the legal basis, the configured retention, the rights and the contact', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!r.ok) throw r.error;
    const doc = readDocx(r.value.data);
    expect(doc.files).toEqual(expect.arrayContaining(['word/document.xml', 'word/numbering.xml']));
    expect(doc.files.some((f) => f.startsWith('word/media/'))).toBe(true); // the configured logo
    expect(doc.header).toContain('Gemeente Voorbeeldstad');
    expect(doc.footer).toContain('signaalpunt@gemeente.demo');
    const t = doc.text;
    expect(t).toContain('We hebben gegevens over je gedeeld');
    expect(t).toContain('Test Persoon');
    // what: name, date of birth and the established signals
    expect(t).toContain('je naam en je geboortedatum');
    expect(doc.body).toEqual(expect.arrayContaining(['Onverklaarbaar geld of dure spullen', 'Schoolverzuim / spijbelen']));
    // with whom: the organisations asked for enrichment
    expect(doc.body).toEqual(expect.arrayContaining(['Politie basisteam', 'Wijkteam Centrum']));
    expect(t).toContain('Waarom doen we dit?');
    expect(t).toContain('Artikel 6, lid 1, onder e van de Algemene verordening gegevensbescherming');
    // retention: the configured defaults
    expect(t).toContain('4 weken later vernietigen we je gegevens');
    expect(t).toContain('nog 24 maanden nadat we je dossier hebben gesloten');
    expect(t).toContain('tot je 24 jaar wordt');
    // rights
    for (const right of ['Inzage:', 'Correctie:', 'Bezwaar:', 'Klacht:']) expect(t).toContain(right);
    expect(t).toContain('Autoriteit Persoonsgegevens (https://autoriteitpersoonsgegevens.nl)');
    // contact
    expect(t).toContain('signaalpunt@gemeente.demo');
    expect(t).toContain('14 0000');
    expect(t).toContain('fg@gemeente.demo');
    expect(t).toContain('Kenmerk: SJV-2026-0001');
    expect(t).not.toMatch(/\{\{|\}\}/);
  });

  test('quotes the retention configured in the privacy protocol, not the defaults', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    const config = { retention: { closedInInbrengDays: 60, closedInVerrijkingDays: 14, closedAfterBesprekingMonths: 18, maxYearsAfter23rdBirthday: 2 } };
    const r = await services(w, { config }).letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!r.ok) throw r.error;
    const t = readDocx(r.value.data).text;
    expect(t).toContain('2 weken later vernietigen we je gegevens');
    expect(t).toContain('nog 18 maanden nadat');
    expect(t).toContain('tot je 25 jaar wordt');
    expect(t).not.toContain('24 maanden');
    expect(t).not.toContain('4 weken');
  });

  test('is written in English when asked', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'en' });
    if (!r.ok) throw r.error;
    const t = readDocx(r.value.data).text;
    expect(t).toContain('We have shared information about you');
    expect(t).toContain('What did we share?');
    expect(t).toContain('4 weeks later we destroy your details');
    expect(t).toContain('for 24 months after we close your file');
    expect(t).toContain('Dutch Data Protection Authority');
    expect(t).toContain('Unexplained money or goods');
    expect(t).toContain('2 March 2026');
    expect(r.value.fileName).toBe('information-letter-SJV-2026-0001.docx');
  });

  test('is addressed to the parents or guardians as well when the resident is under 16, and only then', async () => {
    const young = await toVerrijking(w, { name: 'Ayoub Jansen', dateOfBirth: '2010-03-03', signals: ['GELD'], ask: ['politie'] }); // 15, turns 16 tomorrow
    const sixteen = await toVerrijking(w, { name: 'Lotte Bakker', dateOfBirth: '2010-03-02', signals: ['GELD'], ask: ['politie'] }); // 16 today
    const s = services(w);
    const a = await s.letters.generate(U.regisseur, { caseId: young, kind: 'information', locale: 'nl' });
    const b = await s.letters.generate(U.regisseur, { caseId: sixteen, kind: 'information', locale: 'nl' });
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.value.addressedToGuardians).toBe(true);
    expect(readDocx(a.value.data).body[0]).toBe('Ayoub Jansen\nen de ouders of verzorgers van Ayoub Jansen');
    expect(readDocx(a.value.data).text).toContain('Beste Ayoub Jansen, en beste ouders of verzorgers,');
    expect(b.value.addressedToGuardians).toBe(false);
    expect(readDocx(b.value.data).text).not.toContain('ouders of verzorgers');
    expect(readDocx(b.value.data).text).toContain('Beste Lotte Bakker,');
  });

  test('carries no field of another case', async () => {
    const mine = await toVerrijking(w, { name: 'Ayoub Jansen', dateOfBirth: '2009-06-01', signals: ['GELD'], ask: ['politie'] });
    const other = await toVerrijking(w, { name: 'Lotte Bakker', dateOfBirth: '2008-01-15', signals: ['WAPENS', 'BANKPAS'], ask: ['leerplicht', 'jongerenwerk'], by: U.coach });
    const otherRecord = await w.store.transaction((tx) => tx.getCase(other));
    const r = await services(w).letters.generate(U.regisseur, { caseId: mine, kind: 'information', locale: 'nl' });
    if (!r.ok) throw r.error;
    const all = [readDocx(r.value.data).text, readDocx(r.value.data).header, readDocx(r.value.data).footer].join('\n');
    expect(all).toContain('Ayoub Jansen');
    for (const leak of ['Lotte', 'Bakker', '15 januari 2008', otherRecord!.frame.reference, 'Wapenbezit', 'Bankpas uitlenen', 'Leerplicht', 'Jongerenwerk', 'Wijkteam Centrum']) {
      expect(all).not.toContain(leak);
    }
  });

  test('is recorded as sent — kind, when, by whom — and its content is not stored', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    w.clock.set('2026-03-05T13:30:00Z');
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!r.ok) throw r.error;
    expect(r.value.recorded).toBe(true);
    const record = await w.store.transaction((tx) => tx.getCase(caseId));
    expect(record!.reflection.lettersSent).toEqual([{ kind: 'INFORMATION', at: '2026-03-05T13:30:00.000Z', by: 'regisseur@gemeente.demo' }]);
    const audit = (await w.store.readAudit({ caseId, limit: 1000 })).filter((a) => a.at === '2026-03-05T13:30:00.000Z');
    expect(audit.map((a) => [a.action, a.groups, a.actorId])).toEqual([
      ['export', ['C'], 'regisseur@gemeente.demo'],
      ['update', ['H'], 'regisseur@gemeente.demo'],
    ]);
    // nothing of the letter's text is anywhere in the database
    const dump = JSON.stringify(
      w.store.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .flatMap((t) => w.store.db.prepare(`SELECT * FROM "${(t as { name: string }).name}"`).all()),
    );
    expect(dump).toContain('INFORMATION');
    for (const phrase of ['Wat hebben we gedeeld', 'Autoriteit Persoonsgegevens', 'vernietigen we je gegevens']) expect(dump).not.toContain(phrase);
  });

  test('the same commandId twice makes the letter again but records it once', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    const s = services(w);
    const first = await s.letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl', commandId: '00000000-0000-4000-8000-0000000001e1' });
    w.clock.advanceDays(1);
    const again = await s.letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl', commandId: '00000000-0000-4000-8000-0000000001e1' });
    if (!first.ok || !again.ok) throw new Error('refused');
    expect(again.value.recorded).toBe(false);
    expect(again.value.sentAt).toBe(first.value.sentAt);
    const record = await w.store.transaction((tx) => tx.getCase(caseId));
    expect(record!.reflection.lettersSent).toHaveLength(1);
    const other = await s.letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'en', commandId: '00000000-0000-4000-8000-0000000001e1' });
    expect(other.ok ? 'ok' : other.error.code).toBe('COMMAND.ID_REUSED');
  });

  test('a case that changes while its letter is made gets the letter made again from the new data, recorded once', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    let transactions = 0;
    // The real store, with one more partner asked right after the letter service has read the case.
    const racing: Store = Object.create(w.store) as Store;
    racing.transaction = async <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => {
      const result = await w.store.transaction(fn);
      if (++transactions === 1) await w.cmd('requestEnrichment', U.regisseur, { caseId, organisationIds: ['leerplicht'], dueOn: '2026-03-16' });
      return result;
    };
    const deps = { ...services(w).deps, store: racing };
    const r = await new LetterService(deps, TEMPLATES).generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!r.ok) throw r.error;
    expect(transactions).toBe(4); // read, record refused (changed), read again, record
    expect(readDocx(r.value.data).body).toEqual(expect.arrayContaining(['Politie basisteam', 'Wijkteam Centrum', 'Leerplicht']));
    const record = await w.store.transaction((tx) => tx.getCase(caseId));
    expect(record!.reflection.lettersSent).toHaveLength(1);
  });

  test('is refused — and nothing recorded — for anyone but the procesregisseur, before anything was shared, or in the wrong phase', async () => {
    const s = services(w);
    const caseId = await w.driveTo('VERRIJKING');
    for (const user of [U.mentor, U.fg, U.voorzitter, U.agent]) {
      const r = await s.letters.generate(user, { caseId, kind: 'information', locale: 'nl' });
      expect(r.ok ? 'ok' : r.error.code).toBe('AUTH.FORBIDDEN');
    }
    const closure = await s.letters.generate(U.regisseur, { caseId, kind: 'closure', locale: 'nl' });
    expect(closure.ok ? 'ok' : closure.error.details.reason).toBe('LETTER_NOT_IN_PHASE');

    const { caseId: fresh } = await w.submit();
    await w.cmd('decideSuspicion', U.voorzitter, { caseId: fresh, suspicion: true, rationale: 'Signalen.' });
    await w.cmd('supplyIdentity', U.mentor, { caseId: fresh, name: 'Noor de Wit', dateOfBirth: '2010-01-01' });
    const early = await s.letters.generate(U.regisseur, { caseId: fresh, kind: 'information', locale: 'nl' });
    expect(early.ok ? 'ok' : early.error.details.reason).toBe('NOTHING_SHARED_YET');

    const invitation = await s.letters.generate(U.regisseur, { caseId, kind: 'invitation', locale: 'nl' });
    expect(invitation.ok ? 'ok' : invitation.error.code).toBe('VALIDATION.INVALID_INPUT');
    for (const id of [caseId, fresh]) {
      const record = await w.store.transaction((tx) => tx.getCase(id));
      expect(record!.reflection.lettersSent).toEqual([]);
    }
  });

  test('follows the policy table: without write on group H in Verrijking the procesregisseur cannot record a letter', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    const policy: PolicyTable = structuredClone(POLICY);
    delete policy.H.procesregisseur!.VERRIJKING;
    const r = await services(w, { policy }).letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    expect(r.ok ? 'ok' : r.error.code).toBe('AUTH.FORBIDDEN');
  });
});

describe('the invitation to the signaaloverleg', () => {
  test('names the date, time, place and the lead partner, and the address from the contact details', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    const record = await w.store.transaction((tx) => tx.getCase(caseId));
    await w.store.transaction((tx) => tx.updateCase({ ...record!, version: record!.version + 1, contact: { ...record!.contact, address: 'Kerkstraat 1, 1234 AB Voorbeeldstad' } }, record!.version));
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'invitation', locale: 'nl', meeting: { date: '2026-03-12', time: '15:30', location: 'Stadhuis, kamer 2.14' } });
    if (!r.ok) throw r.error;
    const doc = readDocx(r.value.data);
    expect(doc.body[0]).toBe('Test Persoon\nen de ouders of verzorgers van Test Persoon\nKerkstraat 1\n1234 AB Voorbeeldstad');
    expect(doc.text).toContain('Datum: 12 maart 2026\nTijd: 15:30 uur\nPlaats: Stadhuis, kamer 2.14\nMet: Jongerenwerk');
    expect(doc.text).toContain('Je ouders of verzorgers zijn ook welkom.');
    const audit = await w.store.readAudit({ caseId, limit: 1000 });
    expect(audit.at(-2)).toMatchObject({ action: 'export', groups: ['C', 'F'] });
  });
});

describe('the closure letter', () => {
  test('after Reflectie: closure, archiving, the configured retention period and its end date', async () => {
    const caseId = await w.driveTo('CLOSED');
    const record = await w.store.transaction((tx) => tx.getCase(caseId));
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'closure', locale: 'nl' });
    if (!r.ok) throw r.error;
    const t = readDocx(r.value.data).text;
    expect(t).toContain('We hebben je dossier gesloten');
    expect(t).toContain('dossier op 2 maart 2026 gesloten');
    expect(t).toContain('Reden: Opvolging afgerond.');
    expect(t).toContain('We archiveren je dossier.');
    expect(t).toContain('We bewaren je gegevens nog 24 maanden na het sluiten van je dossier. Maar nooit langer dan tot je 24 jaar wordt.');
    expect(t).toContain(`Op ${formatDate(record!.frame.retentionUntil!, 'nl')} vernietigen we`);
    expect(record!.frame.retentionUntil).toBe('2028-03-02');
    expect(t).toContain('Op 2 maart 2028 vernietigen we');
  });

  test('after Verrijking without confirmation: the short retention and its end date', async () => {
    const caseId = await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' });
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'closure', locale: 'en' });
    if (!r.ok) throw r.error;
    const t = readDocx(r.value.data).text;
    expect(t).toContain('it turned out there is no reason to go on');
    expect(t).toContain('We keep your details for 4 weeks after closing your file.');
    expect(t).toContain('On 30 March 2026 we destroy your name');
    expect(t).not.toContain('never after you turn');
  });

  test('cannot be made once the personal data is destroyed', async () => {
    const caseId = await w.driveTo('PURGED');
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'closure', locale: 'nl' });
    expect(r.ok ? 'ok' : r.error.details.reason ?? r.error.code).toBe('LETTER_NOT_IN_PHASE');
  });
});

describe('every letter in every language', () => {
  const PHASE_FOR = { information: 'VERRIJKING', invitation: 'OPVOLGING', closure: 'CLOSED' } as const;
  test.each(LETTER_KINDS.flatMap((k) => LANGUAGES.map((l) => [k, l] as const)))('%s (%s) fills every placeholder of its vocabulary', async (kind, locale) => {
    const caseId = await w.driveTo(PHASE_FOR[kind]);
    const record = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    const organisations = new Map((await w.store.listOrganisations()).map((o) => [o.id, o]));
    const values = letterValues({ record, kind, locale, now: w.clock.now().toISOString(), organisations, deps: services(w).deps, meeting: { date: '2026-03-12', time: '10:00', location: 'Stadhuis' } });
    const v = LETTER_VOCABULARY[kind];
    expect(Object.keys(values).sort()).toEqual([...v.scalars, ...v.lists, ...v.flags].sort());
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind, locale, meeting: { date: '2026-03-12', time: '10:00', location: 'Stadhuis' } });
    if (!r.ok) throw r.error;
    const doc = readDocx(r.value.data);
    expect(doc.text).not.toMatch(/\{\{|\}\}|undefined|\[object/);
    expect(doc.text).toContain('Test Persoon');
  });
});
