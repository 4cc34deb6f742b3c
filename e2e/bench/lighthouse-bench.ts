/**
 * Lighthouse on the crew's first screen (issue 13 points 4 and 6), next to a blank Vite + React
 * page built the same way, so a score can be read against what the stack itself costs.
 *
 * A measurement, not a test: nothing here passes or fails on a score. It serves the production
 * build in `dist/` (it builds nothing of the app: `npm run build` first) from a small static
 * server on a free port, compressed as a deployment should (brotli or gzip, by Accept-Encoding;
 * hashed assets cached for a year, everything else revalidated), in live mode: the server answers
 * /config.json with a live configuration whose services and sign-in provider are on this server
 * and answer nothing (404), so the page is what a crew sees before signing in, with no network
 * service involved. The blank page is a React root rendering one heading, built on the fly with
 * the same Vite, React plugin and target into e2e/.output/bench/lighthouse-blank/.
 *
 *   npm run bench:lighthouse [-- --runs 5] [--form-factor mobile|desktop|both] [--dist dist] [--throttling simulate|devtools]
 *
 * --dist names another build of the app to measure (a copy of an earlier dist/, to compare).
 * --throttling devtools slows the network and CPU for real while the page loads, instead of
 * Lighthouse's default simulation. The simulation replays a page loaded unthrottled from this
 * machine, where the whole bundle has arrived before the first paint: it then counts the bundle
 * as something the first paint waited for, even when the HTML alone paints the first screen.
 *
 * Each run launches a fresh Chromium (CHROME_PATH, /usr/bin/chromium by default, headless, no
 * sandbox), runs Lighthouse's default (simulated) throttling, and alternates app and blank page so
 * both see the same machine load. Prints medians; writes every run to
 * e2e/.output/bench/lighthouse-bench.json, and each page's last full report beside it
 * (lighthouse-app-mobile.json, …).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import type { Config, Flags, Result } from 'lighthouse';
import { build } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('../..', import.meta.url));
const blankRoot = join(root, 'e2e/.output/bench/lighthouse-blank');
const outputFile = join(root, 'e2e/.output/bench/lighthouse-bench.json');
const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'form-factor': { type: 'string', default: 'both' },
    dist: { type: 'string', default: 'dist' },
    throttling: { type: 'string', default: 'simulate' },
  },
});
if (args.throttling !== 'simulate' && args.throttling !== 'devtools') throw new Error('--throttling must be simulate or devtools');
const throttling: 'simulate' | 'devtools' = args.throttling;
const appDist = resolve(root, args.dist);
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number of at least 1');
const formFactorArg = args['form-factor'];
if (formFactorArg !== 'mobile' && formFactorArg !== 'desktop' && formFactorArg !== 'both') throw new Error('--form-factor must be mobile, desktop or both');
const formFactors: readonly FormFactor[] = formFactorArg === 'both' ? ['mobile', 'desktop'] : [formFactorArg];
if (!existsSync(join(appDist, 'index.html'))) throw new Error(`${args.dist}/index.html is missing: run \`npm run build\` first.`);

type FormFactor = 'mobile' | 'desktop';
type Target = 'app' | 'blank';

// ---------------------------------------------------------------------------------------------
// The reference: a blank Vite + React page, built the same way as the app (Vite, React plugin,
// es2022, minified), from files written here, never kept in the repository.

async function buildBlankPage(): Promise<string> {
  const source = join(blankRoot, 'src');
  mkdirSync(source, { recursive: true });
  writeFileSync(
    join(source, 'index.html'),
    [
      '<!doctype html>',
      '<html lang="en-GB">',
      '  <head>',
      '    <meta charset="UTF-8" />',
      '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
      '    <meta name="description" content="A blank React page, the reference for the app\'s Lighthouse figures." />',
      '    <title>Blank page</title>',
      // No favicon request (a 404 would count against best practices; the app has its icon).
      '    <link rel="icon" href="data:," />',
      '  </head>',
      '  <body>',
      '    <div id="root"></div>',
      '    <script type="module" src="./main.tsx"></script>',
      '  </body>',
      '</html>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(source, 'main.tsx'),
    [
      "import { StrictMode } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "createRoot(document.getElementById('root')!).render(<StrictMode><main><h1>Blank page</h1></main></StrictMode>);",
      '',
    ].join('\n'),
  );
  const outDir = join(blankRoot, 'dist');
  await build({
    configFile: false,
    root: source,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

// ---------------------------------------------------------------------------------------------
// A static server as a deployment should be: compressed, long-lived caching for hashed assets only.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.map', '.txt']);

interface Entry {
  readonly body: Buffer;
  readonly type: string;
  readonly br?: Buffer;
  readonly gzip?: Buffer;
}

function entryFor(name: string, body: Buffer): Entry {
  const ext = extname(name);
  const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
  if (!COMPRESSIBLE.has(ext) || body.length < 256) return { body, type };
  return {
    body,
    type,
    br: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzip: gzipSync(body, { level: 9 }),
  };
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** Serves `dir` (compressed once, up front), with `overrides` answered instead of files of the same path. */
async function serve(dir: string, overrides: (origin: string) => Record<string, unknown>): Promise<{ readonly origin: string; readonly server: Server }> {
  const files = new Map<string, Entry>();
  for (const name of filesUnder(dir)) files.set(`/${name.split(sep).join('/')}`, entryFor(name, readFileSync(join(dir, name))));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://server').pathname)).split(sep).join('/');
    // An app route (no file extension) gets the app shell, as the deployment's fallback does.
    const entry = files.get(path) ?? (extname(path) === '' ? files.get('/index.html') : undefined);
    if (!entry || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      response.end('Not found');
      return;
    }
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = entry.br && /\bbr\b/.test(accepts) ? 'br' : entry.gzip && /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    const body = encoding === 'br' ? entry.br! : encoding === 'gzip' ? entry.gzip! : entry.body;
    response.writeHead(200, {
      'content-type': entry.type,
      'content-length': body.length,
      // Hashed file names never change content: a year. The rest (index.html, sw.js, config.json) revalidates.
      'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(encoding ? { 'content-encoding': encoding } : {}),
      ...(entry.br || entry.gzip ? { vary: 'Accept-Encoding' } : {}),
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [path, value] of Object.entries(overrides(origin))) files.set(path, entryFor(path, Buffer.from(JSON.stringify(value))));
  return { origin, server };
}

/**
 * A live deployment's config.json. Its services and sign-in provider are paths on the bench's own
 * server that answer 404: the first screen (sign-in) needs none of them, and none is contacted.
 */
function liveConfig(origin: string) {
  const gateway = `${origin}/gateway`;
  return {
    mode: 'live',
    organisationOds: 'RX8',
    asid: '200000001234',
    services: { pds: `${gateway}/pds`, nrl: `${gateway}/nrl`, ods: `${gateway}/ods`, ssp: `${gateway}/ssp`, audit: `${gateway}/audit` },
    auth: { authority: `${origin}/identity`, clientId: 'crew-record-locator', roles: { paramedic: ['R8003'], clinicalLead: ['R8000'] } },
  };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const METRICS = [
  { id: 'largest-contentful-paint', label: 'LCP', unit: 'ms' },
  { id: 'first-contentful-paint', label: 'FCP', unit: 'ms' },
  { id: 'total-blocking-time', label: 'TBT', unit: 'ms' },
  { id: 'cumulative-layout-shift', label: 'CLS', unit: '' },
  { id: 'speed-index', label: 'Speed Index', unit: 'ms' },
] as const;

interface RunResult {
  readonly target: Target;
  readonly formFactor: FormFactor;
  readonly run: number;
  readonly loadAverage: number;
  readonly scores: Record<(typeof CATEGORIES)[number], number>;
  readonly metrics: Record<(typeof METRICS)[number]['id'], number>;
  readonly lcpElement: string | undefined;
  /** Audits under 1 in accessibility and best practices, and performance opportunities Lighthouse names. */
  readonly failing: readonly string[];
}

function lcpElementOf(lhr: Result): string | undefined {
  const details = lhr.audits['largest-contentful-paint-element']?.details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
  return details?.items?.[0]?.items?.[0]?.node?.snippet;
}

/** What a failing audit names (a console error's source and text, an element), shortened. */
function detailOf(audit: Result['audits'][string]): string {
  const items = (audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const named = items.slice(0, 3).map((item) => {
    const node = item.node as { snippet?: string } | undefined;
    return String(item.description ?? item.url ?? node?.snippet ?? '').slice(0, 160);
  });
  return named.length > 0 ? ` [${named.join('; ')}]` : '';
}

function failingAudits(lhr: Result): string[] {
  const failing = new Set<string>();
  for (const category of CATEGORIES) {
    if (category === 'performance') continue;
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.add(`${category}: ${ref.id}${detailOf(audit)}`);
    }
  }
  for (const ref of lhr.categories.performance?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (audit && audit.score !== null && audit.score < 0.9 && (audit.scoreDisplayMode === 'metricSavings' || audit.scoreDisplayMode === 'numeric')) {
      failing.add(`performance: ${ref.id}`);
    }
  }
  return [...failing];
}

async function runLighthouse(url: string, target: Target, formFactor: FormFactor, run: number): Promise<RunResult> {
  const loadAverage = os.loadavg()[0] ?? 0;
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES], throttlingMethod: throttling };
    const config: Config | undefined = formFactor === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    // The whole report of each page's last run, to read what a median hides (open it in the Lighthouse viewer).
    mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
    writeFileSync(join(root, `e2e/.output/bench/lighthouse-${target}-${formFactor}.json`), JSON.stringify(lhr));
    const score = (id: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[id]?.score ?? Number.NaN) * 100);
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      target,
      formFactor,
      run,
      loadAverage,
      scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
      metrics: Object.fromEntries(METRICS.map((m) => [m.id, metric(m.id)])) as RunResult['metrics'],
      lcpElement: lcpElementOf(lhr),
      failing: failingAudits(lhr),
    };
  } finally {
    chrome.kill();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function format(value: number, unit: string): string {
  if (Number.isNaN(value)) return 'n/a';
  return unit === 'ms' ? `${Math.round(value).toLocaleString('en-GB')} ms` : value.toFixed(3);
}

function summarise(results: readonly RunResult[], formFactor: FormFactor) {
  const of = (target: Target) => results.filter((r) => r.target === target && r.formFactor === formFactor);
  const rows: string[][] = [['', `app (median of ${of('app').length})`, `blank page (median of ${of('blank').length})`, 'app runs']];
  for (const category of CATEGORIES) {
    rows.push([category, ...(['app', 'blank'] as const).map((t) => String(median(of(t).map((r) => r.scores[category])))), of('app').map((r) => r.scores[category]).join(', ')]);
  }
  for (const m of METRICS) {
    rows.push([m.label, ...(['app', 'blank'] as const).map((t) => format(median(of(t).map((r) => r.metrics[m.id])), m.unit)), of('app').map((r) => format(r.metrics[m.id], m.unit)).join(', ')]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`\nLighthouse ${formFactor}`);
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  const loads = results.filter((r) => r.formFactor === formFactor).map((r) => r.loadAverage);
  console.log(`load average (1 min) at each run's start: median ${median(loads).toFixed(2)}, ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`);
  const elements = new Set(of('app').map((r) => r.lcpElement ?? 'none'));
  console.log(`app LCP element: ${[...elements].join(' | ')}`);
  for (const target of ['app', 'blank'] as const) {
    const failing = new Map<string, number>();
    for (const r of of(target)) for (const f of r.failing) failing.set(f, (failing.get(f) ?? 0) + 1);
    for (const [audit, count] of failing) console.log(`  ${target} flagged in ${count}/${of(target).length} runs: ${audit}`);
  }
}

// ---------------------------------------------------------------------------------------------

const blankDist = await buildBlankPage();
const app = await serve(appDist, (origin) => ({ '/config.json': liveConfig(origin) }));
const blank = await serve(blankDist, () => ({}));
console.log(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium at ${chromePath}; ${runs} runs per page and form factor; throttling ${throttling}`);
const results: RunResult[] = [];
try {
  for (const formFactor of formFactors) {
    for (let run = 1; run <= runs; run += 1) {
      for (const [target, origin] of [
        ['app', app.origin],
        ['blank', blank.origin],
      ] as const) {
        const result = await runLighthouse(`${origin}/`, target, formFactor, run);
        results.push(result);
        console.log(
          `${formFactor} ${target} run ${run}: performance ${result.scores.performance}, accessibility ${result.scores.accessibility}, best practices ${result.scores['best-practices']}, LCP ${format(result.metrics['largest-contentful-paint'], 'ms')} (load ${result.loadAverage.toFixed(2)})`,
        );
      }
    }
    summarise(results, formFactor);
  }
} finally {
  app.server.close();
  blank.server.close();
}
mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
writeFileSync(outputFile, JSON.stringify({ date: new Date().toISOString(), machine: { cores: os.cpus().length, node: process.version, chromePath }, runs, throttling, results }, null, 2));
console.log(`\nEvery run: ${outputFile}`);
