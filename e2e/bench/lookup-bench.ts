/**
 * How long the one path that matters takes (DESIGN.md): the app starting (first visit, warm
 * from the service worker, warm with no signal), and a search reaching the patient banner, the
 * PDF plan's text and, with no signal, the copy saved on the device.
 *
 * A measurement, not a test: nothing here passes or fails on a time. It runs the production
 * build in `dist/` (it builds nothing: `npm run build` first) under `vite preview` on a free
 * port, in Debian's Chromium, in live mode against the shared mocks (useLiveNationalServices),
 * with fresh browser contexts for every run (one for the start-ups, one for the searches).
 *
 *   npm run bench [-- --runs 15] [--warmup 1]
 *
 * Prints medians, p90 and ratios; writes e2e/.output/bench/lookup-bench.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { preview } from 'vite';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';
import { controlPageByServiceWorker } from '../support/service-worker';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputFile = join(root, 'e2e/.output/bench/lookup-bench.json');
// As e2e/playwright.config.ts: Playwright cannot download browsers here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// A 10-inch in-vehicle tablet in landscape, as in the e2e tests.
const viewport = { width: 1280, height: 800 };
/** Longest wait for any one thing to appear; a run that needs longer is broken, not slow. */
const WAIT_MS = 30_000;
const SEARCH_BOX_MARK = 'bench:nhs-number-box-visible';
const PLAN_RECORD = 'Mental health crisis plan';

// ---------------------------------------------------------------------------------------------
// What is measured

type ScenarioId = 'coldStart' | 'warmStart' | 'offlineStart' | 'banner' | 'planText' | 'savedCopy' | 'savedPlanText';

/** page: in-page performance mark from navigation start; node: performance.now() in Node. */
type Clock = 'page' | 'node';

interface ScenarioInfo {
  readonly id: ScenarioId;
  readonly title: string;
  readonly clock: Clock;
  readonly from: string;
  readonly to: string;
}

const SCENARIO_INFO: readonly ScenarioInfo[] = [
  { id: 'coldStart', title: 'Cold start, first visit', clock: 'page', from: 'navigation start', to: 'NHS number box visible' },
  { id: 'warmStart', title: 'Warm start, service worker, online', clock: 'page', from: 'navigation start (reload)', to: 'NHS number box visible' },
  { id: 'offlineStart', title: 'Warm start, no signal (precache)', clock: 'page', from: 'navigation start (reload)', to: 'NHS number box visible' },
  { id: 'banner', title: 'Search → patient banner (PDS)', clock: 'node', from: 'Search clicked', to: 'patient banner visible' },
  { id: 'planText', title: 'Search → PDF plan text (PDS+NRL+SSP+pdf.js)', clock: 'node', from: 'Search clicked', to: '"Triggers" visible in the plan' },
  { id: 'savedCopy', title: 'No signal: search → saved copy "Retrieved"', clock: 'node', from: 'Search clicked', to: '"Retrieved hh:mm" line visible' },
  { id: 'savedPlanText', title: 'No signal: search → saved plan text', clock: 'node', from: 'Search clicked', to: '"Triggers" visible in the saved plan' },
];

const RATIOS: readonly { readonly label: string; readonly numerator: ScenarioId; readonly denominator: ScenarioId }[] = [
  { label: 'warm start (service worker) / cold start', numerator: 'warmStart', denominator: 'coldStart' },
  { label: 'warm start with no signal / warm start online', numerator: 'offlineStart', denominator: 'warmStart' },
  { label: 'search → plan text / search → banner', numerator: 'planText', denominator: 'banner' },
  { label: 'saved copy "Retrieved" / network plan text', numerator: 'savedCopy', denominator: 'planText' },
  { label: 'saved plan text / network plan text', numerator: 'savedPlanText', denominator: 'planText' },
];

type Samples = Record<ScenarioId, number[]>;
type StartId = 'coldStart' | 'warmStart' | 'offlineStart';

// ---------------------------------------------------------------------------------------------
// Arguments and preconditions

/** Something to put right before measuring: said in one line, without a stack trace. */
class SetUpError extends Error {}

const USAGE = 'usage: npm run bench [-- --runs N] [--warmup N]';

function readOptions(): { runs: number; warmup: number } {
  let values: { runs: string; warmup: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { runs: { type: 'string', default: '15' }, warmup: { type: 'string', default: '1' } },
    }));
  } catch (error) {
    throw new SetUpError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const count = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new SetUpError(`--${name} must be a whole number ≥ ${min}, not "${text}".\n${USAGE}`);
    return value;
  };
  return { runs: count('runs', values.runs, 1), warmup: count('warmup', values.warmup, 0) };
}

const builtAt = () => statSync(join(root, 'dist/index.html')).mtime.toISOString();

function requirePrerequisites(): void {
  if (!existsSync(executablePath)) throw new SetUpError(`No Chromium at ${executablePath}: run \`bash .ci/ensure-chromium.sh\` or set CHROMIUM_PATH.`);
  const index = join(root, 'dist/index.html');
  if (!existsSync(index)) {
    throw new SetUpError('The benchmark runs against the production build: run `npm run build` first (dist/index.html is missing).');
  }
  const built = statSync(index).mtimeMs;
  const newer = readdirSync(join(root, 'app'), { recursive: true, encoding: 'utf8' }).filter((file) => {
    if (/\.test\.tsx?$/.test(file)) return false;
    const stat = statSync(join(root, 'app', file));
    return stat.isFile() && stat.mtimeMs > built;
  });
  if (newer.length > 0) console.warn(`Warning: dist/ is older than ${newer.length} file(s) in app/ (e.g. app/${newer[0]}): figures are for the last build.`);
}

// ---------------------------------------------------------------------------------------------
// Browser sessions

interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly screen: LookupScreen;
  setOffline(offline: boolean): Promise<void>;
}

/**
 * Runs in every document from its first moment: marks when the NHS number box is first in the
 * DOM, laid out and visible (before that frame is painted). performance.now() counts from
 * navigation start, so the mark is start-up time with no harness in it.
 */
function markSearchBoxVisible({ label, mark }: { label: string; mark: string }): void {
  const visible = () =>
    Array.from(document.querySelectorAll('input')).some(
      (input) => Array.from(input.labels ?? []).some((l) => l.textContent?.trim() === label) && input.checkVisibility({ visibilityProperty: true }),
    );
  const observer = new MutationObserver(() => {
    if (!visible()) return;
    performance.mark(mark);
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

async function openSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'allow' });
  await useLiveNationalServices(context);
  // useLiveNationalServices serves /config.json whatever the signal; with none, nothing may
  // answer, so the app starts on the settings it saved, as on a tablet. (Registered last, so
  // it is asked first.)
  let offline = false;
  await context.route('**/config.json', (route) => (offline ? route.abort('internetdisconnected') : route.fallback()));
  await context.addInitScript(markSearchBoxVisible, { label: 'NHS number', mark: SEARCH_BOX_MARK });
  const page = await context.newPage();
  return {
    context,
    page,
    screen: new LookupScreen(page),
    async setOffline(value) {
      offline = value;
      await context.setOffline(value);
    },
  };
}

async function withSession<T>(browser: Browser, run: (session: Session) => Promise<T>): Promise<T> {
  const session = await openSession(browser);
  try {
    return await run(session);
  } finally {
    await session.context.close();
  }
}

async function visible(target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Milliseconds from `start` until `target` is visible, by Node's clock. */
async function visibleAfter(start: number, target: Locator): Promise<number> {
  await visible(target);
  return performance.now() - start;
}

interface StartReading {
  /** Navigation start → box visible, from the in-page mark. */
  readonly page: number;
  /** goto/reload called → Playwright sees the box, by Node's clock. */
  readonly node: number;
}

async function timeStart({ page, screen }: Session, navigate: () => Promise<unknown>): Promise<StartReading> {
  const start = performance.now();
  await navigate();
  await visible(screen.nhsNumber);
  const node = performance.now() - start;
  const mark = await page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null, SEARCH_BOX_MARK);
  if (mark === null) throw new Error('The NHS number box is visible but the in-page mark is missing: check markSearchBoxVisible against the search form.');
  return { page: mark, node };
}

async function expectState(page: Page, state: { controlled: boolean; online: boolean }): Promise<void> {
  const actual = await page.evaluate(() => ({ controlled: navigator.serviceWorker.controller !== null, online: navigator.onLine }));
  if (actual.controlled !== state.controlled || actual.online !== state.online) {
    throw new Error(`Expected a page ${JSON.stringify(state)}, found ${JSON.stringify(actual)}.`);
  }
  if ((await page.getByRole('region', { name: 'Demo mode' }).count()) > 0) throw new Error('The app started in demo mode, not live.');
}

// ---------------------------------------------------------------------------------------------
// Journeys: one fresh context each, per run

/** First visit, then (once the service worker controls the page) a reload online and one offline. */
async function startUpJourney(browser: Browser, url: string): Promise<Record<StartId, StartReading>> {
  return withSession(browser, async (session) => {
    const { page } = session;
    const coldStart = await timeStart(session, () => page.goto(url, { waitUntil: 'commit' }));
    await expectState(page, { controlled: false, online: true });
    await controlPageByServiceWorker(page);
    await visible(session.screen.nhsNumber);

    const warmStart = await timeStart(session, () => page.reload({ waitUntil: 'commit' }));
    await expectState(page, { controlled: true, online: true });

    await session.setOffline(true);
    const offlineStart = await timeStart(session, () => page.reload({ waitUntil: 'commit' }));
    await expectState(page, { controlled: true, online: false });
    return { coldStart, warmStart, offlineStart };
  });
}

/** On a tablet that has the app: a search with signal, then the same number with none. */
async function searchJourney(browser: Browser, url: string): Promise<Record<'banner' | 'planText' | 'savedCopy' | 'savedPlanText', number>> {
  return withSession(browser, async (session) => {
    const { page, screen } = session;
    const nhsNumber = SCENARIOS.planPdf.nhsNumber;
    await page.goto(url);
    await visible(screen.nhsNumber);
    await controlPageByServiceWorker(page);
    await visible(screen.nhsNumber);

    await screen.nhsNumber.fill(nhsNumber);
    const planText = screen.record(PLAN_RECORD).getByText('Triggers', { exact: true });
    const searched = performance.now();
    await screen.searchButton.click();
    const [banner, plan] = await Promise.all([visibleAfter(searched, screen.patientBanner), visibleAfter(searched, planText)]);
    await visible(page.getByRole('status').filter({ hasText: 'Saved on this device at' }));

    await session.setOffline(true);
    // The crew sees the offline banner before searching; the app then goes straight to the device.
    await visible(page.getByRole('region', { name: 'Offline' }));
    await screen.nhsNumber.fill(nhsNumber);
    const notice = page.getByRole('region', { name: 'Saved on this device', exact: true });
    const searchedOffline = performance.now();
    await screen.searchButton.click();
    const savedCopy = await visibleAfter(searchedOffline, notice.getByText(/^Retrieved \d\d:\d\d/));
    // Only after the notice: the network result's plan has surely gone by then.
    const savedPlanText = await visibleAfter(searchedOffline, planText);
    return { banner, planText: plan, savedCopy, savedPlanText };
  });
}

// ---------------------------------------------------------------------------------------------
// Figures

interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  // Nearest rank: the smallest sample with at least 90% of samples at or below it.
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  return { runs: n, median, p90, min: sorted[0]!, max: sorted[n - 1]! };
}

const ms = (value: number) => value.toFixed(0);
/** For the JSON: 0.1 ms is finer than anything here can resolve. */
const tenths = (value: number) => Math.round(value * 10) / 10;
const roundSummary = (summary: Summary): Summary => ({
  runs: summary.runs,
  median: tenths(summary.median),
  p90: tenths(summary.p90),
  min: tenths(summary.min),
  max: tenths(summary.max),
});
const times = (ratio: number) => `${ratio.toFixed(1) === '0.0' ? ratio.toFixed(2) : ratio.toFixed(1)}×`;

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function packageVersion(name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------

interface Measured {
  readonly chromium: string;
  readonly samples: Samples;
  /** The start-ups again, by Node's clock, to show what the harness adds. */
  readonly startWallClock: Record<StartId, number[]>;
}

async function measure(url: string, { runs, warmup }: { runs: number; warmup: number }, loadAverage: number): Promise<Measured> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const samples: Samples = { coldStart: [], warmStart: [], offlineStart: [], banner: [], planText: [], savedCopy: [], savedPlanText: [] };
  const startWallClock: Record<StartId, number[]> = { coldStart: [], warmStart: [], offlineStart: [] };
  try {
    console.log(`lookup-bench: ${runs} runs (+${warmup} warm-up, not counted), Chromium ${browser.version()}, ${os.cpus().length} cores, load ${loadAverage.toFixed(2)}, ${url}`);
    for (let run = 1 - warmup; run <= runs; run++) {
      const starts = await startUpJourney(browser, url);
      const searches = await searchJourney(browser, url);
      if (run < 1) {
        console.log('  warm-up done');
        continue;
      }
      for (const id of ['coldStart', 'warmStart', 'offlineStart'] as const) {
        samples[id].push(starts[id].page);
        startWallClock[id].push(starts[id].node);
      }
      for (const id of ['banner', 'planText', 'savedCopy', 'savedPlanText'] as const) samples[id].push(searches[id]);
      console.log(`  run ${run}/${runs}: start ${ms(starts.coldStart.page)}/${ms(starts.warmStart.page)}/${ms(starts.offlineStart.page)} ms, plan ${ms(searches.planText)} ms, saved ${ms(searches.savedCopy)} ms`);
    }
    return { chromium: browser.version(), samples, startWallClock };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  requirePrerequisites();
  // Other work on the machine skews every figure: recorded, so a reader can tell.
  const loadAverage = os.loadavg()[0]!;
  const distBuiltAt = builtAt();

  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
  const measured = await measure(url, options, loadAverage).finally(() => server.close());
  const { runs, warmup } = options;
  const { samples, startWallClock } = measured;
  if (builtAt() !== distBuiltAt) console.warn('Warning: dist/ was rebuilt during the run: these figures mix two builds.');

  const summaries = Object.fromEntries(SCENARIO_INFO.map((info) => [info.id, summarise(samples[info.id])])) as Record<ScenarioId, Summary>;
  const wallClock = Object.fromEntries(Object.entries(startWallClock).map(([id, values]) => [id, summarise(values)])) as Record<StartId, Summary>;
  const ratios = RATIOS.map((ratio) => ({ ...ratio, value: summaries[ratio.numerator].median / summaries[ratio.denominator].median }));

  console.log('');
  console.log(
    table(
      ['scenario', 'clock', 'runs', 'median ms', 'p90 ms', 'min', 'max'],
      SCENARIO_INFO.map((info) => {
        const s = summaries[info.id];
        return [info.title, info.clock, String(s.runs), ms(s.median), ms(s.p90), ms(s.min), ms(s.max)];
      }),
      new Set([2, 3, 4, 5, 6]),
    ),
  );
  console.log('');
  console.log('Ratios of medians:');
  for (const ratio of ratios) console.log(`  ${ratio.label.padEnd(48)} ${times(ratio.value)}`);
  console.log('');
  console.log('Clocks:');
  console.log('  page: performance.mark in the page when the NHS number box is in the DOM, laid out and visible, counted');
  console.log('        from navigation start (no harness time in it).');
  console.log('  node: performance.now() in Node from just before Playwright clicks Search until its wait sees the element');
  console.log('        visible: wall-clock as a crew feels it, including Playwright overhead (CDP round trips, polling).');
  console.log(
    `  The same start-ups by the node clock (goto/reload → Playwright sees the box), medians: cold ${ms(wallClock.coldStart.median)}, ` +
      `warm ${ms(wallClock.warmStart.median)}, no signal ${ms(wallClock.offlineStart.median)} ms.`,
  );
  console.log('  The mocked services answer with no added latency: real PDS, NRL and SSP round trips come on top of searches.');
  console.log(`  Load average (1 min, the bench's own processes included): ${loadAverage.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end, ${os.cpus().length} cores.`);

  mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
  const cpus = os.cpus();
  const report = {
    bench: 'lookup-bench',
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverage1m: { atStart: Number(loadAverage.toFixed(2)), atEnd: Number(os.loadavg()[0]!.toFixed(2)) },
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      chromium: measured.chromium,
      playwright: packageVersion('@playwright/test'),
      vite: packageVersion('vite'),
    },
    distBuiltAt,
    runs,
    warmup,
    nhsNumber: SCENARIOS.planPdf.nhsNumber,
    clocks: {
      page: 'in-page performance.mark, from navigation start',
      node: 'performance.now() in Node around Playwright actions and waits, Playwright overhead included',
    },
    scenarios: SCENARIO_INFO.map((info) => ({ ...info, ...roundSummary(summaries[info.id]), samples: samples[info.id].map(tenths) })),
    startUpsByNodeClock: Object.fromEntries(
      Object.entries(wallClock).map(([id, summary]) => [id, { ...roundSummary(summary), samples: startWallClock[id as StartId].map(tenths) }]),
    ),
    ratios: ratios.map(({ label, numerator, denominator, value }) => ({ label, numerator, denominator, value: Number(value.toFixed(3)) })),
  };
  writeFileSync(outputFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten: ${outputFile.slice(root.length)}`);
}

await main().catch((error: unknown) => {
  if (!(error instanceof SetUpError)) throw error;
  console.error(`lookup-bench: ${error.message}`);
  process.exitCode = 1;
});
