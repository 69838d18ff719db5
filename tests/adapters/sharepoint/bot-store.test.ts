/**
 * The bot's store on SharePoint: the shared BotStore contract (tests/adapters/bot-store-contract.ts) with two
 * server instances on one provisioned site of the local SharePoint stand-in, and the requests that make a
 * claim safe across instances (If-Match on the etag that was read; 412 for the loser).
 */
import { provision } from '../../../src/adapters/sharepoint/provision';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import { SharePointStore } from '../../../src/adapters/sharepoint/store';
import { StaticTokenProvider } from '../../../src/adapters/sharepoint/token';
import { DEMO_ORGANISATIONS } from '../../../src/demo/tenant';
import type { BotStorePair } from '../bot-store-contract';
import { botStoreContract, message } from '../bot-store-contract';
import { FakeSharePoint } from './fake-sharepoint';

async function makePair(): Promise<BotStorePair & { fake: FakeSharePoint }> {
  const fake = await new FakeSharePoint().start();
  const open = () => new SharePointStore({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5, log: { warn: () => undefined } });
  const a = open();
  await provision(a.sp, { organisations: DEMO_ORGANISATIONS });
  const b = open();
  return {
    fake,
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      await fake.stop();
    },
  };
}

botStoreContract('SharePointStore', makePair);

describe('SharePoint bot store: requests', () => {
  let p: Awaited<ReturnType<typeof makePair>>;
  beforeEach(async () => {
    p = await makePair();
  });
  afterEach(() => p.close());
  const OUTBOX = `'${LISTS.botOutbox.title}')/items(`;

  test('provisioning creates the bot lists, server-only, with indexed columns for every filter', () => {
    for (const def of [LISTS.botOutbox, LISTS.botConversations, LISTS.botCursors]) {
      const list = p.fake.list(def.title);
      expect(list.settings.EnableVersioning).toBe(false);
      for (const f of def.fields) expect(list.fields.get(f.name)).toMatchObject({ indexed: Boolean('indexed' in f && f.indexed) });
      expect(list.unique).toBe(true);
      expect(list.assignments.size).toBe(0); // nobody but the server app (site collection app permission)
    }
    expect(p.fake.list(LISTS.botOutbox.title).fields.get('DedupeKey')).toMatchObject({ indexed: true, unique: true });
  });

  test('a claim is a MERGE with If-Match on the etag read; the instance that lost gets 412 and not the message', async () => {
    await p.a.enqueueOutbox([message(1)]);
    const [x, y] = await Promise.all([p.a.claimOutbox('instance-a', '2026-03-02T11:00:00.000Z', '2026-03-02T11:05:00.000Z', 5), p.b.claimOutbox('instance-b', '2026-03-02T11:00:00.000Z', '2026-03-02T11:05:00.000Z', 5)]);
    expect(x.length + y.length).toBe(1);
    const merges = p.fake.requests.filter((r) => r.xHttpMethod === 'MERGE' && r.path.includes(OUTBOX));
    expect(merges.length).toBeGreaterThanOrEqual(1);
    for (const m of merges) expect(m.ifMatch).toMatch(/^"\d+"$/);
    expect(merges.filter((m) => m.status === 204)).toHaveLength(1);
    if (merges.length === 2) expect(merges.filter((m) => m.status === 412)).toHaveLength(1);
  });

  test('outbox queries filter only on indexed columns (the stand-in refuses others)', async () => {
    await p.a.enqueueOutbox([message(1), message(2)]);
    p.fake.clearLog();
    await p.a.claimOutbox('a', '2026-03-02T11:00:00.000Z', '2026-03-02T11:05:00.000Z', 5);
    await p.a.listOutbox({ status: 'pending', minAttempts: 0, limit: 5 });
    await p.a.releaseOutboxFor('someone', '2026-03-02T11:00:00.000Z');
    expect(p.fake.requests.filter((r) => r.status >= 400)).toEqual([]);
  });
});
