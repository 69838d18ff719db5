#!/usr/bin/env node
/**
 * `npm run mutation [-- <stryker options>]`: StrykerJS on the core (stryker.config.mjs, incremental), then the
 * score per file. Examples:
 *   npm run mutation                                   # the whole set: one run per file below, each with its own tests
 *   npm run mutation -- --mutate src/core/policy.ts    # one file, with its tests below (MUTATION_TESTS=a,b to choose others)
 *   npm run mutation -- --force                        # the whole set, ignoring the incremental files once (53 min here)
 *   npm run mutation -- --concurrency 1                # on a shared machine (default 3: stryker.config.mjs)
 *   npm run mutation -- --retest-undetected            # the whole set; survivors and uncovered mutants retested
 * Not part of `npm test`: it takes tens of minutes on a shared 2-core machine.
 *
 * The whole set runs one file at a time with only the tests that state that file's rules (FILE_TESTS). Most
 * mutants of the core are "static" (tables and regular expressions built when the module loads): Stryker
 * cannot tell which test covers them and runs every selected test for each, so a narrow, fast selection per
 * file is what keeps the run short. Each run keeps its own incremental file (reports/mutation/incremental/).
 * The lists are in scripts/mutation-files.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FILE_OPTIONS, FILE_TESTS, reportName } from './mutation-files.mjs';

/** The incremental file a run on `file` keeps (named as stryker.config.mjs names it: reportName). */
const incrementalFile = (file) => `reports/mutation/incremental/${reportName(file)}.json`;

/**
 * Incremental mode reuses a survivor's result while its code and covering tests are unchanged — and a static
 * mutant has no covering tests of its own, so a test added to kill it is not noticed. `--retest-undetected`
 * drops the survived and uncovered results from the incremental file first, so they are tested again.
 */
function dropUndetected(file) {
  const path = incrementalFile(file);
  if (!existsSync(path)) return;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const result of Object.values(report.files)) result.mutants = result.mutants.filter((m) => m.status !== 'Survived' && m.status !== 'NoCoverage');
  writeFileSync(path, JSON.stringify(report));
}

const retest = process.argv.includes('--retest-undetected');
const args = process.argv.slice(2).filter((a) => a !== '--retest-undetected');
/**
 * The TypeScript checker's program for a run: only the mutated files and what they import, not the files that
 * import them. Checking a mutant then re-checks that file alone instead of every dependent in src/core
 * (phases.ts, forced, one checker and one test runner: 385 s against 609 s with tsconfig.mutation.json, same
 * load; docs/quality.md). The score can only get stricter: a mutant that breaks the types of a dependent alone
 * is no longer set aside as not compiling but run against the tests.
 */
const RUN_TSCONFIG = 'tsconfig.mutation.run.json';
function narrowProgram(files) {
  writeFileSync(RUN_TSCONFIG, `${JSON.stringify({ extends: './tsconfig.json', include: files }, null, 2)}\n`);
  return { MUTATION_TSCONFIG: RUN_TSCONFIG };
}
const run = (env, extra) => spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', ...extra], { stdio: 'inherit', env: { ...process.env, ...env } });

/** A mistake in the arguments stops before Stryker starts, with what to do: no half run, no report touched. */
function refuse(message) {
  console.error(`mutation: ${message}`);
  process.exit(2);
}

if (args.includes('--mutate')) {
  const list = args[args.indexOf('--mutate') + 1];
  if (list === undefined || list.startsWith('--')) refuse('--mutate needs the files to mutate, comma-separated (e.g. --mutate src/core/policy.ts)');
  const files = list.split(',').filter(Boolean);
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length) refuse(`no such file: ${missing.join(', ')} (paths from the repository root, e.g. src/core/policy.ts)`);
  if (retest) for (const file of files) dropUndetected(file);
  // Without MUTATION_TESTS, files of the whole set get their own tests (and a lone file its options), as in the whole
  // set: their incremental files were made with those tests, and the config's default set would retest every mutant.
  const own = !process.env.MUTATION_TESTS && files.every((file) => file in FILE_TESTS);
  const tests = own ? { MUTATION_TESTS: [...new Set(files.flatMap((file) => FILE_TESTS[file]))].join(',') } : {};
  const options = own && files.length === 1 ? (FILE_OPTIONS[files[0]] ?? []) : [];
  const stryker = run({ ...tests, ...narrowProgram(files) }, [...options, ...args]);
  if (stryker.status !== 0) process.exit(stryker.status ?? 1);
} else {
  for (const [file, tests] of Object.entries(FILE_TESTS)) {
    const started = Date.now();
    if (retest) dropUndetected(file);
    const stryker = run({ MUTATION_TESTS: tests.join(','), ...narrowProgram([file]) }, ['--mutate', file, ...(FILE_OPTIONS[file] ?? []), ...args]);
    console.log(`mutation: ${file} took ${Math.round((Date.now() - started) / 1000)} s`);
    if (stryker.status !== 0) process.exit(stryker.status ?? 1);
  }
}
const score = spawnSync(process.execPath, ['scripts/mutation-score.mjs'], { stdio: 'inherit' });
process.exit(score.status ?? 1);
