/**
 * The HTTP server (fastify): security headers, CORS, body limit, per-user write rate limit, bearer-token
 * authentication, the routes of the operation table, problem+json errors and one log line per request.
 * It keeps no state a second instance needs; the only in-memory state is the rate limiter's counters
 * (per instance) and the JWKS cache.
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Fastify, { LogController } from 'fastify';
import type { Logger } from 'pino';
import type { Authenticator, LocalKey } from '../auth';
import { AuthError, issueLocalToken } from '../auth';
import type { Config } from '../config';
import { DomainError } from '../core/errors';
import type { User } from '../core/model';
import type { Clock } from '../core/ports';
import { systemClock } from '../core/ports';
import type { Signaalpunt } from '../core/service';
import type { BotEndpoint } from './bot-endpoint';
import { notImplementedBotEndpoint } from './bot-endpoint';
import type { Pseudonymiser } from './logging';
import { buildOpenApiDocument } from './openapi';
import type { Operation, OperationDeps, RawHandler } from './operations';
import { allOperations, devTokenInput } from './operations';
import { parseWith } from './operation-kit';
import { loadTransparencyAssets, transparencyServices } from './routes/transparency';
import { registerCoordinatorPage } from './routes/coordinator-page';
import type { MeetingServices } from './routes/meetings';
import { meetingEventsHandler, meetingServices } from './routes/meetings';
import type { Problem } from './problems';
import type { ServerStore } from './server-store';
import { HttpProblem, PROBLEM_CONTENT_TYPE, problemFromDomain, problemOf } from './problems';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: boolean;
    operationId?: string;
  }
  interface FastifyRequest {
    user?: User;
    problemCode?: string;
    authFailure?: string;
  }
}

export interface AppOptions {
  config: Config;
  /** everything the routes need of a store, by type: a store lacking a capability does not compile here. */
  store: ServerStore;
  service: Signaalpunt;
  authenticator: Authenticator;
  /** local mode: signs dev tokens. */
  localKey?: LocalKey;
  logger: Logger;
  pseudonymise: Pseudonymiser;
  clock?: Clock;
  botEndpoint?: BotEndpoint;
  /** false while starting or shutting down: /readyz answers 503. */
  ready?: () => boolean;
  /** the meeting services, when the caller built them to share them (start.ts: with the scheduler's jobs); else built here. */
  meetings?: MeetingServices;
  /** told of every route as it is registered (the OpenAPI test compares them with the document). */
  onRoute?: (route: { method: string; url: string }) => void;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, store, authenticator, pseudonymise } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    loggerInstance: opts.logger,
    // Fastify's own request lines would log URLs and headers: one line of our own is written in onResponse.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  }) as unknown as FastifyInstance;

  if (opts.onRoute) {
    const listener = opts.onRoute;
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) listener({ method, url: r.url });
    });
  }
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'frame-ancestors': ["'self'", ...config.http.frameAncestors] } },
    // Teams and SharePoint frame the pages; frame-ancestors above says who may.
    frameguard: false,
  });
  await app.register(cors, {
    origin: config.http.corsOrigins.length ? config.http.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // the letter and export downloads: file name and whether the letter was recorded / addressed to guardians too
    exposedHeaders: ['Location', 'Retry-After', 'Content-Disposition', 'X-Letter-Recorded', 'X-Letter-Guardians'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler', // after authentication: the key is the user
    keyGenerator: (req) => (req.user ? `u:${req.user.id}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, ctx) => new HttpProblem('HTTP.RATE_LIMITED', { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) }),
  });

  app.setErrorHandler((err: FastifyError, req, reply) => sendProblem(req, reply, toProblem(err, req), err));
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, problemOf('HTTP.NOT_FOUND', {}, instanceOf(req))));

  app.addHook('onRequest', async (req) => {
    if (!req.routeOptions.config.auth) return;
    try {
      req.user = await authenticator.authenticate(req.headers.authorization);
    } catch (e) {
      if (e instanceof AuthError) {
        req.authFailure = e.detail;
        if (e.reason === 'KEYS_UNAVAILABLE') throw new HttpProblem('AUTH.KEYS_UNAVAILABLE');
        throw new DomainError('AUTH.UNAUTHENTICATED', { reason: e.reason });
      }
      throw e;
    }
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        op: req.routeOptions.config.operationId,
        method: req.method,
        route: req.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(req.problemCode ? { code: req.problemCode } : {}),
        ...(req.authFailure ? { authFailure: req.authFailure } : {}),
        ...(req.user ? { user: pseudonymise(req.user.id), org: req.user.organisationId } : {}),
      },
      'request',
    );
  });

  // the organisation profile and letter templates, loaded and checked once: a broken template stops the start
  const assets = loadTransparencyAssets(config.templatesDir);
  const ops = allOperations(config.mode, config.templatesDir, assets);
  const openapi = buildOpenApiDocument(ops, { mode: config.mode, ...(config.http.publicUrl ? { serverUrl: config.http.publicUrl } : {}) });
  // the composition root: every service the routes use is built here, once
  const now = (): Date => clock.now();
  const base = { config, store, service: opts.service, now };
  const deps: OperationDeps = { ...base, meetings: opts.meetings ?? meetingServices(store, opts.service, now), transparency: transparencyServices(base, assets) };
  const raw: Record<string, RawHandler> = {
    getHealth: async () => ({ status: 'ok' }),
    getReadiness: async () => {
      if (opts.ready && !opts.ready()) throw new HttpProblem('SERVER.NOT_READY', { reason: 'SHUTTING_DOWN' });
      try {
        await store.getOrganisation('readyz-probe');
      } catch {
        throw new HttpProblem('SERVER.NOT_READY', { reason: 'STORE' });
      }
      return { status: 'ready' };
    },
    getOpenApi: async () => openapi,
    botMessages: opts.botEndpoint ?? notImplementedBotEndpoint,
    streamMeetingEvents: meetingEventsHandler(deps),
    issueDevToken: async (req, reply) => {
      if (config.auth.mode !== 'local' || !opts.localKey) throw new HttpProblem('HTTP.NOT_FOUND');
      const { user: id } = parseWith(devTokenInput, req.body);
      const user = await store.getUser(id);
      // Only users that can sign in (the demo users carry an Entra object id) get a token.
      if (!user?.aadObjectId) throw new DomainError('VALIDATION.INVALID_INPUT', { fields: [{ path: 'user', issue: 'UNKNOWN_USER' }] });
      const { token, expiresIn } = await issueLocalToken(config.auth, opts.localKey, user);
      reply.header('pragma', 'no-cache');
      return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, user: user.id };
    },
  };

  for (const op of ops) registerOperation(app, op, deps, raw, config.http.writeRateLimitPerMinute);
  // open event streams never end by themselves: close them, or closing the server would wait for them
  app.addHook('preClose', async () => {
    deps.meetings.events.closeAll();
  });
  await registerPages(app, config);
  return app;
}

const fastifyPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

function registerOperation(app: FastifyInstance, op: Operation, deps: OperationDeps, raw: Record<string, RawHandler>, writesPerMinute: number): void {
  const rawHandler = op.raw ? raw[op.operationId] : undefined;
  if (op.raw && !rawHandler) throw new Error(`no handler for raw operation ${op.operationId}`);
  app.route({
    method: op.method,
    url: fastifyPath(op.path),
    ...(op.bodyLimit ? { bodyLimit: op.bodyLimit } : {}),
    config: {
      auth: op.auth,
      operationId: op.operationId,
      ...(op.write ? { rateLimit: { max: writesPerMinute, timeWindow: 60_000 } } : {}),
    },
    handler:
      rawHandler ??
      (async (req, reply) => {
        const user = req.user!;
        if (op.roles && !op.roles.some((r) => user.roles.includes(r))) throw new DomainError('AUTH.FORBIDDEN');
        const params = op.params ? (parseWith(op.params, req.params) as Record<string, string>) : {};
        const query = op.query ? parseWith(op.query, req.query ?? {}) : undefined;
        const result = await op.run!({ user, params, query, body: req.body, deps, headers: req.headers });
        // a write went through this instance: its meeting snapshots are checked on the next read
        if (op.write) deps.meetings.reads.snapshots.invalidate();
        reply.code(result.status);
        for (const [k, v] of Object.entries(result.headers ?? {})) reply.header(k, v);
        return result.body;
      }),
  });
}

const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Signaalpunt</title></head>
<body><h1>Signaalpunt Jeugd &amp; Veiligheid</h1>
<p>De Teams-tab is nog niet gebouwd. / The Teams tab has not been built yet.</p>
<ul><li><a href="/api/openapi.json">API (OpenAPI)</a></li><li><a href="/healthz">/healthz</a></li><li><a href="/readyz">/readyz</a></li></ul>
</body></html>`;

/** The static tab and web-part pages, when built; else a placeholder page. Not part of the API. */
async function registerPages(app: FastifyInstance, config: Config): Promise<void> {
  if (existsSync(config.pagesDir)) {
    await app.register(fastifyStatic, { root: config.pagesDir, prefix: '/pages/', index: 'index.html' });
  } else {
    app.get('/pages/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(PLACEHOLDER_PAGE));
  }
  if (config.mode === 'local') registerCoordinatorPage(app);
  app.get('/', async (_req, reply) => reply.redirect('/pages/'));
}

function instanceOf(req: FastifyRequest): string {
  return req.url.split('?')[0] ?? '/';
}

function toProblem(err: FastifyError | Error, req: FastifyRequest): Problem {
  const instance = instanceOf(req);
  if (err instanceof DomainError) return problemFromDomain(err, instance);
  if (err instanceof HttpProblem) return problemOf(err.code, err.details, instance);
  const code = (err as FastifyError).code;
  const status = (err as FastifyError).statusCode;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf('HTTP.PAYLOAD_TOO_LARGE', {}, instance);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problemOf('HTTP.UNSUPPORTED_MEDIA_TYPE', {}, instance);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf('VALIDATION.INVALID_INPUT', { fields: [{ path: '', issue: 'EMPTY_BODY' }] }, instance);
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problemOf('VALIDATION.INVALID_INPUT', { fields: [{ path: '', issue: 'INVALID_JSON' }] }, instance);
  }
  if (status === 400 && err instanceof SyntaxError) return problemOf('VALIDATION.INVALID_INPUT', { fields: [{ path: '', issue: 'INVALID_JSON' }] }, instance);
  if (status === 429) return problemOf('HTTP.RATE_LIMITED', {}, instance);
  if (status !== undefined && status >= 400 && status < 500) return problemOf('HTTP.BAD_REQUEST', { reason: code ?? 'BAD_REQUEST' }, instance);
  if (status === 503) return problemOf('SERVER.NOT_READY', {}, instance);
  return problemOf('INTERNAL.ERROR', {}, instance);
}

function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: Problem, err?: Error): FastifyReply {
  req.problemCode = problem.code;
  if (problem.status >= 500 && problem.code !== 'SERVER.NOT_READY' && problem.code !== 'AUTH.KEYS_UNAVAILABLE') {
    // Only server faults are logged with their error; a 4xx error's message may quote input (JSON.parse does).
    req.log.error({ err: err ? { type: err.name, code: (err as FastifyError).code, message: err.message, stack: err.stack } : undefined, code: problem.code }, 'request failed');
  }
  if (problem.code === 'AUTH.UNAUTHENTICATED') {
    reply.header('www-authenticate', problem.reason === 'TOKEN_MISSING' ? 'Bearer realm="signaalpunt"' : 'Bearer realm="signaalpunt", error="invalid_token"');
  }
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
