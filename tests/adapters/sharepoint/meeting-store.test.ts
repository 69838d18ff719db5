/**
 * The SharePoint store's signaaltafel sessions (MeetingStore, src/adapters/sharepoint/meeting-store.ts)
 * against the local SharePoint stand-in: a session is found by either of its unique ids, and an update is
 * a MERGE with the etag read (If-Match), so that a write from another instance in between is refused.
 * The stand-in's behaviours used here (If-Match → 412, unique columns → 409, 429 with Retry-After) name
 * the Microsoft pages they follow in fake-sharepoint.ts.
 */
import { randomUUID } from 'node:crypto';
import { LISTS } from '../../../src/adapters/sharepoint/schema';
import type { MeetingSession } from '../../../src/core/meetings';
import { U } from '../../support/world';
import type { SpWorld } from './sp-world';
import { makeSpWorld } from './sp-world';

const MEETING_ITEM = new RegExp(`^web/lists/getByTitle\\('${LISTS.meetings.title}'\\)/items\\(\\d+\\)$`);

const session = (): MeetingSession => ({
  id: randomUUID(),
  version: 1,
  teamsMeetingId: `teams-${randomUUID()}`,
  title: 'Signaaltafel maart',
  scheduledOn: '2026-03-02',
  status: 'planned',
  createdAt: '2026-03-01T09:00:00.000Z',
  createdBy: U.regisseur.id,
  agenda: [],
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

describe('SharePoint store: signaaltafel sessions', () => {
  let w: SpWorld;
  beforeAll(async () => {
    w = await makeSpWorld();
  });
  afterAll(async () => w.close());

  test('a session is read back by its id and by its Teams meeting id; a second session for the same Teams meeting is refused with MEETING.ALREADY_EXISTS', async () => {
    const m = session();
    await w.store.insertMeeting(m);
    expect(await w.store.getMeeting(m.id)).toEqual(m);
    expect(await w.store.findMeetingByTeamsId(m.teamsMeetingId)).toEqual(m);
    await expect(w.store.insertMeeting({ ...session(), teamsMeetingId: m.teamsMeetingId })).rejects.toMatchObject({ code: 'MEETING.ALREADY_EXISTS' });
    expect(w.fake.items(LISTS.meetings.title).filter((i) => i.values.TeamsMeetingId === m.teamsMeetingId)).toHaveLength(1);
  });

  test('an update whose etag went stale (another instance wrote the session in between) gets 412 → MEETING.VERSION_CONFLICT, and the other write stays', async () => {
    const m = session();
    await w.store.insertMeeting(m);
    const other = w.secondStore();
    // this instance's MERGE is throttled once (429, Retry-After: 1): it sends it again a second later, with the etag it read
    w.fake.inject({ method: 'POST', path: MEETING_ITEM, times: 1, status: 429, retryAfter: '1' });
    w.fake.clearLog();
    const slow = w.store.updateMeeting({ ...m, version: 2, title: 'Signaaltafel A' }, 1).catch((e: unknown) => e);
    await until(() => w.fake.requests.some((r) => r.status === 429));
    await other.updateMeeting({ ...m, version: 2, title: 'Signaaltafel B' }, 1);
    expect(await slow).toMatchObject({ code: 'MEETING.VERSION_CONFLICT' });
    const merges = w.fake.requests.filter((r) => r.xHttpMethod === 'MERGE' && MEETING_ITEM.test(r.path));
    expect(merges.map((r) => r.status)).toEqual([429, 204, 412]);
    expect(merges[0]!.ifMatch).toBe('"1"'); // the etag of the item as inserted, never a blind "*"
    expect(merges[2]!.ifMatch).toBe(merges[0]!.ifMatch);
    expect((await w.store.getMeeting(m.id))!.title).toBe('Signaaltafel B');
    await other.close();
  });
});
