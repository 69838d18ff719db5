/**
 * Scenario: a closed case waits for its retention date; then the retention run destroys identity,
 * contact and free text. What remains is anonymous: codes, dates, decisions, and a deletion record.
 */
import { U, makeWorld } from '../support/world';
import type { World } from '../support/world';
import { RESIDENT, allAudit, steps, stored, walkToReflectie } from '../core/helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

test('from CLOSED to PURGED on the retention date, as the procesregisseur and the FG follow it', async () => {
  const caseId = await walkToReflectie(w);
  await steps(w).close(caseId);
  const { reference, retentionUntil } = (await stored(w, caseId)).frame;
  expect(retentionUntil).toBe('2028-03-02');

  w.clock.set('2028-03-01T12:00:00Z');
  const report = await w.sp.retentionReport(U.fg);
  expect(report.ok && report.value.due).toEqual([]);
  expect((await w.sp.runRetention()).purged).toEqual([]);

  w.clock.set('2028-03-02T02:00:00Z');
  const due = await w.sp.retentionReport(U.regisseur);
  expect(due.ok && due.value.due).toEqual([{ reference, retentionAtLatest: '2028-03-02' }]);
  const run = await w.sp.runRetention();
  expect(run.purged).toEqual([{ caseId, reference }]);

  const record = await stored(w, caseId);
  expect(record.frame.phase).toBe('PURGED');
  expect(record.identity).toBeUndefined();
  expect(record.contact).toBeUndefined();
  const regisseur = await w.sp.getCase(U.regisseur, caseId);
  if (!regisseur.ok) throw regisseur.error;
  expect(Object.keys(regisseur.value).sort()).toEqual(['access', 'concern', 'frame', 'id', 'phase', 'reference', 'reflection', 'version']);
  expect(JSON.stringify(regisseur.value)).not.toContain(RESIDENT.name);
  for (const user of [U.mentor, U.agent, U.jongerenwerk, U.voorzitter, U.fg]) expect((await w.sp.getCase(user, caseId)).ok).toBe(false);

  const after = await w.sp.retentionReport(U.fg);
  expect(after.ok && after.value.deletions).toEqual([
    { caseId, reference, at: '2028-03-02T02:00:00.000Z', reason: 'RETENTION_EXPIRED', by: 'system:retention', destroyed: ['C', 'F', 'freeText'] },
  ]);
  expect((await allAudit(w)).at(-1)).toMatchObject({ action: 'delete', caseId, phase: 'PURGED', actorId: 'system:retention' });
});
