/**
 * `npm run bench`: every benchmark of the product, each reporting ratios against a baseline measured in
 * the same run. Not a test: it prints, and exits non-zero only when a benchmark cannot run.
 * `npm run bench -- core` runs one part.
 */
import { benchBot } from './bot';
import { benchCore } from './core';
import { benchMeeting } from './meeting';
import { benchServer } from './server';
import { benchSpfx } from './spfx';
import { benchStop } from './stop';
import { benchTab } from './tab';

const parts: Record<string, () => Promise<{ ok: boolean } | void>> = {
  core: benchCore,
  server: benchServer,
  bot: benchBot,
  tab: benchTab,
  spfx: benchSpfx,
  meeting: benchMeeting,
  stop: benchStop,
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const missed: string[] = [];
  for (const [name, run] of Object.entries(parts)) {
    if (only.length && !only.includes(name)) continue;
    console.log(`[bench] == ${name} ==`);
    const r = await run();
    if (r && !r.ok) missed.push(name);
  }
  console.log(missed.length ? `[bench] goals missed in: ${missed.join(', ')}` : '[bench] all goals met');
}

main().catch((e: unknown) => {
  console.error('[bench] failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
