require('@rushstack/eslint-config/patch/modern-module-resolution');
module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: __dirname },
  // the build's copy of packages/contract (tools/sync-contract.cjs); the contract is linted at the root
  ignorePatterns: ['src/signaalpuntContract/**'],
};
