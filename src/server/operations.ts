/**
 * THE route table of the API: every operation with its method, path, input schemas (the core's zod
 * schemas for commands), who may call it and what it runs. Routes are registered from this table and the
 * OpenAPI document is generated from it, so the two cannot drift apart.
 */
import { undelivered, undeliveredView } from '../../bot/app/outbox/undelivered';
import { parseISO } from 'date-fns';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config';
import { checkoutTemplatesDir } from '../config';
import { CATALOGUE } from '../core/catalogue';
import { managedCatalogueOn } from '../core/reference-data';
import { DomainError } from '../core/errors';
import type { BaseRole, User } from '../core/model';
import { PHASES } from '../core/model';
import type { CommandName } from '../core/phases';
import { COMMANDS, COMMAND_NAMES } from '../core/phases';
import { caseId, isoDate, organisationId } from '../core/schemas';
import type { DocumentMaker, Signaalpunt } from '../core/service';
import { RETENTION_REPORT_ROLES } from '../core/service';
import { REFERENCE_SEARCH } from '../core/vocabulary';
import { isMember } from '../core/views';
import { botInvokeResponseSchema, catalogueSchema, retentionReportSchema } from './response-schemas';
import type { MeetingServices } from './routes/meetings';
import { meetingOperations } from './routes/meetings';
import { referenceDataOperations } from './routes/reference-data';
import type { TransparencyAssets, TransparencyServices } from './routes/transparency';
import { loadTransparencyAssets, transparencyOperations } from './routes/transparency';
import { attachment, parseWith, unwrap } from './operation-kit';
import type { ServerStore } from './server-store';

/** The makers of the documents the document commands answer with (`document` in the command table). */
export type DocumentMakers = { readonly [N in CommandName]?: DocumentMaker<N> };

/**
 * What the operations run on, all built once at start-up by the composition root (app.ts): a route only
 * uses them — it constructs no service and checks no store's shape (the store's type says what it can).
 */
export interface OperationDeps {
  config: Config;
  store: ServerStore;
  service: Signaalpunt;
  /** the meeting service, the reads from the meeting snapshots and the event hub. */
  meetings: MeetingServices;
  /** the transparency services and the document makers. */
  transparency: TransparencyServices;
  now(): Date;
}

export interface OperationContext {
  /** present on every operation with `auth: true`. */
  user: User;
  params: Record<string, string>;
  query: unknown;
  body: unknown;
  deps: OperationDeps;
  /** the request's headers (conditional requests: If-None-Match). */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
}

export interface OperationResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** a response that is not JSON (the meeting event stream: text/event-stream). */
  contentType?: string;
  /** further content types the operation answers with on request (format=docx, format=csv, …), besides `schema`. */
  alsoAs?: readonly string[];
}

export interface Operation {
  /** the core command or query name. */
  operationId: string;
  method: 'GET' | 'POST';
  /** OpenAPI-style path: `/api/v1/cases/{caseId}`. */
  path: string;
  summary: string;
  tag: 'cases' | 'commands' | 'registry' | 'accountability' | 'retention' | 'system' | 'dev' | 'bot' | 'meetings';
  auth: boolean;
  /** writes are rate-limited per user. */
  write: boolean;
  /** a body limit of its own (bytes), where the route must see oversized input to answer it itself. */
  bodyLimit?: number;
  /** exists only in local mode. */
  localOnly?: boolean;
  /** base roles allowed, checked before the operation runs (the core checks everything about cases itself). */
  roles?: readonly BaseRole[];
  params?: z.ZodObject;
  query?: z.ZodType;
  /** request body schema; for commands the core's schema without the path's caseId (validated by the core). */
  body?: z.ZodType;
  /** the command this operation runs: its schema is documented, the core validates it. */
  command?: CommandName;
  success: { status: number } & ResponseDoc;
  /** further documented outcomes besides the common problems (400/401/403/404/413/429/500). */
  extraResponses?: Record<number, string>;
  /** JSON operations: parsed input → result. */
  run?: (ctx: OperationContext) => Promise<OperationResult>;
  /** raw operations (health, bot endpoint): the route handles request and reply itself. */
  raw?: true;
}

/** Raw handlers the server supplies for raw operations, by operationId. */
export type RawHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

// ---- documented response shapes (for the OpenAPI document; the core's TypeScript types are the source) ----

export const commandOutcomeSchema = z
  .object({
    caseId: z.uuid(),
    reference: z.string().describe('SJV-YYYY-NNNN'),
    phase: z.enum(PHASES),
    version: z.number().int(),
    outcome: z.string().describe('outcome code, e.g. VERRIJKING, NOT_CONFIRMED, AGE_OVER_23, SAVED'),
    advisedRoute: z.string().optional(),
    replayed: z.boolean().describe('true when this commandId had run before: nothing changed this time'),
  });

const caseSummarySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    reference: z.string(),
    phase: z.enum(PHASES),
    status: z.enum(['open', 'closed']),
    inbrengerOrganisationId: z.string(),
    ageBand: z.string().optional(),
    riskSignals: z.array(z.string()).optional(),
    forms: z.array(z.string()).optional(),
    urgency: z.string().optional(),
    createdAt: z.string(),
    phaseSince: z.string(),
    daysInPhase: z.number().int(),
    nextStep: z.string(),
    overdue: z.object({ informing: z.boolean(), enrichment: z.boolean() }),
  });

const caseViewSchema = z
  .looseObject({
    id: z.uuid(),
    version: z.number().int(),
    reference: z.string(),
    phase: z.enum(PHASES),
    access: z.record(z.string(), z.enum(['read', 'write'])),
  })
  .describe('The caller’s allow-list view: only the data groups (frame, concern, identity, …) the policy table grants.');

const auditRowSchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string(),
    role: z.string(),
    caseId: z.string().nullable(),
    reference: z.string().nullable(),
    phase: z.string().nullable(),
    action: z.string(),
    groups: z.array(z.string()),
    purpose: z.string(),
    commandId: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  });

const organisationSchema = z
  .object({ id: z.string(), name: z.string(), type: z.string(), joinedOn: z.string().optional(), leftOn: z.string().optional(), member: z.boolean() });

const meSchema = z.object({
  user: z.object({ id: z.string(), displayName: z.string().optional(), organisationId: z.string(), roles: z.array(z.string()) }),
  organisation: organisationSchema.nullable(),
  mode: z.enum(['local', 'production']),
});

// ---- inputs of queries ----

const undeliveredSchema = z.object({
  id: z.string(),
  kind: z.string(),
  reference: z.string().nullable(),
  state: z.enum(['dead', 'retrying']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  at: z.string(),
});
const caseParams = z.strictObject({ caseId });
const listCasesQuery = z.strictObject({
  phase: z
    .string()
    .max(200)
    .transform((s) => s.split(',').map((p) => p.trim()))
    .pipe(z.array(z.enum(PHASES)).min(1))
    .optional()
    .describe('comma-separated phases, e.g. INBRENG,VERRIJKING'),
  status: z.enum(['open', 'closed']).optional(),
  organisation: organisationId.optional().describe('the inbrenger’s organisation'),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('only cases past their informing deadline or enrichment due date'),
  q: z
    .string()
    .trim()
    .regex(REFERENCE_SEARCH)
    .optional()
    .describe('search by kenmerk: a part of one (e.g. 0042) or the whole (SJV-2026-0042); letters, digits and dashes only — the list never searches identity'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const asOfInput = z.strictObject({ asOf: isoDate.optional().describe('local mode only: run as if on this day') });
const asOfQuery = z.strictObject({ asOf: isoDate.optional().describe('local mode only: report as if on this day') });

/** asOf is a local-mode aid (showing retention without waiting); production uses the clock. */
function asOfDate(asOf: string | undefined, deps: OperationDeps): Date {
  if (asOf === undefined) return deps.now();
  if (deps.config.mode !== 'local') throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'asOf', issue: 'LOCAL_MODE_ONLY' }] });
  return parseISO(asOf);
}

function commandBody(raw: unknown, caseIdFromPath: string | undefined): unknown {
  if (caseIdFromPath === undefined) return raw;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw; // the core's schema refuses it
  if ('caseId' in raw) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'caseId', issue: 'unrecognized_keys' }] });
  return { ...raw, caseId: caseIdFromPath };
}

const COMMAND_SUMMARIES: Record<CommandName, string> = {
  submitConcern: 'Bring in an anonymous concern (starts a case in Inbreng)',
  decideSuspicion: 'Decide whether there is a reasonable suspicion (Inbreng → Verrijking or closed)',
  supplyIdentity: 'Supply name and date of birth (Verrijking); checks eligibility',
  recordResidentInformed: 'Record that the resident was informed, or a deferral with reason and date',
  requestEnrichment: 'Ask partner organisations whether they know the young person',
  answerEnrichment: 'Answer an enrichment request: known with signals, or not known',
  concludeEnrichment: 'Conclude enrichment (→ Bespreking when confirmed, else closed with advice)',
  recordDiscussion: 'Record the case discussion (life domains, parties, lead partner); complete → Opvolging',
  recordFollowUp: 'Record the agreed follow-up actions; complete → Reflectie',
  updateActionStatus: 'Update the status of a follow-up action',
  closeCase: 'Close the case after Reflectie',
  withdrawCase: 'Withdraw the case (any active phase)',
  generateLetter: 'Make a letter to the resident (.docx) and record it as sent: information, invitation or closure (procesregisseur)',
  linkCases: 'Link the case to another case by its kenmerk, e.g. a similar concern (procesregisseur; both cases show the link)',
  unlinkCases: 'Remove the link between the case and another case (procesregisseur)',
};

/**
 * The operation of one command, all from its entry in the command table: the path (`path`, else the name
 * in kebab case), the body (its schema), and — for a command that answers with a document — the document
 * made by the maker the server was given for it.
 */
function commandOperation(name: CommandName): Operation {
  const onCase = name !== 'submitConcern';
  const rule = COMMANDS[name];
  const base = {
    operationId: name,
    method: 'POST' as const,
    path: onCase ? `/api/v1/cases/{caseId}/${rule.path ?? kebab(name)}` : '/api/v1/cases',
    summary: COMMAND_SUMMARIES[name],
    tag: 'commands' as const,
    auth: true,
    write: true,
    ...(onCase ? { params: caseParams } : {}),
    command: name,
  };
  if (rule.document) {
    return {
      ...base,
      success: { status: 200, description: 'The document the command made; the command is recorded (a replay with the same commandId makes it again and records nothing).', contentType: rule.document.contentType },
      extraResponses: { 409: 'Not possible in this phase, a precondition failed, a version conflict, or a reused commandId.' },
      run: async ({ user, params, body, deps }) => {
        const make = deps.transparency.documents[name] as DocumentMaker | undefined;
        if (!make) throw new Error(`no document maker for ${name}`);
        const { document } = unwrap(await deps.service.executeDocument(name, user, commandBody(body, params.caseId), make));
        return { status: 200, body: Buffer.from(document.data), headers: { ...attachment(document.fileName, document.contentType), ...document.headers } };
      },
    };
  }
  return {
    ...base,
    success: onCase
      ? { status: 200, description: 'The command ran (or had run before with this commandId: `replayed`).', schema: commandOutcomeSchema }
      : { status: 201, description: 'The case was created (200 with `replayed` when this commandId had run before).', schema: commandOutcomeSchema },
    extraResponses: onCase ? { 409: 'Not possible in this phase, a precondition failed, a version conflict, or a reused commandId.' } : { 422: 'The text may identify a person; nothing was stored.' },
    run: async ({ user, params, body, deps }) => {
      const outcome = unwrap(await deps.service.execute(name, user, commandBody(body, onCase ? params.caseId : undefined)));
      const created = !onCase && !outcome.replayed;
      return { status: created ? 201 : 200, body: outcome, ...(created ? { headers: { location: `/api/v1/cases/${outcome.caseId}` } } : {}) };
    },
  };
}

const AUDIT_ROLES: readonly BaseRole[] = ['procesregisseur', 'privacyOfficer'];

export function operations(): Operation[] {
  const queries: Operation[] = [
    {
      operationId: 'getMe',
      method: 'GET',
      path: '/api/v1/me',
      summary: 'The signed-in user: organisation and roles (from configuration, not from token claims)',
      tag: 'registry',
      auth: true,
      write: false,
      success: { status: 200, description: 'The user.', schema: meSchema },
      run: async ({ user, deps }) => {
        const org = await deps.store.getOrganisation(user.organisationId);
        const today = deps.now().toISOString();
        return {
          status: 200,
          body: {
            user: { id: user.id, ...(user.displayName ? { displayName: user.displayName } : {}), organisationId: user.organisationId, roles: [...user.roles] },
            organisation: org ? partner(org, today) : null,
            mode: deps.config.mode,
          },
        };
      },
    },
    {
      operationId: 'getCatalogue',
      method: 'GET',
      path: '/api/v1/catalogue',
      summary: 'The catalogue of codes (signals, forms, life domains, offers, …) with Dutch and English labels',
      tag: 'registry',
      auth: true,
      write: false,
      success: { status: 200, description: 'The versioned catalogue; retired codes carry `retiredIn`. Signals, forms, protective factors and offers from the reference data valid today (every code that ever was, so old cases render).', schema: catalogueSchema },
      run: async ({ deps }) => ({ status: 200, body: { ...CATALOGUE, ...managedCatalogueOn(await deps.service.reference.history(), deps.now().toISOString()) } }),
    },
    {
      operationId: 'listPartners',
      method: 'GET',
      path: '/api/v1/partners',
      summary: 'The partner registry: organisations and whether they are members of the privacy protocol today',
      tag: 'registry',
      auth: true,
      write: false,
      success: { status: 200, description: 'Organisations.', schema: z.object({ items: z.array(organisationSchema) }) },
      run: async ({ deps }) => {
        const today = deps.now().toISOString();
        return { status: 200, body: { items: (await deps.store.listOrganisations()).map((o) => partner(o, today)) } };
      },
    },
    {
      operationId: 'listCases',
      method: 'GET',
      path: '/api/v1/cases',
      summary: 'Case summaries (frame and concern only) the caller may see, filtered and paged',
      tag: 'cases',
      auth: true,
      write: false,
      query: listCasesQuery,
      success: {
        status: 200,
        description: 'A page of summaries.',
        schema: z.object({ items: z.array(caseSummarySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
      },
      run: async ({ user, query, deps }) => {
        const q = query as z.output<typeof listCasesQuery>;
        const page = unwrap(
          await deps.service.listCases(user, {
            ...(q.phase ? { phases: q.phase } : {}),
            ...(q.status ? { status: q.status } : {}),
            ...(q.organisation ? { organisationId: q.organisation } : {}),
            ...(q.overdue ? { overdue: true } : {}),
            ...(q.q ? { reference: q.q } : {}),
            limit: q.limit,
            offset: q.offset,
          }),
        );
        return { status: 200, body: { ...page, limit: q.limit, offset: q.offset } };
      },
    },
    {
      operationId: 'getCase',
      method: 'GET',
      path: '/api/v1/cases/{caseId}',
      summary: 'One case as the caller may see it (allow-list view); reading personal data is audited',
      tag: 'cases',
      auth: true,
      write: false,
      params: caseParams,
      success: { status: 200, description: 'The view.', schema: caseViewSchema },
      run: async ({ user, params, deps }) => ({ status: 200, body: unwrap(await deps.service.getCase(user, params.caseId!)) }),
    },
    ...COMMAND_NAMES.map(commandOperation),
    {
      operationId: 'listEarlierCases',
      method: 'GET',
      path: '/api/v1/cases/{caseId}/earlier-cases',
      summary: 'Re-registration check for a case in Verrijking: earlier signaalpunt cases of the same young person (same name and date of birth) — kenmerk, phase and closed-on day only (procesregisseur; audited with its purpose)',
      tag: 'cases',
      auth: true,
      write: false,
      roles: ['procesregisseur'],
      params: caseParams,
      success: {
        status: 200,
        description: 'The earlier cases found, oldest first; never a name, a date of birth or other content.',
        schema: z.object({ items: z.array(z.object({ reference: z.string(), phase: z.enum(PHASES), closedOn: z.string().nullable() })) }),
      },
      extraResponses: { 409: 'The case is not in Verrijking or holds no identity yet (CASE.PRECONDITION_FAILED).' },
      run: async ({ user, params, deps }) => ({ status: 200, body: unwrap(await deps.service.earlierCases(user, params.caseId!)) }),
    },
    {
      operationId: 'listSimilarCases',
      method: 'GET',
      path: '/api/v1/cases/{caseId}/similar-cases',
      summary: 'Concerns similar to a case by the duplicate hint\'s rule (same inbrenger organisation, a shared risk signal, the same age band, within the configured window before or after the case was brought in), not the case itself and not a case already linked to it — kenmerk, case id, day brought in and phase only (procesregisseur)',
      tag: 'cases',
      auth: true,
      write: false,
      roles: ['procesregisseur'],
      params: caseParams,
      success: {
        status: 200,
        description: 'The similar concerns, newest first, at most ten; groups A and B only.',
        schema: z.object({ items: z.array(z.object({ reference: z.string(), caseId: z.string(), createdAt: z.string(), phase: z.enum(PHASES) })) }),
      },
      run: async ({ user, params, deps }) => ({ status: 200, body: unwrap(await deps.service.similarCases(user, params.caseId!)) }),
    },
    {
      operationId: 'getCaseAudit',
      method: 'GET',
      path: '/api/v1/cases/{caseId}/audit',
      summary: 'The audit rows of one case (procesregisseur, privacy officer)',
      tag: 'accountability',
      auth: true,
      write: false,
      params: caseParams,
      success: { status: 200, description: 'Audit rows in sequence order.', schema: z.object({ items: z.array(auditRowSchema) }) },
      run: async ({ user, params, deps }) => ({ status: 200, body: { items: unwrap(await deps.service.caseAudit(user, params.caseId!)) } }),
    },
    {
      operationId: 'verifyAudit',
      method: 'GET',
      path: '/api/v1/audit/verification',
      summary: 'Walks the whole hash-chained audit log and reports the first altered or missing row, or a truncation after the latest checkpoint; records a new checkpoint',
      tag: 'accountability',
      auth: true,
      write: false,
      roles: AUDIT_ROLES,
      success: {
        status: 200,
        description: 'The verification result.',
        schema: z.object({ ok: z.boolean(), rows: z.number().int(), lastHash: z.string().optional(), firstBadSeq: z.number().int().optional(), problem: z.string().optional(), checkpointSeq: z.number().int().optional() }),
      },
      run: async ({ deps }) => ({ status: 200, body: await deps.service.verifyAudit() }),
    },
    {
      operationId: 'getRetentionReport',
      method: 'GET',
      path: '/api/v1/retention/report',
      summary: 'Retention overview at process level: cases due for destruction and deletion records',
      tag: 'retention',
      auth: true,
      write: false,
      query: asOfQuery,
      roles: RETENTION_REPORT_ROLES,
      success: { status: 200, description: 'References and dates only.', schema: retentionReportSchema },
      run: async ({ user, query, deps }) => {
        const q = query as z.output<typeof asOfQuery>;
        return { status: 200, body: unwrap(await deps.service.retentionReport(user, asOfDate(q.asOf, deps))) };
      },
    },
    {
      operationId: 'listUndeliveredMessages',
      method: 'GET',
      path: '/api/v1/bot/undelivered',
      summary: 'Bot messages not delivered: dead letters and messages still retried after several failed attempts (procesregisseur; kind, kenmerk, state and codes only)',
      tag: 'bot',
      auth: true,
      write: false,
      roles: ['procesregisseur'],
      success: {
        status: 200,
        description: 'Undelivered messages, dead letters first.',
        schema: z.object({ items: z.array(undeliveredSchema) }),
      },
      run: async ({ deps }) => {
        const items = (await undelivered(deps.store, 200)).map(undeliveredView);
        return { status: 200, body: { items } };
      },
    },
    {
      operationId: 'runRetention',
      method: 'POST',
      path: '/api/v1/retention/run',
      summary: 'Destroy identity, contact and free text of closed cases past their retention date (procesregisseur)',
      tag: 'retention',
      auth: true,
      write: true,
      roles: ['procesregisseur'],
      body: asOfInput,
      success: {
        status: 200,
        description: 'What was purged (references and dates only).',
        schema: z.object({ asOf: z.string(), purged: z.array(z.object({ caseId: z.string(), reference: z.string() })) }),
      },
      run: async ({ body, deps }) => {
        const b = parseWith(asOfInput, body ?? {});
        return { status: 200, body: await deps.service.runRetention(asOfDate(b.asOf, deps)) };
      },
    },
  ];
  return queries;
}

function partner(o: { id: string; name: string; type: string; joinedOn?: string; leftOn?: string }, today: string) {
  return {
    id: o.id,
    name: o.name,
    type: o.type,
    ...(o.joinedOn ? { joinedOn: o.joinedOn } : {}),
    ...(o.leftOn ? { leftOn: o.leftOn } : {}),
    member: isMember(o, today),
  };
}

/** Operations of the server itself (not the core): health, the OpenAPI document, the bot endpoint, local tokens. */
export const devTokenInput = z.strictObject({ user: z.string().min(1).max(200).describe('id of a demo user, e.g. mentor@school.demo') });

export function systemOperations(): Operation[] {
  return [
    {
      operationId: 'getHealth',
      method: 'GET',
      path: '/healthz',
      summary: 'Liveness: the process answers',
      tag: 'system',
      auth: false,
      write: false,
      raw: true,
      success: { status: 200, description: 'Alive.', schema: z.strictObject({ status: z.literal('ok') }) },
    },
    {
      operationId: 'getReadiness',
      method: 'GET',
      path: '/readyz',
      summary: 'Readiness: the store answers and the server is not shutting down',
      tag: 'system',
      auth: false,
      write: false,
      raw: true,
      success: { status: 200, description: 'Ready.', schema: z.strictObject({ status: z.literal('ready') }) },
      extraResponses: { 503: 'Not ready.' },
    },
    {
      operationId: 'getOpenApi',
      method: 'GET',
      path: '/api/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      tag: 'system',
      auth: false,
      write: false,
      raw: true,
      success: { status: 200, description: 'The document.', schema: z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }) },
    },
    {
      operationId: 'botMessages',
      method: 'POST',
      path: '/api/messages',
      summary: 'Bot Framework endpoint (Teams bot); authenticated by the bot adapter, not by this API’s bearer tokens',
      tag: 'bot',
      auth: false,
      write: false,
      raw: true,
      // Teams posts whatever a card held: the bot must see a 100 KB text to answer it with a card error.
      bodyLimit: 512 * 1024,
      success: { status: 200, description: 'Activity processed.', schema: botInvokeResponseSchema },
      extraResponses: { 501: 'The bot is not part of this build yet.' },
    },
    {
      operationId: 'issueDevToken',
      method: 'POST',
      path: '/api/v1/dev/token',
      summary: 'Local mode only: a bearer token for a demo user, signed with the local key',
      tag: 'dev',
      auth: false,
      write: false,
      localOnly: true,
      raw: true,
      body: devTokenInput,
      success: {
        status: 200,
        description: 'A token.',
        schema: z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number().int(), user: z.string() }),
      },
    },
  ];
}

/** Every operation of a server in the given mode. */
/** Every operation of the API; the letters and documents use the municipality's templates (config.templatesDir). */
export function allOperations(mode: Config['mode'], templatesDir: string = checkoutTemplatesDir(), assets: TransparencyAssets = loadTransparencyAssets(templatesDir)): Operation[] {
  return [...systemOperations(), ...operations(), ...meetingOperations(assets.profile), ...transparencyOperations(assets), ...referenceDataOperations()].filter((op) => !op.localOnly || mode === 'local');
}
