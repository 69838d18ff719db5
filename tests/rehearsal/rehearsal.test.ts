/**
 * The production rehearsal (issue 14): day one in a tenant, from an empty SharePoint site, against the
 * stand-ins that follow Microsoft's documentation (SharePoint: tests/adapters/sharepoint/fake-sharepoint.ts;
 * Entra: tests/auth/support/entra.ts; the Bot Connector's channel: a local serviceUrl). SJV_MODE=production,
 * SJV_STORE=sharepoint, two server instances taking turns on the requests as behind a load balancer:
 *
 *   provision (lists, groups) → the directory from the reviewed file → a partner from the group map (not the
 *   demo tenant) signs in, installs the bot and submits a concern through it → the procesregisseur's web
 *   part call passes the CORS preflight from https://contoso.sharepoint.com → the enrichment request
 *   reaches the delegate named in the directory proactively → the inbrenger's item permissions are granted
 *   by UPN, and reconcile succeeds.
 *
 * It prints the SharePoint calls of the whole walk. The bot runs without Bot Framework authentication (no
 * app id, as in local tests): the stand-in channel takes its replies and proactive messages unauthenticated.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as provisionMain } from '../../scripts/provision-sharepoint';
import type { Bot } from '../../bot';
import { createBot } from '../../bot';
import { LISTS } from '../../src/adapters/sharepoint/schema';
import { SharePointStore } from '../../src/adapters/sharepoint/store';
import { StaticTokenProvider } from '../../src/adapters/sharepoint/token';
import { loadConfig } from '../../src/config';
import { Signaalpunt } from '../../src/core/service';
import type { BotEndpoint } from '../../src/server/bot-endpoint';
import type { RunningServer } from '../../src/server/start';
import { startServer } from '../../src/server/start';
import { FakeSharePoint } from '../adapters/sharepoint/fake-sharepoint';
import type { FakeEntra } from '../auth/support/entra';
import { SPFX_CLIENT, startFakeEntra } from '../auth/support/entra';
import { TEST_BOT_CONFIG, submitOf } from '../bot/support';
import type { Card } from '../../bot/app/types';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { readBotConfig } from '../../bot/config';
import { TENANT } from '../auth/support/entra';

const WEB_PART_ORIGIN = 'https://contoso.sharepoint.com';
const G = {
  school: 'a0000000-0000-4000-8000-000000000101',
  politie: 'a0000000-0000-4000-8000-000000000102',
  regie: 'a0000000-0000-4000-8000-000000000201',
  voorzitter: 'a0000000-0000-4000-8000-000000000202',
};
const GROUP_MAP = {
  [G.school]: { organisation: 'school', roles: ['partner'] },
  [G.politie]: { organisation: 'politie', roles: ['partner'] },
  [G.regie]: { organisation: 'gemeente', roles: ['procesregisseur'] },
  [G.voorzitter]: { organisation: 'gemeente', roles: ['voorzitter'] },
};
const PEOPLE = {
  mentor: { oid: 'b0000000-0000-4000-8000-000000000011', upn: 'mentor@baken.example.nl', groups: [G.school] },
  wijkagent: { oid: 'b0000000-0000-4000-8000-000000000012', upn: 'wijkagent@politie.example.nl', groups: [G.politie] },
  regisseur: { oid: 'b0000000-0000-4000-8000-000000000001', upn: 'regisseur@voorbeeldstad.nl', groups: [G.regie] },
  voorzitter: { oid: 'b0000000-0000-4000-8000-000000000002', upn: 'voorzitter@voorbeeldstad.nl', groups: [G.voorzitter] },
};
type Person = keyof typeof PEOPLE;
const DIRECTORY = {
  version: 1,
  organisations: [
    { id: 'gemeente', name: 'Gemeente Voorbeeldstad', type: 'gemeente', joinedOn: '2026-01-01' },
    { id: 'school', name: 'Het Baken College', type: 'school', joinedOn: '2026-01-01' },
    { id: 'politie', name: 'Politie basisteam', type: 'politie', joinedOn: '2026-01-01', delegates: [{ upn: PEOPLE.wijkagent.upn, aadObjectId: PEOPLE.wijkagent.oid }] },
  ],
};

interface Instance {
  server: RunningServer;
  bot: Bot;
  botStore: SharePointStore;
}

let fake: FakeSharePoint;
let entra: FakeEntra;
let channel: Server;
let serviceUrl: string;
const delivered: { path: string; body: { attachments?: { content: Card }[] } }[] = [];
const instances: Instance[] = [];
let dataDir: string;
let turn = 0;

/** The load balancer: each request goes to the next instance. */
const next = (): Instance => instances[turn++ % instances.length]!;

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const base = loadConfig({ ...env, SJV_STORE: 'sqlite', SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true' });
  const config = { ...base, store: { kind: 'sharepoint' as const, siteUrl: fake.siteUrl, credential: { kind: 'token' as const, accessToken: fake.token } } };
  // the instance's bot, on its own connection to the same site (as the server's own bot would be)
  const botStore = new SharePointStore({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token) });
  const bot = createBot({ service: new Signaalpunt(botStore), store: botStore, botStore, config: TEST_BOT_CONFIG, startWorker: false });
  const botEndpoint: BotEndpoint = Object.assign((req: Parameters<BotEndpoint>[0], reply: Parameters<BotEndpoint>[1]) => bot.handler(req, reply), { close: () => bot.close() });
  const server = await startServer(config, { logDestination: { write: () => undefined }, botEndpoint });
  return { server, bot, botStore };
}

beforeAll(async () => {
  fake = await new FakeSharePoint().start();
  for (const p of Object.values(PEOPLE)) fake.tenantUsers.add(p.upn);
  entra = await startFakeEntra();
  channel = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      delivered.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as (typeof delivered)[number]['body'] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `activity-${delivered.length}` }));
    });
  });
  await new Promise<void>((r) => channel.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  dataDir = mkdtempSync(join(tmpdir(), 'sjv-rehearsal-'));
});

afterAll(async () => {
  for (const i of instances) {
    await i.server.close();
    await i.botStore.close();
  }
  await new Promise((r) => channel.close(r));
  await entra?.close();
  await fake?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const token = (who: Person, claims: Record<string, unknown> = {}): Promise<string> =>
  entra.token({ oid: PEOPLE[who].oid, preferred_username: PEOPLE[who].upn, name: who, groups: PEOPLE[who].groups, ...claims });

async function api(method: string, path: string, who: Person, body?: unknown, headers: Record<string, string> = {}, claims: Record<string, unknown> = {}) {
  const res = await fetch(`${next().server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(who, claims)}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { code?: string } };
}

function activity(who: Person, extra: Record<string, unknown>) {
  return {
    channelId: 'msteams',
    serviceUrl,
    locale: 'nl-NL',
    id: `in-${randomUUID()}`,
    from: { id: `29:${who}`, name: who, aadObjectId: PEOPLE[who].oid },
    recipient: { id: '28:bot', name: 'Signaalpunt' },
    conversation: { id: `a:personal-${who}`, conversationType: 'personal', tenantId: '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11' },
    ...extra,
  };
}

async function toBot(body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${next().server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/**
 * The server settings `atk deploy` writes (m365agents.yml, file/createOrUpdateEnvironmentFile), with the
 * env file's values of this tenant filled in: the rehearsal runs on what the deploy step produces.
 */
function deployEnv(values: Record<string, string>): Record<string, string> {
  const project = load(readFileSync(join(__dirname, '../../m365agents.yml'), 'utf8')) as { deploy: { uses: string; with?: { envs?: Record<string, unknown> } }[] };
  const step = project.deploy.find((a) => a.uses === 'file/createOrUpdateEnvironmentFile')!;
  return Object.fromEntries(
    Object.entries(step.with!.envs!).map(([k, v]) => [k, String(v).replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => values[name] ?? '')]),
  );
}

const textOf = (card: unknown): string => JSON.stringify(card);
const today = (days = 0): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('day one: from an empty site to a concern, its enrichment request at the delegate and the inbrenger’s item permissions by UPN, on two instances', async () => {
  const spEnv = { SJV_SP_SITE_URL: fake.siteUrl, SJV_SP_ACCESS_TOKEN: fake.token };
  // 1. provision the empty site and write the directory from the reviewed file
  const file = join(dataDir, 'directory.json');
  writeFileSync(file, JSON.stringify(DIRECTORY));
  const lines: string[] = [];
  expect(await provisionMain(['--directory', file], spEnv, (l) => lines.push(l))).toBe(0);
  expect(lines.at(-1)).toBe('directory: organisations written 3, delegates written 1, delegate marks removed 0, unchanged 0');

  // 2. the settings the deploy step writes: a single-tenant bot the bot configuration accepts with a
  //    certificate, and the web part's origin in CORS
  const deployed = deployEnv({ AAD_APP_TENANT_ID: TENANT, AAD_APP_CLIENT_ID: '6b1e2d3c-4f5a-4b6c-9d7e-8f9a0b1c2d44', BOT_ID: '6b1e2d3c-4f5a-4b6c-9d7e-8f9a0b1c2d55', APP_DOMAIN: 'signaalpunt.voorbeeldstad.nl', SHAREPOINT_SITE_URL: `${WEB_PART_ORIGIN}/sites/signaalpunt`, SHAREPOINT_ORIGIN: WEB_PART_ORIGIN });
  const keyFile = join(dataDir, 'bot.key.pem');
  writeFileSync(keyFile, 'PEM');
  expect(readBotConfig({ ...deployed, SJV_BOT_CERT_THUMBPRINT: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', SJV_BOT_CERT_KEY_FILE: keyFile }, 'production')).toMatchObject({ appType: 'SingleTenant', tenantId: TENANT });
  //    two production instances on the SharePoint store
  const env = entra.env({
    SJV_ENTRA_GROUP_MAP: JSON.stringify(GROUP_MAP),
    SJV_CORS_ORIGINS: deployed.SJV_CORS_ORIGINS ?? '',
    SJV_DATA_DIR: dataDir,
    PORT: '0',
    SJV_JOBS: 'off',
    SJV_LOG_LEVEL: 'silent',
    SJV_PAGES_DIR: join(dataDir, 'no-pages'),
  });
  instances.push(await startInstance(env), await startInstance(env));
  const walkStart = fake.requests.length;

  // 3. the partner opens the tab (first use creates the user from the token), installs the bot (the install
  //    stores the conversation reference), and submits a concern through the bot
  const me = await api('GET', '/api/v1/me', 'mentor');
  expect({ status: me.status, member: (me.body.organisation as { member?: boolean })?.member }).toEqual({ status: 200, member: true });
  expect((await toBot(activity('mentor', { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }, { id: '29:mentor' }] }))).status).toBe(200);
  const before = delivered.length;
  expect((await toBot(activity('mentor', { type: 'message', text: 'nieuw signaal' }))).status).toBe(200);
  const intake = delivered[before]!.body.attachments![0]!.content;
  const data = submitOf(intake, 'intake.submit', { riskSignals: 'GELD', registrationsBand: '0', urgency: 'normal', ageYears: '15', freeText: 'Veel contant geld, verzuimt.' });
  const submitted = await toBot(activity('mentor', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'intake.submit', data }, trigger: 'manual' } }));
  expect(submitted.status).toBe(200);
  expect(textOf(submitted.json)).toMatch(/SJV-\d{4}-0001/);

  // 4. the procesregisseur's web part: a CORS preflight from the tenant's SharePoint origin, then the call
  //    with the SharePoint Framework's token (scope user_impersonation)
  const preflight = await fetch(`${next().server.url}/api/v1/cases`, {
    method: 'OPTIONS',
    headers: { origin: WEB_PART_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
  });
  expect({ status: preflight.status, origin: preflight.headers.get('access-control-allow-origin') }).toEqual({ status: 204, origin: WEB_PART_ORIGIN });
  const list = await api('GET', '/api/v1/cases', 'regisseur', undefined, { origin: WEB_PART_ORIGIN }, { azp: SPFX_CLIENT, scp: 'user_impersonation' });
  expect({ status: list.status, origin: list.headers.get('access-control-allow-origin'), total: list.body.total }).toEqual({ status: 200, origin: WEB_PART_ORIGIN, total: 1 });
  const caseId = (list.body.items as { id: string }[])[0]!.id;

  // 5. the delegate of the politie (named in the directory, never signed in) has the app installed by policy
  expect((await toBot(activity('wijkagent', { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }, { id: '29:wijkagent' }] }))).status).toBe(200);

  // 6. the table decides, the inbrenger supplies the identity, the procesregisseur asks the politie
  const cmd = async (who: Person, name: string, body: Record<string, unknown>) => {
    const r = await api('POST', `/api/v1/cases/${caseId}/${name}`, who, { commandId: randomUUID(), ...body });
    expect([name, r.status, r.body.code]).toEqual([name, 200, undefined]);
  };
  await cmd('voorzitter', 'decide-suspicion', { suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
  await cmd('mentor', 'supply-identity', { name: 'Test Persoon', dateOfBirth: '2011-05-04' });
  await cmd('regisseur', 'request-enrichment', { organisationIds: ['politie'], dueOn: today(14) });

  // 7. the enrichment request reaches the delegate proactively (any instance's worker may send it, once)
  const sentBefore = delivered.length;
  const runs = await Promise.all(instances.map((i) => i.bot.worker.runOnce()));
  expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(1);
  const toDelegate = delivered.slice(sentBefore).filter((d) => d.path.startsWith('/v3/conversations/a%3Apersonal-wijkagent/activities'));
  expect(toDelegate).toHaveLength(1);

  // 8. the inbrenger reads the case item as a person, by UPN; reconcile finds nothing to repair
  const caseItem = fake.items(LISTS.cases.title).find((i) => i.values.CaseId === caseId)!;
  expect(fake.readersOf(LISTS.cases.title, caseItem.id)).toContain(`i:0#.f|membership|${PEOPLE.mentor.upn}`);
  const stores = instances.map((i) => i.server.store).filter((s): s is SharePointStore => s instanceof SharePointStore);
  expect(stores.map((s) => s.permissionBacklog())).toEqual([[], []]);
  expect((await stores[0]!.reconcilePermissions()).failed).toEqual([]);

  const calls = fake.requests.length - walkStart;
  console.log(`rehearsal: SharePoint calls from first sign-in to the enrichment request at the delegate: ${calls}`);
  expect(fake.requests.filter((r) => r.status === 429)).toEqual([]);
}, 120_000);
