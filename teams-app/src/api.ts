/**
 * What the tab needs from the server, as a narrow interface (components depend on it, not on fetch), and
 * its HTTP implementation against /api/v1 with a bearer token (Teams SSO, or a local dev token).
 * Errors come back as ApiError with the server's stable code and its Dutch and English message.
 */
import type { ErrorCode } from '../../src/core/errors';
import { ERROR_CODES } from '../../src/core/errors';
import type { AgendaView, MeetingSummary, Minutes, StageContent } from '../../src/core/meetings';
import type { CaseSummary, CommandOutcome } from '../../src/core/service';
import type { Locale } from './i18n';

export type { AgendaItemView, AgendaView, MeetingCaseView, MeetingSummary, Minutes, StageContent } from '../../src/core/meetings';
export type { CaseSummary, CommandOutcome } from '../../src/core/service';
export type { OverdueFlags } from '../../src/core/case-index';

export interface Me {
  user: { id: string; displayName?: string; organisationId: string; roles: string[] };
  organisation: { id: string; name: string; member: boolean } | null;
  mode: 'local' | 'production';
}

export interface SuspicionInput {
  suspicion: boolean;
  rationale: string;
  advisedRoute?: string;
  aveLevel?: string;
  expectedVersion: number;
}

export interface DiscussionInput {
  lifeDomains: Record<string, 'concerning' | 'notConcerning' | 'unknown'>;
  parties: string[];
  interventions: string[];
  followUpOptions: string[];
  leadOrganisationId?: string;
  complete: boolean;
  expectedVersion: number;
}

export interface TabApi {
  me(): Promise<Me>;
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

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messages: { nl: string; en: string },
    readonly fields: { path: string; issue: string }[] = [],
  ) {
    super(code);
    this.name = 'ApiError';
  }

  static fromCode(code: string, status?: number): ApiError {
    const known = (ERROR_CODES as Record<string, { status: number; nl: string; en: string } | undefined>)[code];
    return new ApiError(code, status ?? known?.status ?? 500, known ? { nl: known.nl, en: known.en } : { nl: 'Er ging iets mis. Probeer het opnieuw.', en: 'Something went wrong. Try again.' });
  }

  text(locale: Locale): string {
    return locale === 'nl-NL' ? this.messages.nl : this.messages.en;
  }
}

export const isCode = (e: unknown, code: ErrorCode | string): boolean => e instanceof ApiError && e.code === code;

/** A client-chosen id for an idempotent command: a retried submit with the same id has no second effect. */
export function newCommandId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  // a version-4 UUID from the random bytes: the API takes UUIDs and ULIDs only.
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

/** The meeting reads the tab polls: the server answers them from a snapshot with an ETag (304 when unchanged). */
const CONDITIONAL = /^\/api\/v1\/meetings\/[^/?]+(\/stage)?$/;

export class HttpTabApi implements TabApi {
  /** the last ETag and body per polled path of this tab instance: a 304 answers with the body it had. */
  private readonly lastSeen = new Map<string, { etag: string; body: unknown }>();
  /** the change counter last pushed per meeting. */
  private readonly pushed = new Map<string, string>();

  constructor(
    private readonly getToken: () => Promise<string>,
    private readonly baseUrl = '',
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, accept: 'json' | 'text' = 'json'): Promise<T> {
    const token = await this.getToken();
    let res: Response;
    try {
      const conditional = method === 'GET' && CONDITIONAL.test(path);
      const seen = conditional ? this.lastSeen.get(path) : undefined;
      // after a push, the pushed counter goes along: an instance whose snapshot is older checks the store at once
      const pushed = conditional ? this.pushed.get(path.split('/')[4] ?? '') : undefined;
      const ifNoneMatch = [seen?.etag, pushed ? `W/"${pushed}.push"` : undefined].filter((x) => x !== undefined).join(', ');
      res = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new ApiError('NETWORK', 0, { nl: 'De server is niet bereikbaar. Probeer het opnieuw.', en: 'The server cannot be reached. Try again.' });
    }
    if (res.status === 304) {
      const seen = this.lastSeen.get(path);
      if (seen) return structuredClone(seen.body) as T;
    }
    if (!res.ok) {
      let problem: { code?: string; messages?: { nl: string; en: string }; fields?: { path: string; issue: string }[] } = {};
      try {
        problem = (await res.json()) as typeof problem;
      } catch {
        // not a problem document: fall back to the status below.
      }
      const fallback = ApiError.fromCode(problem.code ?? 'INTERNAL.ERROR', res.status);
      throw new ApiError(problem.code ?? fallback.code, res.status, problem.messages ?? fallback.messages, problem.fields ?? []);
    }
    const result = (accept === 'json' ? await res.json() : await res.text()) as T;
    const etag = res.headers.get('etag');
    if (method === 'GET' && etag && CONDITIONAL.test(path)) this.lastSeen.set(path, { etag, body: structuredClone(result) });
    return result;
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
    return this.call('GET', '/api/v1/me');
  }
  async findMeeting(teamsMeetingId: string): Promise<MeetingSummary | undefined> {
    const r = await this.call<{ items: MeetingSummary[] }>('GET', `/api/v1/meetings?teamsMeetingId=${encodeURIComponent(teamsMeetingId)}`);
    return r.items[0];
  }
  createMeeting(input: { teamsMeetingId: string; title: string; scheduledOn: string }): Promise<MeetingSummary> {
    return this.call('POST', '/api/v1/meetings', input);
  }
  agenda(meetingId: string): Promise<AgendaView> {
    return this.call('GET', `/api/v1/meetings/${meetingId}`);
  }
  async candidates(): Promise<CaseSummary[]> {
    return (await this.call<{ items: CaseSummary[] }>('GET', '/api/v1/cases?phase=INBRENG,BESPREKING&limit=200')).items;
  }
  setAgenda(meetingId: string, caseIds: string[], expectedVersion: number): Promise<MeetingSummary> {
    return this.call('POST', `/api/v1/meetings/${meetingId}/agenda`, { caseIds, expectedVersion });
  }
  start(meetingId: string): Promise<MeetingSummary> {
    return this.call('POST', `/api/v1/meetings/${meetingId}/start`, {});
  }
  end(meetingId: string, opts: { moveUndecided?: boolean } = {}): Promise<Minutes> {
    return this.call('POST', `/api/v1/meetings/${meetingId}/end`, opts.moveUndecided ? { moveUndecided: true } : {});
  }
  shareToStage(meetingId: string, itemId: string | null): Promise<MeetingSummary> {
    return this.call('POST', `/api/v1/meetings/${meetingId}/stage`, { itemId });
  }
  stage(meetingId: string): Promise<StageContent> {
    return this.call('GET', `/api/v1/meetings/${meetingId}/stage`);
  }
  minutes(meetingId: string): Promise<Minutes> {
    return this.call('GET', `/api/v1/meetings/${meetingId}/minutes`);
  }
  minutesMarkdown(meetingId: string, locale: Locale): Promise<string> {
    return this.call('GET', `/api/v1/meetings/${meetingId}/minutes?format=markdown&locale=${locale}`, undefined, 'text');
  }
  decideSuspicion(caseId: string, input: SuspicionInput, commandId: string): Promise<CommandOutcome> {
    return this.call('POST', `/api/v1/cases/${caseId}/decide-suspicion`, { commandId, ...input });
  }
  recordDiscussion(caseId: string, input: DiscussionInput, commandId: string): Promise<CommandOutcome> {
    return this.call('POST', `/api/v1/cases/${caseId}/record-discussion`, { commandId, ...input });
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
