/**
 * The OpenAPI 3.1 document: valid, complete (every registered route is in it, every operation is named
 * after the core's command or query), and generated from the same schemas that validate requests.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Json, TestServer } from './support/harness';
import { CONCERN, cmdId, startTestServer } from './support/harness';

let t: TestServer;
let doc: Json;
beforeAll(async () => {
  t = await startTestServer();
  const r = await t.call('GET', '/api/openapi.json');
  expect(r.status).toBe(200);
  doc = r.body;
});
afterAll(async () => {
  await t.close();
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

test('the document is a valid OpenAPI 3.1 document', async () => {
  expect(doc.openapi).toBe('3.1.0');
  await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
});

test('every registered route of the API is in the document, and every documented operation is registered', () => {
  // Not API: the static pages and the redirect to them; HEAD and OPTIONS are added by fastify and CORS.
  const registered = t.routes
    .filter((r) => !['HEAD', 'OPTIONS'].includes(r.method))
    .filter((r) => r.url !== '/' && !r.url.startsWith('/pages'))
    .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => METHODS.includes(m))
      .map((m) => `${m} ${path}`),
  );
  expect(registered.length).toBeGreaterThan(20);
  expect(new Set(registered)).toEqual(new Set(documented));
});

test('operationIds are the core’s command and query names', () => {
  const ids = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) => Object.values(item).map((op) => op.operationId));
  expect(ids).toEqual(
    expect.arrayContaining([
      'submitConcern',
      'decideSuspicion',
      'supplyIdentity',
      'recordResidentInformed',
      'requestEnrichment',
      'answerEnrichment',
      'concludeEnrichment',
      'recordDiscussion',
      'recordFollowUp',
      'updateActionStatus',
      'closeCase',
      'withdrawCase',
      'listCases',
      'getCase',
      'getMe',
      'getCatalogue',
      'listPartners',
      'getCaseAudit',
      'verifyAudit',
      'runRetention',
      'getRetentionReport',
    ]),
  );
  expect(new Set(ids).size).toBe(ids.length);
});

test('every path parameter is declared (the validator does not check this for 3.1)', () => {
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>)) {
    const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const op of Object.values(item)) expect([path, (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)]).toEqual([path, inPath]);
  }
});

test('the documented request schema is the core’s: it accepts a valid concern and refuses unknown fields and wrong types', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const schema = doc.paths['/api/v1/cases'].post.requestBody.content['application/json'].schema;
  const validate = ajv.compile(schema);
  expect(validate({ commandId: cmdId(), ...CONCERN })).toBe(true);
  expect(validate({ commandId: cmdId(), ...CONCERN, colour: 'red' })).toBe(false);
  expect(validate({ commandId: cmdId(), ...CONCERN, ageYears: '15' })).toBe(false);
  expect(validate({ ...CONCERN })).toBe(false);
});

test('commands on a case take the caseId from the path, not the body', () => {
  const op = doc.paths['/api/v1/cases/{caseId}/decide-suspicion'].post;
  expect(op.parameters).toEqual([expect.objectContaining({ name: 'caseId', in: 'path', required: true })]);
  const body = op.requestBody.content['application/json'].schema;
  expect(Object.keys(body.properties)).not.toContain('caseId');
  expect(body.required).toEqual(expect.arrayContaining(['commandId', 'suspicion', 'rationale']));
  expect(body.additionalProperties).toBe(false);
});

test('errors are documented as problem+json and protected operations need a bearer token', () => {
  expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
  const submit = doc.paths['/api/v1/cases'].post;
  for (const status of ['400', '401', '403', '413', '422', '429']) expect(Object.keys(submit.responses[status].content)).toEqual(['application/problem+json']);
  expect(doc.paths['/healthz'].get.security).toEqual([]);
  expect(doc.paths['/api/v1/dev/token'].post.security).toEqual([]);
  expect(submit.security).toBeUndefined(); // the global bearerAuth applies
});

test('every success response documents its body: a JSON schema, or its non-JSON content type', () => {
  const undocumented: string[] = [];
  for (const item of Object.values(doc.paths as Record<string, Record<string, Json>>)) {
    for (const op of Object.values(item)) {
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (!status.startsWith('2')) continue;
        const content = (response.content ?? {}) as Record<string, { schema?: Record<string, unknown> }>;
        const documented = Object.keys(content).length > 0 && Object.entries(content).every(([type, c]) => type !== 'application/json' || (c.schema !== undefined && Object.keys(c.schema).length > 0));
        if (!documented) undocumented.push(op.operationId as string);
      }
    }
  }
  expect(undocumented).toEqual([]);
});

test('the health, readiness and document responses match their documented schemas', async () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const [path, operation] of [['/healthz', 'getHealth'], ['/readyz', 'getReadiness'], ['/api/openapi.json', 'getOpenApi']] as const) {
    const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
    const r = await t.call('GET', path);
    expect({ operation, status: r.status }).toEqual({ operation, status: 200 });
    expect({ operation, valid: ajv.validate(schema, r.body), errors: ajv.errors ?? null }).toEqual({ operation, valid: true, errors: null });
  }
  const health = doc.paths['/healthz'].get.responses['200'].content['application/json'].schema;
  expect(ajv.validate(health, { status: 'down' })).toBe(false);
});
