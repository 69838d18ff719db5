/**
 * Signaaltafel sessions over HTTP (issue 5): the operations the meeting tab uses besides the case
 * commands (decideSuspicion, recordDiscussion run through their own command endpoints). Each operation is
 * a thin call into the core's MeetingService; who may do what is decided there.
 */
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import type { Result } from '../../core/errors';
import type { MeetingSummary } from '../../core/meetings';
import type { Locale } from '../../core/vocabulary';
import { MEETING_SCHEMAS, MeetingService, minutesToMarkdown } from '../../core/meetings';
import type { User } from '../../core/model';
import { referenceLabel } from '../../core/reference-data';
import type { Signaalpunt } from '../../core/service';
import type { MeetingEvents } from '../meeting-events';
import { meetingEventsFor } from '../meeting-events';
import type { CountingStore } from '../meeting-snapshot';
import { MeetingReads, counterOf, etagOf, matchesEtag, snapshotsFor } from '../meeting-snapshot';
import type { Operation, OperationContext, OperationDeps, OperationResult, RawHandler } from '../operations';
import { parseWith, unwrap } from '../operation-kit';
import { HttpProblem } from '../problems';
import { minutesToDocx } from '../../transparency/minutes-docx';
import type { OrganisationProfile } from '../../transparency/profile';
import { agendaSchema, meetingSummarySchema, minutesSchema, stageSchema } from '../response-schemas';

/** The meeting services of a server, built once at start-up (app.ts), never per request. */
export interface MeetingServices {
  /** the core's meeting service over the server's store: writes, lists, minutes. */
  service: MeetingService;
  /** the reads served from the per-meeting snapshots (agenda, stage, the Teams lookup). */
  reads: MeetingReads;
  /** the instance's event hub (Server-Sent Events). */
  events: MeetingEvents;
}

export function meetingServices(store: CountingStore, cases: Signaalpunt, now: () => Date): MeetingServices {
  const clock = { now };
  const snapshots = snapshotsFor(store, { now: () => now().getTime() });
  return {
    service: new MeetingService(cases, store, clock),
    reads: new MeetingReads(snapshots, cases, clock),
    events: meetingEventsFor(store, { now: () => now().getTime() }),
  };
}

/**
 * A meeting read served from the instance's snapshot of the meeting, made per request for this viewer by
 * the core, with an ETag; 304 when the viewer already has it.
 */
async function snapshotRead<T>(
  deps: OperationDeps,
  headers: OperationContext['headers'],
  meetingId: string,
  read: (svc: MeetingService) => Promise<Result<T>>,
): Promise<OperationResult> {
  const ifNoneMatch = typeof headers?.['if-none-match'] === 'string' ? headers['if-none-match'] : undefined;
  const { snapshot, service } = await deps.meetings.reads.read(meetingId, counterOf(ifNoneMatch));
  const body = unwrap(await read(service));
  const etag = etagOf(snapshot, body);
  const out = { etag, 'cache-control': 'private, no-cache' };
  return matchesEtag(ifNoneMatch, etag) ? { status: 304, body: '', headers: out } : { status: 200, body, headers: out };
}

/**
 * The tab's lookup of the session of a Teams meeting (every refresh of the stage and the side panel asks it):
 * once this instance has found the session, answered from the session's snapshot, like the stage.
 */
async function findByTeamsMeeting(deps: OperationDeps, user: User, teamsMeetingId: string): Promise<Result<MeetingSummary>> {
  const { reads, service } = deps.meetings;
  const known = reads.snapshots.sessionOfTeamsMeeting(teamsMeetingId);
  if (known) return (await reads.read(known)).service.findByTeamsMeeting(user, teamsMeetingId);
  const found = await service.findByTeamsMeeting(user, teamsMeetingId);
  if (found.ok) reads.snapshots.rememberTeamsMeeting(teamsMeetingId, found.value.id);
  return found;
}

const meetingParams = z.strictObject({ meetingId: z.uuid() });
const listQuery = z.strictObject({
  teamsMeetingId: MEETING_SCHEMAS.createMeeting.shape.teamsMeetingId.optional().describe('the Teams meeting id from the tab context'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const minutesQuery = z.strictObject({
  format: z.enum(['json', 'markdown', 'docx']).default('json'),
  locale: z.enum(['nl-NL', 'en-US']).default('nl-NL'),
});

const summarySchema = meetingSummarySchema;

const base = { tag: 'meetings' as const, auth: true };

/** `profile`: the organisation profile (creator of the docx minutes); from the transparency assets. */
export function meetingOperations(profile: OrganisationProfile): Operation[] {
  return [
    {
      ...base,
      operationId: 'listMeetings',
      method: 'GET',
      path: '/api/v1/meetings',
      summary: 'Signaaltafel sessions (newest first), or the session of one Teams meeting',
      write: false,
      query: listQuery,
      success: { status: 200, description: 'Sessions.', schema: z.object({ items: z.array(summarySchema) }) },
      run: async ({ user, query, deps }) => {
        const q = query as z.output<typeof listQuery>;
        if (q.teamsMeetingId !== undefined) {
          const found = await findByTeamsMeeting(deps, user as User, q.teamsMeetingId);
          if (!found.ok && found.error.code === 'MEETING.NOT_FOUND') return { status: 200, body: { items: [] } };
          return { status: 200, body: { items: [unwrap(found)] } };
        }
        return { status: 200, body: { items: unwrap(await deps.meetings.service.list(user, { limit: q.limit, offset: q.offset })) } };
      },
    },
    {
      ...base,
      operationId: 'createMeeting',
      method: 'POST',
      path: '/api/v1/meetings',
      summary: 'Link a new signaaltafel session to a Teams meeting (procesregisseur)',
      write: true,
      body: MEETING_SCHEMAS.createMeeting,
      success: { status: 201, description: 'The session.', schema: summarySchema },
      extraResponses: { 409: 'The Teams meeting already has a session.', 422: 'The title may identify a person.' },
      run: async ({ user, body, deps }) => {
        const m = unwrap(await deps.meetings.service.create(user, body));
        return { status: 201, body: m, headers: { location: `/api/v1/meetings/${m.id}` } };
      },
    },
    {
      ...base,
      operationId: 'getMeetingAgenda',
      method: 'GET',
      path: '/api/v1/meetings/{meetingId}',
      summary: 'The session with its agenda as the caller may see it (per item the policy’s allow-list view); reads of personal data are audited',
      write: false,
      params: meetingParams,
      success: { status: 200, description: 'Session, the caller’s meeting roles, agenda items (with `overdue` informing/enrichment flags where the caller sees the case’s frame), member organisations.', schema: agendaSchema },
      extraResponses: { 304: 'Not modified: the ETag in If-None-Match is current.' },
      run: async ({ user, params, deps, headers }) => snapshotRead(deps, headers, params.meetingId!, (svc) => svc.agenda(user as User, params.meetingId!)),
    },
    {
      ...base,
      operationId: 'setMeetingAgenda',
      method: 'POST',
      path: '/api/v1/meetings/{meetingId}/agenda',
      summary: 'Set the agenda: cases in Inbreng (anonymous round), Bespreking, and Opvolging or Reflectie (status round), in order (procesregisseur)',
      write: true,
      params: meetingParams,
      body: MEETING_SCHEMAS.setAgenda,
      success: { status: 200, description: 'The session.', schema: summarySchema },
      extraResponses: { 409: 'Changed in the meantime (expectedVersion), or a case is in another phase.' },
      run: async ({ user, params, body, deps }) => ({ status: 200, body: unwrap(await deps.meetings.service.setAgenda(user, params.meetingId!, body)) }),
    },
    {
      ...base,
      operationId: 'startMeeting',
      method: 'POST',
      path: '/api/v1/meetings/{meetingId}/start',
      summary: 'Open the session: decisions from now on go into its minutes (chair)',
      write: true,
      params: meetingParams,
      body: MEETING_SCHEMAS.startMeeting,
      success: { status: 200, description: 'The session.', schema: summarySchema },
      run: async ({ user, params, body, deps }) => ({ status: 200, body: unwrap(await deps.meetings.service.start(user, params.meetingId!, body ?? {})) }),
    },
    {
      ...base,
      operationId: 'endMeeting',
      method: 'POST',
      path: '/api/v1/meetings/{meetingId}/end',
      summary: 'End the session and generate its minutes at process level (chair)',
      write: true,
      params: meetingParams,
      body: MEETING_SCHEMAS.endMeeting,
      success: { status: 200, description: 'The minutes.', schema: minutesSchema },
      run: async ({ user, params, body, deps }) => ({ status: 200, body: unwrap(await deps.meetings.service.end(user, params.meetingId!, body ?? {})) }),
    },
    {
      ...base,
      operationId: 'shareMeetingItemToStage',
      method: 'POST',
      path: '/api/v1/meetings/{meetingId}/stage',
      summary: 'Put an agenda item on the meeting stage, or take it off with null (chair)',
      write: true,
      params: meetingParams,
      body: MEETING_SCHEMAS.shareToStage,
      success: { status: 200, description: 'The session.', schema: summarySchema },
      run: async ({ user, params, body, deps }) => ({ status: 200, body: unwrap(await deps.meetings.service.shareToStage(user, params.meetingId!, body)) }),
    },
    {
      ...base,
      operationId: 'setMeetingAttendees',
      method: 'POST',
      path: '/api/v1/meetings/{meetingId}/attendees',
      summary: 'Record who attends: organisations and roles, never names (chair or procesregisseur); replaces the list',
      write: true,
      params: meetingParams,
      body: MEETING_SCHEMAS.setAttendees,
      success: { status: 200, description: 'The session.', schema: summarySchema },
      extraResponses: { 409: 'Changed in the meantime (expectedVersion).' },
      run: async ({ user, params, body, deps }) => ({ status: 200, body: unwrap(await deps.meetings.service.setAttendees(user, params.meetingId!, body)) }),
    },
    {
      ...base,
      operationId: 'recordMeetingStatusNote',
      method: 'POST',
      path: '/api/v1/meetings/{meetingId}/status-notes',
      summary: 'Record the table’s short status note on a status-round item (Opvolging, Reflectie), guarded against identifiers (chair)',
      write: true,
      params: meetingParams,
      body: MEETING_SCHEMAS.recordStatusNote,
      success: { status: 200, description: 'The session.', schema: summarySchema },
      extraResponses: { 422: 'The note may identify a person, or the item is not a status-round item.' },
      run: async ({ user, params, body, deps }) => ({ status: 200, body: unwrap(await deps.meetings.service.recordStatusNote(user, params.meetingId!, body)) }),
    },
    {
      ...base,
      operationId: 'getMeetingStage',
      method: 'GET',
      path: '/api/v1/meetings/{meetingId}/stage',
      summary: 'What the meeting stage shows: frame and concern (groups A and B) of the shared item only',
      write: false,
      params: meetingParams,
      success: { status: 200, description: 'The stage content; no item when nothing is shared.', schema: stageSchema },
      extraResponses: { 304: 'Not modified: the ETag in If-None-Match is current.' },
      run: async ({ user, params, deps, headers }) => snapshotRead(deps, headers, params.meetingId!, (svc) => svc.stage(user as User, params.meetingId!)),
    },
    {
      ...base,
      operationId: 'streamMeetingEvents',
      method: 'GET',
      path: '/api/v1/meetings/{meetingId}/events',
      summary: 'Server-Sent Events: a `change` event with the store’s change counter only (no case data) whenever the session or a case on its agenda changed, then re-fetch the stage or agenda with If-None-Match; heartbeat comments every 15 s. Open to whoever may see the stage.',
      write: false,
      params: meetingParams,
      success: { status: 200, description: 'An event stream (`event: change`, `data: {"counter":"m<version>.a<seq>"}`), the current counter first.', contentType: 'text/event-stream' },
      extraResponses: { 429: 'This user already has 3 streams open on this meeting.' },
      raw: true,
    },
    {
      ...base,
      operationId: 'getMeetingMinutes',
      method: 'GET',
      path: '/api/v1/meetings/{meetingId}/minutes',
      summary: 'Minutes at process level (attendees as organisations and roles, reference, decision, rationale, follow-up, responsible organisation, status round), per reader, as JSON or a Markdown or docx export',
      write: false,
      params: meetingParams,
      query: minutesQuery,
      success: { status: 200, description: 'The minutes as JSON, or as Markdown with format=markdown.', schema: minutesSchema, alsoAs: ['text/markdown'] },
      run: async ({ user, params, query, deps }) => {
        const q = query as z.output<typeof minutesQuery>;
        const minutes = unwrap(await deps.meetings.service.minutes(user, params.meetingId!));
        if (q.format === 'json') return { status: 200, body: minutes };
        const names = new Map((await deps.store.listOrganisations()).map((o) => [o.id, o.name]));
        const name = (id: string): string => names.get(id) ?? id;
        // offers by the reference data's labels, every version: an offer removed since still renders (issue 16)
        const history = await deps.service.reference.history();
        const offer = (code: string, locale: Locale): string => referenceLabel(history, 'offers', code, locale);
        if (q.format === 'docx') {
          return {
            status: 200,
            body: await minutesToDocx(minutes, q.locale as Locale, name, profile, offer),
            headers: {
              'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              'content-disposition': `attachment; filename="notulen-signaaltafel-${minutes.scheduledOn}.docx"`,
            },
          };
        }
        const md = minutesToMarkdown(minutes, q.locale as Locale, name, offer);
        return {
          status: 200,
          body: md,
          headers: {
            'content-type': 'text/markdown; charset=utf-8',
            'content-disposition': `attachment; filename="notulen-signaaltafel-${minutes.scheduledOn}.md"`,
          },
        };
      },
    },
  ];
}

/**
 * The event stream of a meeting (operation streamMeetingEvents): whoever may see the stage may listen, with
 * the same refusals (404 for a meeting the caller is not part of). The stream holds no case data.
 */
export function meetingEventsHandler(deps: OperationDeps): RawHandler {
  return async (req, reply) => {
    const user = req.user!;
    const { meetingId } = parseWith(meetingParams, req.params);
    await snapshotRead(deps, undefined, meetingId, (svc) => svc.stage(user, meetingId));
    const hub = deps.meetings.events;
    const stream = new PassThrough();
    const stop = await hub.listen(meetingId, { userId: user.id, stream });
    if (!stop) throw new HttpProblem('HTTP.RATE_LIMITED', { retryAfterSeconds: 30 });
    // the client went away (tab closed, fetch aborted): the listener goes, and with the last one the timer
    reply.raw.on('close', () => {
      stop();
      stream.end();
    });
    // x-accel-buffering: proxies that honour it (nginx and others) pass each event on at once
    return reply.header('content-type', 'text/event-stream; charset=utf-8').header('x-accel-buffering', 'no').send(stream);
  };
}
