/**
 * The agenda sent to every participant before the signaaltafel (issue 16; PROCESS.md, "Partners: …
 * agenda"): for each planned session scheduled within the lead time, one bot message per participant with
 * the agenda at process level — per item its position, part, and, where that participant's own view of the
 * case (viewFor, the policy table) holds the frame, the kenmerk and the phase. Nothing else: no identity, no
 * concern, no free text; an item the participant may not see is listed as an item without content.
 *
 * Participants: the partners of the organisations taking part (the ketenpartner organisations recorded as
 * attendees, else every member organisation of the privacy protocol) and the chairs (meetingRolesFor). The
 * dedupe key holds the agenda's content, so each participant gets the agenda once, and again only when the
 * agenda changed. The bot sends it from the outbox (bot/app/routes/meeting-agenda.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AgendaPart, MeetingSession } from '../core/meetings';
import { meetingRolesFor } from '../core/meetings';
import type { CaseRecord, Organisation, Phase, User } from '../core/model';
import type { NewOutboxMessage } from '../core/ports';
import { isMember, viewFor } from '../core/views';

export const MEETING_AGENDA_KIND = 'meetingAgenda';

/** One item of the agenda as one participant may see it (the payload's items). */
export type AgendaLine = {
  position: number;
  part: AgendaPart;
  /** present only where the participant's view of the case holds the frame (group A). */
  reference?: string;
  phase?: Phase;
};

export type MeetingAgendaPayload = {
  meetingId: string;
  title: string;
  scheduledOn: string;
  items: AgendaLine[];
};

/** Sessions that are planned and scheduled from `asOf`'s day up to `withinDays` later. */
export function sessionsDue(meetings: readonly MeetingSession[], asOf: Date, withinDays: number): MeetingSession[] {
  const from = asOf.toISOString().slice(0, 10);
  const to = new Date(asOf.getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
  return meetings.filter((m) => m.status === 'planned' && m.agenda.length > 0 && m.scheduledOn >= from && m.scheduledOn <= to);
}

/** The participants of a session: partners of the taking-part organisations, and the chairs. */
export function participantsOf(meeting: MeetingSession, users: readonly User[], organisations: readonly Organisation[], now: string): User[] {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const recorded = (meeting.attendees ?? []).filter((a) => a.role === 'ketenpartner').map((a) => a.organisationId);
  const taking = new Set(recorded.length > 0 ? recorded : organisations.filter((o) => isMember(o, now)).map((o) => o.id));
  return users.filter((u) => {
    const roles = meetingRolesFor(u, byId.get(u.organisationId), now);
    return roles.includes('chair') || (roles.includes('member') && taking.has(u.organisationId));
  });
}

/** The agenda messages of one session, one per participant, each built from that participant's views. */
export function meetingAgendaMessages(
  meeting: MeetingSession,
  records: ReadonlyMap<string, CaseRecord>,
  who: { users: readonly User[]; organisations: readonly Organisation[] },
  now: string,
  newId: () => string = randomUUID,
): NewOutboxMessage[] {
  const byId = new Map(who.organisations.map((o) => [o.id, o]));
  const agendaKey = createHash('sha256')
    .update(meeting.agenda.map((a) => `${a.position}:${a.part}:${a.caseId}`).join('|'))
    .digest('hex')
    .slice(0, 16);
  return participantsOf(meeting, who.users, who.organisations, now).map((user) => {
    const items = meeting.agenda.map((item): AgendaLine => {
      const record = records.get(item.caseId);
      const frame = record ? viewFor(user, record, byId.get(user.organisationId), now).view?.frame : undefined;
      return { position: item.position, part: item.part, ...(frame?.reference && frame.phase ? { reference: frame.reference, phase: frame.phase } : {}) };
    });
    const payload: MeetingAgendaPayload = { meetingId: meeting.id, title: meeting.title, scheduledOn: meeting.scheduledOn, items };
    return {
      id: newId(),
      dedupeKey: `${MEETING_AGENDA_KIND}:${meeting.id}:${agendaKey}:${user.id}`,
      kind: MEETING_AGENDA_KIND,
      recipientUserId: user.id,
      caseId: null,
      reference: null,
      payload,
      createdAt: now,
    };
  });
}
