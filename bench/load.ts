/**
 * Load script (issue 13): N concurrent clients (default 200) for T seconds (default 60) of mixed reads and
 * writes against a locally started server (local mode, SQLite in a temp dir, its own process as with
 * `npm start`), and /healthz with the same number of clients in the same run as the baseline. Prints, per
 * kind of request and in total: count, errors (non-2xx, socket errors, timeouts), p50/p99 and their ratio
 * to /healthz.
 *
 *   npm run bench:load                       # 200 clients, 60 s (+ a 15 s /healthz baseline)
 *   npm run bench:load -- --clients 50 --seconds 20 --baseline-seconds 5
 *
 * Several demo users take part (partners of three organisations, the procesregisseur, the voorzitter). The
 * per-user write rate limit is raised for the run (a handful of users send everything); everything else
 * (identifier guard, audit chain, policy) runs as in production. CPU-heavy: run it on a quiet machine.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from './server';
import { report } from './util';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env[`BENCH_LOAD_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} needs a positive number`);
  return v;
}

const CONCERN = {
  ageYears: 15,
  riskSignals: ['GELD', 'VERZUIM'],
  forms: ['DEALEN'],
  protectiveFactors: ['BETROKKEN_OUDERS'],
  registrationsBand: '0',
  freeText: 'Jongen van ongeveer 15 heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
};

const USERS = ['mentor@school.demo', 'coach@wijkteam.demo', 'wijkagent@politie.demo', 'regisseur@gemeente.demo', 'voorzitter@gemeente.demo'] as const;
type DemoUser = (typeof USERS)[number];
const PARTNERS: readonly DemoUser[] = ['mentor@school.demo', 'coach@wijkteam.demo', 'wijkagent@politie.demo'];

/** The mix: kind, share, and the request it makes. */
interface Kind {
  name: string;
  weight: number;
  request(pick: <T>(xs: readonly T[]) => T, ctx: { token: (u: DemoUser) => string; caseIds: readonly string[] }): { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
}

const bearer = (t: string): Record<string, string> => ({ authorization: `Bearer ${t}` });
const KINDS: readonly Kind[] = [
  { name: 'partner case list', weight: 25, request: (pick, c) => ({ method: 'GET', path: '/api/v1/cases?limit=50', headers: bearer(c.token(pick(PARTNERS))) }) },
  { name: 'procesregisseur case list', weight: 10, request: (_p, c) => ({ method: 'GET', path: '/api/v1/cases?limit=50', headers: bearer(c.token('regisseur@gemeente.demo')) }) },
  { name: 'case read (procesregisseur)', weight: 20, request: (pick, c) => ({ method: 'GET', path: `/api/v1/cases/${pick(c.caseIds)}`, headers: bearer(c.token('regisseur@gemeente.demo')) }) },
  { name: 'case read (voorzitter)', weight: 10, request: (pick, c) => ({ method: 'GET', path: `/api/v1/cases/${pick(c.caseIds)}`, headers: bearer(c.token('voorzitter@gemeente.demo')) }) },
  { name: 'me', weight: 10, request: (pick, c) => ({ method: 'GET', path: '/api/v1/me', headers: bearer(c.token(pick(USERS))) }) },
  {
    name: 'submit concern (write)',
    weight: 25,
    request: (pick, c) => ({
      method: 'POST',
      path: '/api/v1/cases',
      headers: { ...bearer(c.token(pick(PARTNERS))), 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: randomUUID(), ...CONCERN }),
    }),
  },
];

interface Stats {
  latencies: number[];
  ok: number;
  errors: number;
  statuses: Map<number, number>;
}

const percentile = (sorted: readonly number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : Number.NaN);

async function main(): Promise<void> {
  const clients = arg('clients', 200);
  const seconds = arg('seconds', 60);
  const baselineSeconds = arg('baseline-seconds', Math.min(15, seconds));
  const dataDir = mkdtempSync(join(tmpdir(), 'sjv-load-'));
  const { child, base } = await startServerProcess(dataDir);
  try {
    const tokens = new Map<DemoUser, string>();
    for (const user of USERS) {
      const r = await fetch(`${base}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
      tokens.set(user, ((await r.json()) as { access_token: string }).access_token);
    }
    const token = (u: DemoUser): string => tokens.get(u)!;
    // 200 cases to read, brought in by the three partners.
    const caseIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const r = await fetch(`${base}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(token(PARTNERS[i % PARTNERS.length]!)) },
        body: JSON.stringify({ commandId: randomUUID(), ...CONCERN }),
      });
      if (r.status !== 201) throw new Error(`seeding answered ${r.status}`);
      caseIds.push(((await r.json()) as { caseId: string }).caseId);
    }
    report('load setup', { clients, seconds, baselineSeconds, cases: caseIds.length, users: USERS.length, writeRateLimit: 'raised for the run' });

    const health = await autocannon({ url: `${base}/healthz`, connections: clients, duration: baselineSeconds });
    const healthFailed = health.non2xx + health.errors + health.timeouts;
    report(`/healthz (${clients} clients, ${baselineSeconds} s)`, { requests: health.requests.total, errors: healthFailed, p50: `${health.latency.p50} ms`, p99: `${health.latency.p99} ms`, 'req/s': health.requests.average });

    const stats = new Map<string, Stats>(KINDS.map((k) => [k.name, { latencies: [], ok: 0, errors: 0, statuses: new Map() }]));
    const total = KINDS.reduce((n, k) => n + k.weight, 0);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
    const chooseKind = (): Kind => {
      let x = Math.random() * total;
      for (const k of KINDS) if ((x -= k.weight) < 0) return k;
      return KINDS[KINDS.length - 1]!;
    };
    // autocannon keeps one request in flight per connection (pipelining 1): a request's latency is from its
    // setup to its response on the same connection's context.
    const mixed = await autocannon({
      url: base,
      connections: clients,
      duration: seconds,
      requests: [
        {
          setupRequest: (req, ctx) => {
            const context = ctx as Record<string, unknown>;
            const kind = chooseKind();
            context.kind = kind.name;
            context.start = process.hrtime.bigint();
            const r = kind.request(pick, { token, caseIds });
            return { ...req, method: r.method, path: r.path, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) };
          },
          onResponse: (status, _body, ctx) => {
            const context = ctx as Record<string, unknown>;
            const s = stats.get(String(context.kind))!;
            s.latencies.push(Number(process.hrtime.bigint() - (context.start as bigint)) / 1e6);
            s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
            if (status >= 200 && status < 300) s.ok += 1;
            else s.errors += 1;
          },
        },
      ],
    });
    const socketErrors = mixed.errors + mixed.timeouts;
    const all: number[] = [];
    for (const [name, s] of stats) {
      s.latencies.sort((a, b) => a - b);
      all.push(...s.latencies);
      const p50 = percentile(s.latencies, 0.5);
      const p99 = percentile(s.latencies, 0.99);
      report(name, {
        requests: s.latencies.length,
        errors: s.errors,
        ...(s.errors ? { statuses: [...s.statuses].map(([k, v]) => `${k}×${v}`).join(',') } : {}),
        p50: `${p50.toFixed(1)} ms`,
        p99: `${p99.toFixed(1)} ms`,
        'p50/healthz': p50 / Math.max(health.latency.p50, 1e-9),
        'p99/healthz': p99 / Math.max(health.latency.p99, 1e-9),
      });
    }
    all.sort((a, b) => a - b);
    const errors = [...stats.values()].reduce((n, s) => n + s.errors, 0) + socketErrors;
    report(`mixed total (${clients} clients, ${seconds} s)`, {
      requests: all.length,
      errors,
      socketErrorsOrTimeouts: socketErrors,
      'req/s': mixed.requests.average,
      p50: `${percentile(all, 0.5).toFixed(1)} ms`,
      p99: `${percentile(all, 0.99).toFixed(1)} ms`,
      'p50/healthz': percentile(all, 0.5) / Math.max(health.latency.p50, 1e-9),
      'p99/healthz': percentile(all, 0.99) / Math.max(health.latency.p99, 1e-9),
      'throughput/healthz': mixed.requests.average / Math.max(health.requests.average, 1e-9),
    });
    // The audit chain after the run: every acknowledged write left an intact chain.
    const verified = await fetch(`${base}/api/v1/audit/verification`, { headers: bearer((await devToken(base, 'fg@gemeente.demo')) ?? '') });
    const v = (await verified.json()) as { ok: boolean; rows: number; problem?: string };
    report('audit after the run', { ok: String(v.ok), rows: v.rows, ...(v.problem ? { problem: v.problem } : {}) });
    if (errors > 0 || healthFailed > 0 || !v.ok) process.exitCode = 1;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function devToken(base: string, user: string): Promise<string | undefined> {
  const r = await fetch(`${base}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
  return r.ok ? ((await r.json()) as { access_token: string }).access_token : undefined;
}

main().catch((e: unknown) => {
  console.error('[bench] load failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
