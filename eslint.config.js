// One flat config for the monorepo. Two rules carry architecture, not style:
// process.env is read only by each app's env.ts, and packages/domain stays pure (no I/O, no clock).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', 'db/src/migrations/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through env.ts only.' },
      ],
    },
  },
  {
    files: ['**/env.ts', '**/*.test.ts', '**/*.int.test.ts', 'tests/**', '**/vitest.config.ts', '**/vite.config.ts', '**/test/**', 'scripts/**', 'bench/**', 'db/src/mikro-orm.config.ts', 'db/src/cli/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['apps/console/src/**/*.tsx', 'apps/storefront/src/**/*.tsx', 'packages/ui/src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Only repositories/ touch the database (docs/conventions.md, layout): services, jobs and HTTP
    // code call a repository method named for what it answers. A type from sql.js (Row) runs nothing.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/repositories/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/repositories/sql', '**/repositories/sql.js', '**/repositories/db', '**/repositories/db.js', 'kysely'], allowTypeImports: true, message: 'SQL runs only in apps/api/src/repositories/: add a method to the repository the table belongs to and call it.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name=/^(getConnection|getKnex|getKysely)$/]", message: 'Database access lives in apps/api/src/repositories/: add a repository method and call it.' },
        { selector: "CallExpression[callee.property.name='execute'][callee.object.name=/^(em|tx|trx)$/]", message: 'Database access lives in apps/api/src/repositories/: add a repository method and call it.' },
        { selector: "CallExpression[callee.property.name='execute'][callee.object.property.name='em']", message: 'Database access lives in apps/api/src/repositories/: add a repository method and call it.' },
        { selector: "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='fork']", message: 'Database access lives in apps/api/src/repositories/: add a repository method and call it.' },
      ],
    },
  },
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'crypto'], message: 'packages/domain does no I/O.' },
            { group: ['@mikro-orm/*', '@marketdesk/api', '@marketdesk/db', 'react', 'fastify', 'ioredis', 'bullmq'], message: 'packages/domain is pure.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass `now` in; the domain never reads the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass `now` in; the domain never reads the clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'The domain is deterministic.' },
      ],
    },
  },
);
