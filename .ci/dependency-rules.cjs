// DESIGN.md's import arrows, checked by dependency-cruiser on the whole import graph of app/ and
// mocks/: static, dynamic `import()`, re-exports and type-only imports alike (ESLint's
// no-restricted-imports sees only the first). Run: `npm run test:deps`. Each rule is proven by a
// deliberate violation in .ci/dependency-rules.test.ts.
//
// Rooms are matched by path pattern, so the rules hold for files that do not exist yet. Every rule
// is an error: the check fails on any violation.
//
// app/frame/ is the app frame (navigation, screens, the composition of features into them): it sits
// above features/, which never import it.

/** Test-only code: tests may reach across rooms (e.g. into mocks/); production code may not reach them. */
const TEST_ONLY = [
  '\\.test\\.tsx?$',
  '(^|/)test-setup\\.ts$',
  '(^|/)[^/]*test-support\\.ts$',
  '(^|/)[^/]*-fixtures\\.ts$',
  '(^|/)(test-support|testing|__tests__|tests?)/',
];

const DEMO_TRANSPORT = '^app/services/demo-transport\\.ts$';
const MSW = '(^|/)node_modules/msw/';

/** @type {import('dependency-cruiser').IForbiddenRuleType[]} */
const forbidden = [
  {
    name: 'domain-is-pure',
    comment: 'app/domain/ is pure TypeScript: it imports only app/domain/ (nothing else of ours, no framework, no package, no node builtin).',
    severity: 'error',
    from: { path: '^app/domain/', pathNot: TEST_ONLY },
    to: { pathNot: '^app/domain/' },
  },
  {
    name: 'lower-rooms-point-down',
    comment: 'services, storage, sync and config sit under queries and features: they never import queries/, features/, ui/, runtime/, the frame or the composition root.',
    severity: 'error',
    from: { path: '^app/(services|storage|sync|config)/', pathNot: TEST_ONLY },
    to: { path: ['^app/(queries|features|ui|runtime|frame)/', '^app/main\\.tsx?$'] },
  },
  {
    name: 'queries-point-down',
    comment: 'queries/ sits under features: it never imports features/, ui/, the frame or the composition root.',
    severity: 'error',
    from: { path: '^app/queries/', pathNot: TEST_ONLY },
    to: { path: ['^app/(features|ui|frame)/', '^app/main\\.tsx?$'] },
  },
  {
    name: 'shared-rooms-below-features',
    comment: 'ui/ and runtime/ are shared by every screen, so they never import a feature, the frame or the composition root.',
    severity: 'error',
    from: { path: '^app/(ui|runtime)/', pathNot: TEST_ONLY },
    to: { path: ['^app/(features|frame)/', '^app/main\\.tsx?$'] },
  },
  {
    name: 'features-stay-apart',
    comment: 'A feature imports no other feature (only lookup composes plan and contacts); the frame composes them.',
    severity: 'error',
    from: { path: '^app/features/([^/]+)/', pathNot: ['^app/features/lookup/', ...TEST_ONLY] },
    to: { path: '^app/features/', pathNot: '^app/features/$1/' },
  },
  {
    name: 'lookup-composes-plan-and-contacts-only',
    comment: 'lookup may compose plan and contacts; no other feature.',
    severity: 'error',
    from: { path: '^app/features/lookup/', pathNot: TEST_ONLY },
    to: { path: '^app/features/', pathNot: '^app/features/(lookup|plan|contacts)/' },
  },
  {
    name: 'features-below-frame',
    comment: 'The frame composes features into screens; a feature never imports the frame or the composition root.',
    severity: 'error',
    from: { path: '^app/features/', pathNot: TEST_ONLY },
    to: { path: ['^app/frame/', '^app/main\\.tsx?$'] },
  },
  {
    name: 'mocks-only-through-demo-transport',
    comment: 'Synthetic data and MSW reach app/ through app/services/demo-transport.ts only, so live devices never load them.',
    severity: 'error',
    from: { path: '^app/', pathNot: [DEMO_TRANSPORT, ...TEST_ONLY] },
    to: { path: ['^mocks/', MSW] },
  },
  {
    name: 'demo-transport-loads-mocks-dynamically',
    comment: 'The demo transport opens mocks/ and msw with dynamic import() only, so they stay in lazy chunks.',
    severity: 'error',
    from: { path: DEMO_TRANSPORT },
    to: { path: ['^mocks/', MSW], dynamic: false },
  },
  {
    name: 'mocks-never-import-app',
    comment: 'mocks/ stands apart from app/ (its own NHS-number check), so a bug in ours cannot be agreed with by the mocks.',
    severity: 'error',
    from: { path: '^mocks/', pathNot: TEST_ONLY },
    to: { path: '^app/' },
  },
  {
    name: 'no-test-code-in-production',
    comment: 'Production code never imports tests or test helpers, so the build can never include them.',
    severity: 'error',
    from: { pathNot: TEST_ONLY },
    to: { path: TEST_ONLY },
  },
  {
    name: 'every-import-resolves',
    comment: 'An import the check cannot resolve is an import it cannot judge. virtual: modules are made by Vite plugins.',
    severity: 'error',
    from: { pathNot: TEST_ONLY },
    to: { couldNotResolve: true, pathNot: '^virtual:' },
  },
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden,
  options: {
    // Type-only imports are arrows too.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      conditionNames: ['import', 'browser', 'default', 'types'],
      exportsFields: ['exports'],
      mainFields: ['module', 'browser', 'main'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
