// @ts-check
import { reportName } from './scripts/mutation-files.mjs';

/**
 * Mutation testing of the core (issue 20): StrykerJS 9 with the jest runner (per-test coverage), the
 * TypeScript checker and incremental mode. Run with `npm run mutation`; not part of `npm test`.
 *
 *   npm run mutation                                          # every core file below
 *   npm run mutation -- --mutate src/core/policy.ts           # one file
 *   MUTATION_TESTS=tests/spec,tests/core/audit-role.test.ts npm run mutation -- --mutate src/core/policy.ts
 *                                                             # only these test files/folders
 *
 * Equivalent mutants are disabled where they are, with `// Stryker disable next-line <mutator>: <reason>`.
 * The incremental files are kept under reports/mutation/incremental/ (one per set of mutated files) and
 * committed, so a rerun — also on another machine — only tests the mutants whose code or tests changed.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const DEFAULT_TESTS = ['tests/spec', 'tests/core', 'tests/scenarios'];
const tests = (process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : DEFAULT_TESTS).map((t) => t.trim()).filter(Boolean);
const testMatch = tests.map((t) => (t.endsWith('.ts') ? `<rootDir>/${t}` : `<rootDir>/${t}/**/*.test.ts`));
// A run on some files (`--mutate a.ts,b.ts`) keeps its own incremental file (its report), named after them,
// so runs on different files do not overwrite each other; scripts/mutation-score.mjs merges the reports.
const mutateArg = process.argv.indexOf('--mutate');
const runName = mutateArg > 0 ? (process.argv[mutateArg + 1] ?? 'all').split(',').map(reportName).join('+') : 'all';

export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: { roots: ['<rootDir>/tests'], testMatch },
    enableFindRelatedTests: false,
  },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  // scripts/mutation.mjs passes a program of only the mutated files and what they import (MUTATION_TSCONFIG);
  // tsconfig.mutation.json (all of src/core) when Stryker is run by hand.
  tsconfigFile: process.env.MUTATION_TSCONFIG ?? 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'src/core/policy.ts',
    'src/core/views.ts',
    'src/core/phases.ts',
    'src/core/retention.ts',
    'src/core/audit.ts',
    'src/core/handlers.ts',
    'src/core/guard/**/*.ts',
  ],
  incremental: true,
  incrementalFile: `reports/mutation/incremental/${runName}.json`,
  // The incremental file is itself the full JSON report (mutation-testing-report-schema) of the run;
  // scripts/mutation-score.mjs reads it, so no second JSON report is written.
  reporters: ['clear-text', 'progress-append-only'],
  clearTextReporter: { allowColor: false, logTests: false },
  // Three on this 2-core machine: two TypeScript checkers and one test runner, then three runners once every mutant is
  // checked. The whole set forced: 53 min 10 s against 62 min 4 s at 1 (one checker, one runner; docs/quality.md).
  // Lower it (--concurrency 1) when others share the machine.
  concurrency: 3,
  timeoutMS: 10000,
  ignorePatterns: ['spfx', 'teams-app/dist', 'bench/out', 'dist', 'data', 'coverage', 'reports', '.stryker-tmp'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
