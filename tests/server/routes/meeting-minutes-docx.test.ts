/**
 * Minutes with attendees, as docx besides Markdown (issue 16), over real HTTP (local mode, SQLite in a temp
 * dir). Attendees are organisations and roles — never names (the policy table has no cell for the names of
 * the professionals at the table, so none are recorded). The docx is built per reader from that reader's
 * minutes, like the Markdown; it is opened with the project's docx reader (tests/transparency/support.ts).
 */
import type { TestServer } from '../support/harness';
import { BODIES, DEMO, command, driveTo, inDays, startTestServer } from '../support/harness';
import { readDocx } from '../../transparency/support';

let t: TestServer;
let meetingId: string;
let reference: string;
/** the identity the harness supplies (BODIES.supplyIdentity), in every form it could be printed. */
const IDENTITY = ['Test Persoon', 'Persoon', '2011-05-04', '04-05-2011', '4 mei 2011', 'May 4, 2011'];

const ATTENDEES = [
  { organisationId: 'gemeente', role: 'procesregisseur' },
  { organisationId: 'gemeente', role: 'voorzitter' },
  { organisationId: 'politie', role: 'ketenpartner' },
  { organisationId: 'jongerenwerk', role: 'ketenpartner' },
];

async function docxText(as: string, locale: 'nl-NL' | 'en-US'): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/meetings/${meetingId}/minutes?format=docx&locale=${locale}`, { headers: { authorization: `Bearer ${await t.token(as)}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return readDocx(Buffer.from(await res.arrayBuffer())).text;
}

beforeAll(async () => {
  t = await startTestServer();
  const caseId = await driveTo(t, 'BESPREKING');
  reference = (await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.regisseur })).body.reference;
  const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'minutes-docx-1', title: 'Signaaltafel mei', scheduledOn: inDays(0) } });
  meetingId = m.body.id;
  expect((await t.call('POST', `/api/v1/meetings/${meetingId}/agenda`, { as: DEMO.regisseur, body: { caseIds: [caseId], expectedVersion: 1 } })).status).toBe(200);
  expect((await t.call('POST', `/api/v1/meetings/${meetingId}/start`, { as: DEMO.voorzitter, body: {} })).status).toBe(200);
  await new Promise((r) => setTimeout(r, 5)); // the decision lands after the session's start
  await command(t, DEMO.voorzitter, 'recordDiscussion', caseId, { ...BODIES.recordDiscussion(), contact: undefined });
}, 60_000);
afterAll(() => t.close());

describe('attendees', () => {
  test('an attendee with a name is refused and nothing is recorded; so is a ketenpartner of a non-member organisation', async () => {
    const named = await t.call('POST', `/api/v1/meetings/${meetingId}/attendees`, { as: DEMO.voorzitter, body: { attendees: [{ organisationId: 'politie', role: 'ketenpartner', name: 'Wijkagent Jansen' }] } });
    expect(named.status).toBe(400);
    expect(named.text).not.toContain('Jansen');
    const outsider = await t.call('POST', `/api/v1/meetings/${meetingId}/attendees`, { as: DEMO.voorzitter, body: { attendees: [{ organisationId: 'sportclub', role: 'ketenpartner' }] } });
    expect(outsider.status).toBe(400);
    expect(outsider.body.fields).toEqual([{ path: 'attendees.0.organisationId', issue: 'NOT_A_MEMBER' }]);
    const partner = await t.call('POST', `/api/v1/meetings/${meetingId}/attendees`, { as: DEMO.agent, body: { attendees: ATTENDEES } });
    expect(partner.status).toBe(403);
    const minutes = await t.call('GET', `/api/v1/meetings/${meetingId}/minutes`, { as: DEMO.regisseur });
    expect(minutes.body.attendees).toEqual([]);
  });

  test('the chair records the attendees; the minutes list them as organisations and roles, in JSON and Markdown', async () => {
    expect((await t.call('POST', `/api/v1/meetings/${meetingId}/attendees`, { as: DEMO.voorzitter, body: { attendees: ATTENDEES } })).status).toBe(200);
    const minutes = await t.call('GET', `/api/v1/meetings/${meetingId}/minutes`, { as: DEMO.agent });
    expect(minutes.body.attendees).toEqual(ATTENDEES);
    const md = await t.call('GET', `/api/v1/meetings/${meetingId}/minutes?format=markdown&locale=nl-NL`, { as: DEMO.agent });
    expect(md.text).toContain('## Aanwezig\n\n- Gemeente (Signaalpunt) — Procesregisseur\n- Gemeente (Signaalpunt) — Voorzitter\n- Politie basisteam — Ketenpartner\n- Jongerenwerk — Ketenpartner\n');
  });
});

describe('minutes as docx', () => {
  test('the voorzitter (no group C) downloads the minutes as docx: attendees, the decision, no identity', async () => {
    const text = await docxText(DEMO.voorzitter, 'nl-NL');
    expect(text).toContain('Notulen signaaltafel: Signaaltafel mei');
    expect(text).toContain('Aanwezig');
    expect(text).toContain('Politie basisteam — Ketenpartner');
    expect(text).toContain('Gemeente (Signaalpunt) — Voorzitter');
    expect(text).toContain(`Kenmerk ${reference}`);
    expect(text).toContain('Bespreking afgerond, regiehouder vastgesteld');
    for (const id of IDENTITY) expect(text).not.toContain(id);
  });

  test('in English, and for the procesregisseur (who holds C) the minutes stay at process level too', async () => {
    const text = await docxText(DEMO.regisseur, 'en-US');
    expect(text).toContain('Attendees');
    expect(text).toContain('Jongerenwerk — Chain partner');
    expect(text).toContain('Discussion completed, lead partner set');
    for (const id of IDENTITY) expect(text).not.toContain(id);
  });

  test('a reader outside the table gets no docx', async () => {
    const res = await fetch(`${t.url}/api/v1/meetings/${meetingId}/minutes?format=docx`, { headers: { authorization: `Bearer ${await t.token(DEMO.trainer)}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('reference data for the minutes', () => {
  test('the minutes in Markdown and docx read the reference data\'s versions through the service\'s one cache: no read of the versions while none was added', async () => {
    const md = (as: string) => t.call('GET', `/api/v1/meetings/${meetingId}/minutes?format=markdown`, { as });
    expect((await md(DEMO.regisseur)).status).toBe(200);
    const lists = jest.spyOn(t.server.store, 'listReferenceVersions');
    try {
      expect((await md(DEMO.voorzitter)).status).toBe(200);
      await docxText(DEMO.regisseur, 'nl-NL');
      expect(lists).toHaveBeenCalledTimes(0);
    } finally {
      lists.mockRestore();
    }
  });
});
