/**
 * Cross-cutting behaviour of the server over real HTTP: health, security headers, CORS for configured
 * origins only, the per-user write rate limit, problem+json for unknown routes and the bot placeholder,
 * and logs without personal data.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from './support/harness';
import { BODIES, CONCERN, DEMO, cmdId, command, driveTo, startTestServer, tempDir } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ SJV_CORS_ORIGINS: 'https://tab.example.org', SJV_WRITE_RATE_LIMIT: '5' });
});
afterAll(async () => {
  await t.close();
});

test('/healthz and /readyz answer without a token', async () => {
  expect(await t.call('GET', '/healthz').then((r) => [r.status, r.body])).toEqual([200, { status: 'ok' }]);
  expect(await t.call('GET', '/readyz').then((r) => [r.status, r.body])).toEqual([200, { status: 'ready' }]);
});

test('responses carry security headers and API responses are not cached', async () => {
  const r = await t.call('GET', '/api/v1/me', { as: DEMO.mentor });
  expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/);
  expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://teams.microsoft.com");
  expect(r.headers.get('cache-control')).toBe('no-store');
  expect(r.headers.get('x-powered-by')).toBeNull();
});

test('CORS allows the configured origin only', async () => {
  const allowed = await t.call('OPTIONS', '/api/v1/cases', {
    headers: { origin: 'https://tab.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
  expect(allowed.status).toBe(204);
  expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tab.example.org');
  expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  const other = await t.call('GET', '/api/v1/me', { as: DEMO.mentor, headers: { origin: 'https://evil.example.com' } });
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
});

test('writes are rate-limited per user with a coded 429; another user and reads are not affected', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await t.call('POST', '/api/v1/cases', { as: DEMO.leerplicht, body: { commandId: cmdId(), ...CONCERN } })).status);
  expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  const limited = await t.call('POST', '/api/v1/cases', { as: DEMO.leerplicht, body: { commandId: cmdId(), ...CONCERN } });
  expect(limited.body).toMatchObject({ code: 'HTTP.RATE_LIMITED', status: 429 });
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect((await t.call('GET', '/api/v1/cases', { as: DEMO.leerplicht })).status).toBe(200);
  expect((await t.call('POST', '/api/v1/cases', { as: DEMO.coach, body: { commandId: cmdId(), ...CONCERN } })).status).toBe(201);
});

test('an unknown route is a coded 404 problem', async () => {
  const r = await t.call('GET', '/api/v1/nothing-here');
  expect(r.status).toBe(404);
  expect(r.body).toMatchObject({ code: 'HTTP.NOT_FOUND', type: 'urn:signaalpunt:problem:HTTP.NOT_FOUND', instance: '/api/v1/nothing-here' });
});

test('the bot endpoint is mounted at /api/messages outside the API’s bearer-token authentication', async () => {
  const r = await t.call('POST', '/api/messages', { body: { type: 'message', text: 'hallo' } });
  expect([401, 404]).not.toContain(r.status);
});

test('the bot endpoint accepts a 100 KB card submit so the bot can answer it with a card error, not a 413', async () => {
  const r = await t.call('POST', '/api/messages', { body: { type: 'message', text: 'x'.repeat(100 * 1024) } });
  expect(r.status).not.toBe(413);
});

test('the pages are served (a placeholder until the tab is built) and / leads to them', async () => {
  const root = await fetch(`${t.url}/`, { redirect: 'manual' });
  expect(root.status).toBe(302);
  expect(root.headers.get('location')).toBe('/pages/');
  const page = await t.call('GET', '/pages/');
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toMatch(/^text\/html/);
});

test('built pages are served from the pages directory, frameable by Teams', async () => {
  const pagesDir = tempDir('sjv-pages-');
  writeFileSync(join(pagesDir, 'index.html'), '<!doctype html><title>Signaaltafel</title><div id="root"></div>');
  const withPages = await startTestServer({ SJV_PAGES_DIR: pagesDir });
  try {
    const page = await withPages.call('GET', '/pages/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root"></div>');
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect((await withPages.call('GET', '/pages/missing.js')).status).toBe(404);
  } finally {
    await withPages.close();
    rmSync(pagesDir, { recursive: true, force: true });
  }
});

test('logs hold one line per request with route, status, duration and code, and no personal data', async () => {
  const caseId = await driveTo(t, 'VERRIJKING');
  t.logs.length = 0;
  await command(t, DEMO.mentor, 'supplyIdentity', caseId, { name: 'Fenna Verborgen', dateOfBirth: '2010-07-08' });
  await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur });
  await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN, freeText: 'Zijn zus Fenna belt vanaf 06-11223344.' } });
  await t.call('GET', `/api/v1/cases?organisation=school`, { as: DEMO.regisseur });
  const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
  const requests = lines.filter((l) => l.msg === 'request');
  expect(requests.map((l) => [l.op, l.route, l.status])).toEqual(
    expect.arrayContaining([
      ['supplyIdentity', '/api/v1/cases/:caseId/supply-identity', 200],
      ['getCase', '/api/v1/cases/:caseId', 200],
      ['submitConcern', '/api/v1/cases', 422],
      ['listCases', '/api/v1/cases', 200],
    ]),
  );
  const refused = requests.find((l) => l.status === 422)!;
  expect(refused).toMatchObject({ code: 'INTAKE.IDENTIFIER_DETECTED', user: expect.stringMatching(/^[\w-]{16}$/), ms: expect.any(Number) });
  const text = t.logs.join('\n');
  for (const personal of ['Fenna', 'Verborgen', '2010-07-08', '06-11223344', DEMO.mentor, DEMO.regisseur, 'organisation=school']) expect(text).not.toContain(personal);
});

// Last in this file: it breaks the store on purpose (a real fault, not a stub).
test('a server error is a coded 500 problem without internals, and is logged with its error', async () => {
  const caseId = await driveTo(t, 'INBRENG');
  t.logs.length = 0;
  t.server.store.db.exec('DROP TABLE commands');
  const r = await t.call('POST', `/api/v1/cases/${caseId}/decide-suspicion`, { as: DEMO.voorzitter, body: { commandId: cmdId(), ...BODIES.decideSuspicion() } });
  expect(r.status).toBe(500);
  expect(r.body).toMatchObject({ code: 'INTERNAL.ERROR', messages: { nl: expect.any(String), en: expect.any(String) } });
  expect(r.text).not.toMatch(/commands|sqlite|stack/i);
  const failure = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request failed');
  expect(failure).toMatchObject({ code: 'INTERNAL.ERROR', err: { message: expect.stringContaining('no such table') } });
});
