/**
 * The SQLite store prepares each fixed statement once per connection and reuses it (issue 17): preparing
 * parses and plans the SQL, and was paid on every call of every card submit.
 */
import { SqliteStore } from '../../src/adapters/sqlite';

/** Counts the connection's calls to prepare while `fn` runs. */
async function preparesDuring(store: SqliteStore, fn: () => Promise<unknown>): Promise<number> {
  const original = store.db.prepare.bind(store.db);
  let count = 0;
  const spy = ((source: string) => {
    count += 1;
    return original(source);
  }) as typeof original;
  (store.db as unknown as { prepare: typeof spy }).prepare = spy;
  try {
    await fn();
  } finally {
    (store.db as unknown as { prepare: typeof original }).prepare = original;
  }
  return count;
}

test('a second transaction and a second read of the same kind prepare no statement again', async () => {
  const store = SqliteStore.open(':memory:');
  try {
    await store.putOrganisation({ id: 'org-1', name: 'School', type: 'school', joinedOn: '2026-01-01' });
    const work = async () => {
      await store.transaction(async () => undefined);
      await store.getOrganisation('org-1');
      await store.listOrganisations();
    };
    const first = await preparesDuring(store, work);
    expect(first).toBeGreaterThan(0);
    expect(await preparesDuring(store, work)).toBe(0);
  } finally {
    await store.close();
  }
});
