/**
 * `npm run docs:privacy` — writes the processing register and the DPIA annex, generated from the policy
 * table and the retention configuration, to docs/privacy/*.md (and with `--docx` also .docx files to
 * build/privacy/). `--check` writes nothing and fails when docs/privacy is out of date, for CI.
 *
 *   --organisation <file>   organisation profile (default: organisation.json in SJV_TEMPLATES_DIR, else templates/)
 *   --retention <file>      retention configuration as JSON (default: the server's setting, SJV_RETENTION_*;
 *                           unset: the defaults of PROCESS.md, which docs/privacy is generated with)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkoutRoot, loadConfig } from '../../config';
import { retentionConfigSchema } from '../../core/config';
import { POLICY } from '../../core/policy';
import type { RetentionConfig } from '../../core/retention';
import { toMarkdown } from '../document';
import { renderDocx } from '../docx';
import type { PrivacyDocName } from '../privacy-docs';
import { PRIVACY_DOCS } from '../privacy-docs';
import { loadOrganisationProfile } from '../profile';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = checkoutRoot();

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const profile = loadOrganisationProfile(resolve(arg('--organisation') ?? join(config.templatesDir, 'organisation.json')));
  const retentionFile = arg('--retention');
  const retention: RetentionConfig = retentionFile ? retentionConfigSchema.parse(JSON.parse(readFileSync(retentionFile, 'utf8'))) : config.process.retention;
  const check = process.argv.includes('--check');
  const outDir = join(root, 'docs', 'privacy');
  let stale = 0;
  for (const name of Object.keys(PRIVACY_DOCS) as PrivacyDocName[]) {
    const doc = PRIVACY_DOCS[name]({ policy: POLICY, retention, profile });
    const file = join(outDir, `${name}.md`);
    const md = toMarkdown(doc);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== md) {
        console.error(`${file} is out of date: run npm run docs:privacy`);
        stale += 1;
      }
      continue;
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(file, md);
    console.log(`wrote ${file}`);
    if (process.argv.includes('--docx')) {
      const docxDir = join(root, 'build', 'privacy');
      mkdirSync(docxDir, { recursive: true });
      writeFileSync(join(docxDir, `${name}.docx`), await renderDocx(doc, profile, { locale: 'nl', letterhead: false }));
      console.log(`wrote ${join(docxDir, `${name}.docx`)}`);
    }
  }
  return stale ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
