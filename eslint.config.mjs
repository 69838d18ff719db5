// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';

/** Frameworks and adapters the core must never import: adapters depend on the core, not the reverse. */
const coreForbidden = [
  { group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/*'], message: 'The core imports no Teams/Bot framework.' },
  { group: ['express', 'express/*', 'fastify', 'fastify/*', '@fastify/*'], message: 'The core imports no HTTP framework.' },
  { group: ['react', 'react-dom', 'react/*', '@fluentui/*'], message: 'The core imports no UI framework.' },
  { group: ['@pnp/*'], message: 'The core imports no SharePoint client.' },
  { group: ['better-sqlite3', 'pino', 'jose'], message: 'The core imports no infrastructure library; use a port.' },
  { group: ['**/adapters/**', '**/server/**', '**/bot/**', '**/teams-app/**', '**/spfx/**'], message: 'The core never imports an adapter.' },
];

export default tseslint.config(
  { ignores: ['.tmp_*', '.stryker-tmp/**', 'dist/**', 'node_modules/**', 'spfx/*', '!spfx/src', 'teams-app/dist/**', 'coverage/**', 'data/**', 'build/**', '**/*.js'] },
  // the node scripts and configs (npm test, mutation, postinstall): linted too, with node's globals
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // User text meets regexes in the API, the bot, the tab and the web part: no pattern may backtrack
    // super-linearly (issue 13: one chat message froze the server). spfx/src is linted by this rule here too.
    files: ['src/**/*.ts', 'bot/**/*.ts', 'teams-app/**/*.{ts,tsx}', 'spfx/src/**/*.{ts,tsx}'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: coreForbidden }],
      'no-console': 'error',
    },
  },
);
