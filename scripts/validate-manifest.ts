/**
 * `npm run validate:manifest [-- --env <name>] [path/to/appPackage.zip ...]`
 *
 * Without a zip: fills manifest/ from env/.env.<name> (default: local) and validates the result, writing
 * nothing. With zips (e.g. one downloaded from the Developer Portal): validates each as it is. Offline,
 * against the official schemas of @microsoft/app-manifest plus the rules they miss
 * (scripts/manifest/validate.ts). Exit 1 when any package has a problem.
 */
import { readFileSync } from 'node:fs';
import { assemblePackage, readZip } from './manifest/build';
import { PackageError } from './manifest/env';
import type { Problem } from './manifest/validate';
import { formatProblems, validatePackage } from './manifest/validate';

export function main(argv: string[]): number {
  let env = 'local';
  const zips: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--env') env = argv[++i] ?? '';
    else if (a.startsWith('--env=')) env = a.slice('--env='.length);
    else if (a.startsWith('-')) {
      console.error(`[validate:manifest] unknown option "${a}" (use --env <name> or give zip files)`);
      return 2;
    } else zips.push(a);
  }
  const targets: { name: string; files: () => Map<string, Buffer> }[] = zips.length
    ? zips.map((z) => ({ name: z, files: () => readZip(readFileSync(z)) }))
    : [{ name: `manifest/ with env/.env.${env}`, files: () => assemblePackage({ env }) }];
  let failed = 0;
  for (const t of targets) {
    let problems: Problem[];
    try {
      problems = validatePackage(t.files());
    } catch (e) {
      if (!(e instanceof PackageError) && !(e instanceof Error && /zip|unzip|invalid/i.test(e.message))) throw e;
      console.error(`[validate:manifest] ✗ ${t.name}: ${e.message}`);
      failed++;
      continue;
    }
    if (problems.length) {
      console.error(`[validate:manifest] ✗ ${t.name}: ${problems.length} problem(s)\n${formatProblems(problems)}`);
      failed++;
    } else console.log(`[validate:manifest] ✓ ${t.name}: valid (schema, version, domains, icons, localization)`);
  }
  return failed ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
