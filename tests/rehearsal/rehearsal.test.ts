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
 * The bot's single-tenant token (Entra's token endpoint → the Bot Connector) is rehearsed in ./bot-token.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ClientRequest, Server } from 'node:http';
import { createServer, get as httpGet } from 'node:http';
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
import { meetingEventsFor } from '../../src/server/meeting-events';
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
/** the instances' clock: real time plus the simulated minutes of the meeting. */
let simulatedMs = 0;
/** the case of the first test, in Verrijking when it ends. */
let walkedCaseId = '';
/** the signaaltafel of the second test. */
let rehearsalMeeting: { id: string; teamsMeetingId: string } | undefined;
const clock = { now: (): Date => new Date(Date.now() + simulatedMs) };

/** The load balancer: each request goes to the next instance. */
const next = (): Instance => instances[turn++ % instances.length]!;

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const base = loadConfig({ ...env, SJV_STORE: 'sqlite', SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true' });
  const config = { ...base, store: { kind: 'sharepoint' as const, siteUrl: fake.siteUrl, credential: { kind: 'token' as const, accessToken: fake.token } } };
  // the instance's bot, on its own connection to the same site (as the server's own bot would be)
  const botStore = new SharePointStore({ siteUrl: fake.siteUrl, token: new StaticTokenProvider(fake.token) });
  const bot = createBot({ service: new Signaalpunt(botStore, clock), store: botStore, botStore, config: TEST_BOT_CONFIG, clock, startWorker: false });
  const botEndpoint: BotEndpoint = Object.assign((req: Parameters<BotEndpoint>[0], reply: Parameters<BotEndpoint>[1]) => bot.handler(req, reply), { close: () => bot.close() });
  const server = await startServer(config, { logDestination: { write: () => undefined }, botEndpoint, clock });
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

interface Someone {
  oid: string;
  upn: string;
  groups: string[];
}
const token = (who: Person | Someone, claims: Record<string, unknown> = {}): Promise<string> => {
  const p = typeof who === 'string' ? PEOPLE[who] : who;
  return entra.token({ oid: p.oid, preferred_username: p.upn, name: p.upn.split('@')[0], groups: p.groups, ...claims });
};

async function api(method: string, path: string, who: Person | Someone, body?: unknown, headers: Record<string, string> = {}, claims: Record<string, unknown> = {}) {
  const res = await fetch(`${next().server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(who, claims)}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & { code?: string } };
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
  walkedCaseId = caseId;

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
  const toDelegate = delivered.slice(sentBefore).filter((d) => decodeURIComponent(d.path).startsWith('/v3/conversations/a:personal-wijkagent/activities'));
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

test('a signaaltafel with 12 viewers for 10 simulated minutes stays under 1 SharePoint call per second and audits only on change', async () => {
  expect(instances).toHaveLength(2); // the first test started them
  const CONCERN = { ageYears: 15, riskSignals: ['GELD'], registrationsBand: '0', freeText: 'Veel contant geld.' };
  // the walked case: the politie answers, the procesregisseur concludes → Bespreking (personal data on the agenda)
  for (const [who, name, body] of [
    ['wijkagent', 'answer-enrichment', { known: true, signals: ['LAAT_OP_STRAAT'] }],
    ['regisseur', 'conclude-enrichment', {}],
  ] as const) {
    const r = await api('POST', `/api/v1/cases/${walkedCaseId}/${name}`, who, { commandId: randomUUID(), ...body });
    expect([name, r.status, r.body.code]).toEqual([name, 200, undefined]);
  }
  const agendaCases: string[] = [walkedCaseId];
  for (let i = 0; i < 3; i++) {
    const r = await api('POST', '/api/v1/cases', 'mentor', { commandId: randomUUID(), ...CONCERN });
    expect(r.status).toBe(201);
    agendaCases.push(String(r.body.caseId));
  }
  const created = await api('POST', '/api/v1/meetings', 'regisseur', { teamsMeetingId: '19:meeting_rehearsal@thread.v2', title: 'Signaaltafel', scheduledOn: today() });
  expect(created.status).toBe(201);
  const meetingId = String(created.body.id);
  rehearsalMeeting = { id: meetingId, teamsMeetingId: '19:meeting_rehearsal@thread.v2' };
  expect((await api('POST', `/api/v1/meetings/${meetingId}/agenda`, 'regisseur', { caseIds: agendaCases, expectedVersion: 1 })).status).toBe(200);
  expect((await api('POST', `/api/v1/meetings/${meetingId}/start`, 'voorzitter', {})).status).toBe(200);
  const items = ((await api('GET', `/api/v1/meetings/${meetingId}`, 'voorzitter')).body.items as { id: string }[]).map((i) => i.id);

  // 12 viewers: the chair, the procesregisseur and ten partners of the two member organisations
  const partners: Someone[] = Array.from({ length: 8 }, (_, i) => ({
    oid: `c0000000-0000-4000-8000-0000000000${String(10 + i)}`,
    upn: `deelnemer${i}@${i % 2 ? 'politie' : 'baken'}.example.nl`,
    groups: [i % 2 ? G.politie : G.school],
  }));
  const viewers: (Person | Someone)[] = ['voorzitter', 'regisseur', 'mentor', 'wijkagent', ...partners];
  const tags = new Map<string, string>();
  /** the counter each viewer was last pushed: it goes along in If-None-Match, as the tab sends it. */
  const pushedTo = new Map<number, string>();
  const poll = async (v: Person | Someone, i: number, path: string): Promise<number> => {
    const key = `${i}:${path}`;
    const inm = [tags.get(key), pushedTo.has(i) ? `W/"${pushedTo.get(i)}.push"` : undefined].filter((x) => x !== undefined).join(', ');
    const r = await api('GET', path, v, undefined, inm ? { 'if-none-match': inm } : {});
    if (r.status === 200) tags.set(key, r.headers.get('etag') ?? '');
    return r.status;
  };

  // Push: every viewer holds one event stream, to one instance (a stream stays where the balancer put it).
  // The instances' counter checks run on the simulated clock: the test drives them every 10 simulated s
  // (checkEveryMs in production), so the real-time timers are set out of the way.
  const hubs = instances.map((inst) => {
    const hub = meetingEventsFor(inst.server.store, { now: () => clock.now().getTime() });
    hub.checkEveryMs = 3_600_000;
    hub.heartbeatMs = 3_600_000;
    return hub;
  });
  const streams = await Promise.all(
    viewers.map(async (v, i) => {
      const stream = { changes: -1, handled: -1, req: undefined as ClientRequest | undefined };
      const auth = `Bearer ${await token(v)}`;
      await new Promise<void>((resolve, reject) => {
        stream.req = httpGet(`${instances[i % instances.length]!.server.url}/api/v1/meetings/${meetingId}/events`, { agent: false, headers: { authorization: auth } }, (res) => {
          if (res.statusCode !== 200) reject(new Error(`event stream ${res.statusCode}`));
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (chunk: string) => {
            buf += chunk;
            for (let end = buf.indexOf('\n\n'); end >= 0; end = buf.indexOf('\n\n')) {
              const block = buf.slice(0, end);
              buf = buf.slice(end + 2);
              const data = /^data: (.*)$/m.exec(block);
              if (block.includes('event: change') && data) {
                // the first event is where the viewer stands (it has just fetched); later ones are changes
                stream.changes += 1;
                if (stream.changes === 0) {
                  stream.handled = 0;
                  resolve();
                } else pushedTo.set(i, (JSON.parse(data[1]!) as { counter: string }).counter);
              }
            }
          });
          res.on('error', () => undefined);
        });
        stream.req.on('error', () => undefined);
      });
      return stream;
    }),
  );
  const SAFETY_POLL_S = 60;
  const readAudit = async (): Promise<number> => fake.items(LISTS.audit.title).filter((row) => row.values.Action === 'read').length;

  const start = fake.requests.length;
  const perMinute: number[] = [];
  const auditPerMinute: number[] = [];
  const statuses = { 200: 0, 304: 0, other: 0 };
  let minuteStart = start;
  let auditStart = await readAudit();
  for (let second = 0; second < 600; second++) {
    // the chair moves the stage on at minutes 1, 3 and 5; nothing changes in the last five minutes
    if (second === 60 || second === 180 || second === 300) {
      expect((await api('POST', `/api/v1/meetings/${meetingId}/stage`, 'voorzitter', { itemId: items[[60, 180, 300].indexOf(second)]! })).status).toBe(200);
    }
    if (second % 10 === 0) {
      // each instance asks the store's counter once for the meeting, and pushes to its own streams
      for (const hub of hubs) await hub.tick(meetingId);
      await new Promise((r) => setTimeout(r, 30)); // the events cross real sockets
    }
    for (const [i, v] of viewers.entries()) {
      const due: string[] = [];
      const stream = streams[i]!;
      // a pushed change: the tab re-fetches the stage and the side panel; else a safety poll once a minute
      if (stream.changes > stream.handled || (second + i * 5) % SAFETY_POLL_S === 0) {
        stream.handled = stream.changes;
        due.push(`/api/v1/meetings/${meetingId}/stage`, `/api/v1/meetings/${meetingId}`);
      }
      for (const path of due) {
        const status = await poll(v, i, path);
        if (status === 200 || status === 304) statuses[status] += 1;
        else statuses.other += 1;
      }
    }
    simulatedMs += 1_000;
    if (second % 60 === 59) {
      perMinute.push(fake.requests.length - minuteStart);
      minuteStart = fake.requests.length;
      const audited = await readAudit();
      auditPerMinute.push(audited - auditStart);
      auditStart = audited;
    }
  }
  for (const stream of streams) stream.req?.destroy();
  const pushes = hubs.reduce((n, h) => n + h.stats.pushes, 0);
  const total = fake.requests.length - start;
  if (process.env.SJV_REHEARSAL_DEBUG) {
    const hist = new Map<string, number>();
    for (const r of fake.requests.slice(fake.requests.length - perMinute.at(-1)!)) {
      const k = `${r.method} ${r.path.replace(/\d+/g, 'N')} ${r.query.$filter ?? ''}`;
      hist.set(k, (hist.get(k) ?? 0) + 1);
    }
    console.log([...hist.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join('\n'));
  }
  console.log(
    `rehearsal meeting, 12 viewers × 10 min (push over SSE, a counter check per instance every 10 s, re-fetch on a push, safety poll every ${SAFETY_POLL_S} s, 2 instances; ${pushes} pushes): SharePoint calls per minute ${perMinute.join(', ')}; ` +
      `average ${(total / 600).toFixed(2)} calls/s; audit read rows per minute ${auditPerMinute.join(', ')}; responses 200: ${statuses[200]}, 304: ${statuses[304]}, other: ${statuses.other}`,
  );
  expect(statuses.other).toBe(0);
  // three shares, each pushed by both instances to their own streams
  expect(pushes).toBe(6);
  expect(streams.map((st) => st.changes)).toEqual(viewers.map(() => 3));
  expect(total / 600).toBeLessThan(1);
  // reads are audited when something is first seen or changed, not per poll: nothing in the quiet minutes
  expect(auditPerMinute[0]).toBeGreaterThan(0);
  expect(auditPerMinute.slice(6)).toEqual([0, 0, 0, 0]);
}, 300_000);


test('the tab’s lookup of the session by Teams meeting id (every stage and side-panel refresh) is served from the snapshot: no SharePoint call per poll', async () => {
  expect(rehearsalMeeting).toBeDefined(); // the second test made it
  const { id, teamsMeetingId } = rehearsalMeeting!;
  const lookup = `/api/v1/meetings?teamsMeetingId=${encodeURIComponent(teamsMeetingId)}`;
  // The first lookups (one per instance) find the session in the store; the next ones bring each instance's
  // snapshot up to date (older than its maximum age after the simulated meeting), and each viewer signs in
  // on each instance (the directory's per-instance cache of users, 5 minutes, is not what is measured here).
  const viewers: Person[] = ['voorzitter', 'regisseur', 'mentor', 'wijkagent'];
  for (let i = 0; i < 2 * viewers.length * instances.length; i++) {
    expect(((await api('GET', lookup, viewers[Math.floor(i / 2) % viewers.length]!)).body.items as { id: string }[]).map((m) => m.id)).toEqual([id]);
  }
  // then 12 viewers × 5 polls within the counter interval (the simulated clock stands still)
  const before = fake.requests.length;
  for (let poll = 0; poll < 5; poll++) {
    for (let v = 0; v < 12; v++) {
      const r = await api('GET', lookup, viewers[v % viewers.length]!);
      expect([r.status, (r.body.items as { id: string }[]).map((m) => m.id)]).toEqual([200, [id]]);
    }
  }
  expect(fake.requests.length - before).toBe(0);
  // an unknown Teams meeting is still looked up in the store (and found to have no session)
  expect((await api('GET', `/api/v1/meetings?teamsMeetingId=${encodeURIComponent('19:meeting_other@thread.v2')}`, 'regisseur')).body.items).toEqual([]);
}, 60_000);
