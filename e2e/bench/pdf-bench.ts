/**
 * A long PDF plan against a short one (issue 7 point 6): how soon a search shows the first page's
 * text for the two-page plan (planPdf) and for the 400-page one (planPdfLong), and how many
 * canvas pixels the viewer holds at its peak while the crew scrolls through the plan.
 *
 * A measurement, not a test: nothing here passes or fails. Like lookup-bench.ts it serves a
 * production build under `vite preview` on a free port, in Debian's Chromium, in live mode
 * against the shared mocks, with a fresh browser context for every search (so pdf.js starts cold
 * for both plans alike; the order of the two plans alternates from run to run).
 *
 *   node e2e/bench/run.mjs pdf-bench.ts [--runs 9] [--warmup 1] [--dist path/to/dist]
 *
 * `--dist` measures another build (e.g. one of main, for a before/after) with these mocks.
 * Prints medians, p90, the ratio and the canvas peaks; writes e2e/.output/bench/pdf-bench.json.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Locator } from '@playwright/test';
import { preview } from 'vite';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { startIdentityProvider } from '../../mocks/identity/identity-provider';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';
import { SetUpError, wholeNumber, summarise, type Summary } from './bench-figures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputFile = join(root, 'e2e/.output/bench/pdf-bench.json');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// A 10-inch in-vehicle tablet in landscape, as in the e2e tests.
const viewport = { width: 1280, height: 800 };
/** The old viewer drew all 400 pages before the first text: allow it that long. */
const WAIT_MS = 120_000;
/** Screens scrolled after the first page: about a dozen A4 pages at this width. */
const SCROLL_STEPS = 24;
const SCROLL_PAUSE_MS = 150;

const PLANS = [
  { id: 'twoPages', title: '2-page PDF plan (planPdf)', nhsNumber: SCENARIOS.planPdf.nhsNumber },
  { id: 'fourHundredPages', title: '400-page PDF plan (planPdfLong)', nhsNumber: SCENARIOS.planPdfLong.nhsNumber },
] as const;
type PlanId = (typeof PLANS)[number]['id'];

const USAGE = 'usage: node e2e/bench/run.mjs pdf-bench.ts [--runs N (≥ 7)] [--warmup N] [--dist DIR]';

function readOptions(): { runs: number; warmup: number; dist: string } {
  let values: { runs: string; warmup: string; dist: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        runs: { type: 'string', default: '9' },
        warmup: { type: 'string', default: '1' },
        dist: { type: 'string', default: 'dist' },
      },
    }));
  } catch (error) {
    throw new SetUpError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const count = (name: string, text: string, min: number) => wholeNumber(name, text, min, USAGE);
  const dist = isAbsolute(values.dist) ? values.dist : resolve(root, values.dist);
  if (!existsSync(join(dist, 'index.html'))) throw new SetUpError(`No build at ${dist}: run \`npm run build\` first.`);
  if (!existsSync(executablePath)) throw new SetUpError(`No Chromium at ${executablePath}: run \`bash .ci/ensure-chromium.sh\` or set CHROMIUM_PATH.`);
  // Medians of fewer runs than 7 say little on a shared 2-core machine.
  return { runs: count('runs', values.runs, 7), warmup: count('warmup', values.warmup, 0), dist };
}

/**
 * Runs in the page from its first moment: on every frame, the device pixels of every canvas in
 * the document and how many hold a bitmap, keeping the peaks. Canvas sizes change only inside
 * tasks, so a per-frame sample sees every size that was ever painted.
 */
function sampleCanvases(): void {
  const peaks = { pixels: 0, drawn: 0 };
  (window as unknown as { __canvasPeaks: typeof peaks }).__canvasPeaks = peaks;
  const sample = () => {
    let pixels = 0;
    let drawn = 0;
    for (const canvas of document.querySelectorAll('canvas')) {
      const size = canvas.width * canvas.height;
      pixels += size;
      if (size > 0) drawn += 1;
    }
    peaks.pixels = Math.max(peaks.pixels, pixels);
    peaks.drawn = Math.max(peaks.drawn, drawn);
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

interface Reading {
  /** Search clicked → "Triggers" (page 1) visible in the plan, Node's clock. */
  readonly firstPageText: number;
  readonly peakPixels: number;
  readonly peakDrawn: number;
  /** Page groups laid out. */
  readonly pagesLaidOut: number;
}

async function visible(target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: WAIT_MS });
}

async function searchPlan(browser: Browser, url: string, nhsNumber: string): Promise<Reading> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  try {
    await useLiveNationalServices(context);
    await context.addInitScript(sampleCanvases);
    const page = await context.newPage();
    const screen = new LookupScreen(page);
    await page.goto(url);
    await screen.signInIfAsked();
    if ((await page.getByRole('region', { name: 'Demo mode' }).count()) > 0) throw new Error('The app started in demo mode, not live.');
    await screen.nhsNumber.fill(nhsNumber);
    const plan = screen.record('Mental health crisis plan');
    const text = plan.getByText('Triggers', { exact: true });
    const searched = performance.now();
    await screen.searchButton.click();
    await visible(text);
    const firstPageText = performance.now() - searched;

    // The crew reads on: a screen at a time, as far as a dozen pages.
    for (let step = 0; step < SCROLL_STEPS; step += 1) {
      await page.mouse.wheel(0, viewport.height * 0.9);
      await page.waitForTimeout(SCROLL_PAUSE_MS);
    }
    await page.waitForTimeout(500);
    const peaks = await page.evaluate(() => (window as unknown as { __canvasPeaks: { pixels: number; drawn: number } }).__canvasPeaks);
    const pagesLaidOut = await plan.getByRole('group', { name: /^Page \d+ of \d+$/ }).count();
    return { firstPageText, peakPixels: peaks.pixels, peakDrawn: peaks.drawn, pagesLaidOut };
  } finally {
    await context.close();
  }
}

const ms = (value: number) => value.toFixed(0);
const mpx = (value: number) => (value / 1e6).toFixed(1);
const tenths = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  const { runs, warmup, dist } = readOptions();
  const loadAtStart = os.loadavg()[0]!;
  const distBuiltAt = statSync(join(dist, 'index.html')).mtime.toISOString();
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  const url = `${origin}/`;
  // Live mode signs in first: the local CIS2-like provider, as in the e2e tests (identity-setup.ts),
  // whose issuer the live config.json names (useLiveNationalServices → liveAuthConfig).
  const provider = await startIdentityProvider({ appOrigins: [origin] });
  process.env.CRL_IDP_ISSUER = provider.issuer;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  const readings: Record<PlanId, Reading[]> = { twoPages: [], fourHundredPages: [] };
  try {
    console.log(`pdf-bench: ${runs} runs (+${warmup} warm-up), Chromium ${browser.version()}, ${os.cpus().length} cores, load ${loadAtStart.toFixed(2)}, ${dist}`);
    for (let run = 1 - warmup; run <= runs; run += 1) {
      // Alternate which plan goes first, so neither always meets a warmer machine.
      const order = run % 2 === 0 ? PLANS : [...PLANS].reverse();
      const results: Partial<Record<PlanId, Reading>> = {};
      for (const plan of order) results[plan.id] = await searchPlan(browser, url, plan.nhsNumber);
      if (run < 1) {
        console.log('  warm-up done');
        continue;
      }
      for (const plan of PLANS) readings[plan.id].push(results[plan.id]!);
      const [two, long] = [results.twoPages!, results.fourHundredPages!];
      console.log(
        `  run ${run}/${runs}: first page text ${ms(two.firstPageText)} / ${ms(long.firstPageText)} ms, ` +
          `peak canvas ${mpx(two.peakPixels)} / ${mpx(long.peakPixels)} Mpx (${two.peakDrawn} / ${long.peakDrawn} canvases)`,
      );
    }
  } finally {
    await browser.close();
    await provider.close();
    await server.close();
  }

  const times = Object.fromEntries(PLANS.map((plan) => [plan.id, summarise(readings[plan.id].map((r) => r.firstPageText))])) as Record<PlanId, Summary>;
  const pixels = Object.fromEntries(PLANS.map((plan) => [plan.id, summarise(readings[plan.id].map((r) => r.peakPixels))])) as Record<PlanId, Summary>;
  const drawn = Object.fromEntries(PLANS.map((plan) => [plan.id, summarise(readings[plan.id].map((r) => r.peakDrawn))])) as Record<PlanId, Summary>;
  const ratio = times.fourHundredPages.median / times.twoPages.median;

  console.log('');
  console.log('Search → first page text ("Triggers"), node clock, ms:');
  for (const plan of PLANS) {
    const s = times[plan.id];
    console.log(`  ${plan.title.padEnd(34)} median ${ms(s.median).padStart(6)}  p90 ${ms(s.p90).padStart(6)}  min ${ms(s.min).padStart(6)}  max ${ms(s.max).padStart(6)}`);
  }
  console.log(`  ratio of medians, 400 pages / 2 pages: ${ratio.toFixed(2)}`);
  console.log(`Peak canvas pixels while scrolling ${SCROLL_STEPS} screens (max over runs):`);
  for (const plan of PLANS) {
    console.log(
      `  ${plan.title.padEnd(34)} ${mpx(pixels[plan.id].max).padStart(7)} Mpx (median ${mpx(pixels[plan.id].median)}), ` +
        `at most ${drawn[plan.id].max} canvases holding a bitmap, ${readings[plan.id][0]!.pagesLaidOut} pages laid out`,
    );
  }
  console.log(`Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end, ${os.cpus().length} cores.`);

  mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
  const packageVersion = (name: string) => (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const report = {
    bench: 'pdf-bench',
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      loadAverage1m: { atStart: Number(loadAtStart.toFixed(2)), atEnd: Number(os.loadavg()[0]!.toFixed(2)) },
      node: process.version,
      playwright: packageVersion('@playwright/test'),
      pdfjs: packageVersion('pdfjs-dist'),
    },
    dist,
    distBuiltAt,
    runs,
    warmup,
    viewport,
    scroll: { steps: SCROLL_STEPS, pauseMs: SCROLL_PAUSE_MS },
    plans: PLANS.map((plan) => ({
      ...plan,
      firstPageTextMs: { ...times[plan.id], samples: readings[plan.id].map((r) => tenths(r.firstPageText)) },
      peakCanvasPixels: { ...pixels[plan.id], samples: readings[plan.id].map((r) => r.peakPixels) },
      peakCanvasesDrawn: drawn[plan.id],
      pagesLaidOut: readings[plan.id][0]!.pagesLaidOut,
    })),
    ratioOfMedians: Number(ratio.toFixed(3)),
  };
  writeFileSync(outputFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWritten: ${outputFile.slice(root.length)}`);
}

await main().catch((error: unknown) => {
  if (!(error instanceof SetUpError)) throw error;
  console.error(`pdf-bench: ${error.message}`);
  process.exitCode = 1;
});
