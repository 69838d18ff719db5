/**
 * The web part's data sources for the resident's status page (issue 19), against the real API server over
 * HTTP: in SharePoint the case list comes from PnP and everything else from the API (combine(list, api)),
 * so the access-code calls must pass through combine; the accountability source (the API client) reads
 * the residents' requests with the case id that opens the case. The case-list reader here is a plain
 * CaseListSource (the access-code calls never touch it).
 */
// The spfx/ sources are type-checked by spfx/tsconfig*.json (JSX, their own lib and settings); the root
// project's tsc must not compile them under its settings, so this file names their shapes itself (only
// what it uses) and loads them at run time (ts-jest transpiles them).
type HttpLike = (url: string, init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string }) => Promise<unknown>;
interface ResidentRequest {
  reference: string;
  caseId: string;
  kind: string;
  at: string;
  dueOn: string;
  status: string;
}
interface AccessCodes {
  revokeAccessCode?(caseId: string): Promise<{ reference: string; revokedAt: string }>;
  reissueAccessCode?(caseId: string): Promise<{ reference: string; code: string; issuedAt: string }>;
}
interface CaseApi extends AccessCodes {
  getCase(id: string): Promise<unknown>;
  getAudit(id: string): Promise<unknown>;
  execute(name: string, id: string, input: Record<string, unknown>): Promise<unknown>;
  catalogue(): Promise<unknown>;
  partners(): Promise<unknown>;
  me(): Promise<unknown>;
}
interface CaseListSource {
  listCases(filter: unknown): Promise<{ items: unknown[]; total: number }>;
}
interface ApiClientType extends CaseApi {
  residentRequests(): Promise<ResidentRequest[]>;
}
// reason: runtime modules of the spfx/ package, loaded without pulling them into the root tsc program.
/* eslint-disable @typescript-eslint/no-require-imports */
const { ApiDataSource } = require('../../spfx/src/caseList/apiClient') as { ApiDataSource: new (base: string, http: HttpLike) => ApiClientType };
const { combine } = require('../../spfx/src/caseList/dataSource') as { combine: (list: CaseListSource, api: CaseApi) => CaseApi & CaseListSource };
const { ApiProblem } = require('../../packages/contract/src/client') as { ApiProblem: new (...args: never[]) => Error };
/* eslint-enable @typescript-eslint/no-require-imports */
import { DEMO } from '../server/support/harness';
import type { Both } from '../resident/support';
import { caseInVerrijking, letterCode, login, startBoth } from '../resident/support';

let b: Both;
let api: ApiClientType;
const listOnly: CaseListSource = { listCases: async () => ({ items: [], total: 0 }) };

beforeAll(async () => {
  b = await startBoth({ baseDelayMs: 1, maxDelayMs: 5 });
  const token = await b.t.token(DEMO.regisseur);
  const http: HttpLike = (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
  api = new ApiDataSource(b.t.url, http);
});
afterAll(() => b.close());

test('combine(list, api) passes revoke and reissue to the API: the revoked code stops opening the status page, the reissued one opens it', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  const source = combine(listOnly, api);
  expect(typeof source.revokeAccessCode).toBe('function');
  await expect(source.revokeAccessCode!(caseId)).resolves.toMatchObject({ reference });
  expect((await login(b.r, reference, code, '10.0.7.1')).status).toBe(401);
  const issued = await source.reissueAccessCode!(caseId);
  expect(issued.reference).toBe(reference);
  expect(issued.code).not.toBe(code);
  expect((await login(b.r, reference, issued.code, '10.0.7.2')).status).toBe(303);
});

test('a refusal reaches the web part as an ApiProblem with its Dutch text and its reason (409 NO_CODE)', async () => {
  const { caseId } = await caseInVerrijking(b.t);
  const e = await combine(listOnly, api).revokeAccessCode!(caseId).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ApiProblem);
  expect(e).toMatchObject({ code: 'CASE.PRECONDITION_FAILED', status: 409, problem: { reason: 'NO_CODE' }, messages: { nl: 'Aan een voorwaarde voor deze stap is niet voldaan.' } });
});

test('without access-code calls on the API, combine offers none (the panel then shows no access-code section)', () => {
  const bare: CaseApi = { getCase: api.getCase.bind(api), getAudit: api.getAudit.bind(api), execute: api.execute.bind(api), catalogue: api.catalogue.bind(api), partners: api.partners.bind(api), me: api.me.bind(api) };
  const source = combine(listOnly, bare);
  expect(source.revokeAccessCode).toBeUndefined();
  expect(source.reissueAccessCode).toBeUndefined();
});

test('the API client reads a resident’s request with the case id that opens the case, and nothing else', async () => {
  const { caseId, reference } = await caseInVerrijking(b.t);
  const code = await letterCode(b.t, caseId);
  const session = await login(b.r, reference, code, '10.0.7.3');
  const asked = await fetch(`${b.r.url}/request`, { method: 'POST', headers: { cookie: session.cookie!, 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=objection' });
  expect(asked.status).toBe(200);
  const mine = (await api.residentRequests()).find((r) => r.reference === reference)!;
  expect(Object.keys(mine).sort()).toEqual(['at', 'caseId', 'dueOn', 'kind', 'reference', 'status']);
  expect(mine).toMatchObject({ caseId, kind: 'objection', status: 'open' });
});
