/**
 * The SQLite adapter: the Store contract (in memory and on a file), plus what only a file-based SQLite
 * store can show: several store instances on one file, migrations on reopen, the append-only triggers.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/adapters/sqlite';
import { canonical, sha256Hex } from '../../src/core/audit';
import type { AuditInput } from '../../src/core/audit';
import type { DataGroup } from '../../src/core/model';
import { Signaalpunt } from '../../src/core/service';
import { seedDemoTenant } from '../../src/demo/tenant';
import { CONCERN, TestClock, U } from '../support/world';
import { makeRecord, storeContract } from './store-contract';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sjv-store-'));
  dirs.push(dir);
  return join(dir, 'sjv.db');
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

storeContract('SqliteStore in memory', async () => SqliteStore.open(':memory:'));
storeContract('SqliteStore on a file', async () => SqliteStore.open(tempFile()));

describe('SqliteStore specifics', () => {
  test('two store instances on the same file, interleaving submits: all references distinct and contiguous', async () => {
    const file = tempFile();
    const a = SqliteStore.open(file);
    const b = SqliteStore.open(file);
    await seedDemoTenant(a);
    const clock = new TestClock();
    const spA = new Signaalpunt(a, clock);
    const spB = new Signaalpunt(b, clock);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? spA : spB).execute('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN })),
    );
    const refs = results.map((r) => {
      if (!r.ok) throw new Error(r.error.code);
      return r.value.reference;
    });
    expect(new Set(refs).size).toBe(60);
    expect(refs.map((r) => Number(r.slice(-4))).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // one audit chain across both writers
    expect(await spA.verifyAudit()).toMatchObject({ ok: true, rows: 60 });
    await a.close();
    await b.close();
  });

  test('a rolled-back transaction does not consume a reference number', async () => {
    const store = SqliteStore.open(':memory:');
    await store.transaction(async (tx) => {
      await tx.nextReferenceNumber(2026);
      throw new Error('rollback');
    }).catch(() => undefined);
    expect(await store.transaction((tx) => tx.nextReferenceNumber(2026))).toBe(1);
    await store.close();
  });

  test('reopening a file keeps the data and does not re-run migrations', async () => {
    const file = tempFile();
    const first = SqliteStore.open(file);
    const record = makeRecord({ phase: 'INBRENG', org: 'school', user: U.mentor.id, createdAt: '2026-01-01T10:00:00.000Z' }, 'SJV-2026-0001');
    await first.transaction((tx) => tx.insertCase(record));
    const versions = first.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    await first.close();
    const second = SqliteStore.open(file);
    expect(await second.transaction((tx) => tx.getCase(record.id))).toEqual(record);
    expect(second.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual(versions);
    await second.close();
  });

  test('the audit table refuses UPDATE and DELETE', async () => {
    const store = SqliteStore.open(':memory:');
    await store.transaction((tx) =>
      tx.appendAudit([{ at: '2026-03-02T10:00:00.000Z', actorId: 'a', role: 'procesregisseur', caseId: null, reference: null, phase: null, action: 'read', groups: [], purpose: 'p', commandId: null }]),
    );
    expect(() => store.db.prepare("UPDATE audit SET purpose = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    await store.close();
  });

  test('reference numbers: a second year starts again at 0001', async () => {
    const store = SqliteStore.open(':memory:');
    await seedDemoTenant(store);
    const clock = new TestClock(new Date('2026-12-31T22:00:00Z'));
    const sp = new Signaalpunt(store, clock);
    const first = await sp.execute('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN });
    clock.set('2027-01-01T08:00:00Z');
    const second = await sp.execute('submitConcern', U.mentor, { commandId: randomUUID(), ...CONCERN });
    expect(first.ok && first.value.reference).toBe('SJV-2026-0001');
    expect(second.ok && second.value.reference).toBe('SJV-2027-0001');
    await store.close();
  });
});

describe('SqliteStore audit fast path', () => {
  const tricky = ['aanhalingstekens "zo" en \\ backslash', 'pijl → en emoji 🙂 en é', 'regel\neinde\ttab\u0001controle', '', 'SJV-2026-0001'];

  test('the canonical string SQLite builds equals the core canonical form for every kind of text, so fast verification agrees with the full check', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      await store.transaction(async (tx) => {
        await tx.appendAudit(
          tricky.map((purpose, i) => ({
            at: `2026-03-0${i + 1}T09:00:00.000Z`,
            actorId: i % 2 ? 'system:retention' : 'regisseur@gemeente.demo',
            role: 'procesregisseur' as const,
            caseId: i % 2 ? null : randomUUID(),
            reference: i % 2 ? null : `SJV-2026-000${i}`,
            phase: i % 2 ? null : ('VERRIJKING' as const),
            action: 'read' as const,
            groups: ['D', 'C'] as DataGroup[],
            purpose,
            commandId: i % 3 ? null : `cmd-${i}-abcdefgh`,
          })),
        );
      });
      const links = [];
      for await (const page of store.auditLinkPages(2)) links.push(...page);
      expect(links).toHaveLength(tricky.length);
      const rows = await store.readAudit({ limit: 100 });
      for (const [i, link] of links.entries()) {
        const row = rows[i]!;
        expect(link.canonical).toBe(canonical(row.seq, row, row.prevHash));
        expect(sha256Hex(link.canonical)).toBe(link.hash);
      }
      expect(await new Signaalpunt(store).verifyAudit(2)).toMatchObject({ ok: true, rows: tricky.length });
    } finally {
      await store.close();
    }
  });

  test('fast verification still pinpoints a row altered behind the triggers', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      const entry: AuditInput = { at: '2026-03-02T09:00:00.000Z', actorId: 'a', role: 'procesregisseur', caseId: null, reference: null, phase: null, action: 'read', groups: ['C'], purpose: 'p', commandId: null };
      await store.transaction(async (tx) => tx.appendAudit([entry, entry, entry, entry]));
      store.db.exec('DROP TRIGGER audit_no_update');
      store.db.prepare("UPDATE audit SET purpose = 'anders' WHERE seq = 3").run();
      expect(await new Signaalpunt(store).verifyAudit(2)).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'ALTERED' });
    } finally {
      await store.close();
    }
  });
});
