#!/usr/bin/env node
// The one test command (`npm test`): type checks, lint, knip (unused code), the SPFx package build and its jest suite, and the
// root jest suites (core, server, bot, tab, SharePoint adapter, browser tests). Ends with one line
// `N passed, N failed` (`, N skipped` where something was skipped) summing all of them.
// In CI (CI=true) a skipped test is a failure: nothing may be skipped there.
// `npm test -- jest` (or any suite names) runs only those suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const build = join(root, 'build');
mkdirSync(build, { recursive: true });
const spfxInstalled = existsSync(join(root, 'spfx', 'node_modules', '.bin', 'gulp'));
const SPFX_MISSING = '!!! SPFx suites SKIPPED: spfx/node_modules is missing — install with `npm --prefix spfx ci` !!!';

/** A suite: a command, and how to read its counts. Checks without counts count as one test. */
const suites = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck-tab', cmd: 'npx', args: ['tsc', '-p', 'teams-app/tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  // unused files, exports and dependencies (knip.jsonc says what is an entry and why spfx/ is left out)
  { name: 'knip', cmd: 'npx', args: ['knip', '--no-progress'] },
  // Builds spfx/sharepoint/solution/*.sppkg (gulp clean, bundle --ship, package-solution --ship) before jest reads it.
  { name: 'spfx-package', cmd: 'npm', args: ['run', 'package:spfx'], needsSpfx: true },
  { name: 'spfx', cmd: 'npm', args: ['--prefix', 'spfx', 'test', '--', '--json', `--outputFile=${join(build, 'spfx-jest.json')}`], json: join(build, 'spfx-jest.json'), needsSpfx: true },
  { name: 'jest', cmd: 'npx', args: ['jest', '--json', `--outputFile=${join(build, 'jest.json')}`], json: join(build, 'jest.json') },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failedSuites = [];
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  if (suite.needsSpfx && !spfxInstalled) {
    console.log(`\n${SPFX_MISSING} (${suite.name})`);
    skipped += 1;
    continue;
  }
  console.log(`\n== ${suite.name}: ${suite.cmd} ${suite.args.join(' ')}`);
  if (suite.json) rmSync(suite.json, { force: true });
  const r = spawnSync(suite.cmd, suite.args, { cwd: root, stdio: 'inherit', env: process.env });
  const before = failed;
  if (suite.json && existsSync(suite.json)) {
    const j = JSON.parse(readFileSync(suite.json, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += j.numPendingTests + j.numTodoTests;
    // a suite file that failed to run (syntax error, crash, a throw at load) has no test counts: count it as failed.
    failed += j.numRuntimeErrorTestSuites;
    if (r.status !== 0 && j.numFailedTests === 0 && j.numRuntimeErrorTestSuites === 0) failed += 1;
  } else if (r.status === 0) passed += 1;
  else failed += 1;
  if (failed > before) failedSuites.push(suite.name);
}
if (process.env.CI === 'true' && skipped > 0) {
  console.log(`\nCI: ${skipped} test(s) skipped; in CI nothing may be skipped.`);
  failed += skipped;
}
if (failedSuites.length) console.log(`\nfailed in: ${failedSuites.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
