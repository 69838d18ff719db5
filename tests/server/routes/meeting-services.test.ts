/**
 * The server builds its services once, at start-up (issue 15): the meeting routes run on the meeting service
 * the composition root (src/server/app.ts) made, and the reads served from a meeting's snapshot share one
 * service per snapshot — no request constructs a MeetingService or a case service (Signaalpunt). Counted by
 * wrapping the two classes' exports (each construction still builds the real service); real HTTP, real SQLite.
 */
import * as meetingServiceModule from '../../../src/core/meetings/service';
import * as caseServiceModule from '../../../src/core/service';
import type { TestServer } from '../support/harness';
import { DEMO, driveTo, startTestServer } from '../support/harness';

let t: TestServer;
let cases: string[];
const viewers = [DEMO.voorzitter, DEMO.regisseur, DEMO.agent, DEMO.jongerenwerk];

beforeAll(async () => {
  t = await startTestServer();
  cases = [await driveTo(t, 'BESPREKING'), await driveTo(t, 'INBRENG')];
  for (const v of viewers) await t.token(v);
});
afterAll(async () => {
  await t?.close();
});
afterEach(() => {
  jest.restoreAllMocks();
});

/** Counts the constructions of both services from now on; each still builds the real one. */
function countConstructions(): { meetingServices: () => number; caseServices: () => number } {
  const OriginalMeetingService = meetingServiceModule.MeetingService;
  const OriginalSignaalpunt = caseServiceModule.Signaalpunt;
  const meetings = jest.spyOn(meetingServiceModule, 'MeetingService').mockImplementation((...args) => new OriginalMeetingService(...args));
  const signaalpunt = jest.spyOn(caseServiceModule, 'Signaalpunt').mockImplementation((...args) => new OriginalSignaalpunt(...args));
  return { meetingServices: () => meetings.mock.calls.length, caseServices: () => signaalpunt.mock.calls.length };
}

test('the meeting writes, lists, minutes and the first Teams lookup run on the service built at start-up: no request builds one', async () => {
  const made = countConstructions();
  const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'services-once-1', title: 'Signaaltafel', scheduledOn: '2026-03-02' } });
  expect(m.status).toBe(201);
  const id = m.body.id as string;
  expect((await t.call('POST', `/api/v1/meetings/${id}/agenda`, { as: DEMO.regisseur, body: { caseIds: cases, expectedVersion: 1 } })).status).toBe(200);
  expect((await t.call('POST', `/api/v1/meetings/${id}/attendees`, { as: DEMO.voorzitter, body: { attendees: [{ organisationId: 'politie', role: 'ketenpartner' }], expectedVersion: 2 } })).status).toBe(200);
  expect((await t.call('POST', `/api/v1/meetings/${id}/start`, { as: DEMO.voorzitter, body: {} })).status).toBe(200);
  expect((await t.call('GET', '/api/v1/meetings', { as: DEMO.voorzitter })).status).toBe(200);
  expect((await t.call('GET', '/api/v1/meetings?teamsMeetingId=services-once-1', { as: DEMO.voorzitter })).body.items).toHaveLength(1);
  expect((await t.call('POST', `/api/v1/meetings/${id}/end`, { as: DEMO.voorzitter, body: {} })).status).toBe(200);
  expect((await t.call('GET', `/api/v1/meetings/${id}/minutes`, { as: DEMO.voorzitter })).status).toBe(200);
  expect([made.meetingServices(), made.caseServices()]).toEqual([0, 0]);
});

test('polling an unchanged meeting (side panel, stage, the Teams lookup) builds no service per poll', async () => {
  const m = await t.call('POST', '/api/v1/meetings', { as: DEMO.regisseur, body: { teamsMeetingId: 'services-once-2', title: 'Signaaltafel', scheduledOn: '2026-03-09' } });
  const id = m.body.id as string;
  await t.call('POST', `/api/v1/meetings/${id}/agenda`, { as: DEMO.regisseur, body: { caseIds: cases, expectedVersion: 1 } });
  await t.call('POST', `/api/v1/meetings/${id}/start`, { as: DEMO.voorzitter, body: {} });
  // every viewer's first look (its reads are audited once), then one write, so that the snapshot is loaded after them
  for (const v of viewers) expect((await t.call('GET', `/api/v1/meetings/${id}`, { as: v })).status).toBe(200);
  const items = (await t.call('GET', `/api/v1/meetings/${id}`, { as: DEMO.voorzitter })).body.items as { id: string }[];
  expect((await t.call('POST', `/api/v1/meetings/${id}/stage`, { as: DEMO.voorzitter, body: { itemId: items[0]!.id } })).status).toBe(200);
  for (const v of viewers) expect((await t.call('GET', `/api/v1/meetings/${id}/stage`, { as: v })).status).toBe(200);
  expect((await t.call('GET', '/api/v1/meetings?teamsMeetingId=services-once-2', { as: DEMO.voorzitter })).body.items).toHaveLength(1);

  const made = countConstructions();
  for (let round = 0; round < 3; round++) {
    for (const v of viewers) {
      expect((await t.call('GET', `/api/v1/meetings/${id}`, { as: v })).status).toBe(200);
      expect((await t.call('GET', `/api/v1/meetings/${id}/stage`, { as: v })).status).toBe(200);
    }
    expect((await t.call('GET', '/api/v1/meetings?teamsMeetingId=services-once-2', { as: DEMO.voorzitter })).body.items).toHaveLength(1);
  }
  expect([made.meetingServices(), made.caseServices()]).toEqual([0, 0]);
});
