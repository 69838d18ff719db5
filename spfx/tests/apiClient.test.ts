/**
 * @jest-environment node
 */
import { ApiClient } from '../src/caseList/apiClient';
import type { HttpLike } from '../src/caseList/apiClient';
import { ApiProblem } from '../src/caseList/model';
import { edge } from './httpEdge';

const bearer = (token: string): HttpLike => (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });

describe('ApiClient against the Signaalpunt API contract', () => {
  test('lists cases with the API’s query parameters and reads one case, with the bearer token', async () => {
    const api = await edge((req) =>
      req.url.startsWith('/api/v1/cases?')
        ? { status: 200, body: { items: [], total: 0, limit: 25, offset: 50 } }
        : { status: 200, body: { id: 'c1', version: 1, reference: 'SJV-2026-0001', phase: 'INBRENG', access: {} } },
    );
    const client = new ApiClient(`${api.url}/`, bearer('t0k3n'));
    expect(await client.listCases({ phases: ['INBRENG', 'VERRIJKING'], status: 'open', organisationId: 'politie', overdue: true, limit: 25, offset: 50 })).toEqual({ items: [], total: 0 });
    expect(api.seen[0]!.url).toBe('/api/v1/cases?limit=25&offset=50&phase=INBRENG%2CVERRIJKING&status=open&organisation=politie&overdue=true');
    expect(api.seen[0]!.headers.authorization).toBe('Bearer t0k3n');
    expect((await client.getCase('c1')).reference).toBe('SJV-2026-0001');
    expect(api.seen[1]!.url).toBe('/api/v1/cases/c1');
    await api.close();
  });

  test('posts a command to its own endpoint as JSON', async () => {
    const api = await edge(() => ({ status: 200, body: { caseId: 'c1', reference: 'SJV-2026-0001', phase: 'VERRIJKING', version: 2, outcome: 'YES', replayed: false } }));
    const client = new ApiClient(api.url, bearer('x'));
    const out = await client.execute('decideSuspicion', 'c1', { commandId: 'cmd-12345678', expectedVersion: 1, suspicion: true, rationale: 'r' });
    expect(out.phase).toBe('VERRIJKING');
    expect(api.seen[0]).toMatchObject({ method: 'POST', url: '/api/v1/cases/c1/decide-suspicion' });
    expect(api.seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ commandId: 'cmd-12345678', expectedVersion: 1, suspicion: true, rationale: 'r' });
    await api.close();
  });

  test('a problem+json answer becomes an ApiProblem with its code and Dutch and English text', async () => {
    const api = await edge(() => ({
      status: 409,
      body: { code: 'CASE.TRANSITION_NOT_ALLOWED', status: 409, messages: { nl: 'Deze stap is in de huidige fase niet mogelijk.', en: 'This step is not possible in the current phase.' } },
    }));
    const client = new ApiClient(api.url, bearer('x'));
    const err = await client.execute('closeCase', 'c1', { commandId: 'cmd-12345678', rationale: 'r' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiProblem);
    expect(err).toMatchObject({ code: 'CASE.TRANSITION_NOT_ALLOWED', status: 409, messages: { nl: 'Deze stap is in de huidige fase niet mogelijk.' } });
    await api.close();
  });
});
