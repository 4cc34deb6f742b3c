// Fails when the first screen's JS+CSS (what dist/index.html loads, plus the static imports of
// those files) exceeds the gzip budget in .ci/bundle-budget.json. Lazy chunks do not count.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, normalize, relative } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const dist = join(root, 'dist');
const { maxGzipBytes } = JSON.parse(readFileSync(join(root, '.ci/bundle-budget.json'), 'utf8'));
if (!existsSync(join(dist, 'index.html'))) {
  console.error('bundle budget: dist/index.html is missing; run `npm run build` first.');
  process.exit(1);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');

const start = new Set();
for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) start.add(m[1]);
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
process.exit(total <= maxGzipBytes ? 0 : 1);
