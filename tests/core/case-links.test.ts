/**
 * Linking cases (issue 16: "the procesregisseur can link cases"; ADR 0018): the command writes the link in
 * group A of both cases in one transaction, audits it on both, is idempotent by commandId, refuses with
 * stable codes and leaves nothing half-written; the link is shown in the full frame only, and a purge leaves
 * the other case nothing of the purged one but its kenmerk.
 */
import { randomUUID } from 'node:crypto';
import type { StoreTx } from '../../src/core/ports';
import type { Store } from '../../src/core/ports';
import { Signaalpunt } from '../../src/core/service';
import type { World } from '../support/world';
import { CONCERN, U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, expectCode, footprint, steps, stored, strings, walkToReflectie } from './helpers';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});
afterEach(() => w.close());

async function twoCases(): Promise<{ a: string; b: string; refA: string; refB: string }> {
  const s = steps(w);
  const a = await s.bringIn(U.mentor);
  const b = await s.bringIn(U.mentor, { freeText: 'Dezelfde zorg, een dag later opnieuw ingebracht.' });
  return { a, b, refA: (await stored(w, a)).frame.reference, refB: (await stored(w, b)).frame.reference };
}

const link = (caseId: string, linkedReference: string, commandId: string = randomUUID()) => w.sp.execute('linkCases', U.regisseur, { commandId, caseId, linkedReference });

describe('linkCases', () => {
  test('the procesregisseur links two cases by kenmerk: both frames hold the other id and kenmerk, both versions move on, one audit row on each', async () => {
    const { a, b, refA, refB } = await twoCases();
    const auditBefore = (await allAudit(w)).length;
    const r = await link(a, refB);
    expect(r.ok && r.value.outcome).toBe('LINKED');
    const [ra, rb] = [await stored(w, a), await stored(w, b)];
    const at = w.clock.now().toISOString();
    expect(ra.frame.links).toEqual([{ caseId: b, reference: refB, linkedAt: at }]);
    expect(rb.frame.links).toEqual([{ caseId: a, reference: refA, linkedAt: at }]);
    expect([ra.version, rb.version]).toEqual([2, 2]);
    const rows = (await allAudit(w)).slice(auditBefore);
    expect(rows.map((x) => ({ caseId: x.caseId, reference: x.reference, action: x.action, groups: x.groups, role: x.role }))).toEqual([
      { caseId: a, reference: refA, action: 'update', groups: ['A'], role: 'procesregisseur' },
      { caseId: b, reference: refB, action: 'update', groups: ['A'], role: 'procesregisseur' },
    ]);
    expect(rows.every((x) => x.purpose === 'linkCases: koppeling met een vergelijkbare casus' && x.commandId !== null)).toBe(true);
  });

  test('the same commandId twice links once: the second answer is the first, replayed, and nothing more is written', async () => {
    const { a, refB } = await twoCases();
    const commandId = randomUUID();
    const first = await link(a, refB, commandId);
    const after = await footprint(w);
    const records = await w.store.listCases({ limit: 10, offset: 0 });
    const second = await link(a, refB, commandId);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.value).toEqual({ ...first.value, replayed: true });
    expect(await footprint(w)).toEqual(after);
    expect(await w.store.listCases({ limit: 10, offset: 0 })).toEqual(records);
  });

  test('refusals carry stable codes and write nothing on either case: itself, already linked (either way), an unknown kenmerk, a stale version, a malformed kenmerk', async () => {
    const { a, b, refA, refB } = await twoCases();
    expect((await link(a, refB)).ok).toBe(true);
    const c = await steps(w).bringIn(U.agent);
    const before = await footprint(w);
    const records = await Promise.all([a, b, c].map((id) => stored(w, id)));
    expectCode(await link(a, refA), 'CASE.LINK_SELF');
    expectCode(await link(a, refB), 'CASE.ALREADY_LINKED');
    expectCode(await link(b, refA), 'CASE.ALREADY_LINKED');
    const missing = expectCode(await link(c, 'SJV-2026-9999'), 'CASE.NOT_FOUND');
    expect(missing.details.fields).toEqual([{ path: 'linkedReference', issue: 'NOT_FOUND' }]);
    expectCode(await w.sp.execute('linkCases', U.regisseur, { commandId: randomUUID(), caseId: c, expectedVersion: 7, linkedReference: refA }), 'CASE.VERSION_CONFLICT');
    expectCode(await link(c, 'SJV-26-1'), 'VALIDATION.INVALID_INPUT');
    expect(await footprint(w)).toEqual(before);
    expect(await Promise.all([a, b, c].map((id) => stored(w, id)))).toEqual(records);
  });

  test('only the procesregisseur links: a partner who brought both in and the voorzitter are refused with AUTH.FORBIDDEN', async () => {
    const { a, refB } = await twoCases();
    const before = await footprint(w);
    for (const user of [U.mentor, U.voorzitter]) expectCode(await w.sp.execute('linkCases', user, { commandId: randomUUID(), caseId: a, linkedReference: refB }), 'AUTH.FORBIDDEN');
    expect(await footprint(w)).toEqual(before);
  });

  test('a concern of another organisation is not linked (CASE.LINK_OTHER_ORGANISATION, nothing written): the inbrenger reads its case\'s links and would learn of a concern it has no part in', async () => {
    const s = steps(w);
    const school = await s.bringIn(U.mentor);
    const police = await s.bringIn(U.agent);
    const before = await footprint(w);
    const refused = expectCode(await link(school, (await stored(w, police)).frame.reference), 'CASE.LINK_OTHER_ORGANISATION');
    expect(refused.details.fields).toEqual([{ path: 'linkedReference', issue: 'OTHER_ORGANISATION' }]);
    expect(await footprint(w)).toEqual(before);
    // the school's own case reads no link, and the police's concern stays out of its sight
    const view = await w.sp.getCase(U.mentor, school);
    expect(view.ok && view.value.frame?.links).toBeUndefined();
    expect(strings(view)).not.toContain((await stored(w, police)).frame.reference);
  });

  test('a closed case can be linked; a purged one cannot (CASE.TRANSITION_NOT_ALLOWED at linkedReference)', async () => {
    const s = steps(w);
    const closed = await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
    const open = await s.bringIn(U.mentor);
    const refClosed = (await stored(w, closed)).frame.reference;
    expect((await link(open, refClosed)).ok).toBe(true);
    const purged = await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
    w.clock.advanceDays(200);
    await w.sp.runRetention();
    expect((await stored(w, purged)).frame.phase).toBe('PURGED');
    const refused = expectCode(await link(open, (await stored(w, purged)).frame.reference), 'CASE.TRANSITION_NOT_ALLOWED');
    expect(refused.details.fields).toEqual([{ path: 'linkedReference', issue: 'PURGED' }]);
  });

  test('nothing is half-written: when the second case cannot be written, the first keeps its version and no audit row or command record remains', async () => {
    const { a, b, refB } = await twoCases();
    const failing: Store = new Proxy(w.store, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
        return <T>(fn: (tx: StoreTx) => Promise<T>) =>
          target.transaction((tx) =>
            fn(
              new Proxy(tx, {
                get(t, p, r) {
                  if (p !== 'updateCase') return Reflect.get(t, p, r) as unknown;
                  return async (record: { id: string }, expected: number) => {
                    if (record.id === b) throw new Error('the store fails on the second case');
                    return t.updateCase(record as never, expected);
                  };
                },
              }),
            ),
          );
      },
    });
    const sp = new Signaalpunt(failing, w.clock);
    const before = await footprint(w);
    const records = [await stored(w, a), await stored(w, b)];
    await expect(sp.execute('linkCases', U.regisseur, { commandId: randomUUID(), caseId: a, linkedReference: refB })).rejects.toThrow('the store fails on the second case');
    expect(await footprint(w)).toEqual(before);
    expect([await stored(w, a), await stored(w, b)]).toEqual(records);
  });
});

describe('unlinkCases', () => {
  test('removes the link from both cases, audited on both; unlinking again is refused with CASE.NOT_LINKED', async () => {
    const { a, b, refA } = await twoCases();
    expect((await link(a, (await stored(w, b)).frame.reference)).ok).toBe(true);
    const auditBefore = (await allAudit(w)).length;
    const r = await w.sp.execute('unlinkCases', U.regisseur, { commandId: randomUUID(), caseId: b, linkedReference: refA });
    expect(r.ok && r.value.outcome).toBe('UNLINKED');
    expect((await stored(w, a)).frame.links).toBeUndefined();
    expect((await stored(w, b)).frame.links).toBeUndefined();
    expect((await allAudit(w)).slice(auditBefore).map((x) => x.caseId)).toEqual([b, a]);
    const before = await footprint(w);
    expectCode(await w.sp.execute('unlinkCases', U.regisseur, { commandId: randomUUID(), caseId: b, linkedReference: refA }), 'CASE.NOT_LINKED');
    expect(await footprint(w)).toEqual(before);
  });
});

describe('who sees a link (full frame only, ADR 0018)', () => {
  test('the procesregisseur and the inbrenger see the links; the voorzitter and another partner, at process level, do not', async () => {
    const { a, b, refB } = await twoCases();
    expect((await link(a, refB)).ok).toBe(true);
    const frameOf = async (user: typeof U.mentor) => {
      const r = await w.sp.getCase(user, a);
      if (!r.ok) throw new Error(`${user.id} cannot see the case`);
      return r.value.frame;
    };
    expect((await frameOf(U.regisseur))?.links).toEqual([{ caseId: b, reference: refB, linkedAt: w.clock.now().toISOString() }]);
    expect((await frameOf(U.mentor))?.links).toHaveLength(1);
    for (const user of [U.voorzitter, U.agent]) {
      const frame = await frameOf(user);
      expect(frame?.reference).toBeDefined();
      expect(frame && 'links' in frame).toBe(false);
      expect(strings(frame)).not.toContain(refB);
    }
  });
});

describe('retention and links', () => {
  test('after one linked case is purged the other holds only its id and kenmerk, and the purged case keeps the link (group A stays)', async () => {
    const x = await walkToReflectie(w);
    await steps(w).close(x);
    const y = await steps(w).bringIn(U.mentor, { freeText: 'Een andere zorg over dezelfde buurt.' });
    const refX = (await stored(w, x)).frame.reference;
    const refY = (await stored(w, y)).frame.reference;
    expect((await link(y, refX)).ok).toBe(true);
    const linkedAt = w.clock.now().toISOString();
    w.clock.advanceDays(800);
    const run = await w.sp.runRetention();
    expect(run.purged.map((p) => p.caseId)).toContain(x);
    const purged = await stored(w, x);
    expect(purged.frame.phase).toBe('PURGED');
    expect(purged.frame.links).toEqual([{ caseId: y, reference: refY, linkedAt }]);
    const other = await stored(w, y);
    expect(other.frame.links).toEqual([{ caseId: x, reference: refX, linkedAt }]);
    const texts = strings(other);
    for (const content of [RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone, CONCERN.freeText, 'Meerdere signalen van dealen.', 'Opvolging loopt via het jongerenwerk.']) expect(texts).not.toContain(content);
  });
});
