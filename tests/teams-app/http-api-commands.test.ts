/**
 * The tab's HTTP client runs commands through the API contract's client (packages/contract): a submit whose
 * request met a network error is sent again with the form's commandId and decides once; a refusal is an
 * ApiProblem with the server's code. And the tab keeps no hand-written copy of the API's request types.
 * Real server (local mode, SQLite), real fetch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiProblem, HttpTabApi, newCommandId } from '../../teams-app/src/api';
import type { TestServer } from '../server/support/harness';
import { DEMO, driveTo, startTestServer } from '../server/support/harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

test('decideSuspicion after a dropped request: sent again with the form’s commandId, decided once', async () => {
  const caseId = await driveTo(t, 'INBRENG');
  const sent: string[] = [];
  let calls = 0;
  const api = new HttpTabApi(() => t.token(DEMO.voorzitter), t.url, async (input, init) => {
    if (typeof init?.body === 'string') sent.push((JSON.parse(init.body) as { commandId: string }).commandId);
    if (++calls === 1) throw new TypeError('fetch failed');
    return fetch(input, init);
  });
  const commandId = newCommandId();
  const outcome = await api.decideSuspicion(caseId, { suspicion: true, rationale: 'Meerdere signalen van dealen.', expectedVersion: 1 }, commandId);
  expect(outcome).toMatchObject({ caseId, phase: 'VERRIJKING', replayed: false });
  expect(sent).toEqual([commandId, commandId]);
  // the form sends the same id again (the user pressed again): the server answers the replay
  expect(await api.decideSuspicion(caseId, { suspicion: true, rationale: 'Meerdere signalen van dealen.', expectedVersion: 1 }, commandId)).toMatchObject({ replayed: true });
});

test('a refusal reaches the tab as an ApiProblem with the server’s code', async () => {
  const caseId = await driveTo(t, 'INBRENG');
  const api = new HttpTabApi(() => t.token(DEMO.mentor), t.url);
  const e = await api.decideSuspicion(caseId, { suspicion: true, rationale: 'x', expectedVersion: 1 }, newCommandId()).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ApiProblem);
  expect(e).toMatchObject({ code: 'AUTH.FORBIDDEN', status: 403 });
});

test('the tab declares no request or response shapes of the API by hand: they come from the contract', () => {
  const source = readFileSync(join(__dirname, '..', '..', 'teams-app', 'src', 'api.ts'), 'utf8');
  expect(source.match(/^export interface \w+/gm)).toEqual(['export interface TabApi', 'export interface MeetingListener']);
  expect(source).toMatch(/SuspicionInput = Omit<BodyOf<'decideSuspicion'>, 'commandId'>/);
});
