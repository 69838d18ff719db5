/**
 * Runs the jobs in the server every interval. Several instances may run it: each tick a job runs only on
 * the instance that takes its lease, which it keeps for the interval (see runJob). A job that fails is
 * logged (code and message, no data) and tried again next interval.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Clock } from '../core/ports';
import type { MeetingService } from '../core/meetings';
import type { Signaalpunt } from '../core/service';
import type { JobName, JobRun, JobStore } from './index';
import { JOB_NAMES, runScheduledJob } from './index';

export interface Scheduler {
  readonly holder: string;
  /** runs every job once now (if its lease can be taken); what the timer does each interval. */
  tick(): Promise<JobRun[]>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  store: JobStore;
  service: Signaalpunt;
  /** the meeting service built at start-up (the server's composition root), for the retention job. */
  meetings: MeetingService;
  config: Config;
  logger: Pick<Logger, 'info' | 'error'>;
  clock: Clock;
  jobs?: readonly JobName[];
  /** delay before the first tick; default 10 s, so a start is not slowed by jobs. */
  initialDelayMs?: number;
  /** no timer: ticks only when called (tests). */
  manual?: boolean;
  holder?: string;
}

export function startScheduler(opts: SchedulerOptions): Scheduler {
  const holder = opts.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const intervalMs = opts.config.jobs.intervalMinutes * 60_000;
  const jobs = opts.jobs ?? JOB_NAMES;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<JobRun[]> | undefined;

  const runAll = async (): Promise<JobRun[]> => {
    const runs: JobRun[] = [];
    for (const name of jobs) {
      if (stopped) break;
      try {
        const now = opts.clock.now();
        const run = await runScheduledJob(name, { store: opts.store, service: opts.service, meetings: opts.meetings, config: opts.config, asOf: now }, { holder, intervalMs, now });
        runs.push(run);
        if (run.ran) opts.logger.info({ job: name, summary: countsOnly(run.summary) }, 'job ran');
      } catch (e) {
        opts.logger.error({ job: name, err: { type: (e as Error).name, code: (e as { code?: unknown }).code, message: (e as Error).message } }, 'job failed');
      }
    }
    return runs;
  };
  const tick = (): Promise<JobRun[]> => {
    running ??= runAll().finally(() => {
      running = undefined;
    });
    return running;
  };
  const schedule = (delay: number): void => {
    if (stopped || opts.manual) return;
    timer = setTimeout(() => {
      void tick().finally(() => schedule(intervalMs));
    }, delay);
    timer.unref();
  };
  schedule(opts.initialDelayMs ?? 10_000);

  return {
    holder,
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Logs keep counts and dates; lists (references) are for the manual run's output only. */
function countsOnly(summary: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(summary ?? {}).filter(([, v]) => typeof v === 'number' || typeof v === 'string'));
}
