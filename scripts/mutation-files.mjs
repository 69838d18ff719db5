/**
 * The whole set of `npm run mutation` (issue 20) as data, without side effects, so that scripts/mutation.mjs,
 * scripts/mutation-score.mjs and tests/architecture/mutation-set.test.ts read the same lists: each core file with
 * the test files that state its rules, the extra options of the data modules, the files that have no code to
 * mutate, and the score every file must reach.
 */
/** Each core file and the test files that state its rules (docs/quality.md gives the reasons and the runs). */
export const FILE_TESTS = {
  'src/core/policy.ts': ['tests/spec', 'tests/core/audit-role.test.ts', 'tests/core/policy-context.test.ts'],
  'src/core/phases.ts': ['tests/spec/phases-vs-spec.test.ts', 'tests/core/command-free-text.test.ts'],
  'src/core/views.ts': [
    'tests/core/views-membership.test.ts',
    'tests/core/policy-matrix.test.ts',
    'tests/core/audit-role.test.ts',
    'tests/core/policy-invariants.test.ts',
    'tests/privacy/retention-date.test.ts',
    'tests/core/views-copy.test.ts',
  ],
  'src/core/retention.ts': [
    'tests/core/retention.test.ts',
    'tests/core/retention-commands.test.ts',
    'tests/core/retention-purge.test.ts',
    'tests/scenarios/closed-to-purged.test.ts',
  ],
  'src/core/audit.ts': ['tests/core/audit.test.ts', 'tests/core/audit-verifier.test.ts'],
  'src/core/handlers.ts': ['tests/core/handlers.test.ts'],
  'src/core/guard/dates.ts': ['tests/core/guard/pure/dates.test.ts'],
  'src/core/guard/diminutives.ts': ['tests/core/guard/pure/diminutives.test.ts'],
  'src/core/guard/school.ts': ['tests/core/guard/pure/school.test.ts'],
  'src/core/guard/index.ts': ['tests/core/guard/pure/index.test.ts'],
  'src/core/guard/first-names.ts': ['tests/core/guard/pure/word-lists.test.ts'],
  'src/core/guard/allowlist.ts': ['tests/core/guard/pure/word-lists.test.ts'],
  'src/core/guard/lexicon.ts': ['tests/core/guard/pure/lexicon.test.ts'],
  'src/core/guard/structured.ts': ['tests/core/guard/pure/structured.test.ts'],
  'src/core/guard/structured-words.ts': ['tests/core/guard/pure/word-lists.test.ts'],
  'src/core/guard/names.ts': ['tests/core/guard/pure/names.test.ts'],
  'src/core/guard/name-words.ts': ['tests/core/guard/pure/word-lists.test.ts'],
};
/**
 * Extra Stryker options per file. The word lists (and structured-words.ts and name-words.ts, the stop lists and
 * tables of structured.ts and names.ts) are data built when their module loads: all their mutants are
 * static (one word, or one group of words, removed), so they are ignored rather than killed by a test per entry.
 */
export const FILE_OPTIONS = {
  'src/core/guard/first-names.ts': ['--ignoreStatic'],
  'src/core/guard/allowlist.ts': ['--ignoreStatic'],
  'src/core/guard/structured-words.ts': ['--ignoreStatic'],
  'src/core/guard/name-words.ts': ['--ignoreStatic'],
};

/** Files the config's `mutate` patterns match that hold no code Stryker can mutate (types only). */
export const NO_CODE = {
  'src/core/guard/types.ts': 'types and interfaces only: nothing left at run time to mutate',
};

/** The name of the incremental file (its report) of a run on `file`: src/core/guard/names.ts → guard-names. */
export const reportName = (file) => file.replace(/^src\/core\//, '').replace(/\.ts$/, '').replace(/[^a-z0-9]+/gi, '-');

/** Issue 20: every file with a score scores at least this much (mutation-score.mjs fails below it). */
export const MIN_SCORE = 90;
