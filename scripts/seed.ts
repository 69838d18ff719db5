/** `npm run seed`: writes the demo tenant (organisations and users) into the local store. Idempotent. */
import { mkdirSync } from 'node:fs';
import { openStore } from '../src/config/store';
import { loadConfig } from '../src/config';
import { DEMO_ORGANISATIONS, DEMO_USERS, seedDemoTenant } from '../src/demo/tenant';
import { loadDotEnv } from './env';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(process.env);
  if (config.mode !== 'local') {
    console.error('[seed] refused: the demo tenant is for local mode only (SJV_MODE=production is set).');
    process.exit(2);
  }
  mkdirSync(config.dataDir, { recursive: true });
  // the store the server runs on (SQLite locally, SharePoint in production): one place decides.
  const store = openStore(config.store);
  try {
    await seedDemoTenant(store);
    console.log(`[seed] demo tenant written to ${config.databaseFile}: ${DEMO_ORGANISATIONS.length} organisations, ${DEMO_USERS.length} users`);
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error('[seed] failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
