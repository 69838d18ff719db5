/**
 * `npm run bench -- stop`: how long `npm start` (a real process) takes to end after SIGTERM while the bot's
 * outbox holds 10,000 messages and the Bot Connector (the stand-in on 127.0.0.1, 0.4 s a send) is slow —
 * against the same stop with an empty outbox, in interleaved rounds. Goal (issue 13): ≤ 10 s whatever the
 * backlog; the stop finishes the sends in flight and leaves the rest for another instance's lease.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startConnector } from '../tests/support/bot-connector';
import type { ConnectorStandIn } from '../tests/support/bot-connector';
import { prepareOutboxBacklog } from '../tests/support/outbox-backlog';
import { report } from './util';

const ROOT = resolve(__dirname, '..');
const BACKLOG = 10_000;
const GOAL_MS = 10_000;

/** A data folder with one case and `backlog` proactive messages queued for the mentor, whose conversation is at the stand-in. */
async function prepare(connector: ConnectorStandIn, backlog: number): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sjv-bench-stop-'));
  await prepareOutboxBacklog(dataDir, connector, backlog);
  return dataDir;
}

/** Starts the server on `dataDir`, waits until it serves (and, with a backlog, is sending), sends SIGTERM: ms until it exited. */
async function stopTime(connector: ConnectorStandIn, dataDir: string, backlog: number): Promise<number> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', SJV_DATA_DIR: dataDir, PORT: '0', SJV_JOBS: 'off', SJV_LOG_LEVEL: 'warn', SJV_BOT_OUTBOX_POLL_MS: '50' };
  // tsx as a loader in the server's own process: the signal reaches the server, not a relaying parent.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/start.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const sentBefore = connector.delivered.length;
  const started = Date.now();
  try {
    while (!out.includes('Press Ctrl-C to stop') || (backlog > 0 && connector.delivered.length < sentBefore + 5)) {
      if (child.exitCode !== null) throw new Error('the server exited before it was signalled');
      if (Date.now() - started > 90_000) throw new Error('the server did not start sending within 90 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const t0 = performance.now();
    child.kill('SIGTERM');
    const limit = new Promise<'limit'>((r) => setTimeout(() => r('limit'), 60_000).unref());
    if ((await Promise.race([exited, limit])) === 'limit') throw new Error('still running 60 s after SIGTERM');
    return performance.now() - t0;
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchStop(rounds = 5): Promise<{ ok: boolean }> {
  const connector = await startConnector();
  connector.delayMs = 400;
  const empty: number[] = [];
  const full: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      // alternate which variant goes first, so that a pause of the machine falls on both alike
      const order = i % 2 === 0 ? [0, BACKLOG] : [BACKLOG, 0];
      for (const backlog of order) {
        const dir = await prepare(connector, backlog);
        try {
          (backlog ? full : empty).push(await stopTime(connector, dir, backlog));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await connector.close();
  }
  const m = median(full);
  report(`stop after SIGTERM, ${BACKLOG} queued vs empty outbox (${rounds} interleaved rounds)`, {
    queued_median: `${Math.round(m)} ms`,
    queued_spread: `${Math.round(Math.min(...full))}–${Math.round(Math.max(...full))} ms`,
    empty_median: `${Math.round(median(empty))} ms`,
    empty_spread: `${Math.round(Math.min(...empty))}–${Math.round(Math.max(...empty))} ms`,
    ratio: m / median(empty),
    goal: `queued ≤ ${GOAL_MS} ms`,
  });
  return { ok: Math.max(...full) <= GOAL_MS };
}
