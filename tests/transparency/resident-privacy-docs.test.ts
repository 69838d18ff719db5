/** The register and the DPIA annex describe the resident's status page (issue 19): purpose, data shown from the policy table, safeguards. */
import type { PolicyTable } from '../../src/core/policy';
import { POLICY } from '../../src/core/policy';
import { DEFAULT_RETENTION } from '../../src/core/retention';
import { toMarkdown } from '../../src/transparency/document';
import { dpiaAnnexDocument, registerDocument } from '../../src/transparency/privacy-docs';
import { PROFILE } from './support';

const docs = (policy: PolicyTable): string[] => [registerDocument, dpiaAnnexDocument].map((d) => toMarkdown(d({ policy, retention: DEFAULT_RETENTION, profile: PROFILE })));

test('both documents have the status page section with its purpose, the data shown and the safeguards', () => {
  for (const md of docs(POLICY)) {
    expect(md).toContain('## Statuspagina voor de inwoner');
    expect(md).toContain('Doel: openheid naar de jongere');
    expect(md).toContain('- C Identiteit: alleen de eigen bewaardatum (afgeleid van de geboortedatum) — in Verrijking, Bespreking, Opvolging, Reflectie, Afgesloten');
    expect(md).toContain('SameSite=Strict');
    expect(md).toContain('HMAC-SHA-256');
  }
});

test('the data shown follows the policy table: without the resident’s C cells the retention date line is gone', () => {
  const noC: PolicyTable = { ...POLICY, C: Object.fromEntries(Object.entries(POLICY.C).filter(([role]) => role !== 'resident')) };
  for (const md of docs(noC)) {
    expect(md).not.toContain('- C Identiteit: alleen de eigen bewaardatum');
    expect(md).toContain('- A Kader: kenmerk, fase op procesniveau');
  }
});
