/**
 * The job lease in the store (migration 2): two connections to one SQLite file stand for two server
 * instances. A lease is held by one holder until it expires or is released.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/sqlite';
import { tempDir } from '../server/support/harness';

let dir: string;
let a: SqliteStore;
let b: SqliteStore;
beforeEach(() => {
  dir = tempDir();
  a = SqliteStore.open(join(dir, 'db.sqlite'));
  b = SqliteStore.open(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

test('the store is migrated to version 2 with the job_leases table', () => {
  const versions = a.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
  expect(versions.map((v) => v.version)).toEqual(expect.arrayContaining([1, 2]));
  expect(a.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'job_leases'").get()).toBeDefined();
});

test('only one instance gets a free lease, and not even its holder gets it again before it expires', async () => {
  expect(await a.acquireLease('job:x', 'instance-a', 60_000, T0)).toBe(true);
  expect(await b.acquireLease('job:x', 'instance-b', 60_000, at(1_000))).toBe(false);
  expect(await a.acquireLease('job:x', 'instance-a', 60_000, at(2_000))).toBe(false);
  expect(await b.acquireLease('job:y', 'instance-b', 60_000, at(2_000))).toBe(true);
});

test('an expired lease can be taken by another instance', async () => {
  expect(await a.acquireLease('job:x', 'instance-a', 60_000, T0)).toBe(true);
  expect(await b.acquireLease('job:x', 'instance-b', 60_000, at(59_999))).toBe(false);
  expect(await b.acquireLease('job:x', 'instance-b', 60_000, at(60_000))).toBe(true);
  expect(await a.acquireLease('job:x', 'instance-a', 60_000, at(60_001))).toBe(false);
});

test('a lease is released only by its holder', async () => {
  expect(await a.acquireLease('job:x', 'instance-a', 60_000, T0)).toBe(true);
  await b.releaseLease('job:x', 'instance-b');
  expect(await b.acquireLease('job:x', 'instance-b', 60_000, at(1))).toBe(false);
  await a.releaseLease('job:x', 'instance-a');
  expect(await b.acquireLease('job:x', 'instance-b', 60_000, at(2))).toBe(true);
});

test('many concurrent attempts from both instances yield exactly one holder', async () => {
  const attempts = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).acquireLease('job:race', `holder-${i}`, 60_000, T0));
  expect((await Promise.all(attempts)).filter(Boolean)).toHaveLength(1);
});
