/**
 * `npm start`: one server instance. Local mode (default): SQLite under ./data, the demo tenant seeded on first
 * start, tokens from POST /api/v1/dev/token. Ctrl-C (SIGINT) or SIGTERM stop it cleanly.
 */
import { ConfigError, loadConfig } from '../src/config';
import { BOT_ENDPOINT_PATH } from '../src/server/bot-endpoint';
import { startServer } from '../src/server/start';
import { startResidentServer } from '../resident/server';
import { loadResidentCodeSecret } from '../src/transparency/access-codes';
import { loadOrganisationProfile } from '../src/transparency/profile';
import { loadDotEnv } from './env';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`[signaalpunt] not started: ${e.message}`);
      console.error('[signaalpunt] see .env.example for every setting.');
      process.exit(2);
    }
    throw e;
  }
  const server = await startServer(config);
  // the resident's status page: its own server and port (deployed apart: `npm run resident`), here on the same store
  const resident = await startResidentServer({
    store: server.store,
    secret: loadResidentCodeSecret(config.dataDir, config.resident.codeSecret),
    profile: loadOrganisationProfile(`${config.templatesDir}/organisation.json`),
    host: config.resident.host,
    port: config.resident.port,
    trustProxy: config.http.trustProxy,
  });
  const base = config.http.publicUrl ?? server.url;
  const lines = [
    `Signaalpunt is running (${config.mode} mode${server.seeded ? ', demo tenant seeded' : ''}${server.demoCases ? `, ${server.demoCases} fictitious demo cases seeded` : ''})`,
    `  API:          ${base}/api/v1`,
    `  OpenAPI:      ${base}/api/openapi.json`,
    `  Bot endpoint: ${base}${BOT_ENDPOINT_PATH}`,
    `  Pages:        ${base}/pages/  (signaaltafel tab; standalone outside Teams)`,
    ...(config.mode === 'local'
      ? [
          `                ${base}/pages/coordinator/  (procesregisseur's case list, the SPFx web part's components)`,
          `                ${base}/pages/coordinator/?tab=dashboard  (statistics, audit check, retention report; ?user=fg@gemeente.demo)`,
        ]
      : []),
    `  Health:       ${base}/healthz  ${base}/readyz`,
    `  Resident:     ${resident.url}/  (the young person's status page: kenmerk + access code from a letter)`,
    `  Data:         ${config.databaseFile}`,
  ];
  if (config.mode === 'local') {
    lines.push(
      `  Token:        curl -s -X POST ${base}/api/v1/dev/token -H 'content-type: application/json' -d '{"user":"mentor@school.demo"}'`,
      '  Demo users:   regisseur@gemeente.demo voorzitter@gemeente.demo fg@gemeente.demo mentor@school.demo wijkagent@politie.demo',
      '                coach@wijkteam.demo ambtenaar@leerplicht.demo werker@jongerenwerk.demo trainer@sportclub.demo (not a member)',
    );
  }
  lines.push('Press Ctrl-C to stop.');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.error(`[signaalpunt] ${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    console.log(`[signaalpunt] ${signal}: stopping (finishing running requests and jobs, closing the store)`);
    Promise.all([resident.close(), server.close()]).then(
      () => {
        console.log('[signaalpunt] stopped');
        process.exit(0);
      },
      (e: unknown) => {
        console.error('[signaalpunt] stop failed:', e instanceof Error ? e.message : e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('[signaalpunt] failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
