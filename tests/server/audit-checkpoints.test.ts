/**
 * GET /api/v1/audit/verification with checkpoints (issue 13, item 8; ADR 0009): the server's store keeps
 * them in the data folder; a verification answers with the checkpoint it recorded, and with the coded
 * problem TRUNCATED once the newest audit rows were removed behind the server's back.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqliteStore } from '../../src/adapters/sqlite';
import type { TestServer } from './support/harness';
import { CONCERN, DEMO, cmdId, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

test('the verification records a checkpoint in the data folder and reports TRUNCATED after the tail is deleted', async () => {
  for (let i = 0; i < 3; i++) expect((await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } })).status).toBe(201);
  const first = await t.call('GET', '/api/v1/audit/verification', { as: DEMO.fg });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ ok: true, checkpointSeq: first.body.rows });
  expect(existsSync(join(t.dataDir, 'audit-checkpoints.jsonl'))).toBe(true);
  const db = (t.server.store as SqliteStore).db;
  db.exec('DROP TRIGGER audit_no_delete');
  db.prepare('DELETE FROM audit WHERE seq > ?').run(first.body.rows - 1);
  const second = await t.call('GET', '/api/v1/audit/verification', { as: DEMO.fg });
  expect([second.status, second.body]).toEqual([200, { ok: false, rows: first.body.rows - 1, firstBadSeq: first.body.rows, problem: 'TRUNCATED', checkpointSeq: first.body.rows }]);
});
