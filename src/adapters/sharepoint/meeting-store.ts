/**
 * Signaaltafel sessions on SharePoint (MeetingStore): one item per session in SJVMeetings (unique
 * MeetingId and TeamsMeetingId), updated with If-Match on the etag read (412 → MEETING.VERSION_CONFLICT).
 */
import { DomainError } from '../../core/errors';
import type { MeetingSession } from '../../core/meetings';
import type { SpItem, SpLists } from './rest';
import { eq, etagOf, guard, json } from './rest';
import { httpStatus } from './sp-client';

/** The signaaltafel sessions of the site. */
export class MeetingList {
  constructor(private readonly lists: SpLists) {}

  private async meetingRow(filter: string): Promise<SpItem | undefined> {
    const [row] = await this.lists.collect('meetings', { filter, select: ['MeetingId', 'Version', 'Json'], limit: 1 });
    return row;
  }

  getMeeting(id: string): Promise<MeetingSession | undefined> {
    return guard(async () => json<MeetingSession>((await this.meetingRow(eq('MeetingId', id)))?.Json));
  }
  findMeetingByTeamsId(teamsMeetingId: string): Promise<MeetingSession | undefined> {
    return guard(async () => json<MeetingSession>((await this.meetingRow(eq('TeamsMeetingId', teamsMeetingId)))?.Json));
  }
  listMeetings(query: { limit: number; offset: number }): Promise<MeetingSession[]> {
    return guard(async () =>
      (await this.lists.collect('meetings', { select: ['MeetingId', 'Json'] }))
        .map((r) => json<MeetingSession>(r.Json)!)
        .sort((a, b) => (a.scheduledOn < b.scheduledOn ? 1 : a.scheduledOn > b.scheduledOn ? -1 : a.id.localeCompare(b.id)))
        .slice(query.offset, query.offset + query.limit),
    );
  }
  private meetingFields(m: MeetingSession): Record<string, unknown> {
    return { Title: m.title, MeetingId: m.id, TeamsMeetingId: m.teamsMeetingId, Version: m.version, MeetingStatus: m.status, ScheduledOn: m.scheduledOn, Json: JSON.stringify(m) };
  }
  insertMeeting(m: MeetingSession): Promise<void> {
    return guard(async () => {
      if (await this.meetingRow(`${eq('TeamsMeetingId', m.teamsMeetingId)} or ${eq('MeetingId', m.id)}`)) throw new DomainError('MEETING.ALREADY_EXISTS');
      try {
        await this.lists.items('meetings').add(this.meetingFields(m));
      } catch (e) {
        if (httpStatus(e) === 409) throw new DomainError('MEETING.ALREADY_EXISTS'); // unique TeamsMeetingId
        throw e;
      }
    });
  }
  updateMeeting(m: MeetingSession, expectedVersion: number): Promise<void> {
    return guard(async () => {
      const row = await this.meetingRow(eq('MeetingId', m.id));
      if (!row || Number(row.Version) !== expectedVersion) throw new DomainError('MEETING.VERSION_CONFLICT');
      try {
        await this.lists.items('meetings').getById(row.Id).update(this.meetingFields(m), etagOf(row));
      } catch (e) {
        if (httpStatus(e) === 412) throw new DomainError('MEETING.VERSION_CONFLICT');
        throw e;
      }
    });
  }
}
