/**
 * A graceful stop whatever the backlog: `npm start` (a real process) with 10,000 proactive messages queued
 * and a slow Bot Connector (stand-in on 127.0.0.1). SIGTERM ends the process within 10 s: the sends in
 * flight finish (each marked sent only after its 2xx), nothing more is claimed, and every other message is
 * left pending with no lease held, so another instance sends it at once.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteStore } from '../../src/adapters/sqlite';
import type { ConnectorStandIn } from '../support/bot-connector';
import { startConnector } from '../support/bot-connector';
import { prepareOutboxBacklog } from '../support/outbox-backlog';
import { tempDir } from './support/harness';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
// tsx as a loader in the server's own process: the signal goes to the server, not to a relaying parent.
const TSX_LOADER = 'tsx';
const BACKLOG = 10_000;

let connector: ConnectorStandIn;
let child: ChildProcess | undefined;
let dataDir: string;

beforeAll(async () => {
  connector = await startConnector();
  connector.delayMs = 400; // a slow connector: each send takes 0.4 s
  dataDir = tempDir('sjv-stop-');
  // The backlog: one case that calls for an identity request, and 10,000 such messages queued for the mentor.
  await prepareOutboxBacklog(dataDir, connector, BACKLOG);
});

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await connector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('SIGTERM with 10,000 queued messages and a slow connector: the process ends within 10 s, in-flight sends finish, the rest is left unleased', async () => {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SJV_DATA_DIR: dataDir, PORT: '0', SJV_JOBS: 'off', SJV_DEMO_CASES: 'off', SJV_LOG_LEVEL: 'warn', SJV_BOT_OUTBOX_POLL_MS: '50' };
  const proc = spawn(process.execPath, ['--import', TSX_LOADER, join(ROOT, 'scripts/start.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));

  // Wait until the outbox is sending (the connector has answered some sends).
  const started = Date.now();
  while (connector.delivered.length < 10) {
    if (proc.exitCode !== null) throw new Error(`the server exited early:\n${out}`);
    if (Date.now() - started > 60_000) throw new Error(`no sends after 60 s:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }

  const signalled = performance.now();
  proc.kill('SIGTERM');
  const code = await Promise.race([exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 10_000).unref())]);
  const stopMs = performance.now() - signalled;
  if (process.env.SJV_PRINT_STOP) console.log(JSON.stringify({ stopMs: Math.round(stopMs), delivered: connector.delivered.length }));
  expect(code).toBe(0);
  expect(stopMs).toBeLessThanOrEqual(10_000);

  const store = SqliteStore.open(join(dataDir, 'signaalpunt.db'));
  try {
    const all = await store.listOutbox({ limit: BACKLOG + 10 });
    const sent = all.filter((m) => m.status === 'sent');
    const pending = all.filter((m) => m.status === 'pending');
    // Every message marked sent got its 200; the stop did not wait for the queue.
    expect(sent.length).toBe(connector.delivered.length);
    expect(sent.length).toBeLessThan(200);
    expect(pending.length).toBe(all.length - sent.length);
    // No lease held: another instance claims every pending message right away.
    const now = new Date().toISOString();
    const claimed = await store.claimOutbox('another-instance', now, new Date(Date.now() + 60_000).toISOString(), BACKLOG + 10);
    expect(claimed.length).toBe(pending.length);
  } finally {
    await store.close();
  }
});
