/**
 * How long reading a team's contact page holds the main thread (issue 7): the app's own
 * parseContactPage (app/services/contact-page-parser.ts, bundled by Vite as it is for the app)
 * run on the main thread of Debian's Chromium, on a generated 1 MB page with 5,000 numbers.
 *
 * A measurement, not a test: nothing here passes or fails on a time. Each run opens a fresh
 * page (a fresh JavaScript realm, so no run is warmed by the one before, as on a crew's tablet
 * where a contact page is read once), loads the parser, and times one synchronous call with
 * performance.now() in the page: that call is main-thread time the crew's screen cannot use.
 * HTML parsing by DOMParser is inside it; fetching the page is not.
 *
 *   node e2e/bench/run.mjs contact-bench.ts [--runs 9] [--numbers 5000] [--bytes 1048576]
 *
 * `--parser <file>` (relative to the project) measures another version of the module, e.g. the
 * one before a change: `git show <commit>:app/services/contact-page-parser.ts > app/services/old-parser.ts`.
 *
 * Prints the median, p90, min and max; writes e2e/.output/bench/contact-bench.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession } from '@playwright/test';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputFile = join(root, 'e2e/.output/bench/contact-bench.json');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PAGE_URL = 'https://www.rx4.nhs.uk/services/crisis-team/contact';

class SetUpError extends Error {}

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
  const count = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new SetUpError(`--${name} must be a whole number ≥ ${min}, not "${text}".\n${USAGE}`);
    return value;
  };
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

/** The parser as the app ships it: Vite bundles the module (and its imports) into one script. */
async function bundleParser(entry: string): Promise<string> {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: join(root, entry), formats: ['iife'], name: 'ContactPageParser', fileName: () => 'parser.js' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new SetUpError('Vite did not produce the parser bundle.');
  return chunk.code;
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
  /** Wall-clock: performance.now() in the page around the one call. */
  readonly ms: number;
  /** Main-thread CPU time around the evaluate that makes the call (includes that evaluate's small overhead). */
  readonly cpuMs: number;
  /** Main-thread CPU time of DOMParser alone on the same text. */
  readonly domCpuMs: number;
  readonly found: number;
  readonly shown: number;
  readonly first: string | undefined;
}

function summarise(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: n, median, p90: sorted[Math.ceil(0.9 * n) - 1]!, min: sorted[0]!, max: sorted[n - 1]! };
}

async function main(): Promise<void> {
  const { runs, numbers, bytes, parser: entry } = readOptions();
  const html = directoryPage(numbers, bytes);
  const size = new TextEncoder().encode(html).length;
  const parser = await bundleParser(entry);
  const loadAtStart = os.loadavg()[0]!;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const readings: Reading[] = [];
  try {
    console.log(`contact-bench: ${entry}, ${runs} runs, ${numbers} numbers, ${size} bytes, Chromium ${browser.version()}, ${os.cpus().length} cores, load ${loadAtStart.toFixed(2)}`);
    for (let run = 1; run <= runs; run++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.setContent('<!doctype html><title>contact-bench</title>');
        await page.addScriptTag({ content: parser });
        // The page's text is handed over first, so the timed call below carries no 1 MB argument.
        await page.evaluate((text) => ((window as unknown as { benchHtml: string }).benchHtml = text), html);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Performance.enable');
        const before = await threadTime(cdp);
        const result = await page.evaluate((url) => {
          const { parseContactPage } = (window as unknown as { ContactPageParser: { parseContactPage: (h: string, u: string) => ParsedForBench } }).ContactPageParser;
          const text = (window as unknown as { benchHtml: string }).benchHtml;
          const start = performance.now();
          const details = parseContactPage(text, url);
          const ms = performance.now() - start;
          const first = details.numbers[0];
          return { ms, found: details.numbers.length + (details.moreNumbers ?? 0), shown: details.numbers.length, first: first && `${first.label}: ${first.display}` };
        }, PAGE_URL);
        const cpuMs = (await threadTime(cdp)) - before;
        // The browser's own HTML parse of the same text, alone (a second parse in this realm, so
        // slightly warmer): the floor any DOMParser-based reader pays.
        const beforeDom = await threadTime(cdp);
        await page.evaluate(() => void new DOMParser().parseFromString((window as unknown as { benchHtml: string }).benchHtml, 'text/html'));
        const domCpuMs = (await threadTime(cdp)) - beforeDom;
        const reading: Reading = { ...result, cpuMs, domCpuMs };
        readings.push(reading);
        console.log(`  run ${run}/${runs}: ${reading.ms.toFixed(1)} ms wall, ${reading.cpuMs.toFixed(1)} ms main-thread CPU, of which DOMParser alone ~${reading.domCpuMs.toFixed(1)} ms (${reading.found} numbers found, ${reading.shown} kept; first "${reading.first}")`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  const wall = summarise(readings.map((r) => r.ms));
  const cpu = summarise(readings.map((r) => r.cpuMs));
  const dom = summarise(readings.map((r) => r.domCpuMs));
  const line = (s: ReturnType<typeof summarise>) => `median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)}, min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)} (${s.runs} runs)`;
  console.log('');
  console.log('parseContactPage on a fresh page per run, Chromium main thread:');
  console.log(`  wall clock (performance.now() in the page):      ${line(wall)}`);
  console.log(`  main-thread CPU time (CDP ThreadTime, see note): ${line(cpu)}`);
  console.log(`  of which the browser's HTML parse (DOMParser alone, same text): ${line(dom)}`);
  console.log('  Wall clock includes time the thread waited for a core on a loaded machine; CPU time does not, and includes');
  console.log("  the timed evaluate's own overhead (under a millisecond), so it is the fairer figure when the load is high.");
  console.log(`Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end, ${os.cpus().length} cores.`);
  mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
  const tenths = (value: number) => Math.round(value * 10) / 10;
  const report = {
    bench: 'contact-bench',
    measuredAt: new Date().toISOString(),
    clocks: {
      wallClock: 'performance.now() in the page around one synchronous parseContactPage call, fresh page per run',
      mainThreadCpu: 'CDP Performance.getMetrics ThreadTime before and after the evaluate that makes the call',
    },
    parser: entry,
    page: { bytes: size, numbers },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', loadAverage1m: { atStart: tenths(loadAtStart), atEnd: tenths(os.loadavg()[0]!) }, node: process.version },
    wallClock: { ...Object.fromEntries(Object.entries(wall).map(([key, value]) => [key, tenths(value)])), samples: readings.map((r) => tenths(r.ms)) },
    mainThreadCpu: { ...Object.fromEntries(Object.entries(cpu).map(([key, value]) => [key, tenths(value)])), samples: readings.map((r) => tenths(r.cpuMs)) },
    domParserAloneCpu: { ...Object.fromEntries(Object.entries(dom).map(([key, value]) => [key, tenths(value)])), samples: readings.map((r) => tenths(r.domCpuMs)) },
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
