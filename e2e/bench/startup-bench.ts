/**
 * Start-up with many saved plans (issue 13 point 2): does the app start as fast with 500 lookups
 * saved on the device as with one?
 *
 * A measurement, not a test: nothing here passes or fails on a time. It serves a production build
 * (`dist/`, or `--dist DIR`) under `vite preview`, starts the local CIS2-like provider, and drives
 * Debian's Chromium in live mode against the shared mocks, with the service worker in control.
 *
 * The saved plans are made by the app itself: a seeding pass signs in, sets the shift PIN, and
 * searches `--plans` synthetic people (answered by a bench-only PDS route below; NRL, ODS and the
 * audit service are the shared mocks) one after another through the search box, each saved as the
 * app saves any lookup. The browser profile that results (IndexedDB, the service worker and its
 * precache, the provider's session cookie) is copied afresh for every run, so every run starts
 * from the same disk. One profile holds 1 plan, the other `--plans`.
 *
 * Each run launches Chromium on a copy and starts the app in one of two ways:
 * - warm, online: the service worker serves the shell, the crew signs in (one tap: the provider
 *   remembers them) and enters the PIN;
 * - cold, no signal: a new browser with the network off, "Open saved copies with the shift PIN",
 *   the PIN.
 * at 1× and at 4× CPU slowdown (CDP Emulation.setCPUThrottlingRate). Everything is timed in the
 * page (performance marks set by a MutationObserver, and a PerformanceObserver for long tasks),
 * in the document that shows the PIN screen:
 * - PIN screen ready: navigation start → the Shift PIN box visible (the app's own start, before
 *   the crew types anything);
 * - search box / saved list: the Unlock tap → the NHS number box visible / the first row of
 *   "Saved on this device" visible;
 * - longest task: the longest main-thread task that starts within 2 s of navigation start (the
 *   app starting, retention's first purge), and within 2 s of the Unlock tap (when the lookup
 *   screen and the saved list are built);
 * - app time: PIN screen ready + Unlock → first saved row, i.e. the start-up without the time the
 *   crew (here the harness) spends typing the PIN.
 *
 *   npm run build && npm run bench:startup [-- --runs 7] [--warmup 1] [--plans 500] [--cpu 1,4] [--dist DIR]
 *
 * `--cpu` lists the CPU slowdowns to run (whole numbers, 1 = none).
 *
 * Prints medians with the ratio 500 : 1 and the load average; writes
 * e2e/.output/bench/startup-bench.json.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { http, getResponse } from 'msw';
import { preview } from 'vite';
import { buildPatient } from '../../mocks/data/patient-builder';
import { FHIR_JSON, jsonResponse } from '../../mocks/http/fhir-response';
import { traceHeaders } from '../../mocks/http/request-ids';
import { startIdentityProvider } from '../../mocks/identity/identity-provider';
import { TEST_SERVICE_BASES } from '../../mocks/service-bases';
import { liveAuthConfig } from '../support/live-auth';
import { LookupScreen, TEST_PIN } from '../support/lookup-screen';
import { LIVE_CONFIG, useLiveNationalServices } from '../support/national-services';
import { controlPageByServiceWorker } from '../support/service-worker';
import { SetUpError, wholeNumber, median } from './bench-figures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputDir = join(root, 'e2e/.output/bench');
const outputFile = join(outputDir, 'startup-bench.json');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const viewport = { width: 1280, height: 800 };
const WAIT_MS = 60_000;
/** How long after the Unlock tap long tasks are counted. */
const WINDOW_MS = 2_000;
const SAVED_HEADING = 'Saved on this device';

const USAGE = 'usage: npm run bench:startup [-- --runs N (7 or more for figures)] [--warmup N] [--plans N] [--cpu 1,4] [--dist DIR]';

interface Options {
  readonly runs: number;
  readonly warmup: number;
  readonly plans: number;
  readonly cpu: readonly number[];
  readonly dist: string;
}

function readOptions(): Options {
  let values: { runs: string; warmup: string; plans: string; cpu: string; dist: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        runs: { type: 'string', default: '7' },
        warmup: { type: 'string', default: '1' },
        plans: { type: 'string', default: '500' },
        cpu: { type: 'string', default: '1,4' },
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
  const cpu = values.cpu.split(',').map((rate) => count('cpu', rate, 1));
  return { runs: count('runs', values.runs, 1), warmup: count('warmup', values.warmup, 0), plans: count('plans', values.plans, 2), cpu, dist };
}

// ---------------------------------------------------------------------------------------------
// Synthetic people, answered by a bench-only PDS route (NRL answers every valid number it holds
// no pointer for with an empty search set, so each lookup is saved as "no crisis plan found").

const GIVEN = ['Alys', 'Bram', 'Cerys', 'Dafydd', 'Eira', 'Fenwick', 'Gwen', 'Hywel', 'Ines', 'Jory', 'Kezia', 'Lowen', 'Morwen', 'Nye', 'Osian', 'Pryce'];
const FAMILY = ['Abernethy', 'Brackley', 'Colworth', 'Dunstable', 'Elmswell', 'Fairhurst', 'Gedling', 'Harwell', 'Ixworth', 'Jevington', 'Kelmscott', 'Lydbrook', 'Marlow', 'Netherby', 'Ockley', 'Pensford'];

/** Valid NHS numbers (modulus 11) from 999 2000 000 upwards: outside every mock scenario's numbers. */
function syntheticNhsNumbers(count: number): string[] {
  const numbers: string[] = [];
  for (let body = 999_200_000; numbers.length < count; body++) {
    const digits = String(body).split('').map(Number);
    const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check === 10) continue;
    numbers.push(`${body}${check}`);
  }
  return numbers;
}

interface SyntheticPerson {
  readonly nhsNumber: string;
  readonly given: string;
  readonly family: string;
}

function syntheticPeople(count: number): SyntheticPerson[] {
  return syntheticNhsNumbers(count).map((nhsNumber, i) => ({
    nhsNumber,
    given: GIVEN[i % GIVEN.length]!,
    // Every (given, family) pair differs for the first 256 people; the number tells the rest apart.
    family: `${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!}${i >= GIVEN.length * FAMILY.length ? 'e' : ''}`,
  }));
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'x-request-id, x-correlation-id, etag, retry-after',
};

/** PDS's read for the synthetic people (asked before the shared mocks, which answer the rest). */
async function useSyntheticPeople(context: BrowserContext, people: readonly SyntheticPerson[], network: { offline: boolean }): Promise<void> {
  const pds = TEST_SERVICE_BASES.pds.replace(/\/+$/, '');
  const byNumber = new Map(people.map((person) => [person.nhsNumber, person]));
  const handlers = [
    http.get(`${pds}/Patient/:id`, ({ request, params }) => {
      const person = byNumber.get(String(params['id']));
      if (!person) return undefined;
      const patient = buildPatient({
        nhsNumber: person.nhsNumber,
        versionId: '1',
        confidentiality: 'U',
        given: [person.given],
        family: person.family,
        gender: 'unknown',
        birthDate: '1970-01-01',
        since: '2010-01-01',
        address: ['1 Bench Street', 'Testville', 'ZZ99 3AZ'],
      });
      return jsonResponse(patient, { contentType: FHIR_JSON, headers: traceHeaders(request) });
    }),
  ];
  await context.route(`${pds}/Patient/*`, async (route) => {
    const request = route.request();
    const id = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (request.method() !== 'GET' || !byNumber.has(id)) return route.fallback();
    if (network.offline) return route.abort('internetdisconnected');
    const response = await getResponse(handlers, new Request(request.url(), { headers: await request.allHeaders() }));
    if (!response) return route.fallback();
    await route.fulfill({ status: response.status, headers: { ...Object.fromEntries(response.headers), ...CORS_HEADERS }, body: await response.text() });
  });
}

// ---------------------------------------------------------------------------------------------
// In-page clocks

interface PageMarks {
  readonly pinReady: number | null;
  readonly unlock: number | null;
  readonly box: number | null;
  readonly firstRow: number | null;
  readonly longTasks: readonly { readonly start: number; readonly duration: number }[];
}

/**
 * Runs in every document from its first moment: marks when the Shift PIN box, the NHS number box
 * and the first saved row are first in the DOM and visible, and when Unlock is tapped (capture
 * phase, before the app's own handler); collects every long task.
 */
function instrumentPage({ savedHeading }: { savedHeading: string }): void {
  const w = window as unknown as { __benchLongTasks: { start: number; duration: number }[] };
  w.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const inputLabelled = (label: string) =>
    Array.from(document.querySelectorAll('input')).some(
      (input) => Array.from(input.labels ?? []).some((l) => l.textContent?.trim() === label) && input.checkVisibility({ visibilityProperty: true }),
    );
  const pending = new Map<string, () => boolean>([
    ['bench:pin-ready', () => inputLabelled('Shift PIN')],
    ['bench:box', () => inputLabelled('NHS number')],
    [
      'bench:first-row',
      () => {
        const row = document.querySelector(`ul[aria-label="${savedHeading}"] > li`);
        return row !== null && row.checkVisibility({ visibilityProperty: true });
      },
    ],
  ]);
  const observer = new MutationObserver(() => {
    for (const [mark, seen] of pending) {
      if (!seen()) continue;
      performance.mark(mark);
      pending.delete(mark);
    }
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest('button');
      if (button?.textContent?.trim() === 'Unlock' && performance.getEntriesByName('bench:unlock').length === 0) performance.mark('bench:unlock');
    },
    true,
  );
}

async function readMarks(page: Page): Promise<PageMarks> {
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null;
    return {
      pinReady: at('bench:pin-ready'),
      unlock: at('bench:unlock'),
      box: at('bench:box'),
      firstRow: at('bench:first-row'),
      longTasks: (window as unknown as { __benchLongTasks: { start: number; duration: number }[] }).__benchLongTasks,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Profiles

interface Served {
  readonly url: string;
  readonly config: unknown;
  readonly people: readonly SyntheticPerson[];
}

interface Wired {
  readonly context: BrowserContext;
  readonly page: Page;
  setOffline(offline: boolean): Promise<void>;
}

async function launch(profile: string, served: Served, offline = false): Promise<Wired> {
  const context = await chromium.launchPersistentContext(profile, { executablePath, args: ['--no-sandbox'], viewport, serviceWorkers: 'allow', offline });
  await useLiveNationalServices(context, served.config);
  if (offline) await context.setOffline(true);
  const network = { offline };
  await useSyntheticPeople(context, served.people, network);
  // With no signal nothing answers config.json: the app starts on the settings it saved.
  await context.route('**/config.json', (route) => (network.offline ? route.abort('internetdisconnected') : route.fallback()));
  await context.addInitScript(instrumentPage, { savedHeading: SAVED_HEADING });
  // A new page: the one a persistent context opens at launch did not take the offline emulation.
  const page = await context.newPage();
  for (const first of context.pages()) if (first !== page) await first.close();
  return {
    context,
    page,
    async setOffline(offline) {
      network.offline = offline;
      await context.setOffline(offline);
    },
  };
}

/** Signs in, sets the PIN, lets the service worker take control, and looks up `count` people through the search box. */
async function seedProfile(dir: string, served: Served, count: number): Promise<void> {
  const { context, page } = await launch(dir, served);
  try {
    const screen = new LookupScreen(page);
    await page.goto(served.url);
    await screen.signInIfAsked();
    await controlPageByServiceWorker(page);
    const savedAt = page.getByRole('status').filter({ hasText: 'Saved on this device at' });
    const started = performance.now();
    for (const [i, person] of served.people.slice(0, count).entries()) {
      await screen.search(person.nhsNumber);
      // This person's answer, then the app's own word that it is on disk.
      await screen.patientBanner.filter({ hasText: `${person.given} ${person.family.toUpperCase()}` }).waitFor({ timeout: WAIT_MS });
      await savedAt.waitFor({ timeout: WAIT_MS });
      if ((i + 1) % 100 === 0) console.log(`  seeded ${i + 1}/${count} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
    await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
    const rows = page.getByRole('list', { name: SAVED_HEADING }).getByRole('listitem');
    await rows.first().waitFor({ timeout: WAIT_MS });
    const showAll = page.getByRole('button', { name: /^Show all/ });
    const listed = (await showAll.count()) > 0 ? await showAll.textContent() : `${await rows.count()} rows`;
    console.log(`  profile with ${count} saved: the list says ${JSON.stringify(listed)}`);
  } catch (error) {
    await page.screenshot({ path: join(outputDir, 'startup-seed-failure.png'), fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Runs

type StartMode = 'warmOnline' | 'coldOffline';
interface Reading {
  readonly pinReady: number;
  readonly box: number;
  readonly firstRow: number;
  readonly longestTask: number;
  readonly longestTaskAtStart: number;
  readonly appTime: number;
}

async function startOnce(seed: string, served: Served, mode: StartMode, rate: number): Promise<Reading> {
  const dir = mkdtempSync(join(os.tmpdir(), 'crl-startup-run-'));
  cpSync(seed, dir, { recursive: true });
  const wired = await launch(dir, served, mode === 'coldOffline');
  try {
    const { page, context } = wired;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (mode === 'coldOffline') {
      // Playwright's own offline emulation did not reach a page the service worker served first in a
      // persistent context (navigator.onLine stayed true); the same emulation set through this session does.
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.goto(served.url);
    const screen = new LookupScreen(page);
    const pinBox = page.getByLabel('Shift PIN', { exact: true });
    if (mode === 'warmOnline') {
      await screen.signInButton.or(pinBox).waitFor({ timeout: WAIT_MS });
      if (await screen.signInButton.isVisible()) await screen.signInButton.click();
    } else {
      const offline = page.getByRole('button', { name: 'Open saved copies with the shift PIN' });
      await offline.or(pinBox).waitFor({ timeout: WAIT_MS });
      if (await offline.isVisible()) await offline.click();
    }
    await pinBox.waitFor({ timeout: WAIT_MS });
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    if (!controlled) throw new Error('The service worker does not control the page.');
    await pinBox.fill(TEST_PIN);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.waitForFunction(
      (windowMs) => {
        const unlock = performance.getEntriesByName('bench:unlock', 'mark')[0]?.startTime;
        return unlock !== undefined && performance.getEntriesByName('bench:first-row', 'mark').length > 0 && performance.now() > unlock + windowMs;
      },
      WINDOW_MS,
      { timeout: WAIT_MS, polling: 250 },
    );
    const marks = await readMarks(page);
    if (marks.pinReady === null || marks.unlock === null || marks.box === null || marks.firstRow === null) throw new Error(`A mark is missing: ${JSON.stringify(marks)}`);
    const unlock = marks.unlock;
    const longest = (from: number) => Math.max(0, ...marks.longTasks.filter((task) => task.start >= from && task.start < from + WINDOW_MS).map((task) => task.duration));
    return {
      pinReady: marks.pinReady,
      box: marks.box - unlock,
      firstRow: marks.firstRow - unlock,
      longestTask: longest(unlock),
      longestTaskAtStart: longest(0),
      appTime: marks.pinReady + (marks.firstRow - unlock),
    };
  } catch (error) {
    await wired.page.screenshot({ path: join(outputDir, 'startup-run-failure.png'), fullPage: true }).catch(() => undefined);
    console.error(`  failed (${mode}, ${rate}×) at ${wired.page.url()}, onLine ${await wired.page.evaluate(() => navigator.onLine).catch(() => 'unknown')}`);
    throw error;
  } finally {
    await wired.context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

const METRICS = ['pinReady', 'longestTaskAtStart', 'box', 'firstRow', 'longestTask', 'appTime'] as const;
type Metric = (typeof METRICS)[number];
const METRIC_TITLE: Record<Metric, string> = {
  pinReady: 'nav → PIN box',
  longestTaskAtStart: 'longest task (nav + 2 s)',
  box: 'Unlock → search box',
  firstRow: 'Unlock → 1st saved row',
  longestTask: 'longest task (Unlock + 2 s)',
  appTime: 'app time',
};

function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const options = readOptions();
  const loadAtStart = os.loadavg()[0]!;
  const distBuiltAt = statSync(join(options.dist, 'index.html')).mtime.toISOString();
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: options.dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
  const provider = await startIdentityProvider({ appOrigins: [new URL(url).origin] });
  const served: Served = { url, config: { ...LIVE_CONFIG, auth: liveAuthConfig(provider.issuer) }, people: syntheticPeople(options.plans) };
  const work = mkdtempSync(join(os.tmpdir(), 'crl-startup-bench-'));
  const sizes = [1, options.plans] as const;
  const cases = sizes.flatMap((plans) => (['warmOnline', 'coldOffline'] as const).flatMap((mode) => options.cpu.map((rate) => ({ plans, mode, rate }))));
  const samples = new Map<string, Reading[]>();
  const loads: number[] = [loadAtStart];
  const key = (c: { plans: number; mode: StartMode; rate: number }) => `${c.mode}:${c.rate}x:${c.plans}`;
  let chromiumVersion = 'unknown';
  try {
    console.log(`startup-bench: ${options.runs} runs per case (+${options.warmup} warm-up), 1 and ${options.plans} saved, ${os.cpus().length} cores, load ${loadAtStart.toFixed(2)}, ${options.dist}`);
    const seeds: Record<number, string> = {};
    for (const plans of sizes) {
      const dir = join(work, `seed-${plans}`);
      const started = performance.now();
      await seedProfile(dir, served, plans);
      console.log(`  seeded ${plans} in ${((performance.now() - started) / 1000).toFixed(0)} s, load ${os.loadavg()[0]!.toFixed(2)}`);
      seeds[plans] = dir;
    }
    const probe = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    chromiumVersion = probe.version();
    await probe.close();
    // Interleaved: each round runs every case once, so a change in load touches all cases alike.
    for (let run = 1 - options.warmup; run <= options.runs; run++) {
      const line: string[] = [];
      for (const c of cases) {
        const reading = await startOnce(seeds[c.plans]!, served, c.mode, c.rate);
        if (run >= 1) samples.set(key(c), [...(samples.get(key(c)) ?? []), reading]);
        line.push(`${key(c)} ${reading.firstRow.toFixed(0)}/${reading.longestTask.toFixed(0)}`);
      }
      loads.push(os.loadavg()[0]!);
      console.log(`  ${run < 1 ? 'warm-up' : `run ${run}/${options.runs}`} (load ${os.loadavg()[0]!.toFixed(2)}): ${line.join(', ')}`);
    }
  } finally {
    await provider.close();
    server.httpServer.close();
    rmSync(work, { recursive: true, force: true });
  }

  const medians = new Map([...samples].map(([k, readings]) => [k, Object.fromEntries(METRICS.map((m) => [m, median(readings.map((r) => r[m]))])) as Record<Metric, number>]));
  console.log('');
  console.log(`Medians of ${options.runs} runs, ms (in the page). Load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, ${os.cpus().length} cores.`);
  const header = ['start', 'CPU', ...METRICS.flatMap((m) => [`${METRIC_TITLE[m]} (1)`, `(${options.plans})`, 'ratio'])];
  const rows = (['warmOnline', 'coldOffline'] as const).flatMap((mode) =>
    options.cpu.map((rate) => {
      const one = medians.get(key({ plans: 1, mode, rate }))!;
      const many = medians.get(key({ plans: options.plans, mode, rate }))!;
      return [mode === 'warmOnline' ? 'warm, online' : 'cold, no signal', `${rate}×`, ...METRICS.flatMap((m) => [one[m].toFixed(0), many[m].toFixed(0), one[m] > 0 ? `${(many[m] / one[m]).toFixed(2)}×` : '–'])];
    }),
  );
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  console.log([line(header), ...rows.map(line)].join('\n'));
  console.log('  app time = nav → PIN box + Unlock → first saved row (what the app spends, without the PIN being typed).');
  console.log('  longest task = the longest main-thread task starting within 2 s of navigation start (nav + 2 s) or of the Unlock tap (Unlock + 2 s).');

  mkdirSync(outputDir, { recursive: true });
  const cpus = os.cpus();
  writeFileSync(
    outputFile,
    `${JSON.stringify(
      {
        bench: 'startup-bench',
        measuredAt: new Date().toISOString(),
        machine: {
          cpus: cpus.length,
          cpuModel: cpus[0]?.model ?? 'unknown',
          loadAverage1m: loads.map((l) => Number(l.toFixed(2))),
          node: process.version,
          chromium: chromiumVersion,
          playwright: packageVersion('@playwright/test'),
        },
        dist: options.dist,
        distBuiltAt,
        runs: options.runs,
        warmup: options.warmup,
        plans: options.plans,
        medians: Object.fromEntries(medians),
        samples: Object.fromEntries(samples),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`\nWritten: ${outputFile.slice(root.length)}`);
}

await main().catch((error: unknown) => {
  if (!(error instanceof SetUpError)) throw error;
  console.error(`startup-bench: ${error.message}`);
  process.exitCode = 1;
});
