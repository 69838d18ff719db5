/**
 * Server benchmark (issue 3): 50 concurrent clients submitting concerns for 20 s against a real server
 * (local mode, SQLite in a temp dir, started as its own process like `npm start`), and /healthz with the
 * same load in the same run as the baseline. Prints p50/p99 latency, throughput and the ratios.
 * The write rate limit is raised for the run (one demo user sends everything); the identifier guard and
 * the audit chain run as in production.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { report } from './util';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SERVER_SECONDS ?? 20);
const ROOT = resolve(__dirname, '..');

const CONCERN = {
  ageYears: 15,
  riskSignals: ['GELD', 'VERZUIM'],
  forms: ['DEALEN'],
  protectiveFactors: ['BETROKKEN_OUDERS'],
  registrationsBand: '0',
  freeText: 'Jongen van ongeveer 15 heeft sinds kort dure kleding en veel contant geld, spijbelt vaak.',
};

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  ok: number;
  failed: number;
}

export async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, SJV_MODE: 'local', SJV_DATA_DIR: dataDir, PORT: '0', SJV_LOG_LEVEL: 'warn', SJV_JOBS: 'off', SJV_DEMO_CASES: 'off', SJV_WRITE_RATE_LIMIT: '1000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const base = await new Promise<string>((res, rej) => {
    const check = setInterval(() => {
      const m = /API:\s+(http:\/\/\S+)\/api\/v1/.exec(out);
      if (m && out.includes('Press Ctrl-C')) {
        clearInterval(check);
        res(m[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(check);
        rej(new Error(`server exited (${child.exitCode}):\n${out}`));
      }
    }, 50);
  });
  return { child, base };
}

async function load(opts: autocannon.Options): Promise<Measured> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  return { p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average, ok: r['2xx'], failed: r.non2xx + r.errors + r.timeouts };
}

export async function benchServer(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sjv-bench-server-'));
  const { child, base } = await startServerProcess(dataDir);
  try {
    const tokenRes = await fetch(`${base}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'mentor@school.demo' }) });
    const { access_token: token } = (await tokenRes.json()) as { access_token: string };

    // The first submit loads the identifier guard's Dutch dictionary: measured on its own, then the steady state.
    const t0 = process.hrtime.bigint();
    const first = await fetch(`${base}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ commandId: randomUUID(), ...CONCERN }),
    });
    if (first.status !== 201) throw new Error(`warm-up submit answered ${first.status}`);
    report('server first submitConcern (cold: loads the guard dictionary)', { ms: Number(process.hrtime.bigint() - t0) / 1e6 });

    const health = await load({ url: `${base}/healthz` });
    report(`server /healthz (${CONNECTIONS} clients, ${SECONDS} s)`, { p50: `${health.p50} ms`, p99: `${health.p99} ms`, 'req/s': health.rps, ok: health.ok, failed: health.failed });

    const submit = await load({
      url: base,
      requests: [
        {
          method: 'POST',
          path: '/api/v1/cases',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          // A new commandId per request: each one is a new concern, not a replay.
          setupRequest: (req) => ({ ...req, body: JSON.stringify({ commandId: randomUUID(), ...CONCERN }) }),
        },
      ],
    });
    report(`server submitConcern (${CONNECTIONS} clients, ${SECONDS} s)`, { p50: `${submit.p50} ms`, p99: `${submit.p99} ms`, 'req/s': submit.rps, ok: submit.ok, failed: submit.failed });
    report('server submitConcern vs /healthz', {
      'throughput ratio (healthz/submit)': health.rps / Math.max(submit.rps, 1e-9),
      'p50 ratio (submit/healthz)': submit.p50 / Math.max(health.p50, 1e-9),
      'p99 ratio (submit/healthz)': submit.p99 / Math.max(health.p99, 1e-9),
    });
    if (submit.failed > 0 || health.failed > 0) console.log(`[bench] server: ${submit.failed + health.failed} requests failed (non-2xx, errors or timeouts)`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchServer().catch((e: unknown) => {
    console.error('[bench] server failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
