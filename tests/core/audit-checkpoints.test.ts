/**
 * Audit checkpoints (issue 13, item 8; ADR 0009) on the embedded store: a verification and the daily job
 * record the chain's head in an append-only file outside the database, and a verification reports a chain
 * whose newest rows were removed after a checkpoint (TRUNCATED) or that was rewritten from one (DIVERGED).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/sqlite';
import { FileCheckpointLog } from '../../src/adapters/sqlite/checkpoints';
import { loadConfig } from '../../src/config';
import { Signaalpunt } from '../../src/core/service';
import { seedDemoTenant } from '../../src/demo/tenant';
import { MeetingService } from '../../src/core/meetings';
import { JOBS } from '../../src/jobs';
import { CONCERN, TestClock, U } from '../support/world';

let dir: string;
let dbFile: string;
let checkpointFile: string;
let store: SqliteStore;
let sp: Signaalpunt;
const clock = new TestClock();

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sjv-checkpoints-'));
  dbFile = join(dir, 'sjv.db');
  checkpointFile = join(dir, 'audit-checkpoints.jsonl');
  store = SqliteStore.open(dbFile, { auditCheckpointFile: checkpointFile });
  await seedDemoTenant(store);
  sp = new Signaalpunt(store, clock);
  for (let i = 0; i < 5; i++) {
    const r = await sp.execute('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN });
    if (!r.ok) throw new Error(r.error.code);
  }
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const auditRows = (): number => (store.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;

/** What someone with write access to the database file does: drop the guard and delete the newest rows. */
function truncateTail(keep: number): void {
  store.db.exec('DROP TRIGGER audit_no_delete');
  store.db.prepare('DELETE FROM audit WHERE seq > ?').run(keep);
}

test('a verification records the head of an intact chain as a checkpoint, in a 0600 file outside the database', async () => {
  const rows = auditRows();
  expect(rows).toBeGreaterThan(2);
  const v = await sp.verifyAudit();
  expect(v).toMatchObject({ ok: true, rows, checkpointSeq: rows });
  const lines = readFileSync(checkpointFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const last = store.db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
  expect(lines).toEqual([{ seq: last.seq, hash: last.hash, at: clock.now().toISOString(), reason: 'verification' }]);
  expect(statSync(checkpointFile).mode & 0o777).toBe(0o600);
});

test('removing the newest rows after a checkpoint is reported as TRUNCATED; without checkpoints the same chain verified as intact', async () => {
  const rows = auditRows();
  await sp.verifyAudit();
  truncateTail(rows - 2);
  // What held before: the remaining chain is internally consistent, so a store without checkpoints calls it intact.
  const plain = SqliteStore.open(dbFile);
  try {
    expect(await new Signaalpunt(plain, clock).verifyAudit()).toMatchObject({ ok: true, rows: rows - 2 });
  } finally {
    await plain.close();
  }
  expect(await sp.verifyAudit()).toEqual({ ok: false, rows: rows - 2, firstBadSeq: rows - 1, problem: 'TRUNCATED', checkpointSeq: rows });
  // A failed verification records no checkpoint: the anchor stays where it was.
  expect(readFileSync(checkpointFile, 'utf8').trim().split('\n')).toHaveLength(1);
});

test('removing every row after a checkpoint is TRUNCATED too', async () => {
  await sp.verifyAudit();
  truncateTail(0);
  expect(await sp.verifyAudit()).toMatchObject({ ok: false, rows: 0, firstBadSeq: 1, problem: 'TRUNCATED' });
});

test('new rows after a checkpoint are fine, and the next verification moves the checkpoint on', async () => {
  const before = auditRows();
  await sp.verifyAudit();
  await sp.execute('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN });
  const after = auditRows();
  expect(after).toBeGreaterThan(before);
  expect(await sp.verifyAudit()).toMatchObject({ ok: true, rows: after, checkpointSeq: after });
  expect(await new FileCheckpointLog(checkpointFile).latest()).toMatchObject({ seq: after });
});

test('a chain that no longer holds the checkpointed row (rewritten from there) is DIVERGED', async () => {
  const rows = auditRows();
  await sp.verifyAudit();
  // the anchor records another hash for a row the chain still has: the chain is not the one anchored.
  await new FileCheckpointLog(checkpointFile).append({ seq: rows - 1, hash: 'f'.repeat(64), at: clock.now().toISOString(), reason: 'verification' });
  await new FileCheckpointLog(checkpointFile).append({ seq: rows, hash: 'e'.repeat(64), at: clock.now().toISOString(), reason: 'verification' });
  expect(await sp.verifyAudit()).toEqual({ ok: false, rows, firstBadSeq: rows, problem: 'DIVERGED', checkpointSeq: rows });
});

test('a torn last line (a crash mid-append) is skipped: the checkpoint before it still counts', async () => {
  const rows = auditRows();
  await sp.verifyAudit();
  appendFileSync(checkpointFile, '{"seq":99,"hash":"ab');
  expect(await new FileCheckpointLog(checkpointFile).latest()).toMatchObject({ seq: rows });
  truncateTail(rows - 1);
  expect(await sp.verifyAudit()).toMatchObject({ ok: false, problem: 'TRUNCATED', checkpointSeq: rows });
});

test('the daily job records a checkpoint, and fails with AUDIT.TRUNCATED once the tail is gone', async () => {
  const config = loadConfig({ SJV_DATA_DIR: dir });
  const ctx = { store, service: sp, meetings: new MeetingService(sp, store, clock), config, asOf: clock.now() };
  const rows = auditRows();
  expect(await JOBS['audit-checkpoint'].run(ctx)).toEqual({ rows, checkpointSeq: rows });
  expect(await new FileCheckpointLog(checkpointFile).latest()).toMatchObject({ seq: rows, reason: 'daily' });
  truncateTail(rows - 1);
  await expect(JOBS['audit-checkpoint'].run(ctx)).rejects.toMatchObject({ code: 'AUDIT.TRUNCATED' });
});

test('the checkpoint file is a setting; by default it lies in the data folder, next to the database and not in it', () => {
  expect(loadConfig({ SJV_DATA_DIR: dir }).store).toMatchObject({ kind: 'sqlite', file: join(dir, 'signaalpunt.db'), auditCheckpointFile: join(dir, 'audit-checkpoints.jsonl') });
  expect(loadConfig({ SJV_DATA_DIR: dir, SJV_AUDIT_CHECKPOINT_FILE: '/var/lib/sjv-anchor/checkpoints.jsonl' }).store).toMatchObject({ auditCheckpointFile: '/var/lib/sjv-anchor/checkpoints.jsonl' });
});
