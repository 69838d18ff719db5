/**
 * Starting and stopping one server instance: open the configured store (SQLite or SharePoint), seed the demo tenant on first
 * start in local mode, load the local key, build the app, listen, start the scheduled jobs. `close()`
 * stops taking requests, lets running requests and jobs finish, then closes the store.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import type { LocalKey } from '../auth';
import { createAuthenticator, loadOrCreateLocalKey, loadOrCreatePseudonymKey } from '../auth';
import type { JWTVerifyGetKey } from 'jose';
import type { Config } from '../config';
import type { ConfiguredStore } from '../config/store';
import { openStore } from '../config/store';
import type { Clock } from '../core/ports';
import { systemClock } from '../core/ports';
import { findIdentifiers } from '../core/guard';
import { Signaalpunt } from '../core/service';
import { seedDemoCases } from '../demo/cases';
import { seedDemoTenant } from '../demo/tenant';
import type { Scheduler } from '../jobs/scheduler';
import { startScheduler } from '../jobs/scheduler';
import { buildApp } from './app';
import type { MeetingServices } from './routes/meetings';
import { meetingServices } from './routes/meetings';
import type { BotEndpoint } from './bot-endpoint';
import { loadBotEndpoint } from './bot-endpoint';
import { createLogger, pseudonymiser } from './logging';

export interface StartOptions {
  /** where logs go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  clock?: Clock;
  /** production: the key set to verify tokens with instead of the remote JWKS (tests use a local JWKS server instead). */
  keySet?: JWTVerifyGetKey;
  botEndpoint?: BotEndpoint;
  onRoute?: (route: { method: string; url: string }) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  /** the store SJV_STORE selects (src/config/store.ts). */
  store: ConfiguredStore;
  service: Signaalpunt;
  /** the meeting services built at start-up, shared by the routes and the scheduler's jobs. */
  meetings: MeetingServices;
  logger: Logger;
  scheduler?: Scheduler;
  /** e.g. http://127.0.0.1:3978 */
  url: string;
  port: number;
  seeded: boolean;
  /** how many demo cases this start seeded (0: off, production, or the store already held cases). */
  demoCases: number;
  close(): Promise<void>;
}

export async function startServer(config: Config, opts: StartOptions = {}): Promise<RunningServer> {
  const logger = createLogger(config.log.level, opts.logDestination);
  const clock = opts.clock ?? systemClock;
  // the data folder holds the database and keys: the owner only (0700), also when it existed before.
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(config.dataDir, 0o700);
  const store = openStore(config.store, { clock });
  logger.info({ store: config.store.kind, ...(config.store.kind === 'sharepoint' ? { site: config.store.siteUrl } : {}) }, 'store opened');
  if (config.mode === 'production' && config.store.kind === 'sqlite') logger.warn('production runs on SQLite (SJV_ALLOW_SQLITE_IN_PRODUCTION=true): one instance, no item permissions');
  let ready = false;
  try {
    let seeded = false;
    if (config.mode === 'local' && (await store.listUsers()).length === 0) {
      await seedDemoTenant(store);
      seeded = true;
    }
    if (config.mode === 'production') await warnAboutUnknownOrganisations(config, store, logger);
    if (config.mode === 'production' && config.demo.cases) logger.warn({ setting: 'SJV_DEMO_CASES' }, 'demo cases are never seeded in production mode: setting ignored');
    const localKey: LocalKey | undefined = config.mode === 'local' ? await loadOrCreateLocalKey(config.dataDir) : undefined;
    const pseudonymKey = config.log.pseudonymKey ?? loadOrCreatePseudonymKey(config.dataDir);
    const authenticator = createAuthenticator(config.auth, { store, now: () => clock.now().getTime(), ...(localKey ? { localKey } : {}), ...(opts.keySet ? { keySet: opts.keySet } : {}) });
    const service = new Signaalpunt(store, clock, config.process);
    let demoCases = 0;
    if (config.mode === 'local' && config.demo.cases) {
      demoCases = await seedDemoCases(store, service, clock);
      if (demoCases > 0) logger.info({ cases: demoCases }, 'demo cases seeded (fictitious; SJV_DEMO_CASES=0 turns this off)');
    }
    const botEndpoint = opts.botEndpoint ?? (await loadBotEndpoint({ config, store, service, logger }));
    // built once here, for the routes (buildApp) and the scheduler's jobs alike (ADR 0016)
    const meetings = meetingServices(store, service, () => clock.now());
    const app = await buildApp({
      config,
      store,
      service,
      meetings,
      authenticator,
      ...(localKey ? { localKey } : {}),
      logger,
      pseudonymise: pseudonymiser(pseudonymKey),
      clock,
      ...(botEndpoint ? { botEndpoint } : {}),
      ready: () => ready,
      ...(opts.onRoute ? { onRoute: opts.onRoute } : {}),
    });
    // The identifier guard loads its Dutch dictionary on first use (seconds, synchronously): load it before
    // listening, so that no first user waits for it and /readyz is true only when submits are fast.
    const warmStart = performance.now();
    findIdentifiers('Opwarmen van de controle op herleidbare gegevens.');
    logger.debug({ ms: Math.round(performance.now() - warmStart) }, 'identifier guard loaded');
    await app.listen({ host: config.http.host, port: config.http.port });
    const port = (app.server.address() as AddressInfo).port;
    const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    const scheduler = config.jobs.enabled ? startScheduler({ store, service, meetings: meetings.service, config, logger, clock }) : undefined;
    ready = true;
    let closing: Promise<void> | undefined;
    return {
      app,
      store,
      service,
      meetings,
      logger,
      ...(scheduler ? { scheduler } : {}),
      url,
      port,
      seeded,
      demoCases,
      close: () =>
        (closing ??= (async () => {
          ready = false;
          await scheduler?.stop();
          await app.close();
          await botEndpoint?.close?.();
          await store.close();
        })()),
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}

async function warnAboutUnknownOrganisations(config: Config, store: ConfiguredStore, logger: Logger): Promise<void> {
  if (config.auth.mode !== 'production') return;
  const known = new Set((await store.listOrganisations()).map((o) => o.id));
  const missing = [...new Set(Object.values(config.auth.groupMap).map((m) => m.organisationId))].filter((id) => !known.has(id));
  if (missing.length) logger.warn({ organisations: missing }, 'the group map names organisations that are not in the registry');
}
