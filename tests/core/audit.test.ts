/**
 * The audit log: append-only, hash-chained, and a verifier that pinpoints the first altered or missing
 * row. The tamper tests work on a real SQLite file through a second connection, as an attacker with
 * file access would: first dropping the append-only triggers, then editing rows.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditRow } from '../../src/core/audit';
import { AuditVerifier, GENESIS_HASH, chainRows, hashRow, verifyRows } from '../../src/core/audit';
import type { World } from '../support/world';
import { TestClock, U, makeWorld } from '../support/world';
import { RESIDENT, allAudit, steps, walkToReflectie } from './helpers';

let dir: string;
let file: string;
let w: World;
let attacker: Database.Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sjv-audit-'));
  file = join(dir, 'sjv.db');
  w = await makeWorld({ file, clock: new TestClock() });
  // a real log: cases through the process, reads by several users, a purge
  const id = await walkToReflectie(w);
  for (const user of [U.mentor, U.agent, U.jongerenwerk, U.regisseur]) await w.sp.getCase(user, id);
  await steps(w).close(id);
  await w.driveTo('CLOSED', { exit: 'NO_SUSPICION' });
  w.clock.advanceDays(800);
  await w.sp.runRetention();
  attacker = new Database(file);
});

afterEach(async () => {
  attacker.close();
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (): number => (attacker.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;
function dropTriggers(): void {
  attacker.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
}

describe('an untouched log', () => {
  test('verifies, through the API in pages of any size, with the last hash to anchor', async () => {
    const rows = await allAudit(w);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.prevHash).toBe(GENESIS_HASH);
    for (const pageSize of [1, 3, 7, 10_000]) {
      expect(await w.sp.verifyAudit(pageSize)).toEqual({ ok: true, rows: rows.length, lastHash: rows.at(-1)!.hash });
    }
    expect(verifyRows(rows)).toEqual({ ok: true, rows: rows.length, lastHash: rows.at(-1)!.hash });
  });

  test('is append-only: UPDATE and DELETE are refused by the database itself', () => {
    expect(() => attacker.prepare("UPDATE audit SET purpose = 'x' WHERE seq = 3").run()).toThrow(/append-only/);
    expect(() => attacker.prepare('DELETE FROM audit WHERE seq = 3').run()).toThrow(/append-only/);
  });

  test('contains every kind of action a case produces', async () => {
    const actions = new Set((await allAudit(w)).map((r) => r.action));
    for (const a of ['create', 'update', 'read', 'export', 'transition', 'delete']) expect(actions).toContain(a);
  });
});

describe('tampering with the file is detected at the first bad row', () => {
  test('altering a row’s purpose → ALTERED at that seq', async () => {
    dropTriggers();
    attacker.prepare("UPDATE audit SET purpose = 'niets aan de hand' WHERE seq = 12").run();
    expect(await w.sp.verifyAudit()).toEqual({ ok: false, rows: 11, firstBadSeq: 12, problem: 'ALTERED' });
  });

  test.each([
    ['actor', "UPDATE audit SET actor_id = 'iemand@anders.demo' WHERE seq = 9"],
    ['role', "UPDATE audit SET role = 'procesregisseur' WHERE seq = 9"],
    ['time', "UPDATE audit SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 9"],
    ['groups', `UPDATE audit SET groups = '["A"]' WHERE seq = 9`],
    ['action', "UPDATE audit SET action = 'read' WHERE seq = 9"],
    ['case', 'UPDATE audit SET case_id = NULL WHERE seq = 9'],
  ])('altering the %s of a row → ALTERED at that seq', async (_field, sql) => {
    dropTriggers();
    expect(attacker.prepare(sql).run().changes).toBe(1);
    expect(await w.sp.verifyAudit(4)).toMatchObject({ ok: false, firstBadSeq: 9, problem: 'ALTERED' });
  });

  test('deleting a middle row → MISSING at that seq', async () => {
    const n = count();
    dropTriggers();
    attacker.prepare('DELETE FROM audit WHERE seq = 15').run();
    expect(count()).toBe(n - 1);
    expect(await w.sp.verifyAudit()).toEqual({ ok: false, rows: 14, firstBadSeq: 15, problem: 'MISSING' });
  });

  test('deleting the first row → MISSING at seq 1', async () => {
    dropTriggers();
    attacker.prepare('DELETE FROM audit WHERE seq = 1').run();
    expect(await w.sp.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 1, problem: 'MISSING' });
  });

  test('swapping the contents of two rows (seq kept) → detected at the earlier one', async () => {
    dropTriggers();
    const cols = 'at, actor_id, role, case_id, reference, phase, action, groups, purpose, command_id, prev_hash, hash';
    const a = attacker.prepare(`SELECT ${cols} FROM audit WHERE seq = 6`).get() as Record<string, unknown>;
    const b = attacker.prepare(`SELECT ${cols} FROM audit WHERE seq = 10`).get() as Record<string, unknown>;
    const set = attacker.prepare(
      'UPDATE audit SET at=@at, actor_id=@actor_id, role=@role, case_id=@case_id, reference=@reference, phase=@phase, action=@action, groups=@groups, purpose=@purpose, command_id=@command_id, prev_hash=@prev_hash, hash=@hash WHERE seq=@seq',
    );
    set.run({ ...b, seq: 6 });
    set.run({ ...a, seq: 10 });
    const v = await w.sp.verifyAudit();
    expect(v).toMatchObject({ ok: false, firstBadSeq: 6 });
  });

  test('reordering rows by renumbering them → detected at the first moved seq', async () => {
    dropTriggers();
    attacker.exec('UPDATE audit SET seq = -1 WHERE seq = 7; UPDATE audit SET seq = 7 WHERE seq = 8; UPDATE audit SET seq = 8 WHERE seq = -1;');
    expect(await w.sp.verifyAudit(5)).toMatchObject({ ok: false, firstBadSeq: 7 });
  });

  test('with several tampered rows the verifier pinpoints the FIRST', async () => {
    dropTriggers();
    attacker.prepare("UPDATE audit SET purpose = 'later gewijzigd' WHERE seq = 25").run();
    attacker.prepare('DELETE FROM audit WHERE seq = 18').run();
    attacker.prepare("UPDATE audit SET actor_id = 'x' WHERE seq = 11").run();
    for (const pageSize of [2, 10, 10_000]) expect(await w.sp.verifyAudit(pageSize)).toEqual({ ok: false, rows: 10, firstBadSeq: 11, problem: 'ALTERED' });
  });

  test('an altered row whose own hash was recomputed is still caught, at the next row', async () => {
    dropTriggers();
    const row = (await allAudit(w)).find((r) => r.seq === 12)!;
    const forged = { ...row, purpose: 'vervalst' };
    attacker.prepare('UPDATE audit SET purpose = ?, hash = ? WHERE seq = 12').run(forged.purpose, hashRow(12, forged, row.prevHash));
    expect(await w.sp.verifyAudit()).toMatchObject({ ok: false, firstBadSeq: 13 });
  });

  test('limits: a fully re-chained tail or a truncated tail verifies — only an anchored last hash reveals it', async () => {
    const anchored = await w.sp.verifyAudit();
    if (!anchored.ok) throw new Error('log should verify');
    dropTriggers();
    attacker.prepare('DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)').run();
    const truncated = await w.sp.verifyAudit();
    expect(truncated.ok).toBe(true);
    expect(truncated.ok && truncated.lastHash).not.toBe(anchored.lastHash);
  });
});

describe('the verifier itself', () => {
  const entry = (i: number) => ({
    at: `2026-03-0${1 + (i % 8)}T10:00:00.000Z`,
    actorId: `u${i}`,
    role: 'procesregisseur' as const,
    caseId: 'c',
    reference: 'SJV-2026-0001',
    phase: 'INBRENG' as const,
    action: 'read' as const,
    groups: ['C' as const],
    purpose: `p${i}`,
    commandId: null,
  });
  const rows = (): AuditRow[] => chainRows(undefined, Array.from({ length: 10 }, (_, i) => entry(i)));

  test('rows fed out of order → REORDERED at the expected seq', () => {
    const r = rows();
    [r[3], r[4]] = [r[4]!, r[3]!];
    expect(verifyRows(r)).toEqual({ ok: false, rows: 3, firstBadSeq: 4, problem: 'MISSING' });
    const back = rows();
    const v = new AuditVerifier();
    for (const row of back.slice(0, 5)) v.push(row);
    expect(v.push(back[2]!)).toBe(false);
    expect(v.result()).toMatchObject({ ok: false, firstBadSeq: 6, problem: 'REORDERED' });
  });

  test('chaining continues after an existing last row', () => {
    const first = rows();
    const more = chainRows(first.at(-1), [entry(11)]);
    expect(more[0]).toMatchObject({ seq: 11, prevHash: first.at(-1)!.hash });
    expect(verifyRows([...first, ...more]).ok).toBe(true);
  });

  test('the order in which groups are stored does not change the hash', () => {
    const e = { ...entry(1), groups: ['C' as const, 'F' as const] };
    expect(hashRow(1, e, GENESIS_HASH)).toBe(hashRow(1, { ...e, groups: ['F', 'C'] }, GENESIS_HASH));
  });
});

describe('audit rows never contain personal data', () => {
  test('no name, date of birth, phone, e-mail, address or free text anywhere in the log', async () => {
    // a second case, read by everyone
    w.clock.set('2026-03-02T09:00:00Z');
    const id = await walkToReflectie(w);
    for (const user of Object.values(U)) await w.sp.getCase(user, id);
    const rows = await allAudit(w);
    const text = JSON.stringify(rows);
    for (const pd of [RESIDENT.name, 'Mila', 'Jansen', RESIDENT.dateOfBirth, RESIDENT.phone, RESIDENT.email, RESIDENT.address, 'dure kleding', 'buurthuis', 'Vijf gesprekken']) {
      expect(text).not.toContain(pd);
    }
    // and the raw table, column by column
    const raw = JSON.stringify(attacker.prepare('SELECT * FROM audit').all());
    for (const pd of [RESIDENT.name, RESIDENT.dateOfBirth, RESIDENT.phone]) expect(raw).not.toContain(pd);
  });
});
