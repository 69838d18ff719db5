/**
 * The OpenAPI 3.1 document, generated from the route table (operations.ts) and the same zod schemas that
 * validate the requests (z.toJSONSchema, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 */
import { z } from 'zod';
import type { Config } from '../config';
import { BODY_LIMIT_BYTES } from '../config';
import { COMMAND_SCHEMAS } from '../core/schemas';
import { COMMANDS } from '../core/phases';
import type { CommandName } from '../core/phases';
import type { Operation } from './operations';
import { HTTP_CODES } from './problems';
import { ERROR_CODES } from '../core/errors';

type JsonSchema = Record<string, unknown>;

const problemSchema = z
  .object({
    type: z.string().describe('urn:signaalpunt:problem:<code>'),
    title: z.string().describe('English text of the code'),
    status: z.number().int(),
    detail: z.string().describe('English sentence about this occurrence; never echoes input'),
    instance: z.string().optional(),
    code: z.enum([...Object.keys(ERROR_CODES), ...Object.keys(HTTP_CODES)] as [string, ...string[]]),
    messages: z.object({ nl: z.string(), en: z.string() }).describe('the message for people, in Dutch and English'),
    fields: z.array(z.object({ path: z.string(), issue: z.string() })).optional().describe('invalid fields by path, with an issue code'),
    categories: z.array(z.string()).optional().describe('kinds of identifiers found (INTAKE.IDENTIFIER_DETECTED)'),
    spans: z.array(z.object({ category: z.string(), start: z.number().int(), end: z.number().int(), field: z.string().optional() })).optional(),
    reason: z.string().optional().describe('a reason code'),
    organisationId: z.string().optional(),
    retryAfterSeconds: z.number().int().optional(),
    expectedVersion: z.number().int().optional().describe('REFERENCE.VERSION_CONFLICT: the version the change was made on'),
    currentVersion: z.number().int().optional().describe('REFERENCE.VERSION_CONFLICT: the newest version now'),
  })
  .describe('RFC 9457 problem details');

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** The request body of a command: the core's schema, without the caseId the path carries. */
function commandBodySchema(op: Operation): JsonSchema {
  const s = jsonSchema(COMMAND_SCHEMAS[op.command!], 'input');
  if (!op.params) return s;
  const properties = { ...(s.properties as Record<string, unknown>) };
  delete properties.caseId;
  const required = ((s.required as string[] | undefined) ?? []).filter((r) => r !== 'caseId');
  return { ...s, properties, required };
}

function parameters(op: Operation): unknown[] {
  const out: unknown[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType): void => {
    const js = jsonSchema(schema, 'input');
    const props = (js.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((js.required as string[] | undefined) ?? []);
    for (const [name, p] of Object.entries(props)) {
      const { description, ...rest } = p;
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
        ...(where === 'query' ? { style: 'form', explode: false } : {}),
      });
    }
  };
  if (op.params) add('path', op.params);
  if (op.query) add('query', op.query);
  return out;
}

/** The success body: its JSON schema, or its one non-JSON type, and the further types it is available as. */
function successContent(op: Operation): { content?: Record<string, { schema: JsonSchema }> } {
  const content: Record<string, { schema: JsonSchema }> = {};
  if (op.success.schema) content['application/json'] = { schema: jsonSchema(op.success.schema, 'output') };
  for (const type of [...(op.success.contentType ? [op.success.contentType] : []), ...(op.success.alsoAs ?? [])]) content[type] = { schema: { type: 'string' } };
  return Object.keys(content).length ? { content } : {};
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemRef } } });

export function buildOpenApiDocument(ops: readonly Operation[], config: Pick<Config, 'mode'> & { serverUrl?: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const responses: Record<string, unknown> = {
      [op.success.status]: { description: op.success.description, ...successContent(op) },
    };
    const hasInput = op.command !== undefined || op.body !== undefined || op.query !== undefined || op.params !== undefined;
    if (hasInput || op.method === 'POST') responses['400'] = problemResponse('Invalid input: the problem names each invalid field (`fields`).');
    if (op.auth) {
      responses['401'] = problemResponse('No valid bearer token (missing, expired, wrong audience or issuer, bad signature, tenant not allowed).');
      responses['403'] = problemResponse('Not allowed for the caller’s role or organisation.');
    }
    if (op.params) responses['404'] = problemResponse('The case does not exist or the caller has no access to it.');
    if (op.method === 'POST') {
      responses['413'] = problemResponse(`Body larger than ${BODY_LIMIT_BYTES / 1024} kB.`);
      responses['415'] = problemResponse('Body is not JSON.');
    }
    if (op.write) responses['429'] = problemResponse('Too many writes by this user; see Retry-After.');
    for (const [status, description] of Object.entries(op.extraResponses ?? {})) responses[status] = problemResponse(description);
    if (op.auth) responses['503'] = problemResponse('Sign-in keys or the store are temporarily unavailable.');
    responses.default = problemResponse('Unexpected error.');

    let requestBody: unknown;
    if (op.command) requestBody = { required: true, content: { 'application/json': { schema: commandBodySchema(op) } } };
    else if (op.body) requestBody = { required: op.operationId !== 'runRetention', content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } };

    const params = parameters(op);
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.operationId,
      summary: op.summary,
      tags: [op.tag],
      ...(op.auth ? {} : { security: [] }),
      ...(op.roles ? { description: `Allowed for: ${op.roles.join(', ')}.` } : {}),
      // the base roles the route allows, for a client to hide what the API would refuse (the contract's OPERATIONS)
      ...(op.roles ? { 'x-signaalpunt-roles': [...op.roles] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
      // where a client may offer the command (the command table's phases, roles, group written, kinds): the
      // contract's COMMAND_RULES are generated from it; the server still decides every call
      ...(op.command ? { 'x-signaalpunt-command': commandRule(op.command) } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Signaalpunt Jeugd & Veiligheid API',
      version: '1.0.0',
      description:
        'Commands and queries of the SJV process. Errors are RFC 9457 problem details with a stable `code` and ' +
        'messages in Dutch and English; no error echoes input. Unknown fields are refused. ' +
        `Mode of this server: ${config.mode}.`,
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    ...(config.serverUrl ? { servers: [{ url: config.serverUrl }] } : {}),
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'cases', description: 'Case queries' },
      { name: 'commands', description: 'One endpoint per command of the core; each takes a client-chosen commandId (idempotent)' },
      { name: 'registry', description: 'User, catalogue and partners' },
      { name: 'accountability', description: 'Audit' },
      { name: 'retention', description: 'Retention report and run' },
      { name: 'system', description: 'Health and this document' },
      { name: 'bot', description: 'Teams bot endpoint' },
      ...(config.mode === 'local' ? [{ name: 'dev', description: 'Local mode only' }] : []),
    ],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: config.mode === 'local' ? 'A token from POST /api/v1/dev/token (local mode).' : 'A Microsoft Entra ID access token for this API.',
        },
      },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
  };
}

/**
 * A command's entry in the command table as clients read it: in which phases, by which roles, writing which
 * group, the groups it may also write, the fewer phases of a role that may issue it in fewer (rolePhases), and — for a command with kinds (a letter) — in which phases each kind may run.
 */
function commandRule(name: CommandName): { phases: string[]; roles: string[]; writes: string; alsoWrites: string[]; rolePhases?: Record<string, string[]>; kinds?: Record<string, string[]> } {
  const rule = COMMANDS[name];
  const copy = (table: Partial<Record<string, readonly string[]>> | undefined): Record<string, string[]> | undefined =>
    table ? Object.fromEntries(Object.entries(table).map(([key, phases]) => [key, [...(phases ?? [])]])) : undefined;
  const rolePhases = copy(rule.rolePhases);
  const kinds = copy(rule.kinds);
  return { phases: [...rule.phases], roles: [...rule.roles], writes: rule.writes, alsoWrites: Object.keys(rule.alsoWrites ?? {}), ...(rolePhases ? { rolePhases } : {}), ...(kinds ? { kinds } : {}) };
}
