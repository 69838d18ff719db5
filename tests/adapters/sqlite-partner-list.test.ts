/**
 * A partner's case list in the SQLite store (issue 13, item 9): the query was rewritten from one
 * `OR … EXISTS` clause into a UNION of index-backed branches. The rows must be exactly the rows of the old
 * rule, written here as a plain spec over the records: for every demo user, every phase, the other filters,
 * and pages of the result.
 */
import { SqliteStore } from '../../src/adapters/sqlite';
import type { CaseRecord, Phase } from '../../src/core/model';
import { PHASES } from '../../src/core/model';
import type { CaseQuery } from '../../src/core/ports';
import { DEMO_USERS, seedDemoTenant } from '../../src/demo/tenant';
import { makeRecord } from './store-contract';

const INBRENGERS = [...DEMO_USERS.filter((u) => u.roles.includes('partner')).map((u) => ({ user: u.id, org: u.organisationId })), { user: 'someone@elders.demo', org: 'school' }];

/** The old rule (the `OR … EXISTS` clause before issue 13), as a spec. */
function visibleBefore(record: CaseRecord, userId: string, organisationId: string): boolean {
  const phase = record.frame.phase;
  const asked = record.enrichment.requests.some((r) => r.organisationId === organisationId);
  const party = (record.discussion?.parties ?? []).includes(organisationId);
  return (
    phase === 'INBRENG' ||
    (record.frame.inbrengerUserId === userId && phase !== 'PURGED') ||
    (asked && ['VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'].includes(phase)) ||
    (party && ['BESPREKING', 'OPVOLGING', 'REFLECTIE', 'CLOSED'].includes(phase))
  );
}

/** The other filters of a query, as a spec. */
function matches(record: CaseRecord, q: Partial<CaseQuery>): boolean {
  if (q.phases && !q.phases.includes(record.frame.phase)) return false;
  const closed = record.frame.phase === 'CLOSED' || record.frame.phase === 'PURGED';
  if (q.status && (q.status === 'closed') !== closed) return false;
  if (q.organisationId && record.frame.inbrengerOrganisationId !== q.organisationId) return false;
  return true;
}

const newestFirst = (a: CaseRecord, b: CaseRecord): number =>
  a.frame.createdAt < b.frame.createdAt ? 1 : a.frame.createdAt > b.frame.createdAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

let store: SqliteStore;
const records: CaseRecord[] = [];

beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  await seedDemoTenant(store);
  // every phase × every inbrenger × no/one/two organisations asked × no/one/two parties; several cases share
  // a creation time so that the tie-break on id is exercised too.
  let n = 0;
  const askedSets = [[], ['politie'], ['wijkteam', 'leerplicht'], ['school', 'jongerenwerk']];
  const partySets = [undefined, ['politie'], ['jongerenwerk', 'wijkteam'], ['school', 'leerplicht', 'sportclub']];
  for (const phase of PHASES) {
    for (const [i, who] of INBRENGERS.entries()) {
      for (const [a, asked] of askedSets.entries()) {
        for (const parties of partySets) {
          n += 1;
          const minute = String(Math.floor(n / 3) % 60).padStart(2, '0');
          const hour = String(Math.floor(n / 180)).padStart(2, '0');
          const withParties = parties && !['INBRENG', 'VERRIJKING'].includes(phase);
          const record = makeRecord(
            {
              phase: phase as Phase,
              org: who.org,
              user: who.user,
              createdAt: `2026-02-01T${hour}:${minute}:00.000Z`,
              ...(phase !== 'INBRENG' ? { identityCapturedAt: '2026-02-01T00:00:00.000Z' } : {}),
              requests: phase === 'INBRENG' ? [] : asked.map((org) => ({ org, status: (a + i) % 2 ? ('answered' as const) : ('open' as const), dueOn: '2026-03-01' })),
              ...(withParties ? { parties, lead: parties[0]! } : {}),
              ...(phase === 'CLOSED' ? { retentionUntil: '2027-01-01' } : {}),
            },
            `SJV-2026-${String(n).padStart(5, '0')}`,
          );
          records.push(record);
        }
      }
    }
  }
  await store.transaction(async (tx) => {
    for (const r of records) await tx.insertCase(r);
  });
});
afterAll(async () => {
  await store.close();
});

const FILTERS: Partial<CaseQuery>[] = [{}, ...PHASES.map((p) => ({ phases: [p] as Phase[] })), { phases: ['INBRENG', 'CLOSED'] }, { status: 'open' }, { status: 'closed' }, { organisationId: 'politie' }, { organisationId: 'school', phases: ['BESPREKING', 'OPVOLGING'] }];

test('the data set covers every phase with cases each partner can and cannot see', () => {
  expect(new Set(records.map((r) => r.frame.phase))).toEqual(new Set(PHASES));
  for (const u of DEMO_USERS) expect(records.some((r) => r.frame.phase !== 'INBRENG' && !visibleBefore(r, u.id, u.organisationId))).toBe(true);
});

test.each(DEMO_USERS.map((u) => [u.id, u] as const))('the list of %s holds exactly the rows of the old rule, in every phase and with every filter, newest first', async (_id, user) => {
  for (const filter of FILTERS) {
    const expected = records.filter((r) => visibleBefore(r, user.id, user.organisationId) && matches(r, filter)).sort(newestFirst).map((r) => r.id);
    const got = await store.listCases({ ...filter, visibleTo: { userId: user.id, organisationId: user.organisationId }, limit: 10_000, offset: 0 });
    expect({ filter, ids: got.items.map((r) => r.id), total: got.total }).toEqual({ filter, ids: expected, total: expected.length });
  }
});

test('pages of a partner’s list are slices of the whole list, and the total stays the full count', async () => {
  const user = DEMO_USERS.find((u) => u.id === 'wijkagent@politie.demo')!;
  const expected = records.filter((r) => visibleBefore(r, user.id, user.organisationId)).sort(newestFirst).map((r) => r.id);
  expect(expected.length).toBeGreaterThan(100);
  for (const [offset, limit] of [[0, 50], [50, 50], [7, 13], [expected.length - 3, 50], [expected.length + 10, 50]] as const) {
    const got = await store.listCases({ visibleTo: { userId: user.id, organisationId: user.organisationId }, limit, offset });
    expect({ offset, ids: got.items.map((r) => r.id), total: got.total }).toEqual({ offset, ids: expected.slice(offset, offset + limit), total: expected.length });
  }
});

test('the partner’s list reads cases through indexes, never by scanning the cases table', () => {
  // The plan of the count over the visible set (the page uses the same branches).
  const user = DEMO_USERS.find((u) => u.id === 'mentor@school.demo')!;
  const plans: string[] = [];
  const original = store.db.prepare.bind(store.db);
  const spy = (sql: string) => {
    if (/UNION/.test(sql)) plans.push(...original(`EXPLAIN QUERY PLAN ${sql}`).all({ vu: user.id, vo: user.organisationId, limit: 50, offset: 0, top: 50 }).map((r) => String((r as { detail: string }).detail)));
    return original(sql);
  };
  (store.db as unknown as { prepare: typeof spy }).prepare = spy;
  return store
    .listCases({ visibleTo: { userId: user.id, organisationId: user.organisationId }, limit: 50, offset: 0 })
    .then(() => {
      expect(plans.length).toBeGreaterThan(0);
      expect(plans.filter((d) => /^SCAN c\b|SCAN cases\b/.test(d))).toEqual([]);
      expect(plans.some((d) => /USING (COVERING )?INDEX cases_phase/.test(d))).toBe(true);
      expect(plans.some((d) => /USING (COVERING )?INDEX cases_inbrenger_user/.test(d))).toBe(true);
      expect(plans.some((d) => /case_relations_org|PRIMARY KEY/.test(d))).toBe(true);
    })
    .finally(() => {
      (store.db as unknown as { prepare: typeof original }).prepare = original;
    });
});

test('migration 13 fills the relations of existing cases with their phase and creation time: a partner still sees a case asked of it', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const Database = (await import('better-sqlite3')).default;
  const { MIGRATIONS } = await import('../../src/adapters/sqlite/migrations');
  const dir = mkdtempSync(join(tmpdir(), 'sjv-m13-'));
  try {
    const file = join(dir, 'old.db');
    // a database as it was before migration 13, with one case in VERRIJKING asked of politie.
    const old = SqliteStore.open(file);
    const record = makeRecord({ phase: 'VERRIJKING', org: 'school', user: 'mentor@school.demo', createdAt: '2026-02-01T10:00:00.000Z', identityCapturedAt: '2026-02-01T10:00:00.000Z', requests: [{ org: 'politie', status: 'open', dueOn: '2026-03-01' }] }, 'SJV-2026-0001');
    await old.transaction((tx) => tx.insertCase(record));
    await old.close();
    const db = new Database(file);
    db.exec(`DROP INDEX case_relations_org; DROP INDEX cases_phase; DROP INDEX cases_inbrenger_user;
      CREATE TABLE rel_old (case_id TEXT NOT NULL, organisation_id TEXT NOT NULL, relation TEXT NOT NULL, PRIMARY KEY (case_id, organisation_id, relation)) WITHOUT ROWID;
      INSERT INTO rel_old SELECT case_id, organisation_id, relation FROM case_relations; DROP TABLE case_relations; ALTER TABLE rel_old RENAME TO case_relations;
      CREATE INDEX case_relations_org ON case_relations (organisation_id, relation, case_id);
      CREATE INDEX cases_phase ON cases (phase, created_at DESC); CREATE INDEX cases_inbrenger_user ON cases (inbrenger_user);
      DELETE FROM schema_migrations WHERE version = 13;`);
    db.close();
    expect(MIGRATIONS.some((m) => m.version === 13)).toBe(true);
    const migrated = SqliteStore.open(file);
    const got = await migrated.listCases({ visibleTo: { userId: 'wijkagent@politie.demo', organisationId: 'politie' }, limit: 50, offset: 0 });
    expect({ ids: got.items.map((r) => r.id), total: got.total }).toEqual({ ids: [record.id], total: 1 });
    expect(migrated.db.prepare('SELECT phase, created_at FROM case_relations').all()).toEqual([{ phase: 'VERRIJKING', created_at: '2026-02-01T10:00:00.000Z' }]);
    await migrated.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
