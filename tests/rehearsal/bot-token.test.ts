/**
 * The rehearsal of the bot's outbound token in single-tenant mode (issue 14): the bot on the Agents SDK,
 * configured as the deploy step configures it (SJV_BOT_APP_TYPE=SingleTenant, the tenant id from
 * configuration; a secret as in a test tenant, or the certificate), sends a proactive message. The SDK asks
 * Entra's token endpoint (https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token, client credentials,
 * scope https://api.botframework.com/.default) — here the stand-in of tests/support/entra-token-endpoint.ts,
 * reached by host name, the SDK not patched — and sends the token to the Bot Connector, whose stand-in
 * (tests/support/bot-connector.ts) refuses any message without a valid token for this bot and tenant (401).
 * A wrong tenant or secret makes the send fail and the message a dead letter (docs/adr/0013).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bot } from '../../bot';
import { createBot } from '../../bot';
import { readBotConfig } from '../../bot/config';
import type { OutboxMessage } from '../../src/core/ports';
import type { ConnectorStandIn } from '../support/bot-connector';
import { startConnector } from '../support/bot-connector';
import type { EntraTokenEndpoint } from '../support/entra-token-endpoint';
import { routeLoginToStandIn, startEntraTokenEndpoint } from '../support/entra-token-endpoint';
import type { World } from '../support/world';
import { U, makeWorld } from '../support/world';

const TENANT = '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11';
const OTHER_TENANT = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c33';
const BOT_ID = '6b1e2d3c-4f5a-4b6c-9d7e-8f9a0b1c2d55';
const SECRET = 'test-tenant-secret~0123456789';

let entra: EntraTokenEndpoint;
let unroute: () => void;
let connector: ConnectorStandIn;
let world: World;
let bot: Bot | undefined;
let dir: string;
let certFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sjv-bot-token-'));
  // the bot's certificate as Key Vault exports it: key and certificate in one PEM file
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=signaalpunt-bot'], { stdio: 'ignore' });
  certFile = join(dir, 'bot.pem');
  writeFileSync(certFile, readFileSync(join(dir, 'key.pem'), 'utf8') + readFileSync(join(dir, 'cert.pem'), 'utf8'));
  entra = await startEntraTokenEndpoint([{ tenantId: TENANT, clientId: BOT_ID, secret: SECRET, certificatePem: readFileSync(join(dir, 'cert.pem'), 'utf8') }]);
  unroute = await routeLoginToStandIn(entra);
});
afterAll(async () => {
  unroute();
  await entra.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  connector = await startConnector();
  connector.requireToken = { verify: (t, aud) => entra.verify(t, aud), tenantId: TENANT, appId: BOT_ID };
  world = await makeWorld();
  await world.store.putConversation({
    userId: U.mentor.id,
    channelUserId: '29:mentor',
    locale: 'nl-NL',
    reference: { channelId: 'msteams', serviceUrl: connector.serviceUrl, conversation: { id: 'a:personal-mentor', tenantId: TENANT }, bot: { id: `28:${BOT_ID}` }, user: { id: '29:mentor' } },
    updatedAt: world.clock.now().toISOString(),
  });
});
afterEach(async () => {
  await bot?.close();
  bot = undefined;
  await world.close();
  await connector.close();
});

/** The bot as production configures it: the settings the deploy step writes, with the given credential. */
function startBot(env: Record<string, string>, mode: 'production' | 'local' = 'production'): Bot {
  const config = readBotConfig({ SJV_BOT_SDK: 'agents', SJV_BOT_APP_ID: BOT_ID, SJV_BOT_APP_TYPE: 'SingleTenant', SJV_BOT_TENANT_ID: TENANT, SJV_BOT_OUTBOX_MAX_ATTEMPTS: '3', ...env }, mode)!;
  bot = createBot({ service: world.sp, store: world.store, botStore: world.store, config, clock: world.clock, startWorker: false });
  return bot;
}

/** A case that calls for an identity request to the mentor: one proactive message in the outbox. */
async function identityRequest(): Promise<void> {
  const { caseId } = await world.submit(U.mentor);
  await world.cmd('decideSuspicion', U.voorzitter, { caseId, suspicion: true, rationale: 'Signalen.' });
}
const outbox = (): Promise<OutboxMessage[]> => world.store.listOutbox({ limit: 100 });

test('a proactive send in single-tenant mode gets a token from Entra for the configured tenant, and the Bot Connector receives it', async () => {
  const b = startBot({ SJV_BOT_APP_PASSWORD: SECRET, SJV_BOT_ALLOW_SECRET: 'true' });
  await identityRequest();
  const tokensBefore = entra.requests.length;
  expect(await b.worker.runOnce()).toMatchObject({ sent: 1, failed: 0 });

  // the token request: the tenant from configuration, the bot's id, client credentials for the Bot Framework
  expect(entra.requests.slice(tokensBefore)).toEqual([{ tenant: TENANT, clientId: BOT_ID, scope: 'https://api.botframework.com/.default', credential: 'secret', status: 200 }]);
  // the connector got the message with that token (its stand-in refuses any other), as a bearer
  expect(connector.delivered).toHaveLength(1);
  const bearer = /^Bearer (.+)$/.exec(connector.delivered[0]!.authorization ?? '')?.[1];
  expect(await entra.verify(bearer ?? '', 'https://api.botframework.com')).toMatchObject({ tid: TENANT, azp: BOT_ID, azpacr: '1' });
  expect((await outbox()).map((m) => m.status)).toEqual(['sent']);
});

test('with the certificate the token request carries a client assertion signed by the bot’s key, and the send is delivered', async () => {
  const thumbprint = execFileSync('openssl', ['x509', '-in', join(dir, 'cert.pem'), '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' }).split('=')[1]!.trim().replaceAll(':', '');
  const b = startBot({ SJV_BOT_CERT_THUMBPRINT: thumbprint, SJV_BOT_CERT_KEY_FILE: certFile });
  await identityRequest();
  const tokensBefore = entra.requests.length;
  expect(await b.worker.runOnce()).toMatchObject({ sent: 1, failed: 0 });
  expect(entra.requests.slice(tokensBefore)).toEqual([{ tenant: TENANT, clientId: BOT_ID, scope: 'https://api.botframework.com/.default', credential: 'assertion', status: 200 }]);
  expect(connector.delivered).toHaveLength(1);
});

test('the Bot Connector stand-in refuses a message without the bot’s token with 401: an anonymous bot’s send becomes a dead letter', async () => {
  // the local bot (no app id) sends no token
  const b = startBot({ SJV_BOT_APP_ID: '' }, 'local');
  await identityRequest();
  await b.worker.runOnce();
  expect(connector.log.map((l) => l.status)).toEqual([401]);
  expect(connector.delivered).toEqual([]);
  expect((await outbox()).map((m) => [m.status, m.lastError])).toEqual([['dead', 'SEND_FAILED:401']]);
});

describe.each([
  ['a wrong tenant', { SJV_BOT_TENANT_ID: OTHER_TENANT, SJV_BOT_APP_PASSWORD: SECRET }, OTHER_TENANT, 'invalid_request AADSTS90002'],
  ['a wrong secret', { SJV_BOT_APP_PASSWORD: 'not-the-secret' }, TENANT, 'invalid_client AADSTS7000215'],
] as const)('with %s', (_name, env, tenant, error) => {
  test('Entra refuses the token, nothing reaches the Bot Connector, and the message is a dead letter', async () => {
    const b = startBot({ SJV_BOT_ALLOW_SECRET: 'true', ...env });
    await identityRequest();
    const tokensBefore = entra.requests.length;
    await b.worker.runOnce();
    expect(entra.requests.slice(tokensBefore).map((r) => [r.tenant, r.status >= 400, r.error])).toContainEqual([tenant, true, error]);
    expect(connector.log).toEqual([]);
    const [message] = await outbox();
    // at once (a retry cannot mend a credential), with a code that says where it failed
    expect(message).toMatchObject({ status: 'dead', attempts: 1, lastError: 'SEND_FAILED:TOKEN' });
  });
});
