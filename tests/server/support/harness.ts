/**
 * A real server for tests: local (or production) mode on port 0, a real SQLite store in a temp dir, logs
 * captured as lines. Requests go over real HTTP (fetch); tokens come from POST /api/v1/dev/token.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../src/config';
import { loadConfig } from '../../../src/config';
import type { CommandName } from '../../../src/core/phases';
import { COMMANDS } from '../../../src/core/phases';
import { SqliteStore } from '../../../src/adapters/sqlite';
import type { RunningServer, StartOptions } from '../../../src/server/start';
import { startServer } from '../../../src/server/start';

// reason: response bodies are JSON read by path in assertions; typing each one would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  /** a demo user id: a token is fetched for it. */
  as?: string;
  token?: string;
  body?: unknown;
  /** sent as is (no JSON encoding). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  config: Config;
  /** the test servers run on the embedded store (SJV_STORE=sqlite), so tests may reach into its tables. */
  server: RunningServer & { store: SqliteStore };
  dataDir: string;
  logs: string[];
  routes: { method: string; url: string }[];
  token(user: string): Promise<string>;
  call<T = Json>(method: string, path: string, opts?: CallOptions): Promise<Reply<T>>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'sjv-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function startTestServer(env: Record<string, string> = {}, opts: StartOptions & { dataDir?: string; keepDataDir?: boolean } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  // Production-mode tests (Entra tokens) run on SQLite too: the explicit override production requires for it.
  const storeEnv = env.SJV_MODE === 'production' && env.SJV_STORE === undefined ? { SJV_STORE: 'sqlite', SJV_ALLOW_SQLITE_IN_PRODUCTION: 'true' } : {};
  const config = loadConfig({ SJV_DATA_DIR: dataDir, PORT: '0', SJV_JOBS: 'off', SJV_DEMO_CASES: 'off', SJV_LOG_LEVEL: 'info', SJV_PAGES_DIR: join(dataDir, 'no-pages'), ...storeEnv, ...env });
  const logs: string[] = [];
  const routes: { method: string; url: string }[] = [];
  const server = await startServer(config, {
    logDestination: { write: (line: string) => void logs.push(line) },
    onRoute: (r) => routes.push(r),
    ...opts,
  });
  if (!(server.store instanceof SqliteStore)) {
    await server.close();
    throw new Error('the test harness runs on the SQLite store');
  }
  const sqliteServer = { ...server, store: server.store };
  const tokens = new Map<string, string>();
  const call = async <T = Json>(method: string, path: string, o: CallOptions = {}): Promise<Reply<T>> => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    const token = o.token ?? (o.as ? await t.token(o.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Buffer | undefined;
    if (o.rawBody !== undefined) body = o.rawBody;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    if (/json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };
  const t: TestServer = {
    url: server.url,
    config,
    server: sqliteServer,
    dataDir,
    logs,
    routes,
    async token(user) {
      const cached = tokens.get(user);
      if (cached) return cached;
      const r = await call<{ access_token: string }>('POST', '/api/v1/dev/token', { body: { user } });
      if (r.status !== 200) throw new Error(`no token for ${user}: ${r.status} ${r.text}`);
      tokens.set(user, r.body.access_token);
      return r.body.access_token;
    },
    call,
    async close() {
      await server.close();
      if (!opts.keepDataDir && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

export const DEMO = {
  regisseur: 'regisseur@gemeente.demo',
  voorzitter: 'voorzitter@gemeente.demo',
  fg: 'fg@gemeente.demo',
  mentor: 'mentor@school.demo',
  agent: 'wijkagent@politie.demo',
  coach: 'coach@wijkteam.demo',
  leerplicht: 'ambtenaar@leerplicht.demo',
  jongerenwerk: 'werker@jongerenwerk.demo',
  trainer: 'trainer@sportclub.demo',
} as const;

export const cmdId = (): string => randomUUID();

/** An ISO date `days` from today (UTC). */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export const CONCERN = {
  ageYears: 15,
  riskSignals: ['GELD', 'VERZUIM'],
  forms: ['DEALEN'],
  protectiveFactors: ['BETROKKEN_OUDERS'],
  registrationsBand: '0',
  freeText: 'Jongen van ongeveer 15 heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
};

export type ApiPhase = 'INBRENG' | 'VERRIJKING' | 'BESPREKING' | 'OPVOLGING' | 'REFLECTIE' | 'CLOSED';

/** Valid bodies of every command on a case, as the demo users would send them. */
export const BODIES = {
  decideSuspicion: () => ({ suspicion: true, rationale: 'Meerdere signalen van dealen.', aveLevel: '2' }),
  supplyIdentity: () => ({ name: 'Test Persoon', dateOfBirth: '2011-05-04' }),
  recordResidentInformed: () => ({ informedOn: inDays(0) }),
  requestEnrichment: () => ({ organisationIds: ['politie', 'wijkteam'], dueOn: inDays(14) }),
  answerEnrichment: () => ({ known: true, signals: ['LAAT_OP_STRAAT'] }),
  concludeEnrichment: () => ({}),
  recordDiscussion: () => ({
    lifeDomains: { SCHOOL: 'concerning', VRIJE_TIJD: 'concerning', GEZIN: 'notConcerning' },
    parties: ['politie', 'jongerenwerk'],
    followUpOptions: ['GESPREK_JONGERENWERK'],
    leadOrganisationId: 'jongerenwerk',
    contact: { phone: '06-12345678' },
    complete: true,
  }),
  recordFollowUp: () => ({
    actions: [{ offerCode: 'GESPREK_JONGERENWERK', organisationId: 'jongerenwerk', dueOn: inDays(30) }],
    residentStance: 'agrees',
    complete: true,
  }),
  updateActionStatus: (actionId: string) => ({ actionId, status: 'done', outcome: 'Gesprekken gevoerd.' }),
  closeCase: () => ({ rationale: 'Opvolging loopt via het jongerenwerk.', advisedRoute: 'JONGERENWERK' }),
  withdrawCase: () => ({ rationale: 'Inbrenger trekt de zorg in.', advisedRoute: 'WIJKTEAM' }),
};

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Runs a command over HTTP and fails the test when it is refused. */
export async function command(t: TestServer, as: string, name: string, caseId: string | undefined, body: Record<string, unknown>): Promise<Json> {
  const path = caseId ? `/api/v1/cases/${caseId}/${kebab(name)}` : '/api/v1/cases';
  const r = await t.call('POST', path, { as, body: { commandId: cmdId(), ...body } });
  if (r.status >= 300) throw new Error(`${name} by ${as} refused: ${r.status} ${r.text}`);
  return r.body;
}

/** A command's path: the command table's `path`, else its name in kebab case. */
export const commandPath = (name: string, caseId?: string): string => (caseId ? `/api/v1/cases/${caseId}/${COMMANDS[name as CommandName]?.path ?? kebab(name)}` : '/api/v1/cases');

/** Walks a new case to `phase` over the API with the demo users. */
export async function driveTo(t: TestServer, phase: ApiPhase): Promise<string> {
  const { caseId } = await command(t, DEMO.mentor, 'submitConcern', undefined, CONCERN);
  if (phase === 'INBRENG') return caseId;
  await command(t, DEMO.voorzitter, 'decideSuspicion', caseId, BODIES.decideSuspicion());
  if (phase === 'VERRIJKING') return caseId;
  await command(t, DEMO.mentor, 'supplyIdentity', caseId, BODIES.supplyIdentity());
  await command(t, DEMO.regisseur, 'requestEnrichment', caseId, BODIES.requestEnrichment());
  await command(t, DEMO.agent, 'answerEnrichment', caseId, BODIES.answerEnrichment());
  await command(t, DEMO.regisseur, 'concludeEnrichment', caseId, {});
  if (phase === 'BESPREKING') return caseId;
  await command(t, DEMO.voorzitter, 'recordDiscussion', caseId, { ...BODIES.recordDiscussion(), contact: undefined });
  if (phase === 'OPVOLGING') return caseId;
  await command(t, DEMO.jongerenwerk, 'recordFollowUp', caseId, BODIES.recordFollowUp());
  if (phase === 'REFLECTIE') return caseId;
  // closing needs a finished action and the informing recorded (issues 16, 18)
  const view = await t.call('GET', `/api/v1/cases/${caseId}`, { as: DEMO.jongerenwerk });
  await command(t, DEMO.jongerenwerk, 'updateActionStatus', caseId, BODIES.updateActionStatus(view.body.followUp.actions[0].id));
  await command(t, DEMO.regisseur, 'recordResidentInformed', caseId, BODIES.recordResidentInformed());
  await command(t, DEMO.regisseur, 'closeCase', caseId, BODIES.closeCase());
  return caseId;
}
