/**
 * The tab's HTTP client polls the meeting stage and side panel with the ETag it last got (issue 14, item 5):
 * an unchanged stage costs the server a 304 and no body, and the tab still shows the content.
 * Real server (local mode, SQLite), real fetch.
 */
import { HttpTabApi } from '../../teams-app/src/api';
import type { TestServer } from '../server/support/harness';
import { DEMO, driveTo, startTestServer } from '../server/support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

test('a second poll of an unchanged stage sends If-None-Match, gets 304 and returns the same content; a change is fetched in full', async () => {
  const caseId = await driveTo(t, 'BESPREKING');
  const regisseur = new HttpTabApi(() => t.token(DEMO.regisseur), t.url);
  const m = await regisseur.createMeeting({ teamsMeetingId: 'etag-meeting', title: 'Signaaltafel', scheduledOn: '2026-03-02' });
  await regisseur.setAgenda(m.id, [caseId], 1);
  await regisseur.start(m.id);
  const agenda = await regisseur.agenda(m.id);

  const seen: { status: number; ifNoneMatch: string | null }[] = [];
  const viewer = new HttpTabApi(() => t.token(DEMO.agent), t.url, async (input, init) => {
    const res = await fetch(input, init);
    seen.push({ status: res.status, ifNoneMatch: new Headers(init?.headers).get('if-none-match') });
    return res;
  });
  const first = await viewer.stage(m.id);
  const second = await viewer.stage(m.id);
  expect(second).toEqual(first);
  expect(seen.map((s) => s.status)).toEqual([200, 304]);
  expect(seen[1]!.ifNoneMatch).toMatch(/^W\//);

  await regisseur.shareToStage(m.id, agenda.items[0]!.id);
  const third = await viewer.stage(m.id);
  expect(seen.at(-1)!.status).toBe(200);
  expect(third.item?.id).toBe(agenda.items[0]!.id);
});
