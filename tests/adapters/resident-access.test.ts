/** The resident access codes on both stores: SQLite (migration 14) and SharePoint (list SJVResidentAccess via provisioning, on the stand-in). */
import { provision } from '../../src/adapters/sharepoint/provision';
import { LISTS } from '../../src/adapters/sharepoint/schema';
import { SharePointStore } from '../../src/adapters/sharepoint/store';
import { StaticTokenProvider } from '../../src/adapters/sharepoint/token';
import { SqliteStore } from '../../src/adapters/sqlite';
import { DEMO_ORGANISATIONS } from '../../src/demo/tenant';
import { residentAccessContract } from './resident-access-contract';
import { FakeSharePoint } from './sharepoint/fake-sharepoint';

residentAccessContract('SqliteStore', async () => {
  const store = SqliteStore.open(':memory:');
  return { store, close: () => store.close() };
});

let fake: FakeSharePoint | undefined;
residentAccessContract('SharePointStore', async () => {
  fake = await new FakeSharePoint().start();
  const store = new SharePointStore({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5, log: { warn: () => undefined } });
  await provision(store.sp, { organisations: DEMO_ORGANISATIONS });
  const f = fake;
  return {
    store,
    close: async () => {
      await store.close();
      await f.stop();
    },
  };
});

test('provisioning creates the resident access list, server-only, unversioned, the kenmerk indexed and unique', async () => {
  const f = await new FakeSharePoint().start();
  const store = new SharePointStore({ siteUrl: f.siteUrl, token: new StaticTokenProvider(f.token), retryIntervalMs: 5, log: { warn: () => undefined } });
  try {
    await provision(store.sp, { organisations: DEMO_ORGANISATIONS });
    const list = f.list(LISTS.residentAccess.title);
    expect(list.settings.EnableVersioning).toBe(false);
    expect(list.fields.get('Reference')).toMatchObject({ indexed: true, unique: true });
    expect(list.assignments.size).toBe(0);
  } finally {
    await store.close();
    await f.stop();
  }
});
