/**
 * How long reading a team's contact page holds the main thread (issue 7), measured the way the
 * app reads one: contact-page-client.ts hands the page's text to readContactPage
 * (app/services/contact-page-reader.ts), which parses it in a module Web Worker and receives the
 * small result. Vite builds that code as it does for the app (the worker as its own same-origin
 * file), it is served from 127.0.0.1 and run in Debian's Chromium on a generated 1 MB page with
 * 5,000 numbers.
 *
 * A measurement, not a test: nothing here passes or fails on a time. Each run opens a fresh
 * page (a fresh JavaScript realm and a worker started from cold, as on a crew's tablet where a
 * contact page is read once) and measures, with CDP's ThreadTime (the renderer main thread's CPU
 * time), one awaited readContactPage call: starting the worker, posting the 1 MB string, and
 * receiving the structured-cloned result. The worker's own parsing runs on another thread and is
 * reported separately (wall clock to the answer). For comparison each run also times the same
 * parser called synchronously on the main thread (parseContactPage, htmlparser2 in-thread: what
 * the app does where there is no Worker).
 *
 *   node e2e/bench/run.mjs contact-bench.ts [--runs 9] [--numbers 5000] [--bytes 1048576]
 *
 * `--parser <file>` (relative to the project) sets the module timed in-thread, e.g. the one
 * before a change: `git show <commit>:app/services/contact-page-parser.ts > app/services/old-parser.ts`.
 *
 * Prints the median, p90, min and max; writes e2e/.output/bench/contact-bench.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession } from '@playwright/test';
import { build } from 'vite';
import { SetUpError, wholeNumber, summarise } from './bench-figures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputFile = join(root, 'e2e/.output/bench/contact-bench.json');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE_URL = 'https://www.rx4.nhs.uk/services/crisis-team/contact';

const USAGE = 'usage: node e2e/bench/run.mjs contact-bench.ts [--runs N] [--numbers N] [--bytes N] [--parser app/services/contact-page-parser.ts]';

function readOptions(): { runs: number; numbers: number; bytes: number; parser: string } {
  let values: { runs: string; numbers: string; bytes: string; parser: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { runs: { type: 'string', default: '9' }, numbers: { type: 'string', default: '5000' }, bytes: { type: 'string', default: String(2 ** 20) }, parser: { type: 'string', default: 'app/services/contact-page-parser.ts' } },
    }));
  } catch (error) {
    throw new SetUpError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const count = (name: string, text: string, min: number) => wholeNumber(name, text, min, USAGE);
  return { runs: count('runs', values.runs, 1), numbers: count('numbers', values.numbers, 1), bytes: count('bytes', values.bytes, 1), parser: values.parser };
}

/**
 * A trust's directory page: a header and footer with the switchboard, `numbers` entries in
 * lists and tables (every third a tel: link, some with hyphens or +44), the crisis line
 * near the end, and filler prose so the page reaches `bytes`. Deterministic, so runs compare.
 */
export function directoryPage(numbers: number, bytes: number): string {
  const number = (i: number) => {
    const local = String(9_600_000 + (i % 1_000_000)).padStart(7, '0');
    switch (i % 4) {
      case 0:
        return `0113 ${local.slice(1, 4)} ${local.slice(3)}`;
      case 1:
        return `020-${local.slice(0, 4)}-${local.slice(3)}`;
      case 2:
        return `+44 (0)1632 ${local.slice(1)}`;
      default:
        return `01632${local.slice(1)}`;
    }
  };
  const entry = (i: number) => {
    const written = number(i);
    const digits = written.replace(/\(0\)/, '').replace(/[^\d+]/g, '');
    return i % 3 === 0 ? `<a href="tel:${digits}">${written}</a>` : written;
  };
  // In groups of 50: 40 in a list, 10 in a table; the crisis line in the last group but one.
  const groups: string[] = [];
  for (let from = 0; from < numbers - 1; from += 50) {
    const ids = Array.from({ length: Math.min(50, numbers - 1 - from) }, (_, k) => from + k);
    const items = ids.slice(0, 40).map((i) => `<li><strong>Ward ${i} nurses' station:</strong> ${entry(i)}</li>`);
    if (from + 100 >= numbers - 1 && from + 50 < numbers - 1) items.push('<li><strong>Crisis line (24 hours):</strong> <a href="tel:01632960417">01632 960 417</a></li>');
    const rows = ids.slice(40).map((i) => `<tr><th>Clinic ${i}</th><td>${entry(i)}</td></tr>`);
    groups.push(`<ul>${items.join('\n')}</ul>${rows.length ? `<table>${rows.join('\n')}</table>` : ''}`);
  }
  if (!groups.some((g) => g.includes('Crisis line'))) groups.push('<ul><li><strong>Crisis line (24 hours):</strong> <a href="tel:01632960417">01632 960 417</a></li></ul>');
  const head =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Contact us | Synthetic NHS Trust</title></head><body>' +
    '<header><p>Synthetic NHS Trust. Switchboard 020 7946 0000</p><nav><ul>' +
    Array.from({ length: 200 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('') +
    '</ul></nav></header><main><h1>Crisis Resolution and Home Treatment Team</h1><h2>Opening hours</h2><p>The crisis line is open 24 hours a day.</p>';
  const tail = '</main><footer><p>Synthetic demonstration page: these numbers connect to no one.</p></footer></body></html>';
  let html = head + groups.join('\n') + tail;
  const filler = '<p>Our teams work across the county with partners in primary care, social care and the voluntary sector.</p>\n';
  const short = bytes - new TextEncoder().encode(html).length;
  if (short > 0) html = html.replace('<footer>', `<section>${filler.repeat(Math.ceil(short / filler.length))}</section><footer>`);
  return html;
}

/**
 * The reader and the parser as the app ships them: Vite builds an entry that puts both on
 * `window.ContactBench`; readContactPage's worker is emitted as its own file, as in dist/.
 */
async function buildBench(parser: string): Promise<string> {
  const outDir = join(root, 'e2e/.output/bench/contact-app');
  const entry = join(root, 'e2e/.output/bench/contact-bench-entry.ts');
  mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
  const from = (file: string) => relative(join(root, 'e2e/.output/bench'), join(root, file)).replace(/\.ts$/, '');
  writeFileSync(
    entry,
    `import { readContactPage } from '${from('app/services/contact-page-reader.ts')}';\n` +
      `import { parseContactPage } from '${from(parser)}';\n` +
      'Object.assign(window, { ContactBench: { readContactPage, parseContactPage } });\n',
  );
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    base: './',
    build: { outDir, emptyOutDir: true, minify: true, target: 'es2022', lib: { entry, formats: ['es'], fileName: () => 'contact-bench.js' } },
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>contact-bench</title><script type="module" src="./contact-bench.js"></script>');
  return outDir;
}

/** Serves the build from 127.0.0.1 with the app's worker and script policy, so the worker loads as it does in the app. */
async function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript' };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(dir, path));
      response.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream', 'Content-Security-Policy': "default-src 'none'; script-src 'self'; worker-src 'self'" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new SetUpError('The bench server has no port.');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

interface ParsedForBench {
  readonly numbers: readonly { readonly label: string; readonly display: string }[];
  readonly moreNumbers?: number;
}

/** The renderer main thread's CPU time so far, in ms (CDP Performance metric "ThreadTime", in seconds). */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = metrics.find((metric) => metric.name === 'ThreadTime')?.value;
  if (value === undefined) throw new SetUpError('Chromium did not report the ThreadTime metric.');
  return value * 1000;
}

interface Reading {
  /** Main-thread CPU time of the app's way: an awaited readContactPage (worker start, postMessage, result). */
  readonly cpuMs: number;
  /** Wall clock from the call to the answer (the worker's parse included; the screen stays responsive meanwhile). */
  readonly answerMs: number;
  /** Workers the call started: 1 when the page was read off the main thread. */
  readonly workers: number;
  /** Main-thread CPU time of parseContactPage called synchronously on the main thread. */
  readonly inThreadCpuMs: number;
  readonly found: number;
  readonly shown: number;
  readonly first: string | undefined;
}

type Bench = { ContactBench: { readContactPage: (h: string, u: string) => Promise<ParsedForBench>; parseContactPage: (h: string, u: string) => ParsedForBench }; benchHtml: string; benchWorkers: number };

function described(details: ParsedForBench) {
  const first = details.numbers[0];
  return { found: details.numbers.length + (details.moreNumbers ?? 0), shown: details.numbers.length, first: first && `${first.label}: ${first.display}` };
}

async function main(): Promise<void> {
  const { runs, numbers, bytes, parser: entry } = readOptions();
  const html = directoryPage(numbers, bytes);
  const size = new TextEncoder().encode(html).length;
  const { server, origin } = await serve(await buildBench(entry));
  const loadAtStart = os.loadavg()[0]!;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const readings: Reading[] = [];
  try {
    console.log(`contact-bench: readContactPage (worker) and ${entry} (in-thread), ${runs} runs, ${numbers} numbers, ${size} bytes, Chromium ${browser.version()}, ${os.cpus().length} cores, load ${loadAtStart.toFixed(2)}`);
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        // Counts the workers the app starts, so a silent fall-back to the main thread shows.
        await page.addInitScript(() => {
          const bench = window as unknown as Bench;
          bench.benchWorkers = 0;
          const Original = window.Worker;
          window.Worker = class extends Original {
            constructor(url: string | URL, options?: WorkerOptions) {
              super(url, options);
              bench.benchWorkers++;
            }
          };
        });
        await page.goto(`${origin}/index.html`);
        await page.waitForFunction(() => 'ContactBench' in window);
        // The page's text is handed over first, so the timed calls below carry no 1 MB argument.
        await page.evaluate((text) => ((window as unknown as Bench).benchHtml = text), html);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');

        const before = await threadTime(cdp);
        const answer = await page.evaluate(async (url) => {
          const bench = window as unknown as Bench;
          const start = performance.now();
          const details = await bench.ContactBench.readContactPage(bench.benchHtml, url);
          return { answerMs: performance.now() - start, workers: bench.benchWorkers, details };
        }, PAGE_URL);
        const cpuMs = (await threadTime(cdp)) - before;

        // The same parser, synchronously on the main thread (a second read in this realm, so slightly warmer).
        const beforeInThread = await threadTime(cdp);
        const inThread = await page.evaluate((url) => {
          const bench = window as unknown as Bench;
          return bench.ContactBench.parseContactPage(bench.benchHtml, url);
        }, PAGE_URL);
        const inThreadCpuMs = (await threadTime(cdp)) - beforeInThread;

        const result = described(answer.details);
        if (JSON.stringify(described(inThread)) !== JSON.stringify(result)) throw new SetUpError(`The worker and the in-thread parser disagree: ${JSON.stringify(result)} against ${JSON.stringify(described(inThread))}`);
        const reading: Reading = { ...result, cpuMs, answerMs: answer.answerMs, workers: answer.workers, inThreadCpuMs };
        readings.push(reading);
        console.log(
          `  run ${run}/${runs}: ${reading.cpuMs.toFixed(1)} ms main-thread CPU via ${reading.workers} worker(s), answer after ${reading.answerMs.toFixed(1)} ms wall; ` +
            `in-thread ${reading.inThreadCpuMs.toFixed(1)} ms (${reading.found} numbers found, ${reading.shown} kept; first "${reading.first}")`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const cpu = summarise(readings.map((r) => r.cpuMs));
  const answer = summarise(readings.map((r) => r.answerMs));
  const inThread = summarise(readings.map((r) => r.inThreadCpuMs));
  const line = (s: ReturnType<typeof summarise>) => `median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)}, min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)} (${s.runs} runs)`;
  console.log('');
  console.log('Reading a 1 MB contact page as the app does (readContactPage: module worker), fresh page per run:');
  console.log(`  main-thread CPU time (CDP ThreadTime; worker start, postMessage of the text, result): ${line(cpu)}`);
  console.log(`  wall clock to the answer (parse in the worker, main thread free):                   ${line(answer)}`);
  console.log(`  for comparison, parseContactPage synchronously on the main thread (CPU time):       ${line(inThread)}`);
  console.log('  CPU time excludes time the thread waited for a core on a loaded machine; wall clock includes it.');
  if (readings.some((r) => r.workers !== 1)) console.log('  WARNING: some runs did not read the page in a worker (see "worker(s)" above).');
  console.log(`Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end, ${os.cpus().length} cores.`);
  mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
  const tenths = (value: number) => Math.round(value * 10) / 10;
  const figures = (s: ReturnType<typeof summarise>, samples: readonly number[]) => ({ ...Object.fromEntries(Object.entries(s).map(([key, value]) => [key, tenths(value)])), samples: samples.map(tenths) });
  const report = {
    bench: 'contact-bench',
    measuredAt: new Date().toISOString(),
    clocks: {
      mainThreadCpu: 'CDP Performance.getMetrics ThreadTime before and after the evaluate that awaits readContactPage (module worker), fresh page per run',
      answerWallClock: 'performance.now() in the page from the readContactPage call to its answer',
      inThreadCpu: 'CDP ThreadTime around a synchronous parseContactPage on the main thread, same page',
    },
    parserInThread: entry,
    page: { bytes: size, numbers },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverage1m: { atStart: tenths(loadAtStart), atEnd: tenths(os.loadavg()[0]!) }, node: process.version },
    mainThreadCpu: figures(cpu, readings.map((r) => r.cpuMs)),
    answerWallClock: figures(answer, readings.map((r) => r.answerMs)),
    inThreadCpu: figures(inThread, readings.map((r) => r.inThreadCpuMs)),
    workersPerRun: readings.map((r) => r.workers),
    result: { found: readings[0]?.found, shown: readings[0]?.shown, first: readings[0]?.first },
  };
  writeFileSync(outputFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Written: ${outputFile.slice(root.length)}`);
}

await main().catch((error: unknown) => {
  if (!(error instanceof SetUpError)) throw error;
  console.error(`contact-bench: ${error.message}`);
  process.exitCode = 1;
});
