/**
 * The Agents SDK's connection settings for the bot's Entra app (bot/channel/agents/adapter.ts): the SDK's
 * certificate credential reads one PEM file for the certificate (thumbprint, x5c) and one for the key
 * (`certPemFile`, `certKeyFile` of the SDK's AuthConfiguration: @microsoft/agents-hosting, auth/msal/msalConnectionSettings);
 * the bot gives it SJV_BOT_CERT_KEY_FILE for both, so that file must hold the certificate named by
 * SJV_BOT_CERT_THUMBPRINT as well as its key.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotConfigError } from '../../../bot/config';
import type { AgentsAuthInput } from '../../../bot/channel/agents/adapter';
import { agentsAuthConfig } from '../../../bot/channel/agents/adapter';

const APP_ID = '00000000-0000-4000-8000-0000000000b0';
const TENANT = '00000000-0000-4000-8000-0000000000aa';
let dir: string;
let combined: string;
let keyOnly: string;
let thumbprint: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sjv-bot-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=signaalpunt-bot-test'], { stdio: 'ignore' });
  keyOnly = join(dir, 'key.pem');
  combined = join(dir, 'both.pem');
  writeFileSync(combined, readFileSync(keyOnly, 'utf8') + readFileSync(join(dir, 'cert.pem'), 'utf8'));
  // SHA-1 thumbprint as the Azure portal shows it, computed by openssl (not by the code under test).
  thumbprint = execFileSync('openssl', ['x509', '-in', join(dir, 'cert.pem'), '-noout', '-fingerprint', '-sha1'], { encoding: 'utf8' }).split('=')[1]!.trim().replaceAll(':', '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const singleTenant = (extra: Partial<AgentsAuthInput>): AgentsAuthInput => ({ appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT, ...extra });
const certificate = (file: string, thumb = thumbprint): Partial<AgentsAuthInput> => ({ certificate: { thumbprint: thumb, privateKey: readFileSync(file, 'utf8') }, certificateFile: file });
const problemOf = (input: AgentsAuthInput): string | undefined => {
  try {
    agentsAuthConfig(input);
    return undefined;
  } catch (e) {
    return e instanceof BotConfigError ? e.problems.map((p) => p.variable).join(',') : String(e);
  }
};

test('a single-tenant certificate: the SDK reads certificate and key from SJV_BOT_CERT_KEY_FILE, in the bot tenant', () => {
  expect(agentsAuthConfig(singleTenant(certificate(combined)))).toEqual({ clientId: APP_ID, authType: 'Certificate', certPemFile: combined, certKeyFile: combined, tenantId: TENANT });
  // The SDK derives the thumbprint from the certificate in that file: the one configured.
  expect(new X509Certificate(readFileSync(combined)).fingerprint.replaceAll(':', '')).toBe(thumbprint);
});

test('a key file without its certificate, or a thumbprint of another certificate, is refused naming the setting', () => {
  expect(problemOf(singleTenant(certificate(keyOnly)))).toBe('SJV_BOT_CERT_KEY_FILE');
  expect(problemOf(singleTenant(certificate(combined, 'AB'.repeat(20))))).toBe('SJV_BOT_CERT_THUMBPRINT');
});

test('a user-assigned managed identity, a secret, and the local bot without an app id', () => {
  expect(agentsAuthConfig({ appId: APP_ID, appType: 'UserAssignedMSI', tenantId: TENANT })).toEqual({ clientId: APP_ID, authType: 'UserManagedIdentity', tenantId: TENANT });
  expect(agentsAuthConfig(singleTenant({ password: 's3cret' }))).toEqual({ clientId: APP_ID, authType: 'ClientSecret', clientSecret: 's3cret', tenantId: TENANT });
  expect(agentsAuthConfig({ appId: APP_ID, appType: 'MultiTenant', password: 's3cret' })).toEqual({ clientId: APP_ID, authType: 'ClientSecret', clientSecret: 's3cret' });
  expect(agentsAuthConfig({ appId: '', appType: 'SingleTenant' })).toEqual({});
});
