/**
 * Component and service tests of the web part's React parts (React 17, @fluentui/react, jsdom), run with
 * this package's own jest: `npm --prefix spfx test` (add `-- --json --outputFile=…` for counts).
 * The SPFx web part class itself is not imported (its runtime packages need many shims); it stays thin.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true, diagnostics: false }],
  },
  // @pnp is ESM-only; @fluentui/react's lib/ is ESM: use its CommonJS build. Its package "exports" list no
  // "./lib-commonjs/ChoiceGroup" (8.125.7), so that one is mapped to the file itself (first match wins).
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  // the API contract is read from its one source (ADR 0015)
  moduleNameMapper: {
    '^@fluentui/react/lib/ChoiceGroup$': '<rootDir>/node_modules/@fluentui/react/lib-commonjs/ChoiceGroup.js',
    '^@fluentui/react/lib/(.*)$': '@fluentui/react/lib-commonjs/$1',
    '^@signaalpunt/contract$': '<rootDir>/../packages/contract/src/index.ts',
    '^@signaalpunt/contract/(.*)$': '<rootDir>/../packages/contract/src/$1',
  },
  setupFiles: ['<rootDir>/tests/setup.ts'],
  testTimeout: 20000,
};
