/**
 * The bot's configuration in production (issue 14, item 2): a single-tenant bot with a certificate or a
 * user-assigned managed identity, with its tenant id; a client secret only when the test tenant says so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotConfigError, readBotConfig } from '../../bot/config';

const APP = '6b1e2d3c-4f5a-4b6c-9d7e-8f9a0b1c2d55';
const TENANT = '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11';
const keyFile = join(mkdtempSync(join(tmpdir(), 'sjv-bot-')), 'bot.key.pem');
writeFileSync(keyFile, '-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----\n');
const CERT = { SJV_BOT_CERT_THUMBPRINT: 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678', SJV_BOT_CERT_KEY_FILE: keyFile };

function problems(env: Record<string, string>): string[] {
  try {
    readBotConfig(env, 'production');
  } catch (e) {
    if (e instanceof BotConfigError) return e.problems.map((p) => p.variable).sort();
    throw e;
  }
  return [];
}

test('production runs a single-tenant bot with its tenant id and a certificate', () => {
  const c = readBotConfig({ SJV_BOT_APP_ID: APP, SJV_BOT_APP_TYPE: 'SingleTenant', SJV_BOT_TENANT_ID: TENANT, ...CERT }, 'production');
  expect(c).toMatchObject({ appId: APP, appType: 'SingleTenant', tenantId: TENANT, certificate: { thumbprint: CERT.SJV_BOT_CERT_THUMBPRINT } });
  expect(c?.password).toBeUndefined();
});

test('production runs a bot on a user-assigned managed identity, without secret or certificate', () => {
  expect(readBotConfig({ SJV_BOT_APP_ID: APP, SJV_BOT_APP_TYPE: 'UserAssignedMSI', SJV_BOT_TENANT_ID: TENANT }, 'production')).toMatchObject({ appType: 'UserAssignedMSI', tenantId: TENANT });
  expect(problems({ SJV_BOT_APP_ID: APP, SJV_BOT_APP_TYPE: 'UserAssignedMSI', SJV_BOT_TENANT_ID: TENANT, ...CERT })).toEqual(['SJV_BOT_APP_TYPE']);
});

test('production refuses a multi-tenant bot, a bot without tenant id, and a bot without certificate', () => {
  expect(problems({ SJV_BOT_APP_ID: APP, SJV_BOT_APP_TYPE: 'MultiTenant', SJV_BOT_APP_PASSWORD: 'secret', SJV_BOT_ALLOW_SECRET: 'true' })).toEqual(['SJV_BOT_APP_TYPE']);
  expect(problems({ SJV_BOT_APP_ID: APP, ...CERT })).toEqual(['SJV_BOT_TENANT_ID']);
  expect(problems({ SJV_BOT_APP_ID: APP, SJV_BOT_TENANT_ID: TENANT })).toEqual(['SJV_BOT_CERT_THUMBPRINT']);
});

test('a client secret is accepted only where the test tenant allows it explicitly', () => {
  const secret = { SJV_BOT_APP_ID: APP, SJV_BOT_TENANT_ID: TENANT, SJV_BOT_APP_PASSWORD: 'a-test-tenant-secret' };
  expect(problems(secret)).toEqual(['SJV_BOT_APP_PASSWORD']);
  expect(readBotConfig({ ...secret, SJV_BOT_ALLOW_SECRET: 'true' }, 'production')).toMatchObject({ appType: 'SingleTenant', password: 'a-test-tenant-secret' });
});

test('the refusal names the variable, never the secret', () => {
  try {
    readBotConfig({ SJV_BOT_APP_ID: APP, SJV_BOT_TENANT_ID: TENANT, SJV_BOT_APP_PASSWORD: 'sup3r-geheim' }, 'production');
    throw new Error('expected a refusal');
  } catch (e) {
    expect(String((e as Error).message)).not.toContain('sup3r-geheim');
  }
});

test('locally the bot needs nothing', () => {
  expect(readBotConfig({}, 'local')).toMatchObject({ appId: '', appType: 'SingleTenant' });
});
