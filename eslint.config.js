// Lint rules; the import restrictions keep the layers of ARCHITECTURE.md pointing inward.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message: 'Imports point inward only (see ARCHITECTURE.md).' })) }],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', '.tmp/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['src/domain/**'], rules: restrict(['**/services/**', '**/adapters/**', '**/http/**', '**/jobs/**', '**/cli/**', '**/config/**', 'fastify', 'kysely', 'pg', 'better-sqlite3', 'nodemailer', 'node:fs*', 'node:net', 'node:dns*']) },
  { files: ['src/services/**'], rules: restrict(['**/adapters/**', '**/http/**', '**/jobs/**', '**/cli/**', 'fastify', '@fastify/*', 'pg', 'better-sqlite3', 'nodemailer']) },
  { files: ['src/adapters/**'], rules: restrict(['**/http/**', '**/jobs/**', '**/cli/**']) },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
);
