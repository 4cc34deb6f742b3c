// Lint rules, including the one-way import arrows of DESIGN.md:
// frame → features → queries → services/storage/sync/config → domain, with ui/ (the shared NHS.UK
// components) and runtime/ (the runtime container) as shared layers features may use;
// domain imports nothing of ours;
// only app/services/demo-transport.ts may reach mocks/ (and only lazily).
// These see static imports only; `npm run test:deps` (.ci/dependency-rules.cjs) checks the
// whole graph, import() and type imports too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noMocks = { group: ['**/mocks', '**/mocks/**'], message: 'Only the demo transport loads mocks/, lazily.' };
const noFrame = { group: ['**/frame/**', '../frame', '../frame/*'], message: 'Imports point down: the frame composes features; nothing below imports it.' };
const noFeatures = {
  group: ['**/features/**', '../features', '../features/*', ...noFrame.group],
  message: 'Imports point down: frame → features → queries → services/storage/sync → domain.',
};
// Test helpers live in app/test-support/, which only tests import: the build never reaches them.
const noTestSupport = { group: ['**/test-support', '**/test-support/**'], message: 'app/test-support/ is for tests only; production code never imports it.' };
const noUiOrRuntime = {
  group: ['**/ui/**', '../ui', '../ui/*', '**/runtime/**', '../runtime', '../runtime/*'],
  message: 'ui/ and runtime/ are React layers for features; the layers below never import them.',
};
const noQueries = { group: ['**/queries/**', '../queries', '../queries/*'], message: 'Imports point down: the query layer sits above services/storage/sync.' };
const noUpperLayers = {
  group: ['**/services/**', '**/storage/**', '**/sync/**', '**/config/**', '**/queries/**', '**/features/**', '**/mocks/**', '../*'],
  message: 'domain/ is pure: it imports nothing of ours outside domain/.',
};

// Features point one way: the app frame (app/frame/) composes the screens, and lookup may
// compose plan and contacts; no other feature imports another, nor the frame (issue 8 point 2).
const FEATURES = ['lookup', 'plan', 'contacts', 'history', 'saved', 'demo'];
const MAY_COMPOSE = { lookup: ['plan', 'contacts'] };
const otherFeatures = (feature) => ({
  group: FEATURES.filter((other) => other !== feature && !(MAY_COMPOSE[feature] ?? []).includes(other)).flatMap((other) => [
    `../${other}`,
    `../${other}/**`,
    `**/features/${other}/**`,
  ]),
  message: 'Features never import each other: the frame composes them (lookup may compose plan and contacts).',
});

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
      'no-restricted-imports': ['error', { patterns: [noMocks, noTestSupport] }],
    },
  },
  ...FEATURES.map((feature) => ({
    files: [`app/features/${feature}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocks, noTestSupport, noFrame, otherFeatures(feature)] }] },
  })),
  {
    files: ['app/services/**', 'app/storage/**', 'app/sync/**', 'app/config/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocks, noTestSupport, noFeatures, noQueries, noUiOrRuntime] }] },
  },
  {
    files: ['app/queries/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocks, noTestSupport, noFeatures, noUiOrRuntime] }] },
  },
  {
    // Shared by every feature, so they import no feature and no query of their own.
    files: ['app/ui/**', 'app/runtime/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMocks, noTestSupport, noFeatures, noQueries] }] },
  },
  {
    files: ['app/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noUpperLayers, noTestSupport] }] },
  },
  {
    // The single sanctioned door from the app into the synthetic data (dynamic import only).
    files: ['app/services/demo-transport.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noFeatures, noQueries, noUiOrRuntime, noTestSupport] }] },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'app/test-setup.ts', 'app/test-support/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
