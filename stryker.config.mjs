// @ts-check
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
 * The incremental file is kept under reports/mutation/ and committed, so a rerun only tests what changed.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const DEFAULT_TESTS = ['tests/spec', 'tests/core', 'tests/scenarios'];
const tests = (process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : DEFAULT_TESTS).map((t) => t.trim()).filter(Boolean);
const testMatch = tests.map((t) => (t.endsWith('.ts') ? `<rootDir>/${t}` : `<rootDir>/${t}/**/*.test.ts`));

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
  tsconfigFile: 'tsconfig.mutation.json',
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
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress-append-only'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  // 2 cores shared by several people: one test runner; raise with --concurrency on a free machine.
  concurrency: 1,
  timeoutMS: 10000,
  ignorePatterns: ['spfx', 'teams-app/dist', 'bench/out', 'dist', 'data', 'coverage', 'reports', '.stryker-tmp'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 80, break: null },
};
