/**
 * The server on the SharePoint store (SJV_STORE=sharepoint): config → openStore → a real server on the local
 * SharePoint stand-in. Nothing is stored in a SQLite file; the demo tenant, cases and the bot's store are
 * SharePoint lists. (Local mode with a ready token: production additionally wants https and a certificate,
 * see tests/config.)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { provision } from '../../../src/adapters/sharepoint/provision';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import { SharePointStore } from '../../../src/adapters/sharepoint/store';
import { StaticTokenProvider } from '../../../src/adapters/sharepoint/token';
import { loadConfig } from '../../../src/config';
import type { RunningServer } from '../../../src/server/start';
import { startServer } from '../../../src/server/start';
import { DEMO_ORGANISATIONS } from '../../../src/demo/tenant';
import { CONCERN } from '../../support/world';
import { FakeSharePoint } from './fake-sharepoint';

let fake: FakeSharePoint;
let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  fake = await new FakeSharePoint().start();
  const admin = new SharePointStore({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token), retryIntervalMs: 5, log: { warn: () => undefined } });
  await provision(admin.sp, { organisations: DEMO_ORGANISATIONS });
  await admin.close();
  dataDir = mkdtempSync(join(tmpdir(), 'sjv-sp-server-'));
  const config = loadConfig({
    SJV_STORE: 'sharepoint',
    SJV_SP_SITE_URL: fake.siteUrl,
    SJV_SP_ACCESS_TOKEN: fake.token,
    SJV_DATA_DIR: dataDir,
    PORT: '0',
    SJV_JOBS: 'off',
    SJV_DEMO_CASES: 'off',
    SJV_LOG_LEVEL: 'silent',
    SJV_PAGES_DIR: join(dataDir, 'no-pages'),
  });
  server = await startServer(config, { logDestination: { write: () => undefined } });
});
afterAll(async () => {
  await server?.close();
  await fake.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('SJV_STORE=sharepoint opens the SharePoint store and no SQLite database', () => {
  expect(server.store).toBeInstanceOf(SharePointStore);
  expect(existsSync(join(dataDir, 'signaalpunt.db'))).toBe(false);
  expect(server.seeded).toBe(true);
  expect(fake.items(LISTS.users.title).length).toBeGreaterThan(0);
});

test('a concern brought in through the API is stored as SharePoint list items', async () => {
  const tokenReply = await fetch(`${server.url}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'mentor@school.demo' }) });
  expect(tokenReply.status).toBe(200);
  const { access_token } = (await tokenReply.json()) as { access_token: string };
  const created = await fetch(`${server.url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ commandId: randomUUID(), ...CONCERN }),
  });
  expect(created.status).toBe(201);
  const { caseId } = (await created.json()) as { caseId: string };
  expect(fake.items(LISTS.cases.title).map((i) => i.values.CaseId)).toContain(caseId);
  expect(fake.items(LISTS.commands.title).map((i) => i.values.CaseId)).toContain(caseId);
});
