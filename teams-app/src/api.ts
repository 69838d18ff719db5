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

export type { AgendaItemView, AgendaView, MeetingCaseView, MeetingSummary, Minutes, MinutesEntry, StageContent } from '../../src/core/meetings';
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
  end(meetingId: string): Promise<Minutes>;
  shareToStage(meetingId: string, itemId: string | null): Promise<MeetingSummary>;
  stage(meetingId: string): Promise<StageContent>;
  minutes(meetingId: string): Promise<Minutes>;
  minutesMarkdown(meetingId: string, locale: Locale): Promise<string>;
  decideSuspicion(caseId: string, input: SuspicionInput, commandId: string): Promise<CommandOutcome>;
  recordDiscussion(caseId: string, input: DiscussionInput, commandId: string): Promise<CommandOutcome>;
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

  constructor(
    private readonly getToken: () => Promise<string>,
    private readonly baseUrl = '',
    private readonly fetchFn: FetchFn = (input, init) => fetch(input, init),
  ) {}

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, accept: 'json' | 'text' = 'json'): Promise<T> {
    const token = await this.getToken();
    let res: Response;
    try {
      const seen = method === 'GET' && CONDITIONAL.test(path) ? this.lastSeen.get(path) : undefined;
      res = await this.fetchFn(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(seen ? { 'if-none-match': seen.etag } : {}) },
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
  end(meetingId: string): Promise<Minutes> {
    return this.call('POST', `/api/v1/meetings/${meetingId}/end`, {});
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
