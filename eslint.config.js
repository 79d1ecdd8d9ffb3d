// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Dependency direction (docs/architecture.md): domain ← db ← server ← cli; web talks to server over HTTP only. */
const layer = (/** @type {string[]} */ forbidden) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: forbidden.map((pkg) => ({
        group: [`@stockwise/${pkg}`, `@stockwise/${pkg}/*`, `**/packages/${pkg}/**`],
        message: `This package must not import @stockwise/${pkg} (see docs/architecture.md dependency direction).`,
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      '.scratch/**',
      'test-artifacts/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', 'bin/*.js', 'packages/cli/bin/*.js', 'scripts/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-params': ['error', 4],
      // Size limits keep every file and function readable in one sitting (docs/architecture.md).
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['packages/domain/**'], rules: layer(['db', 'server', 'cli', 'web']) },
  { files: ['packages/db/**'], rules: layer(['server', 'cli', 'web']) },
  { files: ['packages/server/**'], rules: layer(['cli', 'web']) },
  { files: ['packages/cli/**'], rules: layer(['web', 'db']) },
  { files: ['packages/web/**'], rules: layer(['domain', 'db', 'server', 'cli']) },
  // The web's tests are not in its bundle: they may use the pure domain's test tools (one PRNG), not the server.
  { files: ['packages/web/test/**'], rules: layer(['db', 'server', 'cli']) },
  // Translations are data, and a test's describe block is a list of cases: neither is split by size.
  { files: ['packages/web/src/i18n/messages/**', '**/*.gen.ts'], rules: { 'max-lines': 'off' } },
  { files: ['**/test/**', '**/*.test.ts'], rules: { 'max-lines-per-function': 'off' } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
