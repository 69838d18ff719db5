/**
 * The resident's status page (issue 19, ADR 0011): a small server of its own, deployable apart from the
 * API (own port SJV_RESIDENT_PORT and host name; no Teams, no Entra). It reads the store the API writes
 * and shows one case through the resident projection only. State lives in the store (attempt counters,
 * locks, requests) or in a signed cookie (the session), so a second instance behind the same host name
 * works. Login: kenmerk + access code → a session of at most 15 minutes in a cookie `HttpOnly; Secure;
 * SameSite=Strict`. The same answer, and the same hash work, for an unknown kenmerk and a wrong code.
 */
import { createHmac, randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditInput } from '../src/core/audit';
import { addToDay, dayOf } from '../src/core/calendar';
import type { Organisation, User } from '../src/core/model';
import type { PolicyTable } from '../src/core/policy';
import { POLICY } from '../src/core/policy';
import type { BotStore, Clock, ResidentAccessStore, Store } from '../src/core/ports';
import { systemClock } from '../src/core/ports';
import { hashAccessCode, normaliseAccessCode, normaliseReference, sameHash } from '../src/transparency/access-codes';
import { formatDate } from '../src/transparency/format';
import type { OrganisationProfile } from '../src/transparency/profile';
import type { LimiterConfig } from '../src/transparency/resident-limiter';
import { AttemptLimiter, DEFAULT_LIMITS } from '../src/transparency/resident-limiter';
import { residentStatus } from '../src/transparency/resident-status';
import type { Lang } from './page';
import { STYLE, loginPage, statusPage } from './page';

export const SESSION_COOKIE = 'sjv_resident';
export const SESSION_SECONDS = 15 * 60;
/** compared against when the kenmerk is unknown, so that both cases do the same work. */
const DUMMY_HASH = 'f'.repeat(64);

export interface ResidentServerOptions {
  /** with the bot's queue, a request also becomes a bot notice to every procesregisseur. */
  store: Store & ResidentAccessStore & Partial<Pick<BotStore, 'enqueueOutbox'>>;
  secret: Buffer;
  profile: OrganisationProfile;
  policy?: PolicyTable;
  clock?: Clock;
  limits?: Partial<LimiterConfig>;
  host?: string;
  port?: number;
  trustProxy?: boolean;
  /** test seam: the client address of a request (default: fastify's request.ip, which honours trustProxy). */
  clientAddress?: (req: FastifyRequest) => string;
}

export interface ResidentServer {
  app: FastifyInstance;
  url: string;
  limiter: AttemptLimiter;
  close(): Promise<void>;
}

interface Session {
  ref: string;
  caseId: string;
  /** the code's issue time: a reissued or revoked code ends the session. */
  issuedAt: string;
  exp: number;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64url');
function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(`session\u0000${payload}`).digest('base64url');
}
function cookieOf(req: FastifyRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
const langOf = (req: FastifyRequest): Lang => ((req.query as Record<string, string> | undefined)?.lang === 'en' ? 'en' : 'nl');

export async function startResidentServer(opts: ResidentServerOptions): Promise<ResidentServer> {
  const { store, secret, profile } = opts;
  const policy = opts.policy ?? POLICY;
  const clock = opts.clock ?? systemClock;
  const limiter = new AttemptLimiter(store, secret, { ...DEFAULT_LIMITS, ...opts.limits });
  const app = Fastify({ logger: false, trustProxy: opts.trustProxy ?? false, bodyLimit: 4096 });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], styleSrc: ["'self'"], imgSrc: ["'self'"], formAction: ["'self'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: true,
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
  const address = opts.clientAddress ?? ((req: FastifyRequest) => req.ip);
  const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

  const audit = async (row: Omit<AuditInput, 'at' | 'commandId'>): Promise<void> => {
    await store.transaction((tx) => tx.appendAudit([{ ...row, at: clock.now().toISOString(), commandId: null }]));
  };

  const sessionOf = async (req: FastifyRequest): Promise<Session | undefined> => {
    const raw = cookieOf(req, SESSION_COOKIE);
    if (!raw) return undefined;
    const [payload, mac] = raw.split('.');
    if (!payload || !mac || !sameHash(Buffer.from(sign(secret, payload), 'base64url').toString('hex'), Buffer.from(mac, 'base64url').toString('hex'))) return undefined;
    const s = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Session;
    if (s.exp <= clock.now().getTime()) return undefined;
    const code = await store.getAccessCode(s.ref);
    if (!code || code.revokedAt || code.issuedAt !== s.issuedAt) return undefined;
    return s;
  };

  const statusFor = async (caseId: string, lang: Lang): Promise<ReturnType<typeof residentStatus>> => {
    const record = await store.transaction((tx) => tx.getCase(caseId));
    if (!record) return undefined;
    const [orgs, users, rows] = await Promise.all([store.listOrganisations(), store.listUsers(), store.readAudit({ caseId, limit: 100_000 })]);
    return residentStatus(record, rows, { locale: lang, orgs: new Map(orgs.map((o: Organisation) => [o.id, o])), users: new Map(users.map((u: User) => [u.id, u])), policy, profile });
  };

  app.get('/style.css', async (_req, reply) => reply.header('content-type', 'text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLE));
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/', async (req, reply) => {
    const s = await sessionOf(req);
    if (s) return reply.redirect(`/status?lang=${langOf(req)}`, 303);
    return reply.headers(html).send(loginPage(langOf(req)));
  });

  app.post('/login', async (req, reply) => {
    const lang = langOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const ref = normaliseReference(typeof body.reference === 'string' ? body.reference : '');
    const typed = typeof body.code === 'string' ? body.code : '';
    const from = address(req);
    const now = clock.now();
    const gate = await limiter.gate(ref, from, now);
    if (!gate.open) return reply.code(429).headers(html).send(loginPage(lang, 'wait'));
    // the same work whether the kenmerk exists or not: one store read, one HMAC, one comparison.
    const code = normaliseAccessCode(typed);
    const stored = await store.getAccessCode(ref);
    const matches = sameHash(hashAccessCode(secret, ref, code ?? '0000000000000000'), stored?.codeHash ?? DUMMY_HASH);
    if (!matches || !code || !stored || stored.revokedAt) {
      const locks = await limiter.failure(ref, from, now);
      for (const lock of locks) {
        await audit({ actorId: 'resident-page', role: 'system', caseId: stored?.caseId ?? null, reference: stored ? ref : null, phase: null, action: 'refuse', groups: [], purpose: `statuspagina: blokkade na mislukte pogingen (${lock === 'ip' ? 'adres' : 'kenmerk en adres'})` });
      }
      return reply.code(401).headers(html).send(loginPage(lang, 'wrong'));
    }
    await limiter.success(ref, from);
    const status = await statusFor(stored.caseId, lang);
    if (!status) return reply.code(401).headers(html).send(loginPage(lang, 'wrong'));
    if (status.phase === 'PURGED') return reply.code(200).headers(html).send(statusPage(lang, status)); // the deletion date, no session
    const payload = b64(JSON.stringify({ ref, caseId: stored.caseId, issuedAt: stored.issuedAt, exp: now.getTime() + SESSION_SECONDS * 1000 } satisfies Session));
    reply.header('set-cookie', `${SESSION_COOKIE}=${payload}.${sign(secret, payload)}; Max-Age=${SESSION_SECONDS}; Path=/; HttpOnly; Secure; SameSite=Strict`);
    return reply.redirect(`/status?lang=${lang}`, 303);
  });

  app.get('/status', async (req, reply) => {
    const lang = langOf(req);
    const s = await sessionOf(req);
    if (!s) return reply.redirect(`/?lang=${lang}`, 303);
    const status = await statusFor(s.caseId, lang);
    if (!status) return reply.redirect(`/?lang=${lang}`, 303);
    const record = await store.transaction((tx) => tx.getCase(s.caseId));
    await audit({ actorId: `resident:${s.ref}`, role: 'resident', caseId: s.caseId, reference: s.ref, phase: record?.frame.phase ?? null, action: 'read', groups: status.retentionDay && status.phase !== 'PURGED' ? ['C'] : [], purpose: 'statuspagina: de inwoner bekijkt de eigen zaak' });
    return reply.headers(html).send(statusPage(lang, status));
  });

  app.post('/request', async (req, reply) => {
    const lang = langOf(req);
    const s = await sessionOf(req);
    if (!s) return reply.redirect(`/?lang=${lang}`, 303);
    const kind = (req.body as Record<string, unknown> | undefined)?.kind === 'objection' ? 'objection' : 'access';
    const status = await statusFor(s.caseId, lang);
    if (!status) return reply.redirect(`/?lang=${lang}`, 303);
    const at = clock.now().toISOString();
    const dueOn = addToDay(dayOf(at), { months: 1 });
    const id = randomUUID();
    await store.putResidentState(`request:${id}`, 'request', JSON.stringify({ id, reference: s.ref, caseId: s.caseId, kind, at, dueOn, status: 'open' }));
    await audit({ actorId: `resident:${s.ref}`, role: 'resident', caseId: s.caseId, reference: s.ref, phase: null, action: 'create', groups: [], purpose: `statuspagina: verzoek van de inwoner (${kind === 'access' ? 'inzage' : 'bezwaar'})` });
    // a bot notice to every procesregisseur (bot/app/routes/reminders.ts buildResidentRequest): kenmerk, kind, deadline
    if (store.enqueueOutbox) {
      const regisseurs = (await store.listUsers()).filter((u) => u.roles.includes('procesregisseur'));
      await store.enqueueOutbox(
        regisseurs.map((u) => ({ id: randomUUID(), dedupeKey: `residentRequest:${id}:${u.id}`, kind: 'residentRequest', recipientUserId: u.id, caseId: s.caseId, reference: s.ref, payload: { requestKind: kind, dueOn }, createdAt: at })),
      );
    }
    return reply.headers(html).send(statusPage(lang, status, formatDate(dueOn, lang)));
  });

  app.post('/logout', async (req, reply) => {
    reply.header('set-cookie', `${SESSION_COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Strict`);
    return reply.redirect(`/?lang=${langOf(req)}`, 303);
  });

  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const host = (opts.host ?? '127.0.0.1') === '0.0.0.0' ? '127.0.0.1' : (opts.host ?? '127.0.0.1');
  return { app, url: `http://${host}:${port}`, limiter, close: () => app.close() };
}
