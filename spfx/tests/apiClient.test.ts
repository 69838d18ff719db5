/**
 * @jest-environment node
 */
import { ApiDataSource } from '../src/caseList/apiClient';
import type { HttpLike } from '../src/caseList/apiClient';
import { ApiProblem } from '@signaalpunt/contract/client';
import { edge } from './httpEdge';

const bearer = (token: string): HttpLike => (url, init) => fetch(url, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });

describe('ApiClient against the Signaalpunt API contract', () => {
  test('lists cases with the API’s query parameters and reads one case, with the bearer token', async () => {
    const api = await edge((req) =>
      req.url.startsWith('/api/v1/cases?')
        ? { status: 200, body: { items: [], total: 0, limit: 25, offset: 50 } }
        : { status: 200, body: { id: 'c1', version: 1, reference: 'SJV-2026-0001', phase: 'INBRENG', access: {} } },
    );
    const client = new ApiDataSource(`${api.url}/`, bearer('t0k3n'));
    expect(await client.listCases({ phases: ['INBRENG', 'VERRIJKING'], status: 'open', organisationId: 'politie', overdue: true, limit: 25, offset: 50 })).toEqual({ items: [], total: 0 });
    expect(api.seen[0]!.url).toBe('/api/v1/cases?limit=25&offset=50&phase=INBRENG%2CVERRIJKING&status=open&organisation=politie&overdue=true');
    expect(api.seen[0]!.headers.authorization).toBe('Bearer t0k3n');
    expect((await client.getCase('c1')).reference).toBe('SJV-2026-0001');
    expect(api.seen[1]!.url).toBe('/api/v1/cases/c1');
    await api.close();
  });

  test('posts a command to its own endpoint as JSON', async () => {
    const api = await edge(() => ({ status: 200, body: { caseId: 'c1', reference: 'SJV-2026-0001', phase: 'VERRIJKING', version: 2, outcome: 'YES', replayed: false } }));
    const client = new ApiDataSource(api.url, bearer('x'));
    const out = await client.execute('decideSuspicion', 'c1', { commandId: 'cmd-12345678', expectedVersion: 1, suspicion: true, rationale: 'r' });
    expect(out.phase).toBe('VERRIJKING');
    expect(api.seen[0]).toMatchObject({ method: 'POST', url: '/api/v1/cases/c1/decide-suspicion' });
    expect(api.seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ commandId: 'cmd-12345678', expectedVersion: 1, suspicion: true, rationale: 'r' });
    await api.close();
  });

  test('a command whose answer was lost is sent again with the same commandId; a refusal is not retried', async () => {
    const api = await edge((req) =>
      req.url.endsWith('/close-case')
        ? { status: 409, body: { code: 'CASE.PRECONDITION_FAILED', messages: { nl: 'n', en: 'e' } } }
        : { status: 200, body: { caseId: 'c1', reference: 'SJV-2026-0001', phase: 'VERRIJKING', version: 2, outcome: 'YES', replayed: true } },
    );
    let calls = 0;
    // the first request reaches the server, but its answer is lost on the way back (a timeout, a dropped connection)
    const losesFirstAnswer: HttpLike = async (url, init) => {
      const res = await bearer('x')(url, init);
      if (++calls === 1) throw new TypeError('Failed to fetch');
      return res;
    };
    const client = new ApiDataSource(api.url, losesFirstAnswer);
    const out = await client.execute('decideSuspicion', 'c1', { commandId: 'cmd-12345678', expectedVersion: 1, suspicion: true, rationale: 'r' });
    expect(out.replayed).toBe(true);
    expect(api.seen.map((r) => JSON.parse(r.body).commandId)).toEqual(['cmd-12345678', 'cmd-12345678']);
    const refused = await client.execute('closeCase', 'c1', { commandId: 'cmd-87654321', rationale: 'r' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect(api.seen.filter((r) => r.url.endsWith('/close-case'))).toHaveLength(1);
    await api.close();
  });

  test('a submit whose answer did not come in time is sent again by the contract client with the same commandId, and the server’s replay is the answer', async () => {
    const api = await edge(() => ({ status: 200, body: { caseId: 'c1', reference: 'SJV-2026-0001', phase: 'VERRIJKING', version: 2, outcome: 'YES', replayed: api.seen.length > 1 } }));
    let calls = 0;
    // the first request reaches the server, but its answer never arrives: the client stops waiting after timeoutMs
    const hangsFirst: HttpLike = async (url, init) => {
      const res = await bearer('x')(url, init);
      return ++calls === 1 ? new Promise<never>(() => undefined) : res;
    };
    const client = new ApiDataSource(api.url, hangsFirst, { timeoutMs: 200, retryDelayMs: 1 });
    const out = await client.execute('decideSuspicion', 'c1', { commandId: 'cmd-timed-out', expectedVersion: 1, suspicion: true, rationale: 'r' });
    expect(out.replayed).toBe(true);
    expect(api.seen.map((r) => JSON.parse(r.body).commandId)).toEqual(['cmd-timed-out', 'cmd-timed-out']);
    await api.close();
  });

  test('a problem+json answer becomes an ApiProblem with its code and Dutch and English text', async () => {
    const api = await edge(() => ({
      status: 409,
      body: { code: 'CASE.TRANSITION_NOT_ALLOWED', status: 409, messages: { nl: 'Deze stap is in de huidige fase niet mogelijk.', en: 'This step is not possible in the current phase.' } },
    }));
    const client = new ApiDataSource(api.url, bearer('x'));
    const err = await client.execute('closeCase', 'c1', { commandId: 'cmd-12345678', rationale: 'r' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiProblem);
    expect(err).toMatchObject({ code: 'CASE.TRANSITION_NOT_ALLOWED', status: 409, messages: { nl: 'Deze stap is in de huidige fase niet mogelijk.' } });
    await api.close();
  });

  test('an identifier refusal keeps the field paths and categories the problem names (never a value)', async () => {
    const api = await edge(() => ({
      status: 422,
      body: {
        code: 'INTAKE.IDENTIFIER_DETECTED',
        status: 422,
        messages: { nl: 'De tekst bevat mogelijk gegevens waarmee iemand te herkennen is.', en: 'The text may contain data that identifies a person.' },
        fields: [{ path: 'rationale', issue: 'PERSON_NAME' }],
        spans: [{ field: 'rationale', category: 'PERSON_NAME', start: 0, end: 6 }],
      },
    }));
    const client = new ApiDataSource(api.url, bearer('x'));
    const err = await client.execute('withdrawCase', 'c1', { commandId: 'cmd-12345678', rationale: 'r' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiProblem);
    expect(err).toMatchObject({ code: 'INTAKE.IDENTIFIER_DETECTED', status: 422, fields: [{ path: 'rationale', issue: 'PERSON_NAME' }] });
    await api.close();
  });

  test('the dashboard reads statistics for a period and locale, and copies only the allowed fields of the deadlines and the retention report: references and dates, no user ids', async () => {
    const api = await edge((req) => {
      if (req.url.startsWith('/api/v1/statistics?')) return { status: 200, body: { format: 'sjv-statistics/1', concerns: { total: '<5' } } };
      if (req.url === '/api/v1/informing/reminders')
        return { status: 200, body: { items: [{ caseId: 'c1', reference: 'SJV-2026-0007', inbrengerUserId: 'mentor@school.demo', inbrengerOrganisationId: 'school', dueOn: '2026-03-20', deferred: false, overdue: true, daysLeft: -2 }] } };
      if (req.url === '/api/v1/retention/report')
        return {
          status: 200,
          body: {
            asOf: '2026-03-31',
            due: [{ reference: 'SJV-2025-0001', retentionAtLatest: '2026-03-28' }],
            deletions: [{ caseId: 'c2', reference: 'SJV-2024-0002', at: '2026-03-02T01:00:00.000Z', reason: 'RETENTION_EXPIRED', by: 'retention-job', destroyed: ['C', 'freeText'] }],
          },
        };
      return { status: 200, body: { ok: true, rows: 12, lastHash: 'abc' } };
    });
    const client = new ApiDataSource(api.url, bearer('x'));
    expect((await client.statistics({ from: '2025-04-01', to: '2026-03-31' }, 'en')).concerns.total).toBe('<5');
    expect(api.seen[0]!.url).toBe('/api/v1/statistics?from=2025-04-01&to=2026-03-31&locale=en');
    const deadlines = await client.informingDeadlines();
    expect(deadlines).toEqual([{ reference: 'SJV-2026-0007', dueOn: '2026-03-20', overdue: true, deferred: false, daysLeft: -2 }]);
    const retention = await client.retentionReport();
    expect(retention).toEqual({
      asOf: '2026-03-31',
      due: [{ reference: 'SJV-2025-0001', retentionAtLatest: '2026-03-28' }],
      deletions: [{ reference: 'SJV-2024-0002', at: '2026-03-02T01:00:00.000Z', destroyed: ['C', 'freeText'] }],
    });
    expect(JSON.stringify([deadlines, retention])).not.toMatch(/mentor@|retention-job|"c\d"|inbrenger/);
    expect(await client.verifyAudit()).toEqual({ ok: true, rows: 12 });
    expect(api.seen.map((r) => r.url).slice(1)).toEqual(['/api/v1/informing/reminders', '/api/v1/retention/report', '/api/v1/audit/verification']);
    expect(api.seen.every((r) => r.headers.authorization === 'Bearer x')).toBe(true);
    await api.close();
  });

  test('download: an authenticated GET of the CSV with the server’s file name and the bytes; a refusal is an ApiProblem with its code', async () => {
    let refuse = false;
    const api = await edge(() =>
      refuse
        ? { status: 403, body: { code: 'AUTH.FORBIDDEN', status: 403, messages: { nl: 'Geen toegang.', en: 'No access.' } } }
        : { status: 200, body: 'metric,category,value', headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="statistieken-2026-01-01-2026-03-31.csv"' } },
    );
    const client = new ApiDataSource(api.url, bearer('t0k3n'));
    const file = await client.download('/api/v1/statistics?from=2026-01-01&to=2026-03-31&locale=nl&format=csv', 'fallback.csv');
    expect(api.seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/statistics?from=2026-01-01&to=2026-03-31&locale=nl&format=csv' });
    expect(api.seen[0]!.headers.authorization).toBe('Bearer t0k3n');
    expect(file.fileName).toBe('statistieken-2026-01-01-2026-03-31.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(await file.blob.text()).toBe('"metric,category,value"');
    refuse = true;
    const err = await client.download('/api/v1/privacy/register?format=docx', 'register.docx').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AUTH.FORBIDDEN', status: 403 });
    await api.close();
  });

  test('download without a readable Content-Disposition (cross-origin without exposed headers) uses the fallback name', async () => {
    const api = await edge(() => ({ status: 200, body: 'x', headers: { 'Content-Type': 'text/markdown' } }));
    const client = new ApiDataSource(api.url, bearer('x'));
    expect((await client.download('/api/v1/privacy/dpia-annex?format=markdown', 'dpia-annex.md')).fileName).toBe('dpia-annex.md');
    await api.close();
  });
});

describe('the reference data ("Beheer", issue 16) over the contract', () => {
  const data = { catalogue: [], offers: [{ organisationId: 'politie', code: 'HALT', nl: 'Halt', en: 'Halt', kind: 'intervention' as const, minAge: 12, maxAge: 17, activeUntil: '2026-04-01' }], registry: [{ organisationId: 'politie', joinedOn: '2025-09-01' }] };

  test('reads the newest version from GET /api/v1/reference-data and saves with commandId, expectedVersion and the whole data', async () => {
    const api = await edge((req) =>
      req.method === 'GET'
        ? { status: 200, body: { version: 3, validFrom: '2026-03-01T09:00:00.000Z', changedBy: { role: 'procesregisseur' }, changes: [], data } }
        : { status: 200, body: { version: 4, changes: [{ area: 'offers', op: 'changed', key: 'politie HALT' }], replayed: false } },
    );
    const client = new ApiDataSource(api.url, bearer('x'));
    expect((await client.referenceData()).version).toBe(3);
    expect(api.seen[0]).toMatchObject({ method: 'GET', url: '/api/v1/reference-data' });
    expect((await client.changeReferenceData(3, data, 'cmd-12345678')).version).toBe(4);
    expect(api.seen[1]).toMatchObject({ method: 'POST', url: '/api/v1/reference-data' });
    expect(JSON.parse(api.seen[1]!.body)).toEqual({ commandId: 'cmd-12345678', expectedVersion: 3, data });
    await api.close();
  });

  test('a version in between comes back as REFERENCE.VERSION_CONFLICT, not retried', async () => {
    const api = await edge(() => ({ status: 409, body: { code: 'REFERENCE.VERSION_CONFLICT', messages: { nl: 'n', en: 'e' }, currentVersion: 4, expectedVersion: 3 } }));
    const client = new ApiDataSource(api.url, bearer('x'));
    const refused = await client.changeReferenceData(3, data, 'cmd-12345678').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).code).toBe('REFERENCE.VERSION_CONFLICT');
    expect(api.seen).toHaveLength(1);
    await api.close();
  });
});
