// Two checks of a production build (`node .ci/bundle-budget.mjs [dist]`, dist/ by default):
// 1. The first screen's JS+CSS (what dist/index.html loads, plus the static imports of those
//    files) within the gzip budget in .ci/bundle-budget.json. Lazy chunks do not count.
// 2. The service worker's precache, what every tablet downloads (one build serves every trust, so
//    this is a live deployment's): its size, and no demo or mock code in it. Demo code is known by
//    what is inside a file (its sourcemap's sources, and marker strings), not by its name.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize, relative } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const dist = process.argv[2] ? normalize(process.argv[2]) : join(root, 'dist');
const { maxGzipBytes } = JSON.parse(readFileSync(join(root, '.ci/bundle-budget.json'), 'utf8'));
if (!existsSync(join(dist, 'index.html'))) {
  console.error('bundle budget: dist/index.html is missing; run `npm run build` first.');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const start = new Set();
// Every script the page loads: the module entry, and classic ones such as the theme script in <head>.
for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) start.add(m[1]);
for (const m of html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g)) start.add(m[1]);
for (const m of html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:modulepreload|stylesheet)"/g)) start.add(m[1]);

const seen = new Map();
const queue = [...start].filter((href) => !/^https?:/.test(href)).map((href) => normalize(join(dist, href)));
while (queue.length > 0) {
  const file = queue.shift();
  if (seen.has(file) || !/\.(m?js|css)$/.test(file)) continue;
  const content = readFileSync(file);
  seen.set(file, gzipSync(content, { level: 9 }).length);
  const text = content.toString('utf8');
  const imports = file.endsWith('.css')
    ? [...text.matchAll(/@import\s+(?:url\()?["']?([^"')\s]+)/g)].map((m) => m[1])
    : [...text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
  for (const spec of imports) {
    if (spec.startsWith('.') || spec.startsWith('/')) {
      queue.push(normalize(spec.startsWith('/') ? join(dist, spec) : join(dirname(file), spec)));
    }
  }
}

const total = [...seen.values()].reduce((a, b) => a + b, 0);
for (const [file, size] of [...seen].sort((a, b) => b[1] - a[1])) {
  console.log(`${(size / 1000).toFixed(1).padStart(7)} KB  ${relative(dist, file)}`);
}
const verdict = total <= maxGzipBytes ? 'within' : 'OVER';
console.log(`first screen: ${(total / 1000).toFixed(1)} KB gzip, ${verdict} the ${(maxGzipBytes / 1000).toFixed(0)} KB budget`);

// --- The precache ---------------------------------------------------------------------------

/** Modules that are demo code: the demo transport, the synthetic services (mocks/) and MSW. */
const DEMO_SOURCES = [/(^|\/)mocks\//, /(^|\/)node_modules\/msw\//, /(^|\/)app\/services\/demo-transport\.ts$/];
/** Strings only demo code holds, for files without a sourcemap (and as a second look at the rest). */
const DEMO_MARKERS = [
  '[MSW]', // MSW's own log prefix
  'https://demo.invalid', // mocks/service-bases.ts: where the synthetic services live
  'Demo mode has no synthetic answer', // app/services/demo-transport.ts
  '9990000018', // mocks/data: the first synthetic patient
];

function precacheUrls() {
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) {
    console.error('precache: dist/sw.js is missing; the build made no service worker.');
    process.exit(1);
  }
  const urls = [...readFileSync(sw, 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]);
  if (urls.length === 0) {
    console.error('precache: no entries found in dist/sw.js (has its format changed?).');
    process.exit(1);
  }
  return urls;
}

/** Why a precached file is demo code, or undefined. */
function demoCodeIn(file) {
  if (!/\.m?js$/.test(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const marker = DEMO_MARKERS.find((m) => text.includes(m));
  if (marker) return `holds "${marker}"`;
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
  if (!mapName || mapName.startsWith('data:')) return undefined;
  const mapFile = join(dirname(file), mapName);
  if (!existsSync(mapFile)) return undefined;
  const sources = JSON.parse(readFileSync(mapFile, 'utf8')).sources ?? [];
  const demo = sources.find((source) => DEMO_SOURCES.some((pattern) => pattern.test(source.replace(/\\/g, '/'))));
  return demo ? `built from ${demo.replace(/^(\.\.\/)+/, '')}` : undefined;
}

/** Files a JS file imports statically (a dynamic import() of demo code is how live code opens it). */
function staticImportsOf(file) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => normalize(join(dirname(file), m[1])));
}

let precacheBytes = 0;
let precacheGzip = 0;
const demo = new Map();
const precached = precacheUrls();
for (const url of precached) {
  const file = join(dist, url);
  if (!existsSync(file)) continue;
  const content = readFileSync(file);
  precacheBytes += content.length;
  precacheGzip += gzipSync(content, { level: 9 }).length;
  const why = demoCodeIn(file);
  if (why) demo.set(file, why);
}
// A file that cannot run without demo code (e.g. a re-export facade of MSW's chunk) is demo code too.
for (let grew = true; grew; ) {
  grew = false;
  for (const url of precached) {
    const file = join(dist, url);
    if (demo.has(file) || !/\.m?js$/.test(file) || !existsSync(file)) continue;
    const needs = staticImportsOf(file).find((imported) => demo.has(imported) || (existsSync(imported) && demoCodeIn(imported)));
    if (needs) {
      demo.set(file, `imports ${relative(dist, needs)}`);
      grew = true;
    }
  }
}
console.log(
  `live precache: ${precached.length} files, ${(precacheBytes / 1000).toFixed(1)} KB (${(precacheGzip / 1000).toFixed(1)} KB gzip), ${demo.size === 0 ? 'no demo or mock code' : 'DEMO OR MOCK CODE IN IT'}`,
);
for (const [file, why] of demo) console.log(`  demo code precached: ${relative(dist, file)}: ${why}`);

process.exit(total <= maxGzipBytes && demo.size === 0 ? 0 : 1);
