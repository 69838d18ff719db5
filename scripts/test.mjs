#!/usr/bin/env node
// The one test command (`npm test`): type check, lint, the core/server/bot jest suites, and every other
// suite the product adds. Ends with one line `N passed, N failed, N skipped` summing all of them.
// In CI (CI=true) a skipped test is a failure: nothing may be skipped there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
mkdirSync(join(root, 'build'), { recursive: true });

/** A suite: a command, and how to read its counts. Checks without counts count as one test. */
const suites = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  { name: 'jest', cmd: 'npx', args: ['jest', '--json', `--outputFile=${join(root, 'build/jest.json')}`], json: join(root, 'build/jest.json') },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const suite of suites) {
  if (only.length && !only.includes(suite.name)) continue;
  console.log(`\n== ${suite.name}: ${suite.cmd} ${suite.args.join(' ')}`);
  const r = spawnSync(suite.cmd, suite.args, { cwd: root, stdio: 'inherit', env: process.env });
  if (suite.json && existsSync(suite.json)) {
    const j = JSON.parse(readFileSync(suite.json, 'utf8'));
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += j.numPendingTests + j.numTodoTests;
    // a suite that failed to run (syntax error, crash) has no test counts: count it as failed.
    failed += j.numRuntimeErrorTestSuites;
    if (r.status !== 0 && j.numFailedTests === 0 && j.numRuntimeErrorTestSuites === 0) failed += 1;
  } else if (r.status === 0) passed += 1;
  else failed += 1;
}
if (process.env.CI === 'true' && skipped > 0) {
  console.log(`\nCI: ${skipped} test(s) skipped; in CI nothing may be skipped.`);
  failed += skipped;
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
