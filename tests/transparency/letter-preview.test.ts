/**
 * POST /api/v1/cases/{caseId}/letters/preview (issue 16): the letter's text before it is made — nothing
 * recorded as sent, no access code issued, the read audited; the same refusals as making the letter.
 */
import type { TestServer } from '../server/support/harness';
import { BODIES, CONCERN, DEMO, command, startTestServer } from '../server/support/harness';

let t: TestServer;
let caseId: string;
let reference: string;
beforeAll(async () => {
  t = await startTestServer();
  const created = await command(t, DEMO.mentor, 'submitConcern', undefined, CONCERN);
  ({ caseId, reference } = created);
  await command(t, DEMO.voorzitter, 'decideSuspicion', caseId, BODIES.decideSuspicion());
  await command(t, DEMO.mentor, 'supplyIdentity', caseId, BODIES.supplyIdentity());
  await command(t, DEMO.regisseur, 'requestEnrichment', caseId, BODIES.requestEnrichment());
}, 60_000);
afterAll(() => t?.close());

describe('the letter preview', () => {
  test('shows the information letter’s text with the kenmerk and the name, records nothing as sent, issues no code, and audits the read', async () => {
    const before = (await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body.version as number;
    const r = await t.call('POST', `/api/v1/cases/${caseId}/letters/preview`, { as: DEMO.regisseur, body: { kind: 'information', locale: 'nl' } });
    expect(r.status).toBe(200);
    expect(r.body.text).toContain(reference);
    expect(r.body.text).toContain('Test Persoon');
    const view = (await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body;
    expect(view.version).toBe(before);
    expect(view.reflection.lettersSent).toEqual([]);
    const audit = (await t.call('GET', `/api/v1/cases/${caseId}/audit`, { as: DEMO.regisseur })).body.items as { action: string; purpose: string; groups: string[] }[];
    expect(audit.filter((a) => a.purpose === 'voorbeeld brief aan inwoner (INFORMATION), niet verzonden')).toEqual([expect.objectContaining({ action: 'read', groups: ['C'] })]);
    expect(audit.some((a) => a.purpose.startsWith('toegangscode'))).toBe(false);
  });

  test('a letter the phase does not allow is refused as making it would be; a partner is refused', async () => {
    const closure = await t.call('POST', `/api/v1/cases/${caseId}/letters/preview`, { as: DEMO.regisseur, body: { kind: 'closure', locale: 'nl' } });
    // as the generateLetter command refuses a kind outside its phases (the command table's kinds)
    const made = await t.call('POST', `/api/v1/cases/${caseId}/letters`, { as: DEMO.regisseur, body: { kind: 'closure', locale: 'nl' } });
    expect([closure.status, closure.body.code, closure.body.reason]).toEqual([made.status, made.body.code, made.body.reason]);
    expect([closure.status, closure.body.code, closure.body.reason]).toEqual([409, 'CASE.PRECONDITION_FAILED', 'LETTER_NOT_IN_PHASE']);
    const partner = await t.call('POST', `/api/v1/cases/${caseId}/letters/preview`, { as: DEMO.mentor, body: { kind: 'information', locale: 'nl' } });
    expect(partner.status).toBe(403);
  });
});
