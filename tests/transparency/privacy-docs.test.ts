import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RETENTION } from '../../src/core/retention';
import type { RetentionConfig } from '../../src/core/retention';
import type { PolicyTable } from '../../src/core/policy';
import { POLICY, policyRows } from '../../src/core/policy';
import { plainText, toMarkdown } from '../../src/transparency/document';
import { renderDocx } from '../../src/transparency/docx';
import { dpiaAnnexDocument, registerDocument, sourceFingerprint } from '../../src/transparency/privacy-docs';
import { PROFILE, TEMPLATES_DIR, readDocx } from './support';

const docs = (policy: PolicyTable = POLICY, retention: RetentionConfig = DEFAULT_RETENTION) => {
  const input = { policy, retention, profile: PROFILE };
  return { register: toMarkdown(registerDocument(input)), dpia: toMarkdown(dpiaAnnexDocument(input)), registerModel: registerDocument(input), dpiaModel: dpiaAnnexDocument(input) };
};

/** The Markdown table rows of the access matrix: group | role | one cell per phase. */
const matrix = (md: string): string[][] =>
  md
    .split('\n')
    .filter((l) => /^\| [A-H] [^|]+ \| [^|]+ \|( [^|]+ \|){7}$/.test(l))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));

describe('the processing register and DPIA annex, generated from the policy table and retention configuration', () => {
  test('the register holds every part art. 30 asks for, with the controller, FG, processors and retention from configuration', () => {
    const { register } = docs();
    for (const heading of [
      'a. Verwerkingsverantwoordelijke en functionaris gegevensbescherming',
      'b. Doeleinden en grondslag',
      'c. Categorieën van betrokkenen en van persoonsgegevens',
      'd. Categorieën van ontvangers',
      'e. Doorgifte naar derde landen',
      'f. Bewaartermijnen',
      'g. Technische en organisatorische beveiligingsmaatregelen',
    ]) {
      expect(register).toContain(`## ${heading}`);
    }
    expect(register).toContain('Gemeente Voorbeeldstad (Signaalpunt Jeugd & Veiligheid)');
    expect(register).toContain('fg@gemeente.demo');
    expect(register).toContain('Microsoft Ireland Operations Ltd.');
    expect(register).toContain('vrije tekst wordt 90 dagen na afsluiting verwijderd');
    expect(register).toContain('worden 4 weken na afsluiting vernietigd');
    expect(register).toContain('24 maanden na afsluiting vernietigd, en nooit later dan 1 jaar na de 23e verjaardag');
    expect(register).toContain('Rollen zonder toegang tot zaakgegevens: Functionaris gegevensbescherming.');
  });

  test('the access matrix holds exactly the cells of the policy table, one per row and phase', () => {
    const rows = matrix(docs().register);
    const filled = rows.flatMap((r) => r.slice(2)).filter((c) => c !== '—');
    expect(filled).toHaveLength(policyRows(POLICY).length);
    const cRegisseur = rows.find((r) => r[0] === 'C Identiteit' && r[1] === 'Procesregisseur (gemeente)')!;
    expect(cRegisseur.slice(2)).toEqual(['—', 'S', 'S', 'S', 'S', 'L', '—']);
    const cPartner = rows.find((r) => r[0] === 'C Identiteit' && r[1] === 'Ketenpartner (aangesloten organisatie)')!;
    expect(cPartner.slice(2)).toEqual(['—', 'L°', '—', '—', '—', '—', '—']);
  });

  test('the DPIA annex has one row per phase with data, purpose, recipients, retention and measures', () => {
    const { dpia } = docs();
    expect(dpia).toContain('| Fase | Gegevens | Doel | Ontvangers (rol en toegang) | Bewaartermijn | Beveiligingsmaatregelen |');
    const inbreng = dpia.split('\n').find((l) => l.startsWith('| Inbreng |'))!;
    expect(inbreng).not.toContain('(persoonsgegevens)');
    expect(inbreng).toContain('Geen persoonsgegevens toegankelijk in deze fase.');
    const verrijking = dpia.split('\n').find((l) => l.startsWith('| Verrijking |'))!;
    expect(verrijking).toContain('C Identiteit (persoonsgegevens)');
    expect(verrijking).toContain('C Identiteit — Inbrenger: schrijven; Ketenpartner: lezen (alleen zolang de verrijkingsvraag aan de eigen organisatie openstaat); Procesregisseur: schrijven');
    expect(verrijking).toContain('4 weken na afsluiting vernietigd');
    for (const phase of ['Inbreng', 'Verrijking', 'Bespreking', 'Opvolging', 'Reflectie', 'Afgesloten', 'Gegevens vernietigd']) expect(dpia).toMatch(new RegExp(`^\\| ${phase} \\|`, 'm'));
  });

  test('change the policy table and both documents change with it', () => {
    const before = docs();
    const changed: PolicyTable = structuredClone(POLICY);
    changed.F.ketenpartner = { VERRIJKING: { access: 'read', when: 'enrichmentOpen' } }; // partners would see contact details
    delete changed.C.ketenpartner; // and no longer the identity
    const after = docs(changed);
    expect(after.register).not.toEqual(before.register);
    expect(after.dpia).not.toEqual(before.dpia);

    const fSection = (md: string): string => md.slice(md.indexOf('### F Contactgegevens'), md.indexOf('### G Opvolging'));
    expect(fSection(before.register)).not.toContain('Ketenpartner');
    expect(fSection(after.register)).toContain('**Ketenpartner (aangesloten organisatie)** — Verrijking: lezen (alleen zolang de verrijkingsvraag aan de eigen organisatie openstaat)');
    const verrijking = (md: string): string => md.split('\n').find((l) => l.startsWith('| Verrijking |'))!;
    expect(verrijking(before.dpia)).not.toContain('F Contactgegevens');
    expect(verrijking(after.dpia)).toContain('F Contactgegevens (persoonsgegevens)');
    expect(verrijking(after.dpia)).toContain('F Contactgegevens — Ketenpartner: lezen');
    expect(matrix(after.register).find((r) => r[0] === 'F Contactgegevens' && r[1] === 'Ketenpartner (aangesloten organisatie)')!.slice(2)).toEqual(['—', 'L°', '—', '—', '—', '—', '—']);
    expect(matrix(after.register).some((r) => r[0] === 'C Identiteit' && r[1] === 'Ketenpartner (aangesloten organisatie)')).toBe(false);
    expect(sourceFingerprint(changed, DEFAULT_RETENTION)).not.toBe(sourceFingerprint(POLICY, DEFAULT_RETENTION));
  });

  test('change the retention configuration and both documents quote the new periods', () => {
    const retention = { closedInInbrengDays: 30, closedInVerrijkingDays: 14, closedAfterBesprekingMonths: 12, maxYearsAfter23rdBirthday: 2 };
    const { register, dpia } = docs(POLICY, retention);
    for (const md of [register, dpia]) {
      expect(md).toContain('30 dagen na afsluiting verwijderd');
      expect(md).toContain('2 weken na afsluiting vernietigd');
      expect(md).toContain('12 maanden na afsluiting vernietigd, en nooit later dan 2 jaar na de 23e verjaardag');
      expect(md).not.toContain('24 maanden');
    }
  });

  test('docs/privacy in the repository is what the current table and configuration generate (run npm run docs:privacy)', () => {
    const { register, dpia } = docs();
    expect(readFileSync(join(TEMPLATES_DIR, '..', 'docs', 'privacy', 'register.md'), 'utf8')).toBe(register);
    expect(readFileSync(join(TEMPLATES_DIR, '..', 'docs', 'privacy', 'dpia-annex.md'), 'utf8')).toBe(dpia);
  });

  test('the .docx versions hold the same text as the Markdown', async () => {
    const { registerModel, dpiaModel } = docs();
    for (const model of [registerModel, dpiaModel]) {
      const doc = readDocx(await renderDocx(model, PROFILE, { locale: 'nl', letterhead: false }));
      const expected = plainText(model)
        .split(/[\n\t]/)
        .map((s) => s.replace(/\*\*/g, '').trim())
        .filter(Boolean);
      const got = new Set(doc.body.flatMap((p) => p.split('\n')).map((s) => s.trim()));
      for (const line of expected) expect(got.has(line)).toBe(true);
    }
  });
});
