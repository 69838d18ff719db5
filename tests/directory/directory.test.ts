/**
 * The directory in production (issue 14, item 1): organisations and delegates from the reviewed directory
 * file, written by provisioning; users created and updated from their Entra token on first use; leaving the
 * protocol takes effect at once. On the embedded store and on the SharePoint store (against the stand-in),
 * from an empty store: nothing of the demo tenant is seeded in production.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as directoryMain } from '../../scripts/directory';
import { main as provisionMain } from '../../scripts/provision-sharepoint';
import { loadConfig } from '../../src/config';
import type { DirectoryFile } from '../../src/directory';
import { DirectoryError, applyDirectory, parseDirectory } from '../../src/directory';
import { SqliteStore } from '../../src/adapters/sqlite';
import type { RunningServer } from '../../src/server/start';
import { startServer } from '../../src/server/start';
import { FakeSharePoint } from '../adapters/sharepoint/fake-sharepoint';
import type { FakeEntra } from '../auth/support/entra';
import { GROUPS, startFakeEntra } from '../auth/support/entra';
import { CONCERN, cmdId } from '../server/support/harness';

const today = new Date().toISOString().slice(0, 10);
const PARTNER_OID = 'c0ffee00-0000-4000-8000-0000000000a1';
const DELEGATE_OID = 'c0ffee00-0000-4000-8000-0000000000b2';

const DIRECTORY = {
  version: 1,
  organisations: [
    { id: 'gemeente', name: 'Gemeente Voorbeeldstad', type: 'gemeente', joinedOn: '2026-01-01' },
    { id: 'school', name: 'Het Baken College', type: 'school', joinedOn: '2026-01-01' },
    { id: 'politie', name: 'Politie basisteam', type: 'politie', joinedOn: '2026-01-01', delegates: [{ upn: 'Wijkagent@Politie.Example.nl', aadObjectId: DELEGATE_OID }] },
  ],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sjv-directory-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function directoryFile(content: unknown, name = 'directory.json'): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('the directory file', () => {
  test('the sample in templates/ is valid', async () => {
    const out: string[] = [];
    expect(await directoryMain(['--check', join(__dirname, '../../templates/directory.example.json')], {}, (l) => out.push(l))).toBe(0);
    expect(out[0]).toMatch(/^directory ok: 5 organisations/);
  });

  test('duplicates, a leftOn without an earlier joinedOn and a malformed UPN are refused, naming the path but never the value', () => {
    const bad = {
      version: 1,
      organisations: [
        { id: 'school', name: 'A', type: 'school', joinedOn: '2026-01-01', leftOn: '2025-01-01', delegates: [{ upn: 'geheim-persoon', aadObjectId: DELEGATE_OID }] },
        { id: 'school', name: 'B', type: 'school', delegates: [{ upn: 'x@y.nl', aadObjectId: DELEGATE_OID }] },
      ],
    };
    let error: unknown;
    try {
      parseDirectory(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DirectoryError);
    const problems = (error as DirectoryError).problems.join('\n');
    expect(problems).toContain('organisations.0.leftOn');
    expect(problems).toContain('organisations.0.delegates.0.upn');
    expect(problems).toContain('organisation school appears twice');
    expect(problems).toContain('a delegate appears twice');
    expect(problems).not.toContain('geheim-persoon');
  });

  test('applying it twice writes nothing the second time; a delegate no longer named loses the mark, not the record', async () => {
    const store = SqliteStore.open(':memory:');
    try {
      const d = parseDirectory(DIRECTORY);
      const first = await applyDirectory(store, d);
      expect(first).toEqual({ organisationsWritten: ['gemeente', 'school', 'politie'], delegatesWritten: 1, delegatesRemoved: 0, unchanged: 0 });
      expect(await applyDirectory(store, d)).toEqual({ organisationsWritten: [], delegatesWritten: 0, delegatesRemoved: 0, unchanged: 4 });
      expect(await store.getUserByAadObjectId(DELEGATE_OID)).toEqual({
        id: DELEGATE_OID,
        organisationId: 'politie',
        roles: ['partner'],
        aadObjectId: DELEGATE_OID,
        upn: 'wijkagent@politie.example.nl',
        delegate: true,
      });
      const without: DirectoryFile = { ...d, organisations: d.organisations.map((o) => ({ ...o, delegates: [] })) };
      expect((await applyDirectory(store, without)).delegatesRemoved).toBe(1);
      const after = await store.getUserByAadObjectId(DELEGATE_OID);
      expect(after?.delegate).toBeUndefined();
      expect(after?.roles).toEqual(['partner']);
    } finally {
      await store.close();
    }
  });
});

/** A production server from an empty store, the way each store is provisioned. */
interface Prod {
  server: RunningServer;
  provision(file: string): Promise<void>;
  close(): Promise<void>;
}

async function sqliteProduction(entra: FakeEntra): Promise<Prod> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sjv-prod-'));
  const env = { ...entra.env(), SJV_STORE: 'sqlite', SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true', SJV_DATA_DIR: dataDir, PORT: '0', SJV_JOBS: 'off', SJV_LOG_LEVEL: 'silent', SJV_PAGES_DIR: join(dataDir, 'no-pages') };
  const server = await startServer(loadConfig(env), { logDestination: { write: () => undefined } });
  return {
    server,
    // the same command the guide runs: scripts/directory.ts --apply, on the store the settings select
    provision: async (file) => {
      expect(await directoryMain(['--apply', file], env, () => undefined)).toBe(0);
    },
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function sharePointProduction(entra: FakeEntra): Promise<Prod> {
  const fake = await new FakeSharePoint().start();
  const dataDir = mkdtempSync(join(tmpdir(), 'sjv-prod-'));
  const base = loadConfig({ ...entra.env(), SJV_STORE: 'sqlite', SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true', SJV_DATA_DIR: dataDir, PORT: '0', SJV_JOBS: 'off', SJV_LOG_LEVEL: 'silent', SJV_PAGES_DIR: join(dataDir, 'no-pages') });
  // An empty site gets its lists first (the server opens no site without them), the directory comes after.
  const spEnv = { SJV_SP_SITE_URL: fake.siteUrl, SJV_SP_ACCESS_TOKEN: fake.token };
  expect(await provisionMain(['--organisations', directoryFile([], 'no-organisations.json')], spEnv, () => undefined)).toBe(0);
  // The stand-in takes its fixed bearer token: production's certificate sign-in is tested in token.test.ts.
  const config = { ...base, store: { kind: 'sharepoint' as const, siteUrl: fake.siteUrl, credential: { kind: 'token' as const, accessToken: fake.token } } };
  const server = await startServer(config, { logDestination: { write: () => undefined } });
  return {
    server,
    provision: async (file) => {
      const out: string[] = [];
      const code = await provisionMain(['--directory', file], spEnv, (l) => out.push(l));
      expect({ code, last: out.at(-1) }).toEqual({ code: 0, last: expect.stringMatching(/^directory: /) });
    },
    close: async () => {
      await server.close();
      await fake.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe.each([
  ['the embedded store', sqliteProduction],
  ['the SharePoint store', sharePointProduction],
])('production on %s, from an empty store', (_name, start) => {
  let entra: FakeEntra;
  let prod: Prod;
  beforeAll(async () => {
    entra = await startFakeEntra();
    prod = await start(entra);
  });
  afterAll(async () => {
    await prod.close();
    await entra.close();
  });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${prod.server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { code?: string; caseId?: string } };
  };
  const partnerToken = (groups: string[]) => entra.token({ oid: PARTNER_OID, preferred_username: 'Mentor@Baken.Example.nl', name: 'Mentor', groups });

  test('nobody is a member before the directory is provisioned; afterwards a partner from the group map brings in a concern', async () => {
    expect(await prod.server.store.listUsers()).toEqual([]);
    const before = await call('POST', '/api/v1/cases', await partnerToken([GROUPS.schoolPartner]), { commandId: cmdId(), ...CONCERN });
    expect({ status: before.status, code: before.body.code }).toEqual({ status: 403, code: 'AUTH.NOT_A_MEMBER' });

    await prod.provision(directoryFile(DIRECTORY, 'directory-1.json'));
    const created = await call('POST', '/api/v1/cases', await partnerToken([GROUPS.schoolPartner]), { commandId: cmdId(), ...CONCERN });
    expect(created.status).toBe(201);
    // the user was created from the token: oid, UPN (lower case), organisation and role from the group map
    expect(await prod.server.store.getUserByAadObjectId(PARTNER_OID)).toEqual({
      id: PARTNER_OID,
      organisationId: 'school',
      roles: ['partner'],
      aadObjectId: PARTNER_OID,
      upn: 'mentor@baken.example.nl',
      displayName: 'Mentor',
    });
    // the delegate named in the file is known before it ever signed in
    expect((await prod.server.store.getUserByAadObjectId(DELEGATE_OID))?.organisationId).toBe('politie');
  });

  test("the web part's call from https://contoso.sharepoint.com passes the CORS preflight", async () => {
    const res = await fetch(`${prod.server.url}/api/v1/cases`, {
      method: 'OPTIONS',
      headers: { origin: 'https://contoso.sharepoint.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://contoso.sharepoint.com');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  test('a user who leaves the group loses the role in the store at the next sign-in', async () => {
    const refused = await call('GET', '/api/v1/cases', await partnerToken([GROUPS.unmapped]));
    expect(refused.status).toBe(403);
    expect((await prod.server.store.getUserByAadObjectId(PARTNER_OID))?.roles).toEqual([]);
    expect((await call('GET', '/api/v1/cases', await partnerToken([GROUPS.schoolPartner]))).status).toBe(200);
    expect((await prod.server.store.getUserByAadObjectId(PARTNER_OID))?.roles).toEqual(['partner']);
  });

  test('an organisation that leaves the protocol today loses access to its cases at once', async () => {
    const token = await partnerToken([GROUPS.schoolPartner]);
    const list = await call('GET', '/api/v1/cases', token);
    const caseId = (list.body.items as { id: string }[])[0]!.id;
    expect((await call('GET', `/api/v1/cases/${caseId}`, token)).status).toBe(200);
    const left = structuredClone(DIRECTORY);
    Object.assign(left.organisations[1]!, { leftOn: today, joinedOn: '2026-01-01' });
    await prod.provision(directoryFile(left, 'directory-2.json'));
    expect((await call('GET', '/api/v1/cases', token)).body.code).toBe('AUTH.NOT_A_MEMBER');
    expect((await call('GET', `/api/v1/cases/${caseId}`, token)).status).toBe(404);
    const again = await call('POST', '/api/v1/cases', token, { commandId: cmdId(), ...CONCERN });
    expect(again.body.code).toBe('AUTH.NOT_A_MEMBER');
  });
});

describe('delegates', () => {
  test('enrichment requests go to the delegates the directory names, and to every partner of an organisation that names none', async () => {
    const { delegatesOf } = await import('../../src/core/views');
    const users = [
      { id: 'a', organisationId: 'politie', roles: ['partner' as const] },
      { id: 'b', organisationId: 'politie', roles: ['partner' as const], delegate: true },
      { id: 'c', organisationId: 'school', roles: ['partner' as const] },
      { id: 'd', organisationId: 'school', roles: ['partner' as const] },
      { id: 'e', organisationId: 'politie', roles: [], delegate: true },
    ];
    expect(delegatesOf(users, 'politie').map((u) => u.id)).toEqual(['b']);
    expect(delegatesOf(users, 'school').map((u) => u.id)).toEqual(['c', 'd']);
  });
});
