// Lint: typescript-eslint's recommended rules, plus the house rule that engines stay pure.
import tseslint from 'typescript-eslint';

const impure = ['probot', '@actions/*', '@octokit/*', 'simple-git', 'node:fs', 'node:fs/promises', 'fs', 'node:child_process', 'better-sqlite3', 'pg', 'kysely'];

export default tseslint.config(
  { ignores: ['lib/**', 'node_modules/**', 'actions/*/dist/**', 'coverage/**', 'bench/.work/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/engines/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: impure.map((group) => ({ group: [group], message: 'Engines are pure: pass data in as arguments.' })) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'Engines are pure: no process.env.' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Engines are pure: time comes in as an argument.' }],
    },
  },
);
