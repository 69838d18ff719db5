/** The BotStore contract (tests/adapters/bot-store-contract.ts) on SQLite: two connections on one database file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/sqlite';
import { botStoreContract } from './bot-store-contract';

botStoreContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-bot-store-'));
  const a = SqliteStore.open(join(dir, 'sjv.db'));
  const b = SqliteStore.open(join(dir, 'sjv.db'));
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
