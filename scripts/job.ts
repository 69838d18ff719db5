/**
 * `npm run job -- <name> [--as-of=YYYY-MM-DD]`: runs one scheduled job by hand against the configured store,
 * under the same run lease as the server's scheduler (so it never runs alongside a scheduled run). `--as-of` is local mode only.
 */
import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { parseISO } from 'date-fns';
import { openStore } from '../src/config/store';
import { loadConfig } from '../src/config';
import { MeetingService } from '../src/core/meetings';
import { isoDate } from '../src/core/schemas';
import { Signaalpunt } from '../src/core/service';
import { JOB_NAMES, JOBS, isJobName, runJob } from '../src/jobs';
import { loadDotEnv } from './env';

function usage(): never {
  console.error(`usage: npm run job -- <name> [--as-of=YYYY-MM-DD]\njobs:\n${JOB_NAMES.map((n) => `  ${n.padEnd(18)} ${JOBS[n].description}`).join('\n')}`);
  process.exit(2);
}

async function main(): Promise<void> {
  loadDotEnv();
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--'));
  if (!name || !isJobName(name)) usage();
  const asOfArg = args.find((a) => a.startsWith('--as-of='))?.slice('--as-of='.length);
  const config = loadConfig(process.env);
  if (asOfArg !== undefined) {
    if (config.mode !== 'local') {
      console.error('[job] --as-of is for local mode only; production uses the clock.');
      process.exit(2);
    }
    if (!isoDate.safeParse(asOfArg).success) {
      console.error('[job] --as-of needs a date YYYY-MM-DD');
      process.exit(2);
    }
  }
  mkdirSync(config.dataDir, { recursive: true });
  // the store the server runs on (SQLite locally, SharePoint in production): one place decides.
  const store = openStore(config.store);
  try {
    const service = new Signaalpunt(store, undefined, config.process);
    const meetings = new MeetingService(service, store);
    const asOf = asOfArg ? parseISO(asOfArg) : new Date();
    const run = await runJob(name, { store, service, meetings, config, asOf, queuedAt: new Date() }, { holder: `manual:${hostname()}:${process.pid}` });
    console.log(JSON.stringify(run, null, 2));
    if (!run.ran) process.exitCode = 3;
  } finally {
    await store.close();
  }
}

main().catch((e: unknown) => {
  console.error('[job] failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
