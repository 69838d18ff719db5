/**
 * The one typed configuration: defaults for the local run, and production refusing to start without its
 * Entra ID settings. Errors name the variables, never their values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config';

const ENTRA = {
  SJV_MODE: 'production',
  SJV_ENTRA_TENANT_ID: '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11',
  SJV_ENTRA_CLIENT_ID: '6b1e2d3c-4f5a-4b6c-9d7e-8f9a0b1c2d44',
  SJV_ENTRA_ALLOWED_TENANTS: '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11',
  SJV_ENTRA_GROUP_MAP: JSON.stringify({ 'group-1': { organisation: 'school', roles: ['partner'] } }),
  SJV_LOG_PSEUDONYM_KEY: 'a-secret-pseudonym-key-of-32-chars-or-more',
};

function problems(env: Record<string, string>): { variable: string; issue: string }[] {
  try {
    loadConfig(env, '/srv/sjv');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

test('with no settings it is the local run on port 3978 with data under ./data', () => {
  const c = loadConfig({}, '/srv/sjv');
  expect(c.mode).toBe('local');
  expect(c.http).toMatchObject({ port: 3978, host: '127.0.0.1', corsOrigins: [], bodyLimit: 65536 });
  expect(c.databaseFile).toBe('/srv/sjv/data/signaalpunt.db');
  expect(c.auth.mode).toBe('local');
  expect(c.jobs.enabled).toBe(true);
});

test('PORT and SJV_DATA_DIR override, and empty variables count as unset', () => {
  const c = loadConfig({ PORT: '8080', SJV_DATA_DIR: '/var/lib/sjv', SJV_CORS_ORIGINS: '', SJV_LOG_LEVEL: '' }, '/srv/sjv');
  expect(c.http.port).toBe(8080);
  expect(c.dataDir).toBe('/var/lib/sjv');
  expect(c.log.level).toBe('info');
});

test('production refuses to start without its Entra settings, naming each one', () => {
  expect(problems({ SJV_MODE: 'production' }).map((p) => p.variable).sort()).toEqual(
    ['SJV_ENTRA_ALLOWED_TENANTS', 'SJV_ENTRA_CLIENT_ID', 'SJV_ENTRA_GROUP_MAP', 'SJV_ENTRA_TENANT_ID', 'SJV_LOG_PSEUDONYM_KEY'].sort(),
  );
  for (const missing of Object.keys(ENTRA).filter((k) => k !== 'SJV_MODE')) {
    const env: Record<string, string> = { ...ENTRA };
    delete env[missing];
    expect(problems(env).map((p) => p.variable)).toEqual([missing]);
  }
});

test('production with its settings derives audiences, issuers and the tenant JWKS URL', () => {
  const c = loadConfig(ENTRA);
  if (c.auth.mode !== 'production') throw new Error('expected production auth');
  expect(c.auth.audiences).toEqual([ENTRA.SJV_ENTRA_CLIENT_ID, `api://${ENTRA.SJV_ENTRA_CLIENT_ID}`]);
  expect(c.auth.jwksUrl).toBe(`https://login.microsoftonline.com/${ENTRA.SJV_ENTRA_TENANT_ID}/discovery/v2.0/keys`);
  expect(c.auth.groupMap).toEqual({ 'group-1': { organisationId: 'school', roles: ['partner'] } });
  expect(c.http.host).toBe('0.0.0.0');
});

test('a group map that is not JSON, maps nothing, or names an unknown role is refused', () => {
  expect(problems({ ...ENTRA, SJV_ENTRA_GROUP_MAP: '{not json' })).toEqual([{ variable: 'SJV_ENTRA_GROUP_MAP', issue: 'not valid JSON' }]);
  expect(problems({ ...ENTRA, SJV_ENTRA_GROUP_MAP: '{}' })).toEqual([{ variable: 'SJV_ENTRA_GROUP_MAP', issue: 'maps no group' }]);
  const badRole = problems({ ...ENTRA, SJV_ENTRA_GROUP_MAP: JSON.stringify({ g: { organisation: 'school', roles: ['admin'] } }) });
  expect(badRole[0]!.variable).toBe('SJV_ENTRA_GROUP_MAP');
  expect(badRole[0]!.issue).toMatch(/^g\.roles\.0/);
});

test('wrong values are named without echoing them (they may be secrets)', () => {
  const secret = 'short-secret';
  const e = (() => {
    try {
      loadConfig({ ...ENTRA, SJV_LOG_PSEUDONYM_KEY: secret, SJV_ENTRA_TENANT_ID: 'not-a-uuid', PORT: 'eighty' });
    } catch (err) {
      return err as ConfigError;
    }
    throw new Error('expected a ConfigError');
  })();
  expect(e.problems.map((p) => p.variable).sort()).toEqual(['PORT', 'SJV_ENTRA_TENANT_ID', 'SJV_LOG_PSEUDONYM_KEY']);
  expect(e.message).not.toContain(secret);
  expect(e.message).not.toContain('not-a-uuid');
  expect(e.message).not.toContain('eighty');
});

test('CORS origins must be origins', () => {
  expect(loadConfig({ SJV_CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).http.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
  expect(problems({ SJV_CORS_ORIGINS: 'https://a.example/path' }).map((p) => p.variable)).toEqual(['SJV_CORS_ORIGINS']);
});

test('.env.example documents every setting and, copied as is, is a valid local configuration', () => {
  const example = parseEnv(readFileSync(join(__dirname, '../../.env.example'), 'utf8')) as Record<string, string>;
  expect(Object.keys(example).sort()).toEqual([...CONFIG_VARIABLES].sort());
  expect(loadConfig(example, '/srv/sjv').mode).toBe('local');
});
