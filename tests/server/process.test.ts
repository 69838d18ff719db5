/**
 * The entry scripts as a person runs them (`npm start`, `npm run seed`, `npm run job`): real processes via
 * tsx, real signals. The server starts on a fresh data directory, seeds the demo tenant once, prints its
 * URLs, and stops cleanly on SIGTERM or SIGINT; production refuses to start without its Entra settings.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CONCERN, cmdId, tempDir } from './support/harness';

// Each test starts real processes (tsx, the guard's dictionary, botbuilder): generous on a busy machine.
jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = tempDir('sjv-proc-');
  dirs.push(d);
  return d;
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function run(script: string, args: string[], env: Record<string, string>, cwd: string = ROOT): Proc {
  // A clean environment: only what a shell would pass, plus the test's settings.
  // SJV_RESIDENT_PORT=0: the resident page npm start also runs takes any free port (tests run side by side)
  const base = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SJV_RESIDENT_PORT: '0' };
  const child = spawn(process.execPath, [TSX, join(ROOT, script), ...args], { cwd, env: { ...base, SJV_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, out: () => out, exited };
}

async function waitFor(p: Proc, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const m = p.out().match(pattern);
    if (m) return m;
    if (p.child.exitCode !== null) throw new Error(`process exited (${p.child.exitCode}) before printing ${pattern}:\n${p.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startAndWait(dataDir: string, env: Record<string, string> = {}): Promise<{ proc: Proc; base: string }> {
  const proc = run('scripts/start.ts', [], { SJV_DATA_DIR: dataDir, PORT: '0', SJV_JOBS: 'off', ...env });
  const m = await waitFor(proc, /API:\s+(http:\/\/[^\s]+)\/api\/v1/);
  await waitFor(proc, /Press Ctrl-C to stop/);
  return { proc, base: m[1]! };
}

test('a fresh start seeds the demo tenant, prints the URLs, serves a case, and SIGTERM stops it cleanly with the data intact', async () => {
  const dataDir = freshDir();
  const { proc, base } = await startAndWait(dataDir);
  const out = proc.out();
  expect(out).toContain('local mode, demo tenant seeded');
  // the first start of an empty store also seeds the fictitious demo cases (issue 16; SJV_DEMO_CASES=0 turns it off)
  expect(out).toContain('7 fictitious demo cases seeded');
  for (const url of [`${base}/api/v1`, `${base}/api/openapi.json`, `${base}/api/messages`, `${base}/pages/`]) expect(out).toContain(url);
  // the resident's status page runs as well, on its own port, and its URL is printed
  const resident = /Resident:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
  expect(resident).not.toBeNull();
  const page = await fetch(`${resident![1]}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Hoe staat het met mijn zaak?');

  const token = ((await (await fetch(`${base}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'mentor@school.demo' }) })).json()) as { access_token: string }).access_token;
  const created = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ commandId: cmdId(), ...CONCERN }) });
  expect(created.status).toBe(201);

  proc.child.kill('SIGTERM');
  expect(await proc.exited).toBe(0);
  expect(proc.out()).toContain('stopped');
  // Closed cleanly: the WAL was checkpointed into the database and removed; the case is there.
  expect(existsSync(join(dataDir, 'signaalpunt.db-wal'))).toBe(false);
  const db = new Database(join(dataDir, 'signaalpunt.db'), { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // the 7 demo cases and the one made here
    expect((db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n).toBe(8);
  } finally {
    db.close();
  }

  // A second start on the same data does not seed again (tenant or cases), and SIGINT (Ctrl-C) stops it as well.
  const again = await startAndWait(dataDir);
  expect(again.proc.out()).not.toContain('demo tenant seeded');
  expect(again.proc.out()).not.toContain('demo cases seeded');
  again.proc.child.kill('SIGINT');
  expect(await again.proc.exited).toBe(0);
  const after = new Database(join(dataDir, 'signaalpunt.db'), { readonly: true });
  try {
    expect((after.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n).toBe(8);
  } finally {
    after.close();
  }
});

test('settings are read from .env in the working directory', async () => {
  const cwd = freshDir();
  writeFileSync(join(cwd, '.env'), 'PORT=0\nSJV_DATA_DIR=./from-dotenv\nSJV_JOBS=false\n');
  const proc = run('scripts/start.ts', [], {}, cwd);
  await waitFor(proc, /Press Ctrl-C to stop/);
  expect(proc.out()).toContain(join(cwd, 'from-dotenv', 'signaalpunt.db'));
  proc.child.kill('SIGTERM');
  expect(await proc.exited).toBe(0);
});

test('production refuses to start without its Entra settings and names them', async () => {
  const proc = run('scripts/start.ts', [], { SJV_MODE: 'production', SJV_DATA_DIR: freshDir(), PORT: '0' });
  expect(await proc.exited).toBe(2);
  for (const name of ['SJV_ENTRA_TENANT_ID', 'SJV_ENTRA_CLIENT_ID', 'SJV_ENTRA_ALLOWED_TENANTS', 'SJV_ENTRA_GROUP_MAP']) expect(proc.out()).toContain(name);
  expect(proc.out()).not.toContain('running');
});

test('npm run seed writes the demo tenant, and refuses in production', async () => {
  const dataDir = freshDir();
  const seed = run('scripts/seed.ts', [], { SJV_DATA_DIR: dataDir });
  expect(await seed.exited).toBe(0);
  expect(seed.out()).toContain('7 organisations, 9 users');
  const db = new Database(join(dataDir, 'signaalpunt.db'), { readonly: true });
  expect((db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n).toBe(9);
  db.close();
  const refused = run('scripts/seed.ts', [], { SJV_MODE: 'production', SJV_DATA_DIR: dataDir });
  expect(await refused.exited).not.toBe(0);
});

test('npm run job runs a job by name and prints its summary; an unknown name prints the list', async () => {
  const dataDir = freshDir();
  const job = run('scripts/job.ts', ['reminders', '--as-of=2026-03-02'], { SJV_DATA_DIR: dataDir });
  expect(await job.exited).toBe(0);
  expect(JSON.parse(job.out())).toMatchObject({ job: 'reminders', ran: true, summary: { asOf: '2026-03-02', informing: [], enrichment: [], queued: 0 } });
  const retention = run('scripts/job.ts', ['retention'], { SJV_DATA_DIR: dataDir });
  expect(await retention.exited).toBe(0);
  expect(JSON.parse(retention.out())).toMatchObject({ job: 'retention', ran: true, summary: { purged: 0 } });
  const unknown = run('scripts/job.ts', ['nope'], { SJV_DATA_DIR: dataDir });
  expect(await unknown.exited).toBe(2);
  expect(unknown.out()).toContain('enrichment-expiry');
});
