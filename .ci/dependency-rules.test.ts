// Proves every rule of .ci/dependency-rules.cjs: a tree that keeps DESIGN.md's arrows passes, and
// each deliberate violation (written to a temporary directory, never left in the repo) is caught
// by exactly the rule it breaks, with the same rule set and options `npm run test:deps` uses.
import { mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';

const here = dirname(fileURLToPath(import.meta.url));
const config = createRequire(import.meta.url)('./dependency-rules.cjs') as IConfiguration;
const trees: string[] = [];

afterAll(() => {
  for (const tree of trees) rmSync(tree, { recursive: true, force: true });
});

/** A small app that keeps every rule: frame → features → queries → services/storage/sync → domain. */
const CLEAN: Record<string, string> = {
  'app/domain/nhs-number.ts': `export type NhsNumber = string & { readonly brand: true };\nexport const isNhsNumber = (v: string): v is NhsNumber => /^\\d{10}$/.test(v);\n`,
  'app/domain/patient.ts': `import type { NhsNumber } from './nhs-number';\nexport interface Patient { readonly nhsNumber: NhsNumber }\n`,
  'app/services/pds-client.ts': `import { isNhsNumber } from '../domain/nhs-number';\nexport const check = isNhsNumber;\n`,
  'app/services/demo-transport.ts': `export async function createDemoTransport() {\n  const [{ getResponse }, { handlers }] = await Promise.all([import('msw'), import('../../mocks/handlers')]);\n  return { getResponse, handlers };\n}\n`,
  'app/storage/plan-cache.ts': `import type { Patient } from '../domain/patient';\nexport const cache = new Map<string, Patient>();\n`,
  'app/storage/test-support.ts': `import { handlers } from '../../mocks/handlers';\nexport const testHandlers = handlers;\n`,
  'app/storage/plan-cache.test.ts': `import { testHandlers } from './test-support';\nimport { LookupPage } from '../features/lookup/lookup-page';\nexport const used = [testHandlers, LookupPage];\n`,
  'app/sync/connectivity.ts': `import { cache } from '../storage/plan-cache';\nexport const online = () => cache.size >= 0;\n`,
  'app/config/config-schema.ts': `export const defaults = { mode: 'demo' } as const;\n`,
  'app/queries/lookup-queries.ts': `import { check } from '../services/pds-client';\nimport { online } from '../sync/connectivity';\nimport { useRuntime } from '../runtime/runtime-context';\nexport const lookupQuery = { check, online, useRuntime };\n`,
  'app/runtime/runtime-context.ts': `import { cache } from '../storage/plan-cache';\nexport const useRuntime = () => cache;\n`,
  'app/ui/problem-card.tsx': `import { useState } from 'react';\nexport function ProblemCard() { const [text] = useState(''); return <p>{text}</p>; }\n`,
  'app/features/contacts/crisis-team-card.tsx': `import { ProblemCard } from '../../ui/problem-card';\nexport const CrisisTeamCard = ProblemCard;\n`,
  'app/features/plan/plan-view.tsx': `import { lookupQuery } from '../../queries/lookup-queries';\nexport const PlanView = () => lookupQuery;\n`,
  'app/features/lookup/lookup-page.tsx': `import { PlanView } from '../plan/plan-view';\nimport { CrisisTeamCard } from '../contacts/crisis-team-card';\nexport const LookupPage = [PlanView, CrisisTeamCard];\n`,
  'app/features/saved/saved-list.tsx': `import { ProblemCard } from '../../ui/problem-card';\nexport const SavedList = [ProblemCard];\n`,
  'app/frame/lookup-screen.tsx': `import { LookupPage } from '../features/lookup/lookup-page';\nimport { SavedList } from '../features/saved/saved-list';\nexport const LookupScreen = [LookupPage, SavedList];\nexport const History = () => import('../features/history/history-page');\n`,
  'app/features/history/history-page.tsx': `import { useRuntime } from '../../runtime/runtime-context';\nexport const HistoryPage = useRuntime;\n`,
  'app/main.tsx': `import { LookupScreen } from './frame/lookup-screen';\nimport { defaults } from './config/config-schema';\nexport async function start() {\n  if (defaults.mode === 'demo') await import('./services/demo-transport');\n  return LookupScreen;\n}\n`,
  'mocks/handlers.ts': `import { http } from 'msw';\nimport { isValidNhsNumber } from './nhs-number-check';\nexport const handlers = [http, isValidNhsNumber];\n`,
  'mocks/nhs-number-check.ts': `export const isValidNhsNumber = (v: string) => v.length === 10;\n`,
  'mocks/handlers.test.ts': `import { isNhsNumber } from '../app/domain/nhs-number';\nexport const agree = isNhsNumber;\n`,
};

async function violationsOf(changes: Record<string, string>) {
  const tree = mkdtempSync(join(tmpdir(), 'crl-deps-'));
  trees.push(tree);
  // Packages (react, msw) resolve as in the repo.
  symlinkSync(realpathSync(join(here, '..', 'node_modules')), join(tree, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries({ ...CLEAN, ...changes })) {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  }
  const { tsConfig: _repoTsConfig, ...options } = config.options ?? {};
  const { output } = await cruise(['app', 'mocks'], { ...options, baseDir: tree, validate: true, ruleSet: { forbidden: config.forbidden } });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => ({ rule: v.rule.name, severity: v.rule.severity, from: v.from, to: v.to }));
}

describe('dependency rules (.ci/dependency-rules.cjs)', () => {
  it('pass a tree that keeps the arrows (tests and test helpers may reach mocks/ and features)', async () => {
    expect(await violationsOf({})).toEqual([]);
  });

  // Each case: one deliberate violation, caught by its rule and by no other.
  const cases: { rule: string; why: string; files: Record<string, string>; from: string; to: RegExp }[] = [
    {
      rule: 'domain-is-pure',
      why: 'domain imports a room of ours',
      files: { 'app/domain/patient.ts': `import { check } from '../services/pds-client';\nexport const c = check;\n` },
      from: 'app/domain/patient.ts',
      to: /^app\/services\/pds-client\.ts$/,
    },
    {
      rule: 'domain-is-pure',
      why: 'domain imports a framework',
      files: { 'app/domain/patient.ts': `import { useState } from 'react';\nexport const s = useState;\n` },
      from: 'app/domain/patient.ts',
      to: /node_modules\/react\//,
    },
    {
      rule: 'domain-is-pure',
      why: 'domain imports a type from a room of ours (type-only imports are arrows too)',
      files: { 'app/domain/patient.ts': `import type { Patient as P } from '../storage/plan-cache';\nexport type Patient = P;\n` },
      from: 'app/domain/patient.ts',
      to: /^app\/storage\/plan-cache\.ts$/,
    },
    {
      rule: 'lower-rooms-point-down',
      why: 'storage reaches up to a feature through a dynamic import()',
      files: { 'app/storage/plan-cache.ts': `export const cache = new Map();\nexport const page = () => import('../features/lookup/lookup-page');\n` },
      from: 'app/storage/plan-cache.ts',
      to: /^app\/features\/lookup\/lookup-page\.tsx$/,
    },
    {
      rule: 'lower-rooms-point-down',
      why: 'sync reaches up to queries',
      files: { 'app/sync/connectivity.ts': `import type { lookupQuery } from '../queries/lookup-queries';\nexport type Q = typeof lookupQuery;\nexport const online = () => true;\n` },
      from: 'app/sync/connectivity.ts',
      to: /^app\/queries\/lookup-queries\.ts$/,
    },
    {
      rule: 'queries-point-down',
      why: 'queries reach up to a feature',
      files: {
        'app/queries/lookup-queries.ts': `import { check } from '../services/pds-client';\nimport { online } from '../sync/connectivity';\nimport { useRuntime } from '../runtime/runtime-context';\nimport { CrisisTeamCard } from '../features/contacts/crisis-team-card';\nexport const lookupQuery = { check, online, useRuntime, CrisisTeamCard };\n`,
      },
      from: 'app/queries/lookup-queries.ts',
      to: /^app\/features\/contacts\/crisis-team-card\.tsx$/,
    },
    {
      rule: 'shared-rooms-below-features',
      why: 'a shared UI component imports a feature',
      files: { 'app/ui/problem-card.tsx': `import { PlanView } from '../features/plan/plan-view';\nexport function ProblemCard() { return <p>{String(PlanView)}</p>; }\n` },
      from: 'app/ui/problem-card.tsx',
      to: /^app\/features\/plan\/plan-view\.tsx$/,
    },
    {
      rule: 'features-stay-apart',
      why: 'plan points back at lookup',
      files: { 'app/features/plan/plan-view.tsx': `import { lookupQuery } from '../../queries/lookup-queries';\nimport type { LookupPage } from '../lookup/lookup-page';\nexport const PlanView = (): typeof LookupPage | typeof lookupQuery => lookupQuery;\n` },
      from: 'app/features/plan/plan-view.tsx',
      to: /^app\/features\/lookup\/lookup-page\.tsx$/,
    },
    {
      rule: 'lookup-composes-plan-and-contacts-only',
      why: 'lookup composes a feature other than plan and contacts',
      files: {
        'app/features/lookup/lookup-page.tsx': `import { PlanView } from '../plan/plan-view';\nimport { CrisisTeamCard } from '../contacts/crisis-team-card';\nimport { SavedList } from '../saved/saved-list';\nexport const LookupPage = [PlanView, CrisisTeamCard, SavedList];\n`,
      },
      from: 'app/features/lookup/lookup-page.tsx',
      to: /^app\/features\/saved\/saved-list\.tsx$/,
    },
    {
      rule: 'features-stay-apart',
      why: 'saved reaches lookup through a dynamic import()',
      files: { 'app/features/saved/saved-list.tsx': `import { ProblemCard } from '../../ui/problem-card';\nexport const SavedList = [ProblemCard];\nexport const page = () => import('../lookup/lookup-page');\n` },
      from: 'app/features/saved/saved-list.tsx',
      to: /^app\/features\/lookup\/lookup-page\.tsx$/,
    },
    {
      rule: 'features-below-frame',
      why: 'a feature reaches up to the frame',
      files: { 'app/features/contacts/crisis-team-card.tsx': `import { ProblemCard } from '../../ui/problem-card';\nimport type { LookupScreen } from '../../frame/lookup-screen';\nexport const CrisisTeamCard = ProblemCard;\nexport type S = typeof LookupScreen;\n` },
      from: 'app/features/contacts/crisis-team-card.tsx',
      to: /^app\/frame\/lookup-screen\.tsx$/,
    },
    {
      rule: 'shared-rooms-below-features',
      why: 'the runtime container reaches up to the frame',
      files: { 'app/runtime/runtime-context.ts': `import { cache } from '../storage/plan-cache';\nimport type { LookupScreen } from '../frame/lookup-screen';\nexport const useRuntime = () => cache;\nexport type S = typeof LookupScreen;\n` },
      from: 'app/runtime/runtime-context.ts',
      to: /^app\/frame\/lookup-screen\.tsx$/,
    },
    {
      rule: 'mocks-only-through-demo-transport',
      why: 'a module other than the demo transport loads mocks/, even lazily',
      files: { 'app/features/demo/demo-list.tsx': `export const load = () => import('../../../mocks/handlers');\n` },
      from: 'app/features/demo/demo-list.tsx',
      to: /^mocks\/handlers\.ts$/,
    },
    {
      rule: 'mocks-only-through-demo-transport',
      why: 'a service imports msw',
      files: { 'app/services/pds-client.ts': `import { isNhsNumber } from '../domain/nhs-number';\nimport { getResponse } from 'msw';\nexport const check = isNhsNumber;\nexport const answer = getResponse;\n` },
      from: 'app/services/pds-client.ts',
      to: /node_modules\/msw\//,
    },
    {
      rule: 'demo-transport-loads-mocks-dynamically',
      why: 'the demo transport imports mocks/ statically',
      files: { 'app/services/demo-transport.ts': `import { handlers } from '../../mocks/handlers';\nexport async function createDemoTransport() {\n  const { getResponse } = await import('msw');\n  return { getResponse, handlers };\n}\n` },
      from: 'app/services/demo-transport.ts',
      to: /^mocks\/handlers\.ts$/,
    },
    {
      rule: 'demo-transport-loads-mocks-dynamically',
      why: 'the demo transport imports msw statically',
      files: { 'app/services/demo-transport.ts': `import { getResponse } from 'msw';\nexport async function createDemoTransport() {\n  const { handlers } = await import('../../mocks/handlers');\n  return { getResponse, handlers };\n}\n` },
      from: 'app/services/demo-transport.ts',
      to: /node_modules\/msw\//,
    },
    {
      rule: 'mocks-never-import-app',
      why: "a mock uses the app's NHS-number check",
      files: { 'mocks/handlers.ts': `import { http } from 'msw';\nimport { isNhsNumber } from '../app/domain/nhs-number';\nexport const handlers = [http, isNhsNumber];\n` },
      from: 'mocks/handlers.ts',
      to: /^app\/domain\/nhs-number\.ts$/,
    },
    {
      rule: 'no-test-code-in-production',
      why: 'production code imports a test helper',
      files: { 'app/sync/connectivity.ts': `import { cache } from '../storage/plan-cache';\nimport type { testHandlers } from '../storage/test-support';\nexport type H = typeof testHandlers;\nexport const online = () => cache.size >= 0;\n` },
      from: 'app/sync/connectivity.ts',
      to: /^app\/storage\/test-support\.ts$/,
    },
    {
      rule: 'every-import-resolves',
      why: 'an import the check cannot resolve (so could not judge)',
      files: { 'app/config/config-schema.ts': `import { schema } from './no-such-file';\nexport const defaults = { mode: 'demo', schema } as const;\n` },
      from: 'app/config/config-schema.ts',
      to: /^\.\/no-such-file$/,
    },
  ];

  it.each(cases)('$rule catches: $why', async ({ rule, files, from, to }) => {
    const violations = await violationsOf(files);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ rule, from });
    expect(violations[0]!.to).toMatch(to);
  });

  it('has a deliberate violation for every rule', () => {
    const proven = new Set(cases.map((c) => c.rule));
    expect((config.forbidden ?? []).map((r) => r.name).filter((name) => !proven.has(name ?? ''))).toEqual([]);
  });
});
