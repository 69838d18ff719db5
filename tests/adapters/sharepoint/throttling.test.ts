/**
 * SharePoint throttles an app that sends too many requests in a time window: 429 with Retry-After, and
 * throttled requests count towards the limit (see the stand-in's header for the page). Every call of the
 * store goes through PnP's retry behaviour (sp-client.ts), which must wait at least Retry-After seconds.
 */
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

let w: SpWorld;
beforeAll(async () => {
  w = await makeSpWorld();
});
afterAll(() => w.close());

test('past the per-app request budget every call is retried no earlier than Retry-After, and the case walk completes', async () => {
  w.fake.clearLog();
  w.fake.limitRequests(25, 1_000);
  const caseId = await w.driveTo('VERRIJKING');
  w.fake.limitRequests(1_000_000, 1_000);
  const log = [...w.fake.requests];
  const throttled = log.filter((r) => r.status === 429);
  expect(throttled.length).toBeGreaterThan(0);
  for (const r of throttled) {
    // the same request again (PnP retries the same URL and method) comes after the header's seconds
    const again = log.find((x) => x.at >= r.at && x !== r && x.method === r.method && x.path === r.path && x.xHttpMethod === r.xHttpMethod && log.indexOf(x) > log.indexOf(r));
    expect(again).toBeDefined();
    expect(again!.at - r.at).toBeGreaterThanOrEqual(1_000 - 20);
  }
  expect(w.fake.items(LISTS.cases.title).some((i) => i.values.CaseId === caseId)).toBe(true);
}, 120_000);
