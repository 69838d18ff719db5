/**
 * The retention date is min(closure + 24 months, 23rd birthday + 1 year): for a resident of 22 or older it
 * IS a birthday. A value computed from the date of birth is identity (group C, PROCESS.md "Data per
 * phase"): only readers of C see it; everyone else at most the latest day of the period, computed from the
 * closure alone. After the purge it is gone, from the case and from the deletion record.
 */
import { stageViewFor } from '../../src/core/views';
import type { User } from '../../src/core/model';
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { steps, stored, walkToReflectie } from '../core/helpers';

const BORN = '2004-06-20';
/** 23rd birthday + 1 year, earlier than closure (2026-09-01) + 24 months: the retention date is a birthday. */
const BIRTHDAY_RETENTION = '2028-06-20';
const CLOSURE_BOUND = '2028-09-01';

let w: World;
let caseId: string;
beforeEach(async () => {
  w = await makeWorld();
  caseId = await walkToReflectie(w, BORN);
  w.clock.set('2026-09-01T10:00:00Z');
  await steps(w).close(caseId);
});
afterEach(() => w.close());

const json = (x: unknown): string => JSON.stringify(x);
const everyone: [string, User][] = Object.entries(U);

test('the stored retention date of this resident is the birthday (the premise of the tests below)', async () => {
  const f = (await stored(w, caseId)).frame;
  expect(f.retentionUntil).toBe(BIRTHDAY_RETENTION);
  expect(f.retentionAtLatest).toBe(CLOSURE_BOUND);
});

test('in CLOSED only the procesregisseur, who reads identity, sees the birthday-date; every other reader at most the closure bound', async () => {
  for (const [name, user] of everyone) {
    const r = await w.sp.getCase(user, caseId);
    if (!r.ok) continue;
    const text = json(r.value);
    if (name === 'regisseur') {
      expect(r.value.identity?.dateOfBirth).toBe(BORN);
      expect(r.value.frame?.retentionUntil).toBe(BIRTHDAY_RETENTION);
    } else {
      expect({ name, leaks: text.includes(BIRTHDAY_RETENTION) || text.includes(BORN) }).toEqual({ name, leaks: false });
      expect(r.value.frame?.retentionAtLatest).toBe(CLOSURE_BOUND);
    }
  }
});

test('the meeting stage projection of a closed case holds no birthday-date, even from the view of the procesregisseur who reads it', async () => {
  const full = await w.sp.getCase(U.regisseur, caseId);
  if (!full.ok) throw full.error;
  expect(json(full.value)).toContain(BIRTHDAY_RETENTION);
  expect(json(stageViewFor(full.value))).not.toContain(BIRTHDAY_RETENTION);
});

test("the FG's retention report names a due case by its closure bound, never by the birthday-date", async () => {
  w.clock.set(`${BIRTHDAY_RETENTION}T01:00:00Z`);
  const report = await w.sp.retentionReport(U.fg);
  if (!report.ok) throw report.error;
  expect(report.value.due).toEqual([{ reference: expect.stringMatching(/^SJV-/), retentionAtLatest: CLOSURE_BOUND }]);
  expect(json(report.value.due)).not.toContain(BIRTHDAY_RETENTION);
});

test('after the purge neither the PURGED case nor its deletion record keeps the retention date; the record keeps the day and the reason', async () => {
  w.clock.set(`${BIRTHDAY_RETENTION}T02:00:00Z`);
  const run = await w.sp.runRetention();
  expect(json(run.purged)).not.toContain(BIRTHDAY_RETENTION);
  const record = await stored(w, caseId);
  expect(record.frame.phase).toBe('PURGED');
  expect(record.frame.retentionUntil).toBeUndefined();
  expect(record.reflection.retentionUntil).toBeUndefined();
  expect(record.frame.purgedOnTime).toBe(true);
  const view = await w.sp.getCase(U.regisseur, caseId);
  if (!view.ok) throw view.error;
  expect(view.value.frame?.retentionUntil).toBeUndefined();
  expect(view.value.reflection?.retentionUntil).toBeUndefined();
  const report = await w.sp.retentionReport(U.fg);
  if (!report.ok) throw report.error;
  const [deletion] = report.value.deletions;
  expect(Object.keys(deletion ?? {}).sort()).toEqual(['at', 'by', 'caseId', 'destroyed', 'reason', 'reference']);
  expect(deletion).toMatchObject({ caseId, reason: 'RETENTION_EXPIRED' });
  const columns = (w.store.db.prepare("SELECT name FROM pragma_table_info('deletion_records')").all() as { name: string }[]).map((c) => c.name);
  expect(columns).not.toContain('retention_until');
});
