/**
 * The concerns similar to a case over real HTTP (issue 16, ADR 0018): GET /api/v1/cases/{caseId}/similar-cases
 * answers the procesregisseur with kenmerk, case id, day brought in and phase — nothing else — of the same
 * organisation's similar concerns (the duplicate hint's rule, src/core/similar-concerns.ts), leaves out a
 * linked case, and refuses every other role with 403 AUTH.FORBIDDEN.
 */
import type { TestServer } from './support/harness';
import { CONCERN, DEMO, cmdId, command, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function bringIn(as: string, overrides: Record<string, unknown>): Promise<{ caseId: string; reference: string }> {
  const r = await t.call('POST', '/api/v1/cases', { as, body: { commandId: cmdId(), ...CONCERN, freeText: 'Zqvergelijkbaar: veel contant geld.', ...overrides } });
  expect(r.status).toBe(201);
  return { caseId: r.body.caseId, reference: r.body.reference };
}
const similar = (caseId: string, as: string = DEMO.regisseur) => t.call('GET', `/api/v1/cases/${caseId}/similar-cases`, { as });

test('the procesregisseur gets the similar concern of the same organisation as kenmerk, case id, day and phase only; another organisation’s and a linked one are left out', async () => {
  const own = await bringIn(DEMO.mentor, { riskSignals: ['BANKPAS'], ageYears: 15 });
  const other = await bringIn(DEMO.mentor, { riskSignals: ['BANKPAS', 'GELD'], ageYears: 14 });
  const police = await bringIn(DEMO.agent, { riskSignals: ['BANKPAS'], ageYears: 15 });
  const r = await similar(own.caseId);
  expect(r.status).toBe(200);
  expect(r.body).toEqual({ items: [{ reference: other.reference, caseId: other.caseId, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), phase: 'INBRENG' }] });
  expect(r.text).not.toContain(police.reference);
  expect(r.text).not.toMatch(/Zqvergelijkbaar|BANKPAS|ageBand/);
  await command(t, DEMO.regisseur, 'linkCases', own.caseId, { linkedReference: other.reference });
  expect((await similar(own.caseId)).body).toEqual({ items: [] });
});

test('every other role gets 403 AUTH.FORBIDDEN', async () => {
  const own = await bringIn(DEMO.mentor, { riskSignals: ['WAPENS'], ageYears: 15 });
  await bringIn(DEMO.mentor, { riskSignals: ['WAPENS'], ageYears: 15 });
  for (const as of [DEMO.mentor, DEMO.agent, DEMO.voorzitter, DEMO.fg]) {
    const r = await similar(own.caseId, as);
    expect({ as, status: r.status, code: r.body.code }).toEqual({ as, status: 403, code: 'AUTH.FORBIDDEN' });
  }
});
