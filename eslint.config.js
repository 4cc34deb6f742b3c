// Lint rules, including the one-way import arrows of DESIGN.md:
// features → services/storage/sync/config → domain; domain imports nothing of ours;
// only app/services/demo-transport.ts may reach mocks/ (and only lazily). These see static imports
// only; `npm run test:deps` (.ci/dependency-rules.cjs) checks the whole graph, import() and types too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noMocks = { group: ['**/mocks', '**/mocks/**'], message: 'Only the demo transport loads mocks/, lazily.' };
const noFeatures = { group: ['**/features/**', '../features', '../features/*'], message: 'Imports point down: features → services/storage/sync → domain.' };
const noUpperLayers = {
  group: ['**/services/**', '**/storage/**', '**/sync/**', '**/config/**', '**/features/**', '**/mocks/**', '../*'],
  message: 'domain/ is pure: it imports nothing of ours outside domain/.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'e2e/.output'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // noUncheckedIndexedAccess makes `!` the honest way to say "checked above".
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noMocks] }],
    },
  },
  {
    files: ['app/services/**', 'app/storage/**', 'app/sync/**', 'app/config/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocks, noFeatures] }] },
  },
  {
    files: ['app/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noUpperLayers] }] },
  },
  {
    // The single sanctioned door from the app into the synthetic data (dynamic import only).
    files: ['app/services/demo-transport.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noFeatures] }] },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'app/test-setup.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
