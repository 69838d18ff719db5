/**
 * The tab's HTTP client polls the meeting stage and side panel with the ETag it last got (issue 14, item 5):
 * an unchanged stage costs the server a 304 and no body, and the tab still shows the content.
 * Real server (local mode, SQLite), real fetch.
 */
import { meetingEventsFor } from '../../src/server/meeting-events';
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

test('subscribe: the stream comes up, a change is pushed once, and the next re-fetch names the pushed counter in If-None-Match', async () => {
  meetingEventsFor(t.server.store).checkEveryMs = 100; // the server's counter interval, shortened (10 s in production)
  const caseId = await driveTo(t, 'BESPREKING');
  const regisseur = new HttpTabApi(() => t.token(DEMO.regisseur), t.url);
  const m = await regisseur.createMeeting({ teamsMeetingId: 'push-meeting', title: 'Signaaltafel', scheduledOn: '2026-03-02' });
  await regisseur.setAgenda(m.id, [caseId], 1);
  await regisseur.start(m.id);
  const agenda = await regisseur.agenda(m.id);

  const sent: (string | null)[] = [];
  const viewer = new HttpTabApi(() => t.token(DEMO.agent), t.url, async (input, init) => {
    if (input.endsWith('/stage')) sent.push(new Headers(init?.headers).get('if-none-match'));
    return fetch(input, init);
  });
  await viewer.stage(m.id);
  const live: boolean[] = [];
  let changes = 0;
  const stop = viewer.subscribe(m.id, { onChange: () => (changes += 1), onLive: (up) => live.push(up) });
  try {
    const until = (cond: () => boolean) => new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const id = setInterval(() => {
        if (!cond() && Date.now() - started <= 5000) return;
        clearInterval(id);
        if (cond()) resolve();
        else reject(new Error('timed out'));
      }, 20);
    });
    await until(() => live.includes(true));
    expect(changes).toBe(0); // the first event of the first connection is where the tab already stands
    await regisseur.shareToStage(m.id, agenda.items[0]!.id);
    await until(() => changes > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(changes).toBe(1);
    const after = await viewer.stage(m.id);
    expect(after.item?.id).toBe(agenda.items[0]!.id);
    expect(sent.at(-1)).toMatch(/^W\/"m\d+\.a\d+\.[^"]+", W\/"m\d+\.a\d+\.push"$/);
  } finally {
    stop();
  }
});
