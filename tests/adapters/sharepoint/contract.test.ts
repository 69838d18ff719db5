/** The shared Store contract (tests/adapters/store-contract.ts), run against the SharePoint store on the local SharePoint stand-in. */
import { provision } from '../../../src/adapters/sharepoint/provision';
import { SharePointStore } from '../../../src/adapters/sharepoint/store';
import { StaticTokenProvider } from '../../../src/adapters/sharepoint/token';
import { DEMO_ORGANISATIONS } from '../../../src/demo/tenant';
import { storeContract } from '../store-contract';
import { FakeSharePoint } from './fake-sharepoint';

const fakes: FakeSharePoint[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
});

/** A fresh, empty, provisioned site per store, as the contract asks. */
async function makeSharePointStore(): Promise<SharePointStore> {
  const fake = await new FakeSharePoint().start();
  fakes.push(fake);
  const store = new SharePointStore({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5, log: { warn: () => undefined } });
  await provision(store.sp, { organisations: DEMO_ORGANISATIONS });
  return store;
}

storeContract('SharePointStore', makeSharePointStore);
