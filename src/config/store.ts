/**
 * The one place where the configured store (SJV_STORE, validated in ./index.ts) is opened: the embedded
 * SQLite store, or the SharePoint store of production. The server (and any script that wants the server's
 * store) calls `openStore`; nothing else decides between them.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SharePointStore } from '../adapters/sharepoint/store';
import { sharePointSettings } from '../adapters/sharepoint/config';
import { SqliteStore } from '../adapters/sqlite';
import type { Clock } from '../core/ports';
import type { StoreConfig } from './index';

/** The store SJV_STORE selects; each implements everything the server needs (src/server/server-store.ts). */
export type ConfiguredStore = SqliteStore | SharePointStore;

export interface OpenStoreOptions {
  clock?: Clock;
  informingDeadlineMonths?: number;
}

export function openStore(config: StoreConfig, opts: OpenStoreOptions = {}): ConfiguredStore {
  const months = opts.informingDeadlineMonths !== undefined ? { informingDeadlineMonths: opts.informingDeadlineMonths } : {};
  if (config.kind === 'sqlite') {
    mkdirSync(dirname(config.file), { recursive: true, mode: 0o700 });
    return SqliteStore.open(config.file, { ...months, auditCheckpointFile: config.auditCheckpointFile });
  }
  return new SharePointStore({ ...sharePointSettings(config.siteUrl, config.credential), ...months, ...(opts.clock ? { clock: opts.clock } : {}) });
}
