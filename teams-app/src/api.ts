/**
 * What the tab needs from the server, as a narrow interface (components depend on it, not on fetch), and
 * its HTTP implementation over the API contract's client (packages/contract): typed by the generated
 * operations, one commandId across the retries of a submit, errors as ApiProblem with the server's stable
 * code and its Dutch and English message. A bearer token per request (Teams SSO, or a local dev token).
 */
import type { BodyOf, Catalogue, ClientCode, HttpLike, PathOf, ProblemCode, ResponseOf } from '../../packages/contract/src';
import { ApiClient, ApiProblem } from '../../packages/contract/src';
import type { AgendaView, Attendee, MeetingSummary, Minutes, StageContent } from '../../src/core/meetings';
import type { CaseSummary, CommandOutcome } from '../../src/core/service';
import type { Locale } from './i18n';

export type { AgendaItemView, AgendaView, Attendee, AttendeeRole, MeetingCaseView, MeetingSummary, Minutes, StageContent } from '../../src/core/meetings';
export type { CaseSummary, CommandOutcome } from '../../src/core/service';
export type { OverdueFlags } from '../../src/core/case-index';
export { ApiProblem, newCommandId } from '../../packages/contract/src';

/** The signed-in user (GET /api/v1/me), as the contract types it. */
export type Me = ResponseOf<'getMe'>;
/** The body of decideSuspicion without its commandId (the client adds it). */
export type SuspicionInput = Omit<BodyOf<'decideSuspicion'>, 'commandId'>;
/** The body of recordDiscussion without its commandId (the client adds it). */
export type DiscussionInput = Omit<BodyOf<'recordDiscussion'>, 'commandId'>;

export interface TabApi {
  me(): Promise<Me>;
  /** the versioned catalogue (GET /api/v1/catalogue): every code that ever was, retired ones with `retiredIn`. */
  catalogue(): Promise<Catalogue>;
  findMeeting(teamsMeetingId: string): Promise<MeetingSummary | undefined>;
  createMeeting(input: { teamsMeetingId: string; title: string; scheduledOn: string }): Promise<MeetingSummary>;
  agenda(meetingId: string): Promise<AgendaView>;
  candidates(): Promise<CaseSummary[]>;
  setAgenda(meetingId: string, caseIds: string[], expectedVersion: number): Promise<MeetingSummary>;
  start(meetingId: string): Promise<MeetingSummary>;
  /** moveUndecided: the items nothing was decided on go to the next signaaltafel (issue 18, item 8). */
  end(meetingId: string, opts?: { moveUndecided?: boolean }): Promise<Minutes>;
  shareToStage(meetingId: string, itemId: string | null): Promise<MeetingSummary>;
  stage(meetingId: string): Promise<StageContent>;
  minutes(meetingId: string): Promise<Minutes>;
  minutesMarkdown(meetingId: string, locale: Locale): Promise<string>;
  /** the minutes as a Word document (the server renders it with the `docx` library). */
  minutesDocx(meetingId: string, locale: Locale): Promise<Blob>;
  /** the table's short status note on a status-round item (guarded against identifiers by the server). */
  recordStatusNote(meetingId: string, itemId: string, note: string): Promise<MeetingSummary>;
  /** who attends: organisations and roles, never names; replaces the list. */
  setAttendees(meetingId: string, attendees: Attendee[], expectedVersion: number): Promise<MeetingSummary>;
  /** `commandId`: the id the form keeps until the submit succeeded or was refused (a retry reuses it). */
  decideSuspicion(caseId: string, input: SuspicionInput, commandId: string): Promise<CommandOutcome>;
  recordDiscussion(caseId: string, input: DiscussionInput, commandId: string): Promise<CommandOutcome>;
  /**
   * Listens for changes of a meeting (the server's event stream): `onChange` when the session or a case on
   * its agenda changed (re-fetch then), `onLive` when the stream comes up or goes down (poll while down).
   * Returns what stops listening. Absent where there is no server to listen to.
   */
  subscribe?(meetingId: string, listener: MeetingListener): () => void;
}

export interface MeetingListener {
  onChange(): void;
  onLive(live: boolean): void;
}

export const isCode = (e: unknown, code: ProblemCode | ClientCode): boolean => e instanceof ApiProblem && e.code === code;

/** No answer came (network, timeout): the same submit may be sent again with the same commandId. */
export const isUnanswered = (e: unknown): boolean => e instanceof ApiProblem && e.status === 0;

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** The meeting reads the tab polls: the server answers them from a snapshot with an ETag (304 when unchanged). */
type Conditional = 'getMeetingAgenda' | 'getMeetingStage';

export class HttpTabApi implements TabApi {
  /** the last ETag and body per polled URL of this tab instance: a 304 answers with the body it had. */
  private readonly lastSeen = new Map<string, { etag: string; body: unknown }>();
  /** the change counter last pushed per meeting. */
  private readonly pushed = new Map<string, string>();
  private readonly client: ApiClient;

  constructor(
    private readonly getToken: () => Promise<string>,
    private readonly baseUrl = '',
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {
    const http: HttpLike = (url, init) => this.fetchFn(url, init);
    this.client = new ApiClient({ http, baseUrl, getToken });
  }

  /** A meeting read with the ETag last seen (and the counter last pushed): a 304 answers with the body it had. */
  private async conditional<Op extends Conditional>(op: Op, meetingId: string): Promise<ResponseOf<Op>> {
    const key = this.client.url(op, { path: { meetingId } as PathOf<Op> });
    const seen = this.lastSeen.get(key);
    // after a push, the pushed counter goes along: an instance whose snapshot is older checks the store at once
    const pushed = this.pushed.get(meetingId);
    const ifNoneMatch = [seen?.etag, pushed ? `W/"${pushed}.push"` : undefined].filter((x) => x !== undefined).join(', ');
    const answer = await this.client.send(op, { path: { meetingId } as PathOf<Op>, ...(ifNoneMatch ? { headers: { 'if-none-match': ifNoneMatch } } : {}) });
    if (answer.status === 304 && seen) return structuredClone(seen.body) as ResponseOf<Op>;
    const etag = answer.headers.get('etag');
    if (etag) this.lastSeen.set(key, { etag, body: structuredClone(answer.body) });
    return answer.body as ResponseOf<Op>;
  }

/**
   * The meeting's event stream, read with fetch so that the token goes in the Authorization header (an
   * EventSource cannot send one, and a token in the URL would end up in logs). The first event of a
   * connection is the current counter: after a reconnect it may be news (a change while down), on the first
   * connection the tab has just fetched. On failure: reconnect with backoff (1 s doubling to 60 s); the
   * component polls meanwhile.
   */
  subscribe(meetingId: string, listener: MeetingListener): () => void {
    const abort = new AbortController();
    let stopped = false;
    const run = async (): Promise<void> => {
      let delay = 1000;
      let connections = 0;
      while (!stopped) {
        try {
          const token = await this.getToken();
          const res = await this.fetchFn(`${this.baseUrl}/api/v1/meetings/${meetingId}/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
          if (res.ok && res.body) {
            connections += 1;
            let first = true;
            await readEvents(res.body, (counter) => {
              if (first) {
                first = false;
                delay = 1000;
                listener.onLive(true);
                if (connections === 1) return;
              }
              this.pushed.set(meetingId, counter);
              listener.onChange();
            });
          }
        } catch {
          // the network or the server went away: try again below
        }
        if (stopped) return;
        listener.onLive(false);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 60_000);
      }
    };
    void run();
    return () => {
      stopped = true;
      abort.abort();
    };
  }

  me(): Promise<Me> {
    return this.client.call('getMe');
  }
  catalogue(): Promise<Catalogue> {
    return this.client.call('getCatalogue');
  }
  async findMeeting(teamsMeetingId: string): Promise<MeetingSummary | undefined> {
    const r = await this.client.call('listMeetings', { query: { teamsMeetingId } });
    return r.items[0] as MeetingSummary | undefined;
  }
  async createMeeting(input: { teamsMeetingId: string; title: string; scheduledOn: string }): Promise<MeetingSummary> {
    return (await this.client.call('createMeeting', { body: input })) as MeetingSummary;
  }
  async agenda(meetingId: string): Promise<AgendaView> {
    return (await this.conditional('getMeetingAgenda', meetingId)) as unknown as AgendaView;
  }
  async candidates(): Promise<CaseSummary[]> {
    // every phase a part of the agenda takes: the anonymous round, the bespreking and the status round (issue 16)
    return (await this.client.call('listCases', { query: { phase: 'INBRENG,BESPREKING,OPVOLGING,REFLECTIE', limit: 200 } })).items as CaseSummary[];
  }
  async setAgenda(meetingId: string, caseIds: string[], expectedVersion: number): Promise<MeetingSummary> {
    return (await this.client.call('setMeetingAgenda', { path: { meetingId }, body: { caseIds, expectedVersion } })) as MeetingSummary;
  }
  async start(meetingId: string): Promise<MeetingSummary> {
    return (await this.client.call('startMeeting', { path: { meetingId }, body: {} })) as MeetingSummary;
  }
  async end(meetingId: string, opts: { moveUndecided?: boolean } = {}): Promise<Minutes> {
    return (await this.client.call('endMeeting', { path: { meetingId }, body: opts.moveUndecided ? { moveUndecided: true } : {} })) as Minutes;
  }
  async shareToStage(meetingId: string, itemId: string | null): Promise<MeetingSummary> {
    return (await this.client.call('shareMeetingItemToStage', { path: { meetingId }, body: { itemId } })) as MeetingSummary;
  }
  async stage(meetingId: string): Promise<StageContent> {
    return (await this.conditional('getMeetingStage', meetingId)) as unknown as StageContent;
  }
  async minutes(meetingId: string): Promise<Minutes> {
    return (await this.client.call('getMeetingMinutes', { path: { meetingId } })) as Minutes;
  }
  async minutesMarkdown(meetingId: string, locale: Locale): Promise<string> {
    return (await this.client.send('getMeetingMinutes', { path: { meetingId }, query: { format: 'markdown', locale } })).body as string;
  }
  async minutesDocx(meetingId: string, locale: Locale): Promise<Blob> {
    // a binary answer: fetched here (the contract client reads JSON or text); an error answer is a problem document.
    const url = this.client.url('getMeetingMinutes', { path: { meetingId }, query: { format: 'docx', locale } });
    const res = await this.fetchFn(url, { headers: { authorization: `Bearer ${await this.getToken()}`, accept: DOCX_TYPE } });
    if (!res.ok) {
      const doc = (await res.json().catch(() => ({}))) as { code?: string };
      throw doc.code ? new ApiProblem(doc.code as ProblemCode, res.status) : ApiProblem.of('INTERNAL.ERROR', res.status);
    }
    return res.blob();
  }
  async recordStatusNote(meetingId: string, itemId: string, note: string): Promise<MeetingSummary> {
    return (await this.client.call('recordMeetingStatusNote', { path: { meetingId }, body: { itemId, note } })) as MeetingSummary;
  }
  async setAttendees(meetingId: string, attendees: Attendee[], expectedVersion: number): Promise<MeetingSummary> {
    return (await this.client.call('setMeetingAttendees', { path: { meetingId }, body: { attendees, expectedVersion } })) as MeetingSummary;
  }
  decideSuspicion(caseId: string, input: SuspicionInput, commandId: string): Promise<CommandOutcome> {
    return this.client.command('decideSuspicion', { path: { caseId }, body: input }, { commandId });
  }
  recordDiscussion(caseId: string, input: DiscussionInput, commandId: string): Promise<CommandOutcome> {
    return this.client.command('recordDiscussion', { path: { caseId }, body: input }, { commandId });
  }
}

/** Reads `event: change` events (data `{"counter":…}`) from a text/event-stream body until it ends. */
async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (counter: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buf = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buf += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (!block.split('\n').includes('event: change') || !data) continue;
      try {
        const counter = (JSON.parse(data.slice(6)) as { counter?: unknown }).counter;
        if (typeof counter === 'string') onEvent(counter);
      } catch {
        // not ours: ignore
      }
    }
  }
}
