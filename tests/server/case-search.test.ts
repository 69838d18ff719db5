/**
 * Search by kenmerk over real HTTP (issue 16: `GET /api/v1/cases?q=` gave 400): a part of the kenmerk or
 * the whole, case-insensitive, within what the caller may list anyway; anything that is not kenmerk-shaped
 * (a name, a date) is refused with a code naming the parameter, so the list can never search identity.
 */
import type { TestServer } from './support/harness';
import { CONCERN, DEMO, cmdId, command, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const submit = async (as: string): Promise<{ caseId: string; reference: string }> => {
  const r = await t.call('POST', '/api/v1/cases', { as, body: { commandId: cmdId(), ...CONCERN } });
  expect(r.status).toBe(201);
  return { caseId: r.body.caseId, reference: r.body.reference };
};
const refs = (body: { items: { reference: string }[] }): string[] => body.items.map((i) => i.reference).sort();

test('the procesregisseur finds a case by the tail of its kenmerk, by the whole kenmerk in lower case, and nothing for a kenmerk that does not exist', async () => {
  const a = await submit(DEMO.mentor);
  const b = await submit(DEMO.mentor);
  const tail = a.reference.slice(-4);
  const byTail = await t.call('GET', `/api/v1/cases?q=${tail}`, { as: DEMO.regisseur });
  expect(byTail.status).toBe(200);
  expect(refs(byTail.body)).toEqual([a.reference]);
  const whole = await t.call('GET', `/api/v1/cases?q=${a.reference.toLowerCase()}`, { as: DEMO.regisseur });
  expect(refs(whole.body)).toEqual([a.reference]);
  expect(whole.body.total).toBe(1);
  const year = await t.call('GET', `/api/v1/cases?q=${a.reference.slice(0, 8)}`, { as: DEMO.regisseur });
  expect(refs(year.body)).toEqual([a.reference, b.reference].sort());
  const none = await t.call('GET', '/api/v1/cases?q=SJV-1999-9999', { as: DEMO.regisseur });
  expect(none.body).toMatchObject({ items: [], total: 0 });
});

test('a partner’s search stays within the cases the partner may list: a case in Verrijking of another organisation is not found', async () => {
  const other = await submit(DEMO.coach);
  await command(t, DEMO.voorzitter, 'decideSuspicion', other.caseId, { suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
  const asMentor = await t.call('GET', `/api/v1/cases?q=${other.reference}`, { as: DEMO.mentor });
  expect(asMentor.status).toBe(200);
  expect(asMentor.body).toMatchObject({ items: [], total: 0 });
  const asCoach = await t.call('GET', `/api/v1/cases?q=${other.reference}`, { as: DEMO.coach });
  expect(refs(asCoach.body)).toEqual([other.reference]);
});

test.each([
  ['a name', 'Jan de Vries'],
  ['a date of birth', '04/05/2011'],
  ['one character', '7'],
  ['a wildcard', '%25'],
  ['too long', 'SJV-2026-0001-0001-0001'],
])('a search that is not kenmerk-shaped (%s) is refused with VALIDATION.INVALID_INPUT naming q, and nothing is listed', async (_what, q) => {
  const r = await t.call('GET', `/api/v1/cases?q=${encodeURIComponent(q)}`, { as: DEMO.regisseur });
  expect(r.status).toBe(400);
  expect(r.body.code).toBe('VALIDATION.INVALID_INPUT');
  expect(r.body.fields.map((f: { path: string }) => f.path)).toEqual(['q']);
  expect(JSON.stringify(r.body)).not.toContain('Vries');
});
