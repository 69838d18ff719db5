/**
 * Linking cases over real HTTP (issue 16, ADR 0018): the route follows from the command table
 * (POST /api/v1/cases/{caseId}/link-cases and …/unlink-cases), a refusal is problem+json with its stable
 * code, and the case as the procesregisseur reads it lists the link while the voorzitter's does not.
 */
import type { TestServer } from './support/harness';
import { CONCERN, DEMO, cmdId, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function submitted(): Promise<{ caseId: string; reference: string }> {
  const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } });
  expect(r.status).toBe(201);
  return { caseId: r.body.caseId, reference: r.body.reference };
}
const link = (caseId: string, linkedReference: string, as: string = DEMO.regisseur, op = 'link-cases') =>
  t.call('POST', `/api/v1/cases/${caseId}/${op}`, { as, body: { commandId: cmdId(), linkedReference } });

test('the procesregisseur links two cases by kenmerk: both cases read back with the other kenmerk; the voorzitter’s view holds no link', async () => {
  const a = await submitted();
  const b = await submitted();
  const r = await link(a.caseId, b.reference);
  expect(r.status).toBe(200);
  expect(r.body).toMatchObject({ caseId: a.caseId, outcome: 'LINKED', replayed: false });
  const viewOf = async (caseId: string, as: string) => (await t.call('GET', `/api/v1/cases/${caseId}`, { as })).body;
  expect((await viewOf(a.caseId, DEMO.regisseur)).frame.links).toEqual([{ caseId: b.caseId, reference: b.reference, linkedAt: expect.any(String) }]);
  expect((await viewOf(b.caseId, DEMO.regisseur)).frame.links.map((l: { reference: string }) => l.reference)).toEqual([a.reference]);
  const chair = await t.call('GET', `/api/v1/cases/${a.caseId}`, { as: DEMO.voorzitter });
  expect(chair.status).toBe(200);
  expect(chair.text).not.toContain(b.reference);
});

test('refusals are problem+json with stable codes: itself, already linked, not linked, an unknown kenmerk, a partner', async () => {
  const a = await submitted();
  const b = await submitted();
  const self = await link(a.caseId, a.reference);
  expect([self.status, self.body.code]).toEqual([409, 'CASE.LINK_SELF']);
  const notLinked = await link(a.caseId, b.reference, DEMO.regisseur, 'unlink-cases');
  expect([notLinked.status, notLinked.body.code]).toEqual([409, 'CASE.NOT_LINKED']);
  expect((await link(a.caseId, b.reference)).status).toBe(200);
  const twice = await link(b.caseId, a.reference);
  expect([twice.status, twice.body.code]).toEqual([409, 'CASE.ALREADY_LINKED']);
  const unknown = await link(a.caseId, 'SJV-2026-9876');
  expect([unknown.status, unknown.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
  const partner = await link(a.caseId, b.reference, DEMO.mentor);
  expect([partner.status, partner.body.code]).toEqual([403, 'AUTH.FORBIDDEN']);
  expect((await link(a.caseId, b.reference, DEMO.regisseur, 'unlink-cases')).status).toBe(200);
});
