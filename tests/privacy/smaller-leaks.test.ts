/**
 * Issue 12, item 6, over the real HTTP API on a real SQLite store: the voorzitter's phase filter, a
 * commandId that can carry nothing about a person, and the modes of the data folder and database files.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestServer } from '../server/support/harness';
import { CONCERN, DEMO, driveTo, startTestServer, tempDir } from '../server/support/harness';

let t: TestServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = join(tempDir(), 'nested', 'data'); // created by the server itself
  t = await startTestServer({ SJV_DATA_DIR: dataDir }, { dataDir });
});
afterAll(() => t.close());

describe('the voorzitter’s case list', () => {
  test('asked for CLOSED cases (which the voorzitter may not read) it returns none, and total counts only visible rows', async () => {
    await driveTo(t, 'VERRIJKING');
    await driveTo(t, 'BESPREKING');
    await driveTo(t, 'CLOSED');
    await driveTo(t, 'CLOSED');
    const closed = await t.call('GET', '/api/v1/cases?phase=CLOSED', { as: DEMO.voorzitter });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ items: [], total: 0 });
    const bespreking = await t.call('GET', '/api/v1/cases?phase=BESPREKING', { as: DEMO.voorzitter });
    expect(bespreking.body.items.length).toBeGreaterThan(0);
    expect(bespreking.body.items.every((c: { phase: string }) => c.phase === 'BESPREKING')).toBe(true);
    expect(bespreking.body.total).toBe(bespreking.body.items.length);
    const all = await t.call('GET', '/api/v1/cases?limit=200', { as: DEMO.voorzitter });
    expect(all.body.items.some((c: { phase: string }) => c.phase === 'CLOSED')).toBe(false);
    expect(all.body.total).toBe(all.body.items.length);
    const regisseur = await t.call('GET', '/api/v1/cases?phase=CLOSED', { as: DEMO.regisseur });
    expect(regisseur.body.items.length).toBeGreaterThanOrEqual(2);
  });
});

describe('commandId: a UUID or a ULID, nothing free-form', () => {
  const auditRows = (): number => (t.server.store.db.prepare('SELECT COUNT(*) AS n FROM audit').get() as { n: number }).n;

  test.each([['a date of birth', '2009-03-14T00:00:00Z'], ['a name', 'mila-jansen-2011'], ['a UUID with a prefix', 'tab-6f1c2b1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b']])(
    '%s as commandId is refused with a coded problem naming the field, and nothing is stored',
    async (_what, commandId) => {
      const before = auditRows();
      const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId, ...CONCERN } });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body.code).toBe('VALIDATION.INVALID_INPUT');
      expect(r.body.fields ?? r.body.details?.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'commandId' })]));
      expect(r.text).not.toContain(commandId);
      expect(auditRows()).toBe(before);
    },
  );

  test('a letter request with a free-form commandId is refused the same way', async () => {
    const caseId = await driveTo(t, 'VERRIJKING');
    const before = auditRows();
    const r = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.regisseur, body: { kind: 'information', locale: 'nl', commandId: '2009-03-14T00:00:00Z' } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION.INVALID_INPUT');
    expect(auditRows()).toBe(before);
  });

  test.each([['a UUID', '6f1c2b1e-3c4d-4e5f-8a9b-0c1d2e3f4a5b'], ['a ULID', '01ARZ3NDEKTSV4RRFFQ69G5FAV']])('%s as commandId is accepted', async (_what, commandId) => {
    const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId, ...CONCERN } });
    expect(r.status).toBe(201);
  });
});

describe('file modes of the embedded store', () => {
  test('the data folder is 0700 and the database with its -wal and -shm files 0600', () => {
    const mode = (p: string): string => (statSync(p).mode & 0o777).toString(8);
    expect(mode(dataDir)).toBe('700');
    const db = join(dataDir, 'signaalpunt.db');
    expect(mode(db)).toBe('600');
    expect(mode(`${db}-wal`)).toBe('600');
    expect(mode(`${db}-shm`)).toBe('600');
  });
});
