import { POLICY } from '../../src/core/policy';
import { viewFor } from '../../src/core/views';
import type { PolicyTable } from '../../src/core/policy';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';
import type { Store, StoreTx } from '../../src/core/ports';
import { EXIT_REASONS, RISK_SIGNALS } from '../../src/core/catalogue';
import { CLOSURE_EXPLANATION, LETTER_KINDS, LETTER_VOCABULARY, LetterService, RESIDENT_SIGNAL_WORDS, letterValues } from '../../src/transparency/letters';
import { LANGUAGES, formatDate } from '../../src/transparency/format';
import { PROFILE, TEMPLATES, readDocx, services } from './support';

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
    // in the resident's words (B1), not the partners' catalogue labels ("Onverklaarbaar geld …", issue 18 item 12)
    expect(doc.body).toEqual(expect.arrayContaining(['Geld of dure spullen, en het is niet duidelijk waar die vandaan komen', 'Vaak niet op school']));
    expect(t.toLowerCase()).not.toContain('onverklaarbaar');
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
    expect(t).toContain('Money or expensive things, and it is not clear where they come from');
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
    // identity is stored as one full name, not a first name: the greeting does not repeat it (issue 18 item 12)
    expect(readDocx(a.value.data).text).toContain('Beste ouders of verzorgers, en beste jongere,');
    expect(b.value.addressedToGuardians).toBe(false);
    expect(readDocx(b.value.data).text).not.toContain('ouders of verzorgers');
    expect(readDocx(b.value.data).body).toContain('Beste,');
    expect(readDocx(b.value.data).text).not.toContain('Beste Lotte');
  });

  test('carries no field of another case', async () => {
    const mine = await toVerrijking(w, { name: 'Ayoub Jansen', dateOfBirth: '2009-06-01', signals: ['GELD'], ask: ['politie'] });
    const other = await toVerrijking(w, { name: 'Lotte Bakker', dateOfBirth: '2008-01-15', signals: ['WAPENS', 'BANKPAS'], ask: ['leerplicht', 'jongerenwerk'], by: U.coach });
    const otherRecord = await w.store.transaction((tx) => tx.getCase(other));
    const r = await services(w).letters.generate(U.regisseur, { caseId: mine, kind: 'information', locale: 'nl' });
    if (!r.ok) throw r.error;
    const all = [readDocx(r.value.data).text, readDocx(r.value.data).header, readDocx(r.value.data).footer].join('\n');
    expect(all).toContain('Ayoub Jansen');
    for (const leak of ['Lotte', 'Bakker', '15 januari 2008', otherRecord!.frame.reference, 'Een wapen bij je hebben', 'Je bankpas aan iemand anders geven', 'Leerplicht', 'Jongerenwerk', 'Wijkteam Centrum']) {
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
    for (const user of [U.mentor, U.voorzitter, U.agent]) {
      const r = await s.letters.generate(user, { caseId, kind: 'information', locale: 'nl' });
      expect(r.ok ? 'ok' : r.error.code).toBe('AUTH.FORBIDDEN');
    }
    // the privacy officer sees no case: refused as for every command on a case one cannot see
    const fg = await s.letters.generate(U.fg, { caseId, kind: 'information', locale: 'nl' });
    expect(fg.ok ? 'ok' : fg.error.code).toBe('CASE.NOT_FOUND');
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
    expect(doc.text).toContain('Datum: 12 maart 2026\nTijd: 15:30 uur\nPlaats: Stadhuis, kamer 2.14');
    expect(doc.text).toContain('Je ouders of verzorgers zijn ook welkom.');
    const audit = await w.store.readAudit({ caseId, limit: 1000 });
    expect(audit.at(-2)).toMatchObject({ action: 'export', groups: ['C', 'E', 'F'] });
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
    expect(t).toContain('De hulp of steun die we samen hebben afgesproken, is klaar. Daarom hebben we je dossier op 2 maart 2026 gesloten.');
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
    expect(t).toContain('We asked a few organisations if they were worried about you too. They were not. That is why we closed your file on');
    expect(t).toContain('We keep your details for 4 weeks after closing your file.');
    expect(t).toContain('On 30 March 2026 we destroy your name');
    expect(t).not.toContain('never after you turn');
  });

  test('cannot be made once the personal data is destroyed', async () => {
    const caseId = await w.driveTo('PURGED');
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'closure', locale: 'nl' });
    // no letter is made in PURGED: the command table's phases refuse it as for every command outside them
    expect(r.ok ? 'ok' : r.error.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  });
});

describe('every letter in every language', () => {
  const PHASE_FOR = { information: 'VERRIJKING', invitation: 'OPVOLGING', closure: 'CLOSED' } as const;
  test.each(LETTER_KINDS.flatMap((k) => LANGUAGES.map((l) => [k, l] as const)))('%s (%s) fills every placeholder of its vocabulary', async (kind, locale) => {
    const caseId = await w.driveTo(PHASE_FOR[kind]);
    const record = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    const organisations = new Map((await w.store.listOrganisations()).map((o) => [o.id, o]));
    const now = w.clock.now().toISOString();
    const { view } = viewFor(U.regisseur, record, organisations.get(U.regisseur.organisationId), now);
    const values = letterValues({ view: view!, kind, locale, now, organisations, deps: services(w).deps, meeting: { date: '2026-03-12', time: '10:00', location: 'Stadhuis' } });
    const v = LETTER_VOCABULARY[kind];
    expect(Object.keys(values).sort()).toEqual([...v.scalars, ...v.lists, ...v.flags].sort());
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind, locale, meeting: { date: '2026-03-12', time: '10:00', location: 'Stadhuis' } });
    if (!r.ok) throw r.error;
    const doc = readDocx(r.value.data);
    expect(doc.text).not.toMatch(/\{\{|\}\}|undefined|\[object/);
    expect(doc.text).toContain('Test Persoon');
  });
});

describe('the letters in plain words (issue 18 item 12, issue 16)', () => {
  const MEETING = { date: '2026-03-12', time: '15:30', location: 'Stadhuis, kamer 2.14' };

  test('the closure letter explains its reason in plain words that lead to the closing, and shows no code label', async () => {
    const done = await w.driveTo('CLOSED');
    const notConfirmed = await w.driveTo('CLOSED', { exit: 'NOT_CONFIRMED' });
    const s = services(w);
    for (const [caseId, reason] of [
      [done, 'De hulp of steun die we samen hebben afgesproken, is klaar.'],
      [notConfirmed, 'We hebben een paar organisaties gevraagd of zij zich ook zorgen maken. Dat was niet zo.'],
    ] as const) {
      const r = await s.letters.generate(U.regisseur, { caseId, kind: 'closure', locale: 'nl' });
      if (!r.ok) throw r.error;
      const t = readDocx(r.value.data).text;
      expect(t).toMatch(new RegExp(`${reason.replace(/[.?]/g, '\\$&')} Daarom hebben we je dossier op \\d+ \\w+ \\d{4} gesloten\\.`));
      expect(t).not.toContain('Reden:');
      for (const code of ['Opvolging afgerond', 'Signalen niet bevestigd', 'FOLLOW_UP_DONE', 'NOT_CONFIRMED']) expect(t).not.toContain(code);
    }
  });

  test('every exit reason of the catalogue has plain words for the closure letter in nl and en', () => {
    for (const { code, nl: label } of EXIT_REASONS) {
      expect([code, CLOSURE_EXPLANATION[code]?.nl.length, CLOSURE_EXPLANATION[code]?.en.length]).toEqual([code, expect.any(Number), expect.any(Number)]);
      expect(CLOSURE_EXPLANATION[code]!.nl).not.toContain(label);
    }
  });

  test('every active risk signal has words for the resident, none of them above B1 ("onverklaarbaar")', () => {
    for (const { code } of RISK_SIGNALS.filter((x) => x.retiredIn === undefined)) {
      expect([code, typeof RESIDENT_SIGNAL_WORDS[code]?.nl, typeof RESIDENT_SIGNAL_WORDS[code]?.en]).toEqual([code, 'string', 'string']);
      expect(RESIDENT_SIGNAL_WORDS[code]!.nl.toLowerCase()).not.toContain('onverklaarbaar');
    }
  });

  test('the invitation says coming is voluntary and who will be there: the signaalpunt, the lead and the involved organisations', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    const r = await services(w).letters.generate(U.regisseur, { caseId, kind: 'invitation', locale: 'nl', meeting: MEETING });
    if (!r.ok) throw r.error;
    const doc = readDocx(r.value.data);
    expect(doc.text).toContain('Je kiest zelf of je komt. Het is niet verplicht.');
    expect(doc.text).toContain('Wie zijn er bij het gesprek?');
    // the world's discussion: lead Jongerenwerk, parties politie and jongerenwerk
    expect(doc.body).toEqual(expect.arrayContaining(['Signaalpunt Jeugd & Veiligheid', 'Jongerenwerk', 'Politie basisteam']));
    const en = await services(w).letters.generate(U.regisseur, { caseId, kind: 'invitation', locale: 'en', meeting: MEETING });
    if (!en.ok) throw en.error;
    expect(readDocx(en.value.data).text).toContain('You choose yourself whether you come. It is not compulsory.');
  });

  test('the invitation says "Eerder kreeg je een brief" only when an information letter was recorded as sent', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    const s = services(w);
    const before = await s.letters.generate(U.regisseur, { caseId, kind: 'invitation', locale: 'nl', meeting: MEETING });
    if (!before.ok) throw before.error;
    expect(readDocx(before.value.data).text).not.toContain('Eerder kreeg je');
    expect(readDocx(before.value.data).text).toContain('Een paar organisaties maken zich zorgen om je.');
    const info = await s.letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!info.ok) throw info.error;
    const after = await s.letters.generate(U.regisseur, { caseId, kind: 'invitation', locale: 'nl', meeting: MEETING });
    if (!after.ok) throw after.error;
    expect(readDocx(after.value.data).text).toContain('Eerder kreeg je een brief van ons.');
  });

  test('the information letter says "Je wordt nergens van verdacht." when the police were asked, and only then', async () => {
    const withPolice = await toVerrijking(w, { name: 'Ayoub Jansen', dateOfBirth: '2008-06-01', signals: ['GELD'], ask: ['politie', 'wijkteam'] });
    const without = await toVerrijking(w, { name: 'Lotte Bakker', dateOfBirth: '2008-01-15', signals: ['GELD'], ask: ['wijkteam'] });
    const s = services(w);
    const a = await s.letters.generate(U.regisseur, { caseId: withPolice, kind: 'information', locale: 'nl' });
    const b = await s.letters.generate(U.regisseur, { caseId: without, kind: 'information', locale: 'nl' });
    const c = await s.letters.generate(U.regisseur, { caseId: withPolice, kind: 'information', locale: 'en' });
    if (!a.ok || !b.ok || !c.ok) throw new Error('refused');
    expect(readDocx(a.value.data).text).toContain('Je wordt nergens van verdacht.');
    expect(readDocx(b.value.data).text).not.toContain('verdacht');
    expect(readDocx(c.value.data).text).toContain('You are not suspected of anything.');
  });

  test('a letter is signed by the configured person and function, and by the team when no one is configured', async () => {
    const caseId = await w.driveTo('VERRIJKING');
    const named = await services(w).letters.generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!named.ok) throw named.error;
    const signed = readDocx(named.value.data).body.at(-1);
    expect(signed).toBe('A. de Vries\nProcesregisseur Signaalpunt Jeugd & Veiligheid\nGemeente Voorbeeldstad');
    const { signatory: _configured, ...unsigned } = PROFILE;
    const deps = { ...services(w).deps, profile: unsigned };
    const team = await new LetterService(deps, TEMPLATES).generate(U.regisseur, { caseId, kind: 'information', locale: 'nl' });
    if (!team.ok) throw team.error;
    expect(readDocx(team.value.data).body.at(-1)).toBe('Team Signaalpunt Jeugd & Veiligheid\nGemeente Voorbeeldstad');
    expect(readDocx(team.value.data).text).not.toContain('De procesregisseur');
  });
});

describe('letters render through the procesregisseur’s view', () => {
  test('the invitation’s address block comes from the view: an address the policy does not give the reader is not printed', async () => {
    const caseId = await w.driveTo('OPVOLGING');
    const stored = (await w.store.transaction((tx) => tx.getCase(caseId)))!;
    const record = { ...stored, contact: { ...stored.contact, address: 'Kerkstraat 1, 1234 AB Voorbeeldstad' } };
    const organisations = new Map((await w.store.listOrganisations()).map((o) => [o.id, o]));
    const now = w.clock.now().toISOString();
    const org = organisations.get(U.regisseur.organisationId);
    const inputs = { kind: 'invitation' as const, locale: 'nl' as const, now, organisations, deps: services(w).deps, meeting: { date: '2026-03-12', time: '10:00', location: 'Stadhuis' } };
    const full = letterValues({ ...inputs, view: viewFor(U.regisseur, record, org, now).view! });
    expect(full['resident.address']).toEqual(['Kerkstraat 1', '1234 AB Voorbeeldstad']);
    const policy: PolicyTable = structuredClone(POLICY);
    delete policy.F.procesregisseur!.OPVOLGING;
    const narrow = letterValues({ ...inputs, view: viewFor(U.regisseur, record, org, now, policy).view! });
    expect(narrow['resident.address']).toEqual([]);
  });
});
