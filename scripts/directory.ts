/**
 * The directory file (src/directory): check it offline, or write it to the server's configured store.
 *
 *   npx tsx scripts/directory.ts --check templates/directory.example.json   validate only (no store, no network)
 *   npx tsx scripts/directory.ts --apply directory.json                      write organisations and delegates to the store
 *                                                                           the server's settings (SJV_STORE …) select
 *
 * On SharePoint, `npx tsx scripts/provision-sharepoint.ts --directory directory.json` does the same after
 * provisioning the site. Both are idempotent. Output names organisations and counts, never a person.
 */
import { loadConfig } from '../src/config';
import { openStore } from '../src/config/store';
import { DirectoryError, applyDirectory, readDirectoryFile } from '../src/directory';

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  const check = argv.indexOf('--check');
  const apply = argv.indexOf('--apply');
  const file = argv[(check >= 0 ? check : apply) + 1];
  if ((check < 0 && apply < 0) || !file) {
    out('usage: directory (--check <directory.json> | --apply <directory.json>)');
    return 2;
  }
  let directory;
  try {
    directory = readDirectoryFile(file);
  } catch (e) {
    if (e instanceof DirectoryError) {
      for (const p of e.problems) out(`invalid: ${p}`);
      return 1;
    }
    throw e;
  }
  const delegates = directory.organisations.reduce((n, o) => n + o.delegates.length, 0);
  out(`directory ok: ${directory.organisations.length} organisations (${directory.organisations.map((o) => o.id).join(', ')}), ${delegates} delegates`);
  if (check >= 0) return 0;
  const store = openStore(loadConfig(env).store);
  try {
    const report = await applyDirectory(store, directory);
    out(`written: organisations ${report.organisationsWritten.length}, delegates ${report.delegatesWritten}, delegate marks removed ${report.delegatesRemoved}, unchanged ${report.unchanged}`);
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`directory failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
