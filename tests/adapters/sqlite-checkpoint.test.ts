/**
 * WAL checkpoints of a SQLite store on disk run in a worker thread (src/adapters/sqlite/checkpointer.ts,
 * issue 17), not inside a COMMIT on the event loop; what a store committed still survives the process.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/adapters/sqlite';
import type { Organisation } from '../../src/core/model';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-ckpt-'));
  dirs.push(dir);
  return join(dir, 'sjv.db');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const org = (i: number): Organisation => ({ id: `org-${i}`, name: `Organisatie ${i}`, type: 'school', joinedOn: '2026-01-01' });

/** The rows of `organisations` in the database file alone (a copy without its -wal log); none before the table is there. */
function orgsInDatabaseFile(file: string): number {
  const copy = `${file}.copy`;
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'organisations'").get();
    return table ? (db.prepare('SELECT COUNT(*) AS n FROM organisations').get() as { n: number }).n : 0;
  } finally {
    db.close();
    rmSync(copy, { force: true });
  }
}

test('the store connection commits without checkpointing: its automatic checkpoint is off', async () => {
  const store = SqliteStore.open(tempFile());
  try {
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  } finally {
    await store.close();
  }
});

test('a few commits reach the database file itself within a second, copied there by the checkpoint worker', async () => {
  const file = tempFile();
  const store = SqliteStore.open(file);
  try {
    // Far below SQLite's automatic checkpoint (1000 pages of log): without the worker they stay in the log.
    for (let i = 0; i < 5; i++) await store.putOrganisation(org(i));
    const deadline = Date.now() + 3000;
    let n = orgsInDatabaseFile(file);
    while (n < 5 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      n = orgsInDatabaseFile(file);
    }
    expect(n).toBe(5);
  } finally {
    await store.close();
  }
});

test('a store closed while its worker runs keeps everything it committed, and opens again', async () => {
  const file = tempFile();
  const store = SqliteStore.open(file);
  for (let i = 0; i < 20; i++) await store.putOrganisation(org(i));
  await store.close();
  const again = SqliteStore.open(file);
  try {
    expect((await again.listOrganisations()).map((o) => o.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `org-${i}`).sort());
  } finally {
    await again.close();
  }
});

test('a store in memory has no log and no worker: it opens and closes as before', async () => {
  const store = SqliteStore.open(':memory:');
  await store.putOrganisation(org(1));
  expect((await store.listOrganisations()).length).toBe(1);
  await store.close();
});
