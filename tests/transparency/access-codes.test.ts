/**
 * The resident's access code (issue 19): its shape and entropy, printed with the kenmerk in the letter,
 * stored only as a keyed hash, revoked and reissued by the procesregisseur over the API (audited).
 */
import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { User } from '../../src/core/model';
import type { CommandName } from '../../src/core/phases';
import { CROCKFORD, generateAccessCode, hashAccessCode, loadResidentCodeSecret, normaliseAccessCode, sameHash } from '../../src/transparency/access-codes';
import type { Json, TestServer } from '../server/support/harness';
import { DEMO, inDays, startTestServer } from '../server/support/harness';
import { readDocx } from './support';

describe('the code', () => {
  test('16 characters of the Crockford alphabet (no I, L, O, U) in four groups of four', () => {
    for (let i = 0; i < 2000; i++) expect(generateAccessCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(CROCKFORD).toHaveLength(32); // 5 bits per character × 16 = 80 bits ≥ 64
    expect(CROCKFORD).not.toMatch(/[ILOU]/);
  });

  test('codes do not repeat and every character position takes many values (the randomness reaches every group)', () => {
    const codes = Array.from({ length: 5000 }, generateAccessCode);
    expect(new Set(codes).size).toBe(5000);
    for (const pos of [0, 5, 10, 15, 18]) expect(new Set(codes.map((c) => c[pos])).size).toBeGreaterThan(28);
  });

  test('typed input is normalised: lower case, spaces, hyphens, O for 0 and I or L for 1; anything else is not a code', () => {
    expect(normaliseAccessCode('7qk2 m9xd-4tgb-h1rw')).toBe('7QK2M9XD4TGBH1RW');
    expect(normaliseAccessCode('7QK2-M9XD-4TGB-HIRW')).toBe('7QK2M9XD4TGBH1RW');
    expect(normaliseAccessCode('7QK2-M9XD-4TGB-HLRW')).toBe('7QK2M9XD4TGBH1RW');
    expect(normaliseAccessCode('OQK2-M9XD-4TGB-H1RW')).toBe('0QK2M9XD4TGBH1RW');
    expect(normaliseAccessCode('7QK2-M9XD-4TGB-H1R')).toBeUndefined();
    expect(normaliseAccessCode('7QK2-M9XD-4TGB-H1RU')).toBeUndefined();
  });

  test('the hash binds the kenmerk and depends on the secret', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    const h = hashAccessCode(a, 'SJV-2026-0001', '7QK2M9XD4TGBH1RW');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(sameHash(h, hashAccessCode(a, 'sjv-2026-0001', '7QK2M9XD4TGBH1RW'))).toBe(true);
    expect(sameHash(h, hashAccessCode(a, 'SJV-2026-0002', '7QK2M9XD4TGBH1RW'))).toBe(false);
    expect(sameHash(h, hashAccessCode(b, 'SJV-2026-0001', '7QK2M9XD4TGBH1RW'))).toBe(false);
  });
});

describe('over HTTP', () => {
  let t: TestServer;
  let caseId: string;
  let reference: string;
  const user = async (id: string): Promise<User> => (await t.server.store.getUser(id))!;
  async function cmd(name: CommandName, as: string, input: Record<string, unknown>): Promise<void> {
    const r = await t.server.service.execute(name, await user(as), { commandId: randomUUID(), ...input });
    if (!r.ok) throw r.error;
  }
  const letterCode = async (locale: 'nl' | 'en'): Promise<{ code: string; text: string }> => {
    const res = await fetch(`${t.url}/api/v1/cases/${caseId}/letters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token(DEMO.regisseur)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'information', locale }),
    });
    expect(res.status).toBe(200);
    const doc = readDocx(Buffer.from(await res.arrayBuffer()));
    const m = doc.text.match(/(?:Toegangscode|Access code): ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/);
    if (!m) throw new Error('no access code in the letter');
    return { code: m[1]!, text: doc.text };
  };

  beforeAll(async () => {
    t = await startTestServer();
    const r = await t.server.service.execute('submitConcern', await user(DEMO.mentor), { commandId: randomUUID(), ageYears: 15, riskSignals: ['GELD'], forms: ['DEALEN'], registrationsBand: '0' });
    if (!r.ok) throw r.error;
    caseId = r.value.caseId;
    await cmd('decideSuspicion', DEMO.voorzitter, { caseId, suspicion: true, rationale: 'Signalen van dealen.' });
    await cmd('supplyIdentity', DEMO.mentor, { caseId, name: 'Sam de Boer', dateOfBirth: '2011-02-02' });
    await cmd('requestEnrichment', DEMO.regisseur, { caseId, organisationIds: ['politie'], dueOn: inDays(14) });
    reference = (await t.server.store.transaction((tx) => tx.getCase(caseId)))!.frame.reference;
  });
  afterAll(() => t.close());

  const secret = (): Buffer => loadResidentCodeSecret(t.dataDir);

  test('a letter recorded as sent prints the kenmerk and a new code; only the keyed hash of the latest code is stored, never the code', async () => {
    const first = await letterCode('nl');
    expect(first.text).toContain(`Kenmerk: ${reference}`);
    expect(first.text).toContain('http://127.0.0.1:3979');
    const second = await letterCode('en');
    expect(second.code).not.toBe(first.code);
    const stored = (await t.server.store.getAccessCode(reference))!;
    expect(stored).toMatchObject({ reference, caseId, issuedBy: DEMO.regisseur, origin: 'INFORMATION' });
    expect(sameHash(stored.codeHash, hashAccessCode(secret(), reference, normaliseAccessCode(second.code)!))).toBe(true);
    expect(sameHash(stored.codeHash, hashAccessCode(secret(), reference, normaliseAccessCode(first.code)!))).toBe(false);
    // the code is nowhere in the database
    const dump = JSON.stringify(t.server.store.db.prepare('SELECT * FROM resident_access_codes').all()) + JSON.stringify(t.server.store.db.prepare('SELECT * FROM audit').all());
    for (const c of [first.code, second.code]) expect(dump).not.toContain(normaliseAccessCode(c)!);
    const audit = await t.server.store.readAudit({ caseId, limit: 1000 });
    expect(audit.filter((a) => a.purpose === 'toegangscode statuspagina uitgegeven (INFORMATION)')).toHaveLength(2);
  });

  test('the procesregisseur revokes and reissues the code (audited); partners may not', async () => {
    expect((await t.call('POST', `/api/v1/cases/${caseId}/access-code/revoke`, { as: DEMO.mentor, body: {} })).status).toBe(403);
    expect((await t.call('POST', `/api/v1/cases/${caseId}/access-code/reissue`, { as: DEMO.agent, body: {} })).status).toBe(403);
    const revoked = await t.call('POST', `/api/v1/cases/${caseId}/access-code/revoke`, { as: DEMO.regisseur, body: {} });
    expect(revoked.status).toBe(200);
    expect((await t.server.store.getAccessCode(reference))!.revokedBy).toBe(DEMO.regisseur);
    const reissued = await t.call<{ reference: string; code: string }>('POST', `/api/v1/cases/${caseId}/access-code/reissue`, { as: DEMO.regisseur, body: {} });
    expect(reissued.status).toBe(200);
    expect(reissued.headers.get('cache-control')).toBe('no-store');
    expect(reissued.body.reference).toBe(reference);
    const stored = (await t.server.store.getAccessCode(reference))!;
    expect(stored.revokedAt).toBeUndefined();
    expect(stored.origin).toBe('REISSUE');
    expect(sameHash(stored.codeHash, hashAccessCode(secret(), reference, normaliseAccessCode(reissued.body.code)!))).toBe(true);
    const purposes = (await t.server.store.readAudit({ caseId, limit: 1000 })).map((a) => a.purpose);
    expect(purposes).toContain('toegangscode statuspagina ingetrokken');
    expect(purposes).toContain('toegangscode statuspagina opnieuw uitgegeven');
    // the bodies are what the OpenAPI document says they are
    const doc = (await t.call<Json>('GET', '/api/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const documented = (op: 'revoke' | 'reissue') => doc.paths[`/api/v1/cases/{caseId}/access-code/${op}`].post.responses['200'].content['application/json'].schema;
    expect({ valid: ajv.validate(documented('revoke'), revoked.body), errors: ajv.errors ?? null }).toEqual({ valid: true, errors: null });
    expect({ valid: ajv.validate(documented('reissue'), reissued.body), errors: ajv.errors ?? null }).toEqual({ valid: true, errors: null });
    expect(ajv.validate(documented('reissue'), { reference, issuedAt: new Date().toISOString() })).toBe(false);
  });
});
