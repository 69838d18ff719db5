/**
 * Production mode: Entra ID bearer tokens validated with jose against the tenant's JWKS, served by a local
 * HTTP server. Organisation and role come from the configured group map, never from the token's claims.
 */
import { createHmac } from 'node:crypto';
import { SignJWT, generateKeyPair } from 'jose';
import { DEMO_ORGANISATIONS } from '../../src/demo/tenant';
import type { TestServer } from '../server/support/harness';
import { CONCERN, cmdId, startTestServer } from '../server/support/harness';
import type { FakeEntra } from './support/entra';
import { CLIENT_ID, FOREIGN_TENANT, GROUPS, OTHER_ALLOWED_TENANT, SPFX_CLIENT, TENANT, issuerOf, startFakeEntra, tamper, unsecured } from './support/entra';

let entra: FakeEntra;
let t: TestServer;
beforeAll(async () => {
  entra = await startFakeEntra();
  t = await startTestServer(entra.env());
  for (const org of DEMO_ORGANISATIONS) await t.server.store.putOrganisation(org);
});
afterAll(async () => {
  await t.close();
  await entra.close();
});

const me = (token?: string) => t.call('GET', '/api/v1/me', token ? { token } : {});

async function expect401(token: string | undefined, reason: string, headers: Record<string, string> = {}): Promise<void> {
  const r = await t.call('GET', '/api/v1/me', { ...(token !== undefined ? { token } : {}), headers });
  expect({ status: r.status, code: r.body.code, reason: r.body.reason }).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED', reason });
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm="signaalpunt"/);
}

test('a valid token gives the organisation and roles of its mapped group, whatever else the token claims', async () => {
  const token = await entra.token({ groups: [GROUPS.schoolPartner, GROUPS.unmapped], roles: ['procesregisseur'], organisation: 'gemeente', oid: 'aaaaaaaa-0000-4000-8000-000000000001' });
  const r = await me(token);
  expect(r.status).toBe(200);
  expect(r.body).toEqual({
    user: { id: 'aaaaaaaa-0000-4000-8000-000000000001', displayName: 'Test Gebruiker', organisationId: 'school', roles: ['partner'] },
    organisation: { id: 'school', name: expect.any(String), type: 'school', joinedOn: expect.any(String), member: true },
    mode: 'production',
  });
});

test('a partner brings in a concern and the procesregisseur reads it with Entra tokens', async () => {
  const partner = await entra.token({ groups: [GROUPS.schoolPartner] });
  const created = await t.call('POST', '/api/v1/cases', { token: partner, body: { commandId: cmdId(), ...CONCERN } });
  expect(created.status).toBe(201);
  const regisseur = await entra.token({ groups: [GROUPS.regisseur] });
  const read = await t.call('GET', `/api/v1/cases/${created.body.caseId}`, { token: regisseur });
  expect(read.status).toBe(200);
  expect(read.body.concern.riskSignals).toEqual(CONCERN.riskSignals);
});

test('a token of another allowed tenant is accepted with its own issuer', async () => {
  expect((await me(await entra.token({ groups: [GROUPS.politiePartner] }, { tid: OTHER_ALLOWED_TENANT }))).status).toBe(200);
  // The v1 issuer form is accepted too.
  expect((await me(await entra.token({ groups: [GROUPS.politiePartner] }, { iss: `https://sts.windows.net/${TENANT}/` }))).status).toBe(200);
});

test('a user token must come from a known client app with the scope that client asks for', async () => {
  // Teams SSO (access_as_user) and the web part (user_impersonation, from the SharePoint Framework's client)
  expect((await me(await entra.token({ groups: [GROUPS.schoolPartner] }))).status).toBe(200);
  expect((await me(await entra.token({ groups: [GROUPS.regisseur], azp: SPFX_CLIENT, scp: 'user_impersonation' }))).status).toBe(200);
  // v1 tokens name the client in appid
  expect((await me(await entra.token({ groups: [GROUPS.schoolPartner], azp: undefined, appid: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346' }))).status).toBe(200);
  // another app that obtained a token for our API, a token without the scope, an app-only token
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner], azp: '11111111-2222-4333-8444-555555555555' }), 'TOKEN_INVALID');
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner], scp: 'User.Read' }), 'TOKEN_INVALID');
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner], scp: undefined, roles: ['Sites.Selected'] }), 'TOKEN_INVALID');
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner], azp: SPFX_CLIENT, scp: 'access_as_user' }), 'TOKEN_INVALID');
});

test('no token is 401', async () => {
  await expect401(undefined, 'TOKEN_MISSING');
  await expect401(undefined, 'TOKEN_INVALID', { authorization: 'Basic dXNlcjpwYXNz' });
});

test('an expired token is 401', async () => {
  const now = Math.floor(Date.now() / 1000);
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { iat: now - 7200, exp: now - 3600 }), 'TOKEN_EXPIRED');
});

describe('token lifetime and clock skew (the Microsoft identity platform issues tokens of at most a day)', () => {
  const now = () => Math.floor(Date.now() / 1000);
  /** The failure detail the server logged for the last refusal (never token content). */
  const lastAuthFailure = () => [...t.logs.join('').matchAll(/"authFailure":"([^"]+)"/g)].pop()?.[1];

  test('a token issued now for 75 minutes passes, also with a few seconds of clock difference', async () => {
    expect((await me(await entra.token({ groups: [GROUPS.schoolPartner] }, { iat: now(), exp: now() + 75 * 60 }))).status).toBe(200);
    expect((await me(await entra.token({ groups: [GROUPS.schoolPartner] }, { iat: now() + 30, exp: now() + 3600 }))).status).toBe(200);
    expect((await me(await entra.token({ groups: [GROUPS.schoolPartner], nbf: now() + 30 }))).status).toBe(200);
  });

  test('a token issued in the future (beyond the clock tolerance) is 401', async () => {
    await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { iat: now() + 600, exp: now() + 3600 }), 'TOKEN_INVALID');
    expect(lastAuthFailure()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:iat');
  });

  test('a token that expires 100 years from now is 401', async () => {
    await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { iat: now(), exp: now() + 100 * 365 * 24 * 3600 }), 'TOKEN_INVALID');
    expect(lastAuthFailure()).toBe('lifetime-too-long');
  });

  test('a token that lives longer than a day is 401, one of exactly a day passes', async () => {
    await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { iat: now() - 60, exp: now() - 60 + 24 * 3600 + 1 }), 'TOKEN_INVALID');
    expect(lastAuthFailure()).toBe('lifetime-too-long');
    expect((await me(await entra.token({ groups: [GROUPS.schoolPartner] }, { iat: now(), exp: now() + 24 * 3600 }))).status).toBe(200);
  });

  test('a token not valid before a moment in the future (nbf) is 401', async () => {
    await expect401(await entra.token({ groups: [GROUPS.schoolPartner], nbf: now() + 600 }), 'TOKEN_INVALID');
    expect(lastAuthFailure()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:nbf');
  });

  test('a token without iat is 401', async () => {
    const token = await new SignJWT({ tid: TENANT, oid: 'cccccccc-0000-4000-8000-000000000003', groups: [GROUPS.schoolPartner] })
      .setProtectedHeader({ alg: 'RS256', kid: entra.kid, typ: 'JWT' })
      .setIssuer(issuerOf(TENANT))
      .setAudience(CLIENT_ID)
      .setSubject('x')
      .setExpirationTime(now() + 3600)
      .sign(entra.privateKey);
    await expect401(token, 'TOKEN_INVALID');
    expect(lastAuthFailure()).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED:iat');
  });
});

test('a token for another audience is 401', async () => {
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { aud: 'api://some-other-app' }), 'TOKEN_INVALID');
});

test('a token from another issuer is 401, also when the issuer is another allowed tenant’s than the token’s own', async () => {
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { iss: 'https://login.example.org/v2.0' }), 'TOKEN_INVALID');
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { tid: TENANT, iss: issuerOf(OTHER_ALLOWED_TENANT) }), 'TOKEN_INVALID');
});

test('a token of a tenant that is not allowed is 401', async () => {
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { tid: FOREIGN_TENANT }), 'TOKEN_INVALID');
  // Even when its issuer would be right for it: the allow-list decides.
  const foreignButListedIssuer = await entra.token({ groups: [GROUPS.schoolPartner] }, { tid: FOREIGN_TENANT, iss: issuerOf(TENANT) });
  await expect401(foreignButListedIssuer, 'TENANT_NOT_ALLOWED');
});

test('a tampered token is 401: changed claims under the original signature', async () => {
  const token = await entra.token({ groups: [GROUPS.schoolPartner] });
  expect((await me(token)).status).toBe(200);
  await expect401(tamper(token, (p) => (p.groups = [GROUPS.regisseur])), 'TOKEN_INVALID');
});

test('an unsigned token (alg none) is 401', async () => {
  const now = Math.floor(Date.now() / 1000);
  await expect401(unsecured({ tid: TENANT, oid: 'x', sub: 'x', iss: issuerOf(TENANT), aud: CLIENT_ID, iat: now, exp: now + 3600, groups: [GROUPS.regisseur] }), 'TOKEN_INVALID');
});

test('a token signed by another key, under a known or unknown key id, is 401', async () => {
  const { privateKey: otherKey } = await generateKeyPair('RS256');
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { key: otherKey }), 'TOKEN_INVALID');
  await expect401(await entra.token({ groups: [GROUPS.schoolPartner] }, { key: otherKey, kid: 'unknown-kid' }), 'TOKEN_INVALID');
});

test('a token signed with HS256 using the public key as the secret (algorithm confusion) is 401', async () => {
  const now = Math.floor(Date.now() / 1000);
  const secret = new TextEncoder().encode(JSON.stringify(entra.publicJwk));
  const token = await new SignJWT({ tid: TENANT, oid: 'x', groups: [GROUPS.regisseur] })
    .setProtectedHeader({ alg: 'HS256', kid: entra.kid })
    .setIssuer(issuerOf(TENANT))
    .setAudience(CLIENT_ID)
    .setSubject('x')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(secret);
  await expect401(token, 'TOKEN_INVALID');
});

test('a valid token whose groups map to no organisation, to two, or are left out (overage) is 403', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ groups: [GROUPS.unmapped] }, 'NO_MAPPED_GROUP'],
    [{}, 'NO_MAPPED_GROUP'],
    [{ groups: [GROUPS.schoolPartner, GROUPS.politiePartner] }, 'AMBIGUOUS_ORGANISATION'],
    [{ hasgroups: true }, 'GROUPS_OVERAGE'],
    [{ _claim_names: { groups: 'src1' }, _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' } } }, 'GROUPS_OVERAGE'],
  ];
  for (const [claims, reason] of cases) {
    const r = await me(await entra.token(claims));
    expect([r.status, r.body.code, r.body.reason]).toEqual([403, 'AUTH.FORBIDDEN', reason]);
  }
});

test('roles of several groups of one organisation are combined', async () => {
  const r = await me(await entra.token({ groups: [GROUPS.regisseur, GROUPS.privacyOfficer] }));
  expect(r.body.user.roles.sort()).toEqual(['privacyOfficer', 'procesregisseur']);
});

test('production has no dev token endpoint and refuses asOf on the retention run', async () => {
  const dev = await t.call('POST', '/api/v1/dev/token', { body: { user: 'mentor@school.demo' } });
  expect([dev.status, dev.body.code]).toEqual([404, 'HTTP.NOT_FOUND']);
  const doc = await t.call('GET', '/api/openapi.json');
  expect(Object.keys(doc.body.paths)).not.toContain('/api/v1/dev/token');
  const regisseur = await entra.token({ groups: [GROUPS.regisseur] });
  const run = await t.call('POST', '/api/v1/retention/run', { token: regisseur, body: { asOf: '2099-01-01' } });
  expect([run.status, run.body.fields]).toEqual([400, [{ path: 'asOf', issue: 'LOCAL_MODE_ONLY' }]]);
  expect((await t.call('POST', '/api/v1/retention/run', { token: regisseur, body: {} })).status).toBe(200);
  const report = await t.call('GET', '/api/v1/retention/report?asOf=2099-01-01', { token: regisseur });
  expect([report.status, report.body.fields]).toEqual([400, [{ path: 'asOf', issue: 'LOCAL_MODE_ONLY' }]]);
});

test('without a bot app configured, /api/messages answers 501 with a coded problem', async () => {
  const r = await t.call('POST', '/api/messages', { body: { type: 'message', text: 'hallo' } });
  expect([r.status, r.body.code, r.body.reason]).toEqual([501, 'HTTP.NOT_IMPLEMENTED', 'BOT_NOT_CONFIGURED']);
});

test('the JWKS is fetched once and cached across requests', async () => {
  const before = entra.fetches;
  for (let i = 0; i < 5; i++) expect((await me(await entra.token({ groups: [GROUPS.schoolPartner] }))).status).toBe(200);
  expect(entra.fetches).toBe(before);
});

test('logs name the user by pseudonym, never by id, name or token', async () => {
  const oid = 'bbbbbbbb-0000-4000-8000-000000000002';
  const token = await entra.token({ groups: [GROUPS.schoolPartner], oid, name: 'Zichtbare Naam' });
  await me(token);
  const text = t.logs.join('');
  expect(text).not.toContain(oid);
  expect(text).not.toContain('Zichtbare Naam');
  expect(text).not.toContain(token.split('.')[1]!);
  const pseudonym = createHmac('sha256', 'test-pseudonym-key-0123456789abcdef').update(oid).digest('base64url').slice(0, 16);
  expect(text).toContain(pseudonym);
});

describe('when the JWKS endpoint cannot be reached', () => {
  let down: TestServer;
  beforeAll(async () => {
    down = await startTestServer(entra.env({ SJV_ENTRA_JWKS_URL: 'http://127.0.0.1:9/keys' }));
  });
  afterAll(async () => {
    await down.close();
  });
  test('a request is 503 AUTH.KEYS_UNAVAILABLE, not 401: the token may be fine', async () => {
    const r = await down.call('GET', '/api/v1/me', { token: await entra.token({ groups: [GROUPS.schoolPartner] }) });
    expect([r.status, r.body.code]).toEqual([503, 'AUTH.KEYS_UNAVAILABLE']);
  });
});
