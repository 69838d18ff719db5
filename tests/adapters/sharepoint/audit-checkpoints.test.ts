/**
 * Audit checkpoints on SharePoint (issue 13, item 8; ADR 0009), against the local SharePoint stand-in: a
 * verification records the chain's head as an item of SJVAuditCheckpoints — a list apart from SJVAudit —
 * and reports TRUNCATED when the newest audit items were deleted after a checkpoint.
 */
import { randomUUID } from 'node:crypto';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import { Signaalpunt } from '../../../src/core/service';
import { CONCERN, U } from '../../support/world';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

let w: SpWorld;
beforeAll(async () => {
  w = await makeSpWorld();
  for (let i = 0; i < 3; i++) {
    const r = await w.sp.execute('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN });
    if (!r.ok) throw new Error(r.error.code);
  }
});
afterAll(async () => {
  await w.close();
});

const auditItems = () => [...w.fake.list(LISTS.audit.title).items.values()].sort((a, b) => Number(a.values.Seq) - Number(b.values.Seq));

test('a verification records the head of the chain as an item of the checkpoint list, not of the audit list', async () => {
  const items = auditItems();
  const head = items[items.length - 1]!;
  const v = await w.sp.verifyAudit();
  expect(v).toMatchObject({ ok: true, rows: items.length, checkpointSeq: items.length });
  const checkpoints = [...w.fake.list(LISTS.auditCheckpoints.title).items.values()].map((i) => ({ Seq: i.values.Seq, Hash: i.values.Hash, Reason: i.values.Reason }));
  expect(checkpoints).toEqual([{ Seq: head.values.Seq, Hash: head.values.Hash, Reason: 'verification' }]);
  expect(auditItems()).toHaveLength(items.length);
});

test('deleting the newest audit items after a checkpoint is TRUNCATED; a store without the checkpoint list would have called it intact', async () => {
  const items = auditItems();
  await w.sp.verifyAudit();
  // someone with write access to SJVAudit deletes the newest two items.
  for (const item of items.slice(-2)) w.fake.list(LISTS.audit.title).items.delete(item.id);
  const withoutCheckpoints = new Signaalpunt(Object.assign(Object.create(w.store) as typeof w.store, { auditCheckpoints: undefined }), w.clock);
  expect(await withoutCheckpoints.verifyAudit()).toMatchObject({ ok: true, rows: items.length - 2 });
  expect(await w.sp.verifyAudit()).toEqual({ ok: false, rows: items.length - 2, firstBadSeq: items.length - 1, problem: 'TRUNCATED', checkpointSeq: items.length });
});
