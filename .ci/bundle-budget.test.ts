// The budget script's precache check (.ci/bundle-budget.mjs), on small builds written to a
// temporary directory: demo and mock code in the precache fails it, known by what is inside a
// file, not by its name.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), 'bundle-budget.mjs');
const dists: string[] = [];

afterAll(() => {
  for (const dist of dists) rmSync(dist, { recursive: true, force: true });
});

/** A build: files by path; sw.js precaches `precached`. */
function build(files: Record<string, string>, precached: string[]): string {
  const dist = mkdtempSync(join(tmpdir(), 'crl-budget-'));
  dists.push(dist);
  const all: Record<string, string> = {
    'index.html': '<!doctype html><script type="module" src="/assets/index-a1.js"></script>',
    'assets/index-a1.js': 'const demo=()=>import("./demo/demo-transport-b2.js");export{demo};\n//# sourceMappingURL=index-a1.js.map',
    'assets/index-a1.js.map': JSON.stringify({ version: 3, sources: ['../../app/main.tsx', '../../app/domain/nhs-number.ts'] }),
    'assets/demo/demo-transport-b2.js': 'throw new TypeError("Demo mode has no synthetic answer")',
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  const entries = ['index.html', 'assets/index-a1.js', ...precached].map((url) => `{url:"${url}",revision:null}`).join(',');
  writeFileSync(join(dist, 'sw.js'), `define(["./workbox-1"],function(s){s.precacheAndRoute([${entries}],{})});`);
  return dist;
}

function budget(dist: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, dist], (error, stdout) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout }));
  });
}

describe('bundle budget: the live precache', () => {
  it('passes a precache with no demo code in it, and reports its size', async () => {
    const { code, out } = await budget(build({}, []));
    expect(out).toMatch(/live precache: 2 files, [\d.]+ KB \([\d.]+ KB gzip\), no demo or mock code/);
    expect(code).toBe(0);
  });

  it('fails when a precached chunk was built from mocks/, whatever its name', async () => {
    const { code, out } = await budget(
      build(
        {
          'assets/helpers-c3.js': 'export const x=1;\n//# sourceMappingURL=helpers-c3.js.map',
          'assets/helpers-c3.js.map': JSON.stringify({ version: 3, sources: ['../../mocks/data/scenario.ts'] }),
        },
        ['assets/helpers-c3.js'],
      ),
    );
    expect(out).toContain('demo code precached: assets/helpers-c3.js: built from mocks/data/scenario.ts');
    expect(code).toBe(1);
  });

  it('fails when a precached chunk was built from MSW or from the demo transport', async () => {
    const files = {
      'assets/core-d4.js': 'export const y=2;\n//# sourceMappingURL=core-d4.js.map',
      'assets/core-d4.js.map': JSON.stringify({ version: 3, sources: ['../../node_modules/msw/lib/core/index.mjs'] }),
      'assets/t-e5.js': 'export const z=3;\n//# sourceMappingURL=t-e5.js.map',
      'assets/t-e5.js.map': JSON.stringify({ version: 3, sources: ['../../app/services/demo-transport.ts'] }),
    };
    const { code, out } = await budget(build(files, ['assets/core-d4.js', 'assets/t-e5.js']));
    expect(out).toContain('assets/core-d4.js: built from node_modules/msw/lib/core/index.mjs');
    expect(out).toContain('assets/t-e5.js: built from app/services/demo-transport.ts');
    expect(code).toBe(1);
  });

  it('fails on a chunk with no sourcemap that holds demo code, and on a chunk that imports one', async () => {
    const files = {
      'assets/x-f6.js': 'console.warn("[MSW] Failed to parse")',
      'assets/facade-g7.js': 'export{a as parse}from"./x-f6.js";',
    };
    const { code, out } = await budget(build(files, ['assets/x-f6.js', 'assets/facade-g7.js']));
    expect(out).toContain('assets/x-f6.js: holds "[MSW]"');
    expect(out).toContain('assets/facade-g7.js: imports assets/x-f6.js');
    expect(code).toBe(1);
  });
});
