/**
 * The indexes on `cases` (issue 17): every index is a page of write-ahead log on each card submit, so each one
 * must serve a query the store runs, and no query the store runs on cases may scan the table. The plans are
 * SQLite's own (EXPLAIN QUERY PLAN) for the SQL the store prepares while it answers every kind of case read.
 */
import { SqliteStore } from '../../src/adapters/sqlite';
import { DEMO_USERS, seedDemoTenant } from '../../src/demo/tenant';

let store: SqliteStore;
/** the plan lines per SQL text the store prepared that reads cases. */
const plans = new Map<string, string[]>();

beforeAll(async () => {
  store = SqliteStore.open(':memory:');
  await seedDemoTenant(store);
  const original = store.db.prepare.bind(store.db);
  // Every parameter a case query may name; positional ones get nulls.
  const named = { vu: 'u', vo: 'o', limit: 50, offset: 0, top: 50, p0: 'INBRENG', p1: 'VERRIJKING', status: 'open', org: 'school', overdue: '2026-01-01', ref: 'SJV' };
  const spy = (sql: string) => {
    if (/\b(FROM|JOIN) cases\b/.test(sql)) {
      const positional = (sql.match(/\?/g) ?? []).map(() => null);
      const explain = original(`EXPLAIN QUERY PLAN ${sql}`);
      const rows = (/@\w/.test(sql) ? explain.all(named) : explain.all(...positional)) as { detail: string }[];
      plans.set(sql, rows.map((r) => r.detail));
    }
    return original(sql);
  };
  (store.db as unknown as { prepare: typeof spy }).prepare = spy;
  const mentor = DEMO_USERS.find((u) => u.id === 'mentor@school.demo')!;
  const visibleTo = { userId: mentor.id, organisationId: mentor.organisationId };
  for (const filter of [{}, { phases: ['INBRENG' as const] }, { phases: ['INBRENG' as const, 'VERRIJKING' as const] }, { status: 'open' as const }, { status: 'closed' as const }, { organisationId: 'school' }, { status: 'open' as const, overdueOn: '2026-01-01' }, { overdueOn: '2026-01-01' }, { referenceContains: 'SJV' }]) {
    await store.listCases({ ...filter, limit: 50, offset: 0 });
    await store.listCases({ ...filter, visibleTo, limit: 50, offset: 0 });
  }
  await store.casesDueForPurge('2026-01-01', 10);
  await store.casesWithEnrichmentDue('2026-01-01', 10);
  await store.listCasesBroughtInBy(mentor.id, 10);
  (store.db as unknown as { prepare: typeof original }).prepare = original;
});

afterAll(() => store.close());

const indexesOnCases = (): string[] =>
  (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

test('the store ran case queries of every kind (the plans below are of real statements)', () => {
  expect(plans.size).toBeGreaterThanOrEqual(15);
});

test('no case query the store runs scans the cases table without an index', () => {
  const scans = [...plans].flatMap(([sql, lines]) => lines.filter((d) => /^SCAN (c|cases)$/.test(d)).map(() => sql));
  expect(scans).toEqual([]);
});

test('every index on cases serves at least one query the store runs', () => {
  const used = new Set([...plans.values()].flat().flatMap((d) => [...d.matchAll(/INDEX (\w+)/g)].map((m) => m[1]!)));
  expect(indexesOnCases().filter((name) => !used.has(name))).toEqual([]);
});

test('a listing by status goes through the phase index: there is no index for the status alone (migration 17)', () => {
  expect(indexesOnCases()).not.toContain('cases_status');
  const byStatus = [...plans].filter(([sql]) => /c\.phase IN \('INBRENG', 'VERRIJKING', 'BESPREKING', 'OPVOLGING', 'REFLECTIE'\)/.test(sql) && !/UNION/.test(sql));
  expect(byStatus.length).toBeGreaterThan(0);
  for (const [, lines] of byStatus) expect(lines.join('\n')).toMatch(/INDEX cases_phase/);
});

test('the indexes on cases: the listings by phase, organisation, creation and inbrenger, and three partial ones', () => {
  // the partial indexes (retention, deadlines) hold no row of a new concern: a submit writes the other four and the two keys.
  expect(indexesOnCases()).toEqual(['cases_created', 'cases_enrichment_due', 'cases_inbrenger_user', 'cases_informing_due', 'cases_org', 'cases_phase', 'cases_retention']);
});

test('the purge finds its cases through the partial retention index, the deadline job through the deadline indexes', () => {
  const purge = [...plans].find(([sql]) => /retention_until <= \?/.test(sql));
  expect(purge?.[1].join('\n')).toMatch(/INDEX cases_retention/);
  expect(purge?.[1].join('\n')).not.toMatch(/TEMP B-TREE/);
  const deadlines = [...plans].find(([sql]) => /informing_due < @overdue/.test(sql) && /c\.status = @status/.test(sql) && !/UNION/.test(sql));
  expect(deadlines?.[1].join('\n')).toMatch(/INDEX cases_informing_due[\s\S]*INDEX cases_enrichment_due/);
});
