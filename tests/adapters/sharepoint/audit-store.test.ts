/**
 * The SharePoint store's audit rows (src/adapters/sharepoint/audit-store.ts) against the local SharePoint
 * stand-in, when two server instances append at once: the audit list's Seq column is unique, so the
 * instance whose sequence number was taken meanwhile gets 409 and chains its row again after the new last
 * row — no gap, no row twice, the chain verifies. The stand-in's behaviours used here (unique columns →
 * 409, 429 with Retry-After) name the Microsoft pages they follow in fake-sharepoint.ts.
 */
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import type { AuditInput } from '../../../src/core/audit';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

const AUDIT_ITEMS = new RegExp(`^web/lists/getByTitle\\('${LISTS.audit.title}'\\)/items$`);

const entry = (actorId: string): AuditInput => ({
  at: '2026-03-02T09:00:00.000Z',
  actorId,
  role: 'system',
  caseId: null,
  reference: null,
  phase: null,
  action: 'read',
  groups: [],
  purpose: 'test',
  commandId: null,
});

let w: SpWorld;
beforeAll(async () => {
  w = await makeSpWorld();
});
afterAll(async () => w.close());

test('an audit row whose sequence number another instance took meanwhile (409 on the unique Seq) is chained again after that row: no gap, none twice, the chain verifies', async () => {
  const other = w.secondStore();
  const before = await w.store.lastAuditSeq();
  // this instance's append is throttled once (429, Retry-After: 1): it sends the same row again a second later
  w.fake.inject({ method: 'POST', path: AUDIT_ITEMS, times: 1, status: 429, retryAfter: '1' });
  w.fake.clearLog();
  const slow = w.store.transaction((tx) => tx.appendAudit([entry('slow')]));
  while (!w.fake.requests.some((r) => r.status === 429)) await new Promise((r) => setTimeout(r, 10));
  await other.transaction((tx) => tx.appendAudit([entry('other')]));
  await slow;
  const adds = w.fake.requests.filter((r) => r.method === 'POST' && AUDIT_ITEMS.test(r.path)).map((r) => [(r.body as { ActorId: string; Seq: number }).ActorId, (r.body as { Seq: number }).Seq, r.status]);
  expect(adds).toEqual([
    ['slow', before + 1, 429],
    ['other', before + 1, 201],
    ['slow', before + 1, 409],
    ['slow', before + 2, 201],
  ]);
  const rows = await w.store.readAudit({ afterSeq: before, limit: 10 });
  expect(rows.map((r) => [r.seq, r.actorId])).toEqual([
    [before + 1, 'other'],
    [before + 2, 'slow'],
  ]);
  expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
  expect(await w.sp.verifyAudit(50)).toMatchObject({ ok: true });
  await other.close();
});
