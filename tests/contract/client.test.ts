/**
 * The contract's API client against a real server (local mode, SQLite in a temp dir, 127.0.0.1) over
 * Node's fetch as the HttpLike: a submit whose answer is lost (timed out, network error) is sent again with
 * the same commandId and runs once; problem+json answers become ApiProblems with their code; queries are
 * typed by the generated operations.
 */
import type { HttpInit, HttpLike } from '../../packages/contract/src';
import { ApiClient, ApiProblem, ERROR_CODES } from '../../packages/contract/src';
import type { TestServer } from '../server/support/harness';
import { BODIES, CONCERN, DEMO, driveTo, startTestServer } from '../server/support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const fetchHttp: HttpLike = (url, init) => fetch(url, init);

/** Records every request body the client sent. */
function recording(http: HttpLike): { http: HttpLike; sent: { url: string; body: Record<string, unknown> | undefined }[] } {
  const sent: { url: string; body: Record<string, unknown> | undefined }[] = [];
  return {
    sent,
    http: (url: string, init: HttpInit) => {
      sent.push({ url, body: init.body ? (JSON.parse(init.body) as Record<string, unknown>) : undefined });
      return http(url, init);
    },
  };
}

const clientFor = (user: string, http: HttpLike, extra: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}): ApiClient =>
  new ApiClient({ http, baseUrl: t.url, getToken: () => t.token(user), retryDelayMs: 10, ...extra });

const rowsWithCommandId = (commandId: string): number => (t.server.store.db.prepare('SELECT COUNT(*) AS n FROM commands WHERE command_id = ?').get(commandId) as { n: number }).n;
const casesCreatedBy = (commandId: string): number =>
  (t.server.store.db.prepare("SELECT COUNT(*) AS n FROM audit WHERE command_id = ? AND action = 'create' AND phase = 'INBRENG'").get(commandId) as { n: number }).n;

test('a submit that timed out is sent again with the same commandId and creates one case (the retry answers replayed)', async () => {
  let first = true;
  // the server runs the first request, but its answer arrives after the client stopped waiting
  const slowFirstAnswer: HttpLike = async (url, init) => {
    const res = await fetch(url, { method: init.method, headers: init.headers, ...(init.body ? { body: init.body } : {}) });
    if (first) {
      first = false;
      await new Promise((r) => setTimeout(r, 600));
    }
    return res;
  };
  const rec = recording(slowFirstAnswer);
  const client = clientFor(DEMO.mentor, rec.http, { timeoutMs: 300 });
  const outcome = await client.command('submitConcern', { body: CONCERN });
  const ids = rec.sent.map((s) => s.body?.commandId);
  expect(ids).toHaveLength(2);
  expect(ids[1]).toBe(ids[0]);
  expect(outcome).toMatchObject({ phase: 'INBRENG', replayed: true });
  expect(rowsWithCommandId(ids[0] as string)).toBe(1);
  expect(casesCreatedBy(ids[0] as string)).toBe(1);
});

test('a command whose request met a network error is sent again with the same commandId and runs once', async () => {
  const caseId = await driveTo(t, 'INBRENG');
  let calls = 0;
  const dropsFirst: HttpLike = (url, init) => (++calls === 1 ? Promise.reject(new TypeError('fetch failed')) : fetchHttp(url, init));
  const rec = recording(dropsFirst);
  const outcome = await clientFor(DEMO.voorzitter, rec.http).command('decideSuspicion', { path: { caseId }, body: BODIES.decideSuspicion() });
  expect(outcome).toMatchObject({ caseId, phase: 'VERRIJKING', replayed: false });
  expect(rec.sent.map((s) => s.body?.commandId)).toEqual([rec.sent[0]!.body?.commandId, rec.sent[0]!.body?.commandId]);
});

test('a refused command is not retried, and its problem+json becomes an ApiProblem with the code and texts', async () => {
  const caseId = await driveTo(t, 'INBRENG');
  const rec = recording(fetchHttp);
  const refused = await clientFor(DEMO.mentor, rec.http)
    .command('decideSuspicion', { path: { caseId }, body: BODIES.decideSuspicion() })
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ApiProblem);
  expect(refused).toMatchObject({ code: 'AUTH.FORBIDDEN', status: 403, messages: { nl: ERROR_CODES['AUTH.FORBIDDEN'].nl, en: ERROR_CODES['AUTH.FORBIDDEN'].en } });
  expect(rec.sent).toHaveLength(1);
});

test('invalid input comes back as VALIDATION.INVALID_INPUT naming the field, and an unknown case as CASE.NOT_FOUND', async () => {
  const client = clientFor(DEMO.mentor, fetchHttp);
  const invalid = await client.command('submitConcern', { body: { ...CONCERN, ageYears: 99 } }).catch((e: unknown) => e as ApiProblem);
  expect(invalid).toMatchObject({ code: 'VALIDATION.INVALID_INPUT', status: 400 });
  expect((invalid as ApiProblem).fields.map((f) => f.path)).toContain('ageYears');
  const missing = await client.call('getCase', { path: { caseId: '00000000-0000-4000-8000-000000000000' } }).catch((e: unknown) => e);
  expect(missing).toMatchObject({ code: 'CASE.NOT_FOUND', status: 404 });
  expect((missing as ApiProblem).text('nl-NL')).toBe(ERROR_CODES['CASE.NOT_FOUND'].nl);
});

test('no server gives NETWORK.UNREACHABLE after the retries, with the same commandId each time', async () => {
  const rec = recording(() => Promise.reject(new TypeError('fetch failed')));
  const error = await clientFor(DEMO.mentor, rec.http, { retries: 2 }).command('submitConcern', { body: CONCERN }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'NETWORK.UNREACHABLE', status: 0 });
  expect(new Set(rec.sent.map((s) => s.body?.commandId)).size).toBe(1);
  expect(rec.sent).toHaveLength(3);
});

test('queries fill in path and query parameters: the list filtered by phases, one case by id', async () => {
  const caseId = await driveTo(t, 'VERRIJKING');
  const client = clientFor(DEMO.regisseur, fetchHttp);
  expect(client.url('listCases', { query: { phase: 'INBRENG,VERRIJKING', limit: 5 } })).toBe(`${t.url}/api/v1/cases?phase=INBRENG%2CVERRIJKING&limit=5`);
  const page = await client.call('listCases', { query: { phase: 'VERRIJKING', limit: 200 } });
  expect(page.items.map((c) => c.id)).toContain(caseId);
  expect(page.items.every((c) => c.phase === 'VERRIJKING')).toBe(true);
  const view = await client.call('getCase', { path: { caseId } });
  expect(view).toMatchObject({ id: caseId, phase: 'VERRIJKING' });
});
