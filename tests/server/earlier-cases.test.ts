/**
 * The re-registration check over real HTTP (issue 16): for the procesregisseur only, on a case in Verrijking,
 * earlier signaalpunt cases of the same young person (name + date of birth, written differently) answer with
 * kenmerk, phase and closed-on day — nothing else — and the check is audited with its purpose on both cases.
 */
import type { TestServer } from './support/harness';
import { CONCERN, DEMO, cmdId, command, inDays, startTestServer } from './support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const today = new Date().toISOString().slice(0, 10);

/** A case in Verrijking with this identity (supplied by the inbrenger, as the process has it). */
async function identified(name: string, dateOfBirth: string): Promise<{ caseId: string; reference: string }> {
  const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } });
  expect(r.status).toBe(201);
  await command(t, DEMO.voorzitter, 'decideSuspicion', r.body.caseId, { suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' });
  await command(t, DEMO.mentor, 'supplyIdentity', r.body.caseId, { name, dateOfBirth });
  return { caseId: r.body.caseId, reference: r.body.reference };
}
const check = (caseId: string, as: string = DEMO.regisseur) => t.call('GET', `/api/v1/cases/${caseId}/earlier-cases`, { as });

test('an earlier case of the same young person — name written with other accents, hyphen and capitals — is found with kenmerk, phase and closed-on day only', async () => {
  const earlier = await identified('Jan-Willem de Vriës', '2010-03-04');
  await command(t, DEMO.regisseur, 'withdrawCase', earlier.caseId, { rationale: 'Inbrenger trekt de zorg in.', advisedRoute: 'WIJKTEAM' });
  const other = await identified('Jan-Willem de Vries', '2010-03-05'); // same name, another date of birth
  const now = await identified('jan willem DE VRIES', '2010-03-04');
  const r = await check(now.caseId);
  expect(r.status).toBe(200);
  expect(r.body).toEqual({ items: [{ reference: earlier.reference, phase: 'CLOSED', closedOn: today }] });
  expect(r.text).not.toMatch(/vri|2010|willem/i);
  expect(r.text).not.toContain(other.reference);
});

test('the check is audited with its purpose on the case checked and on the earlier case found (group C was compared)', async () => {
  const earlier = await identified('Femke Zqtestnaam', '2009-11-12');
  const now = await identified('Femke Zqtestnaam', '2009-11-12');
  expect((await check(now.caseId)).body.items.map((i: { reference: string }) => i.reference)).toEqual([earlier.reference]);
  const rowsOf = async (caseId: string) =>
    ((await t.call('GET', `/api/v1/cases/${caseId}/audit`, { as: DEMO.regisseur })).body.items as { action: string; groups: string[]; purpose: string; actorId: string }[]).filter((r) => r.purpose.startsWith('herregistratiecheck'));
  expect(await rowsOf(now.caseId)).toEqual([expect.objectContaining({ action: 'read', groups: ['C'], actorId: DEMO.regisseur })]);
  const found = await rowsOf(earlier.caseId);
  expect(found).toHaveLength(1);
  expect(found[0]!.purpose).toContain(now.reference);
  expect(found[0]!.purpose).not.toMatch(/Femke|Zqtestnaam|2009/);
});

test('no earlier case: an empty list, still audited on the case checked', async () => {
  const now = await identified('Noor Zqalleen', '2011-01-01');
  expect((await check(now.caseId)).body).toEqual({ items: [] });
});

test('only the procesregisseur may check: the inbrenger who supplied the identity and the chair get 403', async () => {
  const now = await identified('Sem Zqrollen', '2010-06-06');
  for (const as of [DEMO.mentor, DEMO.voorzitter, DEMO.agent]) {
    const r = await check(now.caseId, as);
    expect({ as, status: r.status, code: r.body.code }).toEqual({ as, status: 403, code: 'AUTH.FORBIDDEN' });
  }
});

test('a case not in Verrijking (anonymous, in Inbreng) cannot be checked: 409 CASE.PRECONDITION_FAILED', async () => {
  const r = await t.call('POST', '/api/v1/cases', { as: DEMO.mentor, body: { commandId: cmdId(), ...CONCERN } });
  const answer = await check(r.body.caseId);
  expect(answer.status).toBe(409);
  expect(answer.body.code).toBe('CASE.PRECONDITION_FAILED');
});

test('an earlier case whose personal data was destroyed is not found: after the purge nothing of its identity is left to compare', async () => {
  const earlier = await identified('Lotte Zqvergeten', '2008-02-02');
  await command(t, DEMO.regisseur, 'requestEnrichment', earlier.caseId, { organisationIds: ['politie'], dueOn: inDays(14) });
  await command(t, DEMO.agent, 'answerEnrichment', earlier.caseId, { known: false });
  await command(t, DEMO.regisseur, 'concludeEnrichment', earlier.caseId, { advisedRoute: 'WIJKTEAM', rationale: 'Niet bevestigd.' });
  const run = await t.call('POST', '/api/v1/retention/run', { as: DEMO.regisseur, body: { asOf: inDays(60) } });
  expect(run.status).toBe(200);
  expect((await t.call('GET', `/api/v1/cases/${earlier.caseId}`, { as: DEMO.regisseur })).body.phase).toBe('PURGED');
  const now = await identified('Lotte Zqvergeten', '2008-02-02');
  expect((await check(now.caseId)).body).toEqual({ items: [] });
});
