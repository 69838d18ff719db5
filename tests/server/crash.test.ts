/**
 * kill -9 during intake loses nothing (issue 13, "Done when"): a real server process (as `npm start`)
 * takes concerns from six concurrent clients and is killed with SIGKILL while requests are in flight. A
 * new process on the same data directory has every case whose submit was acknowledged (201), once, and
 * the audit chain verifies.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONCERN, cmdId, tempDir } from './support/harness';

jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '../..');
const children: ChildProcess[] = [];
let dataDir: string;

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ child: ChildProcess; base: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SJV_LOG_LEVEL: 'warn', SJV_DATA_DIR: dataDir, PORT: '0', SJV_RESIDENT_PORT: '0', SJV_JOBS: 'off', SJV_DEMO_CASES: 'off', SJV_WRITE_RATE_LIMIT: '100000' };
  // node itself runs the server (tsx as a loader, not its CLI, which would put the server in a grandchild
  // that SIGKILL of the child does not reach).
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/start.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  for (;;) {
    const m = /API:\s+(http:\/\/[^\s]+)\/api\/v1/.exec(out);
    if (m && out.includes('Press Ctrl-C to stop')) return { child, base: m[1]! };
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function token(base: string, user: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
  return ((await r.json()) as { access_token: string }).access_token;
}

test('every acknowledged submit survives a SIGKILL in the middle of concurrent intake, and the audit chain verifies', async () => {
  dataDir = tempDir('sjv-crash-');
  const first = await start();
  const partners = await Promise.all(['mentor@school.demo', 'coach@wijkteam.demo', 'wijkagent@politie.demo'].map((u) => token(first.base, u)));
  const acknowledged: { commandId: string; caseId: string }[] = [];
  let killed = false;
  const client = async (i: number): Promise<void> => {
    while (!killed) {
      const commandId = cmdId();
      try {
        const r = await fetch(`${first.base}/api/v1/cases`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${partners[i % partners.length]!}` },
          body: JSON.stringify({ commandId, ...CONCERN }),
        });
        if (r.status === 201) acknowledged.push({ commandId, caseId: ((await r.json()) as { caseId: string }).caseId });
        else throw new Error(`submit answered ${r.status}`);
      } catch (e) {
        if (!killed) throw e;
      }
    }
  };
  const clients = Array.from({ length: 6 }, (_, i) => client(i));
  let failed: unknown;
  for (const c of clients) c.catch((e: unknown) => (failed ??= e));
  const deadline = Date.now() + 60_000;
  while (acknowledged.length < 60 && failed === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (failed !== undefined) throw failed;
  killed = true;
  first.child.kill('SIGKILL');
  await Promise.all(clients);
  await new Promise((r) => (first.child.exitCode !== null || first.child.signalCode !== null ? r(undefined) : first.child.once('exit', r)));
  expect(first.child.signalCode).toBe('SIGKILL');

  const second = await start();
  try {
    const regisseur = await token(second.base, 'regisseur@gemeente.demo');
    for (const a of acknowledged) {
      const r = await fetch(`${second.base}/api/v1/cases/${a.caseId}`, { headers: { authorization: `Bearer ${regisseur}` } });
      expect([a.caseId, r.status]).toEqual([a.caseId, 200]);
    }
    const list = (await (await fetch(`${second.base}/api/v1/cases?limit=200`, { headers: { authorization: `Bearer ${regisseur}` } })).json()) as { items: { caseId?: string; id?: string }[]; total: number };
    // at least every acknowledged case; at most the ones in flight at the kill (six clients) on top.
    expect(list.total).toBeGreaterThanOrEqual(acknowledged.length);
    expect(list.total).toBeLessThanOrEqual(acknowledged.length + 6);
    // A replay of an acknowledged command after the restart is the same case, not a second one.
    const replay = acknowledged[0]!;
    const again = await fetch(`${second.base}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${partners[0]!}` },
      body: JSON.stringify({ commandId: replay.commandId, ...CONCERN }),
    });
    const body = (await again.json()) as { caseId?: string };
    if (again.status < 300) expect(body.caseId).toBe(replay.caseId);
    const fg = await token(second.base, 'fg@gemeente.demo');
    const verified = (await (await fetch(`${second.base}/api/v1/audit/verification`, { headers: { authorization: `Bearer ${fg}` } })).json()) as { ok: boolean; rows: number };
    expect(verified).toMatchObject({ ok: true });
    expect(verified.rows).toBeGreaterThanOrEqual(acknowledged.length);
  } finally {
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  }
});
