/**
 * Provisioning as code for the Signaalpunt SharePoint site (idempotent; see src/adapters/sharepoint).
 *
 *   npx tsx scripts/provision-sharepoint.ts --directory directory.json           lists, columns, indexes, groups, inheritance, and the
 *                                                                                 directory (organisations, delegates) written to the lists
 *   npx tsx scripts/provision-sharepoint.ts --organisations organisations.json   lists, columns, indexes, groups, inheritance
 *   npx tsx scripts/provision-sharepoint.ts --demo                                 … with the demo tenant's organisations
 *   npx tsx scripts/provision-sharepoint.ts --reconcile                            recompute every item's permissions
 *
 * directory.json: see src/directory and templates/directory.example.json.
 * organisations.json: [{ "id": "politie", "name": "Politie basisteam" }, …]
 * Settings from the environment (SJV_SP_SITE_URL, SJV_SP_TENANT_ID, SJV_SP_CLIENT_ID, SJV_SP_CERT_FILE,
 * SJV_SP_KEY_FILE): see src/adapters/sharepoint/config.ts and the README.
 */
import { readFileSync } from 'node:fs';
import { sharePointSettingsFromEnv } from '../src/adapters/sharepoint/config';
import { provision } from '../src/adapters/sharepoint/provision';
import { SharePointStore } from '../src/adapters/sharepoint/store';
import { DEMO_ORGANISATIONS } from '../src/demo/tenant';
import type { DirectoryFile } from '../src/directory';
import { applyDirectory, readDirectoryFile } from '../src/directory';

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  const settings = sharePointSettingsFromEnv(env);
  const store = new SharePointStore({ ...settings, log: { warn: (message, meta) => out(`warning: ${message} ${JSON.stringify(meta ?? {})}`) } });
  try {
    if (argv.includes('--reconcile')) {
      const r = await store.reconcilePermissions();
      out(`reconcile: ${r.cases} cases, ${r.failed.length} failed${r.failed.length ? ` (${r.failed.join(', ')})` : ''}`);
      return r.failed.length ? 1 : 0;
    }
    const i = argv.indexOf('--organisations');
    const d = argv.indexOf('--directory');
    let organisations: { id: string; name: string }[];
    let directory: DirectoryFile | undefined;
    if (d >= 0 && argv[d + 1]) {
      directory = readDirectoryFile(argv[d + 1]!);
      organisations = directory.organisations.map((o) => ({ id: o.id, name: o.name }));
    } else if (i >= 0 && argv[i + 1]) organisations = JSON.parse(readFileSync(argv[i + 1]!, 'utf8')) as { id: string; name: string }[];
    else if (argv.includes('--demo')) organisations = DEMO_ORGANISATIONS.map((o) => ({ id: o.id, name: o.name }));
    else {
      out('usage: provision-sharepoint (--directory <directory.json> | --organisations <file.json> | --demo | --reconcile)');
      return 2;
    }
    const report = await provision(store.sp, { organisations, log: out });
    out(JSON.stringify(report, null, 2));
    if (directory) {
      const written = await applyDirectory(store, directory);
      out(`directory: organisations written ${written.organisationsWritten.length}, delegates written ${written.delegatesWritten}, delegate marks removed ${written.delegatesRemoved}, unchanged ${written.unchanged}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`provision-sharepoint failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
