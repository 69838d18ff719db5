#!/usr/bin/env node
/**
 * `npm run mutation [-- <stryker options>]`: StrykerJS on the core (stryker.config.mjs, incremental; MUTATION_TESTS=a,b to choose the tests),
 * then the score per file. Examples:
 *   npm run mutation                                   # every file in stryker.config.mjs
 *   npm run mutation -- --mutate src/core/policy.ts    # one file
 *   npm run mutation -- --concurrency 2 --force        # ignore the incremental file once
 * Not part of `npm test`: it takes tens of minutes on a shared 2-core machine.
 */
import { spawnSync } from 'node:child_process';

const stryker = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const score = spawnSync(process.execPath, ['scripts/mutation-score.mjs'], { stdio: 'inherit' });
process.exit(score.status ?? 1);
