/**
 * The one typed configuration: defaults for the local run, and production refusing to start without its
 * Entra ID settings. Errors name the variables, never their values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { BOT_CONFIG_VARIABLES } from '../../bot/config';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/config';

const ENTRA = {
  SJV_MODE: 'production',
  SJV_ENTRA_TENANT_ID: '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11',
  SJV_ENTRA_CLIENT_ID: '6b1e2d3c-4f5a-4b6c-9d7e-8f9a0b1c2d44',
  SJV_ENTRA_ALLOWED_TENANTS: '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11',
  SJV_ENTRA_GROUP_MAP: JSON.stringify({ 'group-1': { organisation: 'school', roles: ['partner'] } }),
  SJV_LOG_PSEUDONYM_KEY: 'a-secret-pseudonym-key-of-32-chars-or-more',
  SJV_CORS_ORIGINS: 'https://contoso.sharepoint.com',
};

/** The SharePoint store of production (the default store there): site and app-only certificate. */
const SHAREPOINT = {
  SJV_SP_SITE_URL: 'https://contoso.sharepoint.com/sites/signaalpunt/',
  SJV_SP_TENANT_ID: '3f6c1a2e-8d4b-4c1e-9a7f-2b5d6e8f0a11',
  SJV_SP_CLIENT_ID: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
  SJV_SP_CERT_FILE: 'secrets/sjv-server.crt.pem',
  SJV_SP_KEY_FILE: '/run/secrets/sjv-server.key.pem',
};
const PRODUCTION = { ...ENTRA, ...SHAREPOINT };

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

test('production refuses to start without its Entra and SharePoint settings, naming each one', () => {
  expect(problems({ SJV_MODE: 'production' }).map((p) => p.variable).sort()).toEqual(
    ['SJV_CORS_ORIGINS', 'SJV_ENTRA_ALLOWED_TENANTS', 'SJV_ENTRA_CLIENT_ID', 'SJV_ENTRA_GROUP_MAP', 'SJV_ENTRA_TENANT_ID', 'SJV_LOG_PSEUDONYM_KEY', ...Object.keys(SHAREPOINT)].sort(),
  );
  for (const missing of Object.keys(ENTRA).filter((k) => k !== 'SJV_MODE')) {
    const env: Record<string, string> = { ...PRODUCTION };
    delete env[missing];
    expect(problems(env).map((p) => p.variable)).toEqual([missing]);
  }
});

test('production with its settings derives audiences, issuers and the tenant JWKS URL', () => {
  const c = loadConfig(PRODUCTION);
  if (c.auth.mode !== 'production') throw new Error('expected production auth');
  expect(c.auth.audiences).toEqual([ENTRA.SJV_ENTRA_CLIENT_ID, `api://${ENTRA.SJV_ENTRA_CLIENT_ID}`]);
  expect(c.auth.jwksUrl).toBe(`https://login.microsoftonline.com/${ENTRA.SJV_ENTRA_TENANT_ID}/discovery/v2.0/keys`);
  expect(c.auth.groupMap).toEqual({ 'group-1': { organisationId: 'school', roles: ['partner'] } });
  expect(c.http.host).toBe('0.0.0.0');
});

test('a group map that is not JSON, maps nothing, or names an unknown role is refused', () => {
  expect(problems({ ...PRODUCTION, SJV_ENTRA_GROUP_MAP: '{not json' })).toEqual([{ variable: 'SJV_ENTRA_GROUP_MAP', issue: 'not valid JSON' }]);
  expect(problems({ ...PRODUCTION, SJV_ENTRA_GROUP_MAP: '{}' })).toEqual([{ variable: 'SJV_ENTRA_GROUP_MAP', issue: 'maps no group' }]);
  const badRole = problems({ ...PRODUCTION, SJV_ENTRA_GROUP_MAP: JSON.stringify({ g: { organisation: 'school', roles: ['admin'] } }) });
  expect(badRole[0]!.variable).toBe('SJV_ENTRA_GROUP_MAP');
  expect(badRole[0]!.issue).toMatch(/^g\.roles\.0/);
});

test('wrong values are named without echoing them (they may be secrets)', () => {
  const secret = 'short-secret';
  const e = (() => {
    try {
      loadConfig({ ...PRODUCTION, SJV_LOG_PSEUDONYM_KEY: secret, SJV_ENTRA_TENANT_ID: 'not-a-uuid', PORT: 'eighty' });
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

test('production does not start without the web part origin in SJV_CORS_ORIGINS, and takes https origins only', () => {
  const { SJV_CORS_ORIGINS: _cors, ...withoutCors } = PRODUCTION;
  expect(problems(withoutCors)).toEqual([{ variable: 'SJV_CORS_ORIGINS', issue: expect.stringContaining('https://<tenant>.sharepoint.com') }]);
  expect(problems({ ...PRODUCTION, SJV_CORS_ORIGINS: 'http://contoso.sharepoint.com' }).map((p) => p.variable)).toEqual(['SJV_CORS_ORIGINS']);
  expect(loadConfig(PRODUCTION).http.corsOrigins).toEqual(['https://contoso.sharepoint.com']);
});

test('CORS origins must be origins', () => {
  expect(loadConfig({ SJV_CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).http.corsOrigins).toEqual(['https://a.example', 'http://localhost:5173']);
  expect(problems({ SJV_CORS_ORIGINS: 'https://a.example/path' }).map((p) => p.variable)).toEqual(['SJV_CORS_ORIGINS']);
});

describe('the municipality\'s retention setting (SJV_RETENTION_*)', () => {
  test('unset: the defaults of PROCESS.md', () => {
    expect(loadConfig({}).process.retention).toEqual({ closedInInbrengDays: 90, closedInVerrijkingDays: 28, closedAfterBesprekingMonths: 24, maxYearsAfter23rdBirthday: 1 });
  });

  test('each value can be set on its own', () => {
    expect(loadConfig({ SJV_RETENTION_VERRIJKING_DAYS: '14', SJV_RETENTION_AFTER_BESPREKING_MONTHS: '12' }).process.retention).toEqual({
      closedInInbrengDays: 90,
      closedInVerrijkingDays: 14,
      closedAfterBesprekingMonths: 12,
      maxYearsAfter23rdBirthday: 1,
    });
  });

  test('values outside the bounds, or not whole numbers, are refused by name', () => {
    expect(problems({ SJV_RETENTION_INBRENG_DAYS: '-1', SJV_RETENTION_VERRIJKING_DAYS: '2.5', SJV_RETENTION_AFTER_BESPREKING_MONTHS: '0', SJV_RETENTION_MAX_YEARS_AFTER_23: '11' }).map((p) => p.variable).sort()).toEqual([
      'SJV_RETENTION_AFTER_BESPREKING_MONTHS',
      'SJV_RETENTION_INBRENG_DAYS',
      'SJV_RETENTION_MAX_YEARS_AFTER_23',
      'SJV_RETENTION_VERRIJKING_DAYS',
    ]);
    expect(problems({ SJV_RETENTION_AFTER_BESPREKING_MONTHS: 'twee jaar' }).map((p) => p.variable)).toEqual(['SJV_RETENTION_AFTER_BESPREKING_MONTHS']);
  });
});

test('the templates folder: the checkout\'s by default, SJV_TEMPLATES_DIR resolved from the working directory', () => {
  expect(loadConfig({}).templatesDir).toBe(join(__dirname, '../../templates'));
  expect(loadConfig({ SJV_TEMPLATES_DIR: 'gemeente/brieven' }, '/srv/sjv').templatesDir).toBe('/srv/sjv/gemeente/brieven');
  expect(loadConfig({ SJV_TEMPLATES_DIR: '/etc/sjv/templates' }, '/srv/sjv').templatesDir).toBe('/etc/sjv/templates');
});

test('.env.example documents every setting and, copied as is, is a valid local configuration', () => {
  const example = parseEnv(readFileSync(join(__dirname, '../../.env.example'), 'utf8')) as Record<string, string>;
  expect(Object.keys(example).sort()).toEqual([...CONFIG_VARIABLES, ...BOT_CONFIG_VARIABLES].sort());
  expect(loadConfig(example, '/srv/sjv').mode).toBe('local');
});

describe('the store setting (SJV_STORE)', () => {
  test('local mode runs on the embedded SQLite store in the data dir by default', () => {
    expect(loadConfig({}, '/srv/sjv').store).toEqual({ kind: 'sqlite', file: '/srv/sjv/data/signaalpunt.db', auditCheckpointFile: '/srv/sjv/data/audit-checkpoints.jsonl' });
    expect(loadConfig({ SJV_STORE: 'sqlite', SJV_DATA_DIR: '/var/lib/sjv' }, '/srv/sjv').store).toEqual({ kind: 'sqlite', file: '/var/lib/sjv/signaalpunt.db', auditCheckpointFile: '/var/lib/sjv/audit-checkpoints.jsonl' });
  });

  test('production defaults to SharePoint: site and certificate, relative files resolved from the working directory', () => {
    const c = loadConfig(PRODUCTION, '/srv/sjv');
    expect(c.store).toEqual({
      kind: 'sharepoint',
      siteUrl: 'https://contoso.sharepoint.com/sites/signaalpunt',
      credential: { kind: 'certificate', tenantId: SHAREPOINT.SJV_SP_TENANT_ID, clientId: SHAREPOINT.SJV_SP_CLIENT_ID, certFile: '/srv/sjv/secrets/sjv-server.crt.pem', keyFile: '/run/secrets/sjv-server.key.pem' },
    });
    expect(loadConfig({ ...PRODUCTION, SJV_STORE: 'sharepoint' }, '/srv/sjv').store).toEqual(c.store);
  });

  test('production refuses SQLite, by default and when asked for, unless SJV_ALLOW_SQLITE_IN_PRODUCTION=true', () => {
    expect(problems({ ...ENTRA, SJV_STORE: 'sqlite' })).toEqual([{ variable: 'SJV_STORE', issue: expect.stringContaining('SJV_ALLOW_SQLITE_IN_PRODUCTION') }]);
    expect(problems({ ...ENTRA, SJV_STORE: 'sqlite', SJV_ALLOW_SQLITE_IN_PRODUCTION: 'false' }).map((p) => p.variable)).toEqual(['SJV_STORE']);
    const allowed = loadConfig({ ...ENTRA, SJV_STORE: 'sqlite', SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true' }, '/srv/sjv');
    expect(allowed.mode).toBe('production');
    expect(allowed.store).toEqual({ kind: 'sqlite', file: '/srv/sjv/data/signaalpunt.db', auditCheckpointFile: '/srv/sjv/data/audit-checkpoints.jsonl' });
    // the override is not a store choice: without SJV_STORE=sqlite production still wants SharePoint
    expect(problems({ ...ENTRA, SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true' }).map((p) => p.variable)).toContain('SJV_SP_SITE_URL');
  });

  test('SharePoint without its settings names each missing variable, in production and locally', () => {
    const names = ['SJV_SP_SITE_URL', 'SJV_SP_TENANT_ID', 'SJV_SP_CLIENT_ID', 'SJV_SP_CERT_FILE', 'SJV_SP_KEY_FILE'];
    expect(problems(ENTRA).map((p) => p.variable).sort()).toEqual([...names].sort());
    expect(problems({ SJV_STORE: 'sharepoint' }).map((p) => p.variable).sort()).toEqual([...names].sort());
    for (const missing of names) {
      const env: Record<string, string> = { ...PRODUCTION };
      delete env[missing];
      expect(problems(env).map((p) => p.variable)).toEqual([missing]);
    }
  });

  test('production wants an https site and the certificate: a ready access token is refused there', () => {
    expect(problems({ ...PRODUCTION, SJV_SP_SITE_URL: 'http://contoso.sharepoint.com/sites/signaalpunt' }).map((p) => p.variable)).toEqual(['SJV_SP_SITE_URL']);
    expect(problems({ ...PRODUCTION, SJV_SP_ACCESS_TOKEN: 'eyJ0eXAiOiJKV1Qi.secret' })).toEqual([{ variable: 'SJV_SP_ACCESS_TOKEN', issue: expect.any(String) }]);
  });

  test('outside production a ready access token replaces the certificate (tests, one-off runs)', () => {
    const c = loadConfig({ SJV_STORE: 'sharepoint', SJV_SP_SITE_URL: 'http://127.0.0.1:4000/sites/signaalpunt', SJV_SP_ACCESS_TOKEN: 'a-token' }, '/srv/sjv');
    expect(c.store).toEqual({ kind: 'sharepoint', siteUrl: 'http://127.0.0.1:4000/sites/signaalpunt', credential: { kind: 'token', accessToken: 'a-token' } });
  });

  test('wrong store values are refused and named without echoing them', () => {
    const err = problems({ SJV_STORE: 'postgres', SJV_SP_SITE_URL: 'not a url', SJV_SP_CLIENT_ID: 'my-secret-client' });
    expect(err.map((p) => p.variable).sort()).toEqual(['SJV_SP_CLIENT_ID', 'SJV_SP_SITE_URL', 'SJV_STORE']);
    expect(JSON.stringify(err)).not.toContain('my-secret-client');
    expect(problems({ SJV_ALLOW_SQLITE_IN_PRODUCTION: 'yes please' }).map((p) => p.variable)).toEqual(['SJV_ALLOW_SQLITE_IN_PRODUCTION']);
  });
});

describe('the triage time (SJV_TRIAGE_DAYS)', () => {
  test('defaults to about 7 days, takes a whole number of days, and refuses 0 or a word', () => {
    expect(loadConfig({}, '/srv/sjv').process.triageDays).toBe(7);
    expect(loadConfig({ SJV_TRIAGE_DAYS: '10' }, '/srv/sjv').process.triageDays).toBe(10);
    expect(problems({ SJV_TRIAGE_DAYS: '0' }).map((p) => p.variable)).toContain('SJV_TRIAGE_DAYS');
    expect(problems({ SJV_TRIAGE_DAYS: 'week' }).map((p) => p.variable)).toContain('SJV_TRIAGE_DAYS');
  });
});
