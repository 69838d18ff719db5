/**
 * WAL checkpoints off the event loop (issue 17). SQLite's automatic checkpoint runs inside the COMMIT that
 * takes the log past 1000 pages, on the connection that commits: it copies the log into the database file
 * and fsyncs both, synchronously. Every ~66th card submit (≈ 60 kB of log each) so held the event loop —
 * and every other user's request — for that copy and fsync (bench/bot.ts). The store's connection turns
 * the automatic checkpoint off, and a worker thread with its own connection on the same file checkpoints
 * every interval, PASSIVE: it neither waits for nor blocks the writer.
 *
 * Durability is unchanged: a commit is written to the log before COMMIT returns, so before it is
 * acknowledged, whichever thread later copies it into the database file; a process killed (kill -9) before
 * a checkpoint replays the log on the next open. If the worker fails, the connection gets SQLite's automatic
 * checkpoint back, so that the log cannot grow without end.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker checkpoints; at ~60 kB of log per submit, 250 ms keeps the log small under load. */
export const CHECKPOINT_INTERVAL_MS = 250;

/** SQLite's own default (pages), restored when the worker fails. */
const AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript (a worker thread does not go through the TypeScript loader); the driver's path is
// resolved here, so that the worker loads the same better-sqlite3 as the store.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
const step = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    clearInterval(timer);
    parentPort.postMessage({ failed: (e && e.code) || 'ERROR' });
  }
};
const timer = setInterval(step, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  /** Turns `db`'s automatic checkpoint off and starts the worker on `file` (the same database). */
  constructor(db: Database.Database, file: string, intervalMs = CHECKPOINT_INTERVAL_MS) {
    db.pragma('wal_autocheckpoint = 0');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs } });
    // The worker never keeps the process alive; closing the store stops it.
    this.worker.unref();
    const fallBack = (): void => {
      if (this.stopped || !db.open) return;
      db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    };
    this.worker.on('message', (m: unknown) => {
      if (typeof m === 'object' && m !== null && 'failed' in m) fallBack();
    });
    this.worker.on('error', fallBack);
  }

  /** Stops the worker and waits for it to close its connection. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Held while stopping: an unref'd worker and timer would let a process whose other work is done exit
    // (code 0) in the middle of the stop — e.g. a start that fails after the store opened, never printing why.
    this.worker.ref();
    const exited = once(this.worker, 'exit');
    this.worker.postMessage('stop');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
    await this.worker.terminate();
  }
}
