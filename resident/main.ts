/**
 * The resident server's own entry (`tsx resident/main.ts`): deployable apart from the API. It needs the
 * same store settings (SJV_STORE…), the same SJV_RESIDENT_CODE_SECRET (or data folder) and the templates
 * folder's organisation.json (contact); nothing of Teams or Entra.
 */
import { loadConfig } from '../src/config';
import { openStore } from '../src/config/store';
import { loadResidentCodeSecret } from '../src/transparency/access-codes';
import { loadOrganisationProfile } from '../src/transparency/profile';
import type { ResidentServer } from './server';
import { startResidentServer } from './server';

export async function startResidentFromConfig(env: Record<string, string | undefined> = process.env): Promise<ResidentServer & { publicUrl: string }> {
  const config = loadConfig(env);
  const store = openStore(config.store);
  const server = await startResidentServer({
    store,
    secret: loadResidentCodeSecret(config.dataDir, config.resident.codeSecret),
    profile: loadOrganisationProfile(`${config.templatesDir}/organisation.json`),
    host: config.resident.host,
    port: config.resident.port,
    trustProxy: config.http.trustProxy,
  });
  return {
    ...server,
    publicUrl: config.resident.publicUrl,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

if (require.main === module) {
  startResidentFromConfig().then(
    (s) => console.log(`Signaalpunt resident page: ${s.url}  (public address ${s.publicUrl})`),
    (e: unknown) => {
      console.error('[signaalpunt resident] not started:', e instanceof Error ? e.message : e);
      process.exit(2);
    },
  );
}
