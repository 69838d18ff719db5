/**
 * The one API client of every Signaalpunt client (tab, web part, local pages), over a small HttpLike that
 * each host supplies: window.fetch, SPFx's AadHttpClient, the tab's SSO fetch. Typed by the generated
 * operations (./generated/api.ts): `call('getCase', { path: { caseId } })` answers a CaseView.
 * - A command keeps ONE commandId across its retries: a submit that timed out or met a network error is
 *   sent again with the same id, and the server runs it once (a replay answers `replayed: true`).
 * - An error answer (application/problem+json) becomes an ApiProblem with its stable `code`.
 * ES5-safe: no Object.fromEntries, padStart, globalThis or class fields beyond what TypeScript lowers.
 */
import type { ProblemCode } from './errors';
import { codeText } from './errors';
import { OPERATIONS } from './generated/api';
import type { BodyOf, OperationId, PathOf, Problem, QueryOf, ResponseOf } from './types';
import type { Locale } from './vocabulary';

/** What the client needs of an HTTP answer: fetch's Response and SPFx's HttpClientResponse both have it. */
export interface HttpResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface HttpInit {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** aborts the request when the client gives up waiting (where the host supports it). */
  signal?: AbortSignal;
}

/** One HTTP call: `(url, init) => fetch(url, init)`, or `aadHttpClient.fetch(url, AadHttpClient.configurations.v1, init)`. */
export type HttpLike = (url: string, init: HttpInit) => Promise<HttpResponseLike>;

/** Codes the client itself gives when no answer came. */
export type ClientCode = 'NETWORK.UNREACHABLE' | 'NETWORK.TIMEOUT' | 'INTERNAL.ERROR';

const CLIENT_TEXTS: Record<ClientCode, { nl: string; en: string }> = {
  'NETWORK.UNREACHABLE': { nl: 'De server is niet bereikbaar. Probeer het opnieuw.', en: 'The server cannot be reached. Try again.' },
  'NETWORK.TIMEOUT': { nl: 'De server antwoordt niet op tijd. Probeer het opnieuw.', en: 'The server does not answer in time. Try again.' },
  'INTERNAL.ERROR': { nl: 'Er ging iets mis. Probeer het opnieuw.', en: 'Something went wrong. Try again.' },
};

/** An error answer of the API (RFC 9457 problem details), or the client's own NETWORK.* when none came. */
export class ApiProblem extends Error {
  readonly code: ProblemCode | ClientCode;
  readonly status: number;
  readonly messages: { nl: string; en: string };
  readonly fields: { path: string; issue: string }[];
  /** the whole problem document as the server sent it (absent for the client's own codes). */
  readonly problem?: Problem;

  constructor(code: ProblemCode | ClientCode, status: number, messages?: { nl: string; en: string }, fields: { path: string; issue: string }[] = [], problem?: Problem) {
    super(code);
    // ES5 target: an Error subclass keeps its prototype (instanceof) only when set explicitly; ES5's lib
    // does not declare setPrototypeOf, every browser SharePoint supports has it.
    const setPrototypeOf = (Object as unknown as { setPrototypeOf?: (o: object, proto: object) => void }).setPrototypeOf;
    if (setPrototypeOf) setPrototypeOf(this, ApiProblem.prototype);
    this.name = 'ApiProblem';
    this.code = code;
    this.status = status;
    const known = codeText(code);
    this.messages = messages ?? (known ? { nl: known.nl, en: known.en } : (CLIENT_TEXTS[code as ClientCode] ?? CLIENT_TEXTS['INTERNAL.ERROR']));
    this.fields = fields;
    if (problem) this.problem = problem;
  }

  /** The client's own problem for a code (NETWORK.*), or a code of the contract with its texts. */
  static of(code: ProblemCode | ClientCode, status?: number): ApiProblem {
    return new ApiProblem(code, status ?? codeText(code)?.status ?? 0);
  }

  /** No answer, or a gateway's: the same request may be sent again (a command with the same commandId). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  text(locale: Locale): string {
    return locale === 'nl-NL' ? this.messages.nl : this.messages.en;
  }
}

/** Whether an error is an ApiProblem with this code. */
export const isProblem = (e: unknown, code: ProblemCode | ClientCode): boolean => e instanceof ApiProblem && e.code === code;

/** A client-chosen id for an idempotent command (a version-4 UUID: the API takes UUIDs and ULIDs). */
export function newCommandId(): string {
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += ('0' + bytes[i]!.toString(16)).slice(-2);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Operations whose body carries a commandId: the core's commands. */
export type CommandId = { [K in OperationId]: BodyOf<K> extends { commandId: string } ? K : never }[OperationId];

/** The input of one call: path and query parameters, a JSON body, further headers. */
export interface CallInput<Op extends OperationId> {
  path?: PathOf<Op>;
  query?: QueryOf<Op>;
  body?: BodyOf<Op>;
  headers?: Record<string, string>;
}

/** A raw answer: the status, headers and body (JSON parsed, else text; a 304 has none). */
export interface RawAnswer {
  status: number;
  headers: { get(name: string): string | null };
  body: unknown;
}

export interface ApiClientOptions {
  http: HttpLike;
  /** prefix of every path, e.g. https://api.example.org (empty: same origin). */
  baseUrl?: string;
  /** a bearer token per request; leave out where the HttpLike signs requests itself (AadHttpClient). */
  getToken?: () => Promise<string>;
  /** how long to wait for an answer before giving up (ms); 0: wait as long as the host does. Default 20 s. */
  timeoutMs?: number;
  /** how many times a command is sent again after a network error or timeout. Default 2. */
  retries?: number;
  /** the wait before the first retry (ms), doubling after each. Default 500. */
  retryDelayMs?: number;
  /** the commandId of a new submit. Default newCommandId. */
  newId?: () => string;
}

export class ApiClient {
  private readonly http: HttpLike;
  private readonly baseUrl: string;
  private readonly getToken: (() => Promise<string>) | undefined;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly newId: () => string;

  constructor(options: ApiClientOptions) {
    this.http = options.http;
    this.baseUrl = options.baseUrl ?? '';
    this.getToken = options.getToken;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.newId = options.newId ?? newCommandId;
  }

  /** The URL of an operation with its path and query parameters filled in. */
  url<Op extends OperationId>(op: Op, input: Pick<CallInput<Op>, 'path' | 'query'> = {}): string {
    return this.baseUrl + this.path(op, input);
  }

  /** An operation's path with its path and query parameters filled in (without the base URL): a link to a download. */
  path<Op extends OperationId>(op: Op, input: Pick<CallInput<Op>, 'path' | 'query'> = {}): string {
    const params = (input.path ?? {}) as Record<string, string>;
    let path: string = OPERATIONS[op].path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(params[name])));
    const query = (input.query ?? {}) as Record<string, unknown>;
    const pairs: string[] = [];
    for (const key of Object.keys(query)) {
      const v = query[key];
      if (v === undefined || v === null) continue;
      // style=form, explode=false (as documented): a list is one comma-separated value
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`);
    }
    if (pairs.length) path += `?${pairs.join('&')}`;
    return path;
  }

  /** One request, answered as it came (2xx and 304); an error answer throws its ApiProblem. */
  async send<Op extends OperationId>(op: Op, input: CallInput<Op> = {}): Promise<RawAnswer> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json, text/*', ...(input.headers ?? {}) };
    if (this.getToken) headers.authorization = `Bearer ${await this.getToken()}`;
    const init: HttpInit = { method: OPERATIONS[op].method, headers };
    if (input.body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(input.body);
    }
    const res = await this.withTimeout(init, (i) => this.http(this.url(op, input), i));
    if (res.status === 304) return { status: 304, headers: res.headers, body: undefined };
    const type = res.headers.get('content-type') ?? '';
    if (res.status < 200 || res.status >= 300) throw await problemOf(res, type);
    const body = /json/.test(type) ? await res.json() : await res.text();
    return { status: res.status, headers: res.headers, body };
  }

  /**
   * A request whose answer is a file (a letter, an access export, a CSV or Word document): the host's own
   * response when it succeeded, for its blob() and headers; an error answer throws its ApiProblem. `path` is
   * an operation's path with its query (`client.path(op, input)`, or a download link built from one).
   */
  async fetchFile(path: string, init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' }): Promise<HttpResponseLike> {
    const headers: Record<string, string> = { accept: '*/*' };
    if (this.getToken) headers.authorization = `Bearer ${await this.getToken()}`;
    const request: HttpInit = { method: init.method, headers };
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      request.body = JSON.stringify(init.body);
    }
    const res = await this.withTimeout(request, (i) => this.http(this.baseUrl + path, i));
    if (res.status < 200 || res.status >= 300) throw await problemOf(res, res.headers.get('content-type') ?? '');
    return res;
  }

  /** An operation's success body, typed by the generated contract. */
  async call<Op extends OperationId>(op: Op, input: CallInput<Op> = {}): Promise<ResponseOf<Op>> {
    return (await this.send(op, input)).body as ResponseOf<Op>;
  }

  /**
   * Runs a command of the core. Its commandId is chosen once (or given: a screen that lets the user try the
   * same submit again passes the id it kept) and sent with every retry, so a submit whose answer was lost
   * runs once on the server. Retries only when no answer came (network, timeout) or a gateway answered.
   */
  async command<Op extends CommandId>(op: Op, input: { path?: PathOf<Op>; body: Omit<BodyOf<Op>, 'commandId'> }, options: { commandId?: string } = {}): Promise<ResponseOf<Op>> {
    const body = { ...(input.body as object), commandId: options.commandId ?? this.newId() } as BodyOf<Op>;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.call(op, { ...(input.path ? { path: input.path } : {}), body });
      } catch (e) {
        if (!(e instanceof ApiProblem) || !e.retryable || attempt >= this.retries) throw e;
        await delay(this.retryDelayMs * Math.pow(2, attempt));
      }
    }
  }

  /** The host's request, given up after timeoutMs (aborted where the host takes a signal). */
  private withTimeout(init: HttpInit, run: (init: HttpInit) => Promise<HttpResponseLike>): Promise<HttpResponseLike> {
    const controller = typeof AbortController !== 'undefined' && this.timeoutMs > 0 ? new AbortController() : undefined;
    if (controller) init.signal = controller.signal;
    return new Promise<HttpResponseLike>((resolve, reject) => {
      let settled = false;
      const timer =
        this.timeoutMs > 0
          ? setTimeout(() => {
              if (settled) return;
              settled = true;
              controller?.abort();
              reject(ApiProblem.of('NETWORK.TIMEOUT', 0));
            }, this.timeoutMs)
          : undefined;
      run(init).then(
        (res) => {
          if (timer !== undefined) clearTimeout(timer);
          if (settled) return;
          settled = true;
          resolve(res);
        },
        () => {
          if (timer !== undefined) clearTimeout(timer);
          if (settled) return;
          settled = true;
          reject(ApiProblem.of('NETWORK.UNREACHABLE', 0));
        },
      );
    });
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The ApiProblem of an error answer: its problem document's code, texts and fields, else its status's. */
async function problemOf(res: HttpResponseLike, type: string): Promise<ApiProblem> {
  let doc: Partial<Problem> = {};
  if (/json/.test(type)) {
    try {
      doc = (await res.json()) as Partial<Problem>;
    } catch {
      // not a problem document: the status decides below
    }
  }
  const code = (typeof doc.code === 'string' ? doc.code : res.status >= 500 ? 'INTERNAL.ERROR' : 'HTTP.BAD_REQUEST') as ProblemCode | ClientCode;
  return new ApiProblem(code, res.status, doc.messages, doc.fields ?? [], doc.code ? (doc as Problem) : undefined);
}
