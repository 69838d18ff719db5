/**
 * Local mode: the same validation path against the local signing key, which lives in the data directory so
 * that every instance on it accepts the same tokens. POST /api/v1/dev/token issues tokens for demo users only.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, generateKeyPair } from 'jose';
import { loadOrCreateLocalKey } from '../../src/auth';
import { LOCAL_TENANT_ID } from '../../src/config';
import { DEMO_USERS } from '../../src/demo/tenant';
import type { TestServer } from '../server/support/harness';
import { CONCERN, DEMO, cmdId, startTestServer, tempDir } from '../server/support/harness';
import { tamper, unsecured } from './support/entra';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const mentor = DEMO_USERS.find((u) => u.id === DEMO.mentor)!;
const ISSUER = `urn:signaalpunt:local:${LOCAL_TENANT_ID}`;
const AUDIENCE = 'api://signaalpunt-local';

async function localToken(o: { iss?: string; aud?: string; exp?: number; iat?: number; sub?: string; oid?: string; tid?: string } = {}): Promise<string> {
  const key = await loadOrCreateLocalKey(t.dataDir);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ oid: o.oid ?? mentor.aadObjectId, tid: o.tid ?? LOCAL_TENANT_ID })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(o.iss ?? ISSUER)
    .setAudience(o.aud ?? AUDIENCE)
    .setSubject(o.sub ?? mentor.id)
    .setIssuedAt(o.iat ?? now)
    .setExpirationTime(o.exp ?? now + 600)
    .sign(key.privateKey);
}

async function status401(token: string | undefined): Promise<string> {
  const r = await t.call('GET', '/api/v1/me', token ? { token } : {});
  expect([r.status, r.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return r.body.reason;
}

test('a dev token of a demo user authenticates as that user', async () => {
  const issued = await t.call('POST', '/api/v1/dev/token', { body: { user: DEMO.coach } });
  expect(issued.status).toBe(200);
  expect(issued.body).toMatchObject({ token_type: 'Bearer', user: DEMO.coach, expires_in: 8 * 3600 });
  expect(issued.headers.get('cache-control')).toBe('no-store');
  const me = await t.call('GET', '/api/v1/me', { token: issued.body.access_token });
  expect(me.body.user).toMatchObject({ id: DEMO.coach, organisationId: 'wijkteam', roles: ['partner'] });
  // A token signed here by hand with the stored key is the same thing.
  expect((await t.call('GET', '/api/v1/me', { token: await localToken() })).body.user.id).toBe(DEMO.mentor);
});

test('the dev token endpoint refuses unknown users and unknown fields', async () => {
  const unknown = await t.call('POST', '/api/v1/dev/token', { body: { user: 'nobody@nowhere.demo' } });
  expect([unknown.status, unknown.body.fields]).toEqual([400, [{ path: 'user', issue: 'UNKNOWN_USER' }]]);
  expect(unknown.text).not.toContain('nobody@nowhere.demo');
  const extra = await t.call('POST', '/api/v1/dev/token', { body: { user: DEMO.mentor, roles: ['procesregisseur'] } });
  expect([extra.status, extra.body.fields]).toEqual([400, [{ path: 'roles', issue: 'unrecognized_keys' }]]);
});

test('none, expired, wrong audience, wrong issuer, other tenant, tampered and unsigned tokens are all 401', async () => {
  const now = Math.floor(Date.now() / 1000);
  expect(await status401(undefined)).toBe('TOKEN_MISSING');
  expect(await status401(await localToken({ iat: now - 1000, exp: now - 500 }))).toBe('TOKEN_EXPIRED');
  expect(await status401(await localToken({ aud: 'api://someone-else' }))).toBe('TOKEN_INVALID');
  expect(await status401(await localToken({ iss: 'urn:signaalpunt:elsewhere' }))).toBe('TOKEN_INVALID');
  expect(await status401(await localToken({ tid: '11111111-1111-4111-8111-111111111111', iss: ISSUER }))).toBe('TENANT_NOT_ALLOWED');
  const regisseur = DEMO_USERS.find((u) => u.id === DEMO.regisseur)!;
  expect(await status401(tamper(await localToken(), (p) => ((p.sub = regisseur.id), (p.oid = regisseur.aadObjectId))))).toBe('TOKEN_INVALID');
  expect(await status401(unsecured({ oid: mentor.aadObjectId, tid: LOCAL_TENANT_ID, sub: mentor.id, iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 }))).toBe('TOKEN_INVALID');
  expect(await status401('not.a.jwt')).toBe('TOKEN_INVALID');
});

test('local tokens are bounded like Entra’s: issued in the future, living longer than a day, not yet valid or without iat are 401', async () => {
  const now = Math.floor(Date.now() / 1000);
  expect(await status401(await localToken({ iat: now + 600, exp: now + 1200 }))).toBe('TOKEN_INVALID');
  expect(await status401(await localToken({ iat: now, exp: now + 100 * 365 * 24 * 3600 }))).toBe('TOKEN_INVALID');
  expect(await status401(await localToken({ iat: now, exp: now + 24 * 3600 + 1 }))).toBe('TOKEN_INVALID');
  const key = await loadOrCreateLocalKey(t.dataDir);
  const base = () => new SignJWT({ oid: mentor.aadObjectId, tid: LOCAL_TENANT_ID }).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setIssuer(ISSUER).setAudience(AUDIENCE).setSubject(mentor.id);
  expect(await status401(await base().setIssuedAt(now).setNotBefore(now + 600).setExpirationTime(now + 1200).sign(key.privateKey))).toBe('TOKEN_INVALID');
  expect(await status401(await base().setExpirationTime(now + 600).sign(key.privateKey))).toBe('TOKEN_INVALID');
  // A token of the longest lifetime the dev endpoint may be configured for passes.
  expect((await t.call('GET', '/api/v1/me', { token: await localToken({ iat: now, exp: now + 24 * 3600 }) })).status).toBe(200);
});

test('a token signed by another key is 401, even with the local key id', async () => {
  const { privateKey } = await generateKeyPair('ES256');
  const key = await loadOrCreateLocalKey(t.dataDir);
  const now = Math.floor(Date.now() / 1000);
  const forged = await new SignJWT({ oid: mentor.aadObjectId, tid: LOCAL_TENANT_ID })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(mentor.id)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(privateKey);
  expect(await status401(forged)).toBe('TOKEN_INVALID');
});

test('a validly signed token whose subject is not the user of its oid is 403: identity comes from the store', async () => {
  const r = await t.call('GET', '/api/v1/me', { token: await localToken({ sub: DEMO.regisseur }) });
  expect([r.status, r.body.code, r.body.reason]).toEqual([403, 'AUTH.FORBIDDEN', 'UNKNOWN_USER']);
  const stranger = await t.call('GET', '/api/v1/me', { token: await localToken({ oid: '99999999-9999-4999-8999-999999999999' }) });
  expect([stranger.status, stranger.body.reason]).toEqual([403, 'UNKNOWN_USER']);
});

test('every operation that needs a token refuses a request without one', async () => {
  const { allOperations } = await import('../../src/server/operations');
  const caseId = '7f0c8a51-7d3c-4c39-9f1b-7b6d3f0e2a11';
  for (const op of allOperations('local').filter((o) => o.auth)) {
    const r = await t.call(op.method, op.path.replace('{caseId}', caseId), op.method === 'POST' ? { body: { commandId: cmdId(), ...CONCERN } } : {});
    expect([op.operationId, r.status, r.body.code]).toEqual([op.operationId, 401, 'AUTH.UNAUTHENTICATED']);
  }
});

test('the local key is kept in the data directory, readable by its owner only, and a second instance accepts the first one’s tokens', async () => {
  const file = join(t.dataDir, 'local-signing-key.json');
  expect(existsSync(file)).toBe(true);
  expect(statSync(file).mode & 0o077).toBe(0);
  const keyBefore = readFileSync(file, 'utf8');
  const second = await startTestServer({}, { dataDir: t.dataDir });
  try {
    const token = await t.token(DEMO.mentor);
    const created = await second.call('POST', '/api/v1/cases', { token, body: { commandId: cmdId(), ...CONCERN } });
    expect(created.status).toBe(201);
    // …and the first instance sees the case the second one stored.
    expect((await t.call('GET', `/api/v1/cases/${created.body.caseId}`, { as: DEMO.regisseur })).status).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe(keyBefore);
  } finally {
    await second.close();
  }
});

test('instances starting together on a fresh data directory end up with one key', async () => {
  const dir = tempDir();
  const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateLocalKey(dir)));
  expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  rmSync(dir, { recursive: true, force: true });
});
