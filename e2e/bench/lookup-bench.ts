/**
 * How long a search takes to show what a crew needs, against what the network allows
 * (issue 13): Search → the patient banner, the crisis team's first tap-to-call number and the
 * first PDF plan's text; a second plan in the same page (the viewer already running); and, with
 * no signal, the copy saved on the device.
 *
 * A measurement, not a test: nothing here passes or fails on a time. It runs the production
 * build in `dist/` (it builds nothing: `npm run build` first) under `vite preview` on a free
 * port, in Debian's Chromium, in live mode against the shared mocks served from a real local
 * HTTPS server (national-services-server.ts: a route cannot delay CORS preflights), signed in at
 * the local CIS2-like provider, in a page the service worker controls, with a fresh browser
 * context for every run and every delay.
 *
 * Times are taken in the page: an init script marks the Search click (performance.mark at the
 * click event's time) and, from a MutationObserver, the moment each awaited element is in the
 * DOM, laid out and visible (before that frame is painted). Every figure is mark − search mark.
 * Each run is made at each delay: every request to the mocked services (CORS preflights
 * included) answered that many ms late, as one round trip to a gateway elsewhere. Floors and
 * ratios: `floors()` below and docs/performance.md (issue 13).
 *
 *   npm run bench:lookup [-- --runs 7] [--warmup 1] [--delays 0,150]
 *
 * Prints medians beside their network floors and ratios; writes e2e/.output/bench/lookup-bench.json.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ServerResponse } from 'node:http';
import { chromium, type Browser, type Page } from '@playwright/test';
import { preview, type Plugin } from 'vite';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { startIdentityProvider } from '../../mocks/identity/identity-provider';
import { CONTACT_PAGE_ORIGINS } from '../../mocks/contact-pages';
import { TEST_SERVICE_BASES } from '../../mocks/service-bases';
import { liveAuthConfig } from '../support/live-auth';
import { LookupScreen } from '../support/lookup-screen';
import { LIVE_CONFIG } from '../support/national-services';
import { startNationalServicesServer, type NationalServicesServer, type ServedRequest } from '../support/national-services-server';
import { controlPageByServiceWorker } from '../support/service-worker';
import { SetUpError, wholeNumber, summarise, type Summary } from './bench-figures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outputFile = join(root, 'e2e/.output/bench/lookup-bench.json');
// As e2e/playwright.config.ts: Playwright cannot download browsers here.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// A 10-inch in-vehicle tablet in landscape, as in the e2e tests.
const viewport = { width: 1280, height: 800 };
/** Longest wait for any one thing to appear; a run that needs longer is broken, not slow. */
const WAIT_MS = 30_000;
const NHS_NUMBER = SCENARIOS.planPdf.nhsNumber;

// ---------------------------------------------------------------------------------------------
// What the page marks

/** What the in-page watcher marks after each Search click, and the words it finds them by. */
const WATCH = {
  searchButton: 'Search',
  searchMark: 'bench:search',
  /** The patient banner's accessible name (lookup-words.ts `banner.region`). */
  banner: 'Patient details from the Personal Demographics Service',
  /** The record whose plan is awaited, by its heading (the article's accessible name). */
  planRecord: 'Mental health crisis plan',
  /** A word on the synthetic PDF plan's first page, looked for in pdf.js's text layer. */
  planWord: 'Triggers',
  /** The saved copy's notice (its heading) and its first line. */
  savedNotice: 'Saved on this device',
  retrieved: '^Retrieved \\d\\d:\\d\\d',
  marks: { banner: 'bench:banner', call: 'bench:call', planText: 'bench:plan-text', retrieved: 'bench:retrieved' },
} as const;

type Target = keyof typeof WATCH.marks;
type Watch = typeof WATCH;

/**
 * Runs in every document from its first moment. A click on the Search button (seen in the
 * capture phase, before the app handles it) clears the last search's marks and resource timings,
 * notes which awaited elements are already on screen (they belong to the last answer), and marks
 * `bench:search` at the click event's time. A MutationObserver then marks each target the first
 * time a new one of it is in the DOM, laid out and visible:
 * - banner: the region named "Patient details from the Personal Demographics Service";
 * - call: a tap-to-call link (`a[href^="tel:"]`) of the crisis team in the plan's record: the
 *   summary's Call or the team card's numbers, not the numbers printed in the PDF (listed under
 *   its pages) nor the trust switchboard (ODS, a fallback);
 * - planText: the word "Triggers" in pdf.js's text layer inside the article named "Mental
 *   health crisis plan";
 * - retrieved: the "Retrieved hh:mm" line of the region named "Saved on this device".
 */
function watchSearches(watch: Watch): void {
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const ids = element.getAttribute('aria-labelledby');
    if (!ids) return '';
    return ids
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
  };
  const shown = (element: Element): boolean => {
    if (!element.checkVisibility({ visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const records = () => Array.from(document.querySelectorAll('article')).filter((article) => nameOf(article) === watch.planRecord);
  const retrievedLine = new RegExp(watch.retrieved);
  const find: Record<Target, () => Element[]> = {
    banner: () => Array.from(document.querySelectorAll('section[aria-label], [role="region"][aria-label]')).filter((el) => nameOf(el).startsWith(watch.banner)),
    call: () =>
      records().flatMap((article) => Array.from(article.querySelectorAll('a[href^="tel:"]')).filter((link) => !link.closest('.crl-pdf-page, .crl-team-card__switchboard'))),
    planText: () =>
      records().flatMap((article) => Array.from(article.querySelectorAll('.textLayer span')).filter((span) => span.textContent?.trim() === watch.planWord)),
    retrieved: () =>
      Array.from(document.querySelectorAll('section[aria-labelledby]'))
        .filter((section) => nameOf(section) === watch.savedNotice)
        .flatMap((section) => Array.from(section.querySelectorAll('p')).filter((p) => retrievedLine.test(p.textContent?.trim() ?? ''))),
  };
  const targets = Object.keys(find) as Target[];
  let stale = new WeakSet<Element>();
  const pending = new Set<Target>();

  const check = () => {
    for (const target of pending) {
      if (!find[target]().some((element) => !stale.has(element) && shown(element))) continue;
      performance.mark(watch.marks[target]);
      pending.delete(target);
    }
  };
  new MutationObserver(() => {
    if (pending.size > 0) check();
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });

  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button?.textContent?.trim() !== watch.searchButton) return;
      performance.clearMarks(watch.searchMark);
      for (const target of targets) performance.clearMarks(watch.marks[target]);
      performance.clearResourceTimings();
      stale = new WeakSet(targets.flatMap((target) => find[target]()));
      performance.mark(watch.searchMark, { startTime: event.timeStamp });
      for (const target of targets) pending.add(target);
    },
    { capture: true },
  );
}

// ---------------------------------------------------------------------------------------------
// Requests: which service, when (from the page's resource timing), and whether preflighted

type Service = 'pds' | 'nrl' | 'ssp' | 'contact' | 'ods' | 'audit';

function serviceOf(url: string): Service | null {
  const bases = TEST_SERVICE_BASES;
  for (const service of ['pds', 'nrl', 'ssp', 'ods', 'audit'] as const) if (url.startsWith(bases[service])) return service;
  return CONTACT_PAGE_ORIGINS.includes(new URL(url).origin) ? 'contact' : null;
}

/** The app's own files on the plan's path, by the name Vite gives their chunks. */
const ASSETS = {
  viewer: /\/assets\/plan-document-view-[^/]*\.js$/,
  pdfjs: /\/assets\/pdf-plan-view-[^/]*\.js$/,
  contactWorker: /\/assets\/contact-page-worker-[^/]*\.js$/,
} as const;

type Asset = keyof typeof ASSETS;

function assetOf(url: string): Asset | null {
  return (Object.keys(ASSETS) as Asset[]).find((asset) => ASSETS[asset].test(new URL(url).pathname)) ?? null;
}

interface RequestTiming {
  /** A national service or contact page, or one of the app's files on the plan's path. */
  readonly service: Service | Asset;
  /** ms after the Search click: fetch() called (before any preflight), last byte of the answer. */
  readonly start: number;
  readonly end: number;
}

interface SearchReading {
  /** ms after the Search click; absent when the element never appeared in this search. */
  readonly marks: Partial<Record<Target, number>>;
  readonly requests: readonly RequestTiming[];
  /** Services that received a CORS preflight (OPTIONS) during this search (the server's log). */
  readonly preflighted: readonly Service[];
  /** performance.now() in Node just before Playwright clicked Search (for the cross-check). */
  readonly clickedAtNode: number;
  /** What the server received during this search, in order: ms (Node's clock) after the first arrival. */
  readonly served: readonly { readonly method: string; readonly service: Service | null; readonly received: number; readonly answered: number | null }[];
}

const firstRequest = (reading: SearchReading, service: Service | Asset) => reading.requests.find((r) => r.service === service);

// ---------------------------------------------------------------------------------------------
// Arguments and preconditions

const USAGE = 'usage: npm run bench:lookup [-- --runs N] [--warmup N] [--delays 0,150]';

interface Options {
  readonly runs: number;
  readonly warmup: number;
  readonly delays: readonly number[];
}

function readOptions(): Options {
  let values: { runs: string; warmup: string; delays: string };
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: { runs: { type: 'string', default: '7' }, warmup: { type: 'string', default: '1' }, delays: { type: 'string', default: '0,150' } },
    }));
  } catch (error) {
    throw new SetUpError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const count = (name: string, text: string, min: number) => wholeNumber(name, text, min, USAGE);
  const delays = values.delays.split(',').map((text) => count('delays', text.trim(), 0));
  // Floors are the 0 ms figures plus round trips × delay: 0 must be measured.
  if (!delays.includes(0)) delays.unshift(0);
  return { runs: count('runs', values.runs, 1), warmup: count('warmup', values.warmup, 0), delays: [...new Set(delays)].sort((a, b) => a - b) };
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
// One search, read from the page

async function search(page: Page, screen: LookupScreen, services: NationalServicesServer, needed: readonly Target[]): Promise<SearchReading> {
  await screen.nhsNumber.fill(NHS_NUMBER);
  const seen = services.log.length;
  const clickedAtNode = performance.now();
  await screen.searchButton.click();
  const names = [WATCH.searchMark, ...needed.map((target) => WATCH.marks[target])];
  try {
    // How Node learns the marks are there; the figures are the marks themselves.
    await page.waitForFunction((wanted) => wanted.every((name) => performance.getEntriesByName(name, 'mark').length > 0), names, { timeout: WAIT_MS, polling: 100 });
  } catch (error) {
    const present = await page.evaluate(() => performance.getEntriesByType('mark').map((mark) => mark.name));
    throw new Error(`Waited ${WAIT_MS} ms for ${names.join(', ')}; the page has ${present.join(', ') || 'no marks'}. Check watchSearches against the screen.`, { cause: error });
  }
  const { marks, resources } = await page.evaluate(
    ({ searchMark, marks }) => {
      const at = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
      const start = at(searchMark)!;
      return {
        marks: Object.fromEntries(Object.entries(marks).flatMap(([target, name]) => (at(name) === undefined ? [] : [[target, at(name)! - start]]))),
        resources: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => ({
          url: entry.name,
          start: entry.startTime - start,
          end: entry.responseEnd - start,
        })),
      };
    },
    { searchMark: WATCH.searchMark, marks: WATCH.marks },
  );
  const requests = resources.flatMap(({ url, start, end }) => {
    const service = serviceOf(url) ?? assetOf(url);
    return service === null ? [] : [{ service, start, end }];
  });
  const log = services.log.slice(seen);
  const preflights = log.filter((request: ServedRequest) => request.method === 'OPTIONS');
  const origin = log[0]?.receivedAt ?? 0;
  return {
    marks: marks as Partial<Record<Target, number>>,
    requests,
    preflighted: [...new Set(preflights.flatMap((request) => serviceOf(request.url) ?? []))],
    clickedAtNode,
    served: log.map((request) => ({
      method: request.method,
      service: serviceOf(request.url),
      received: tenths(request.receivedAt - origin),
      answered: request.answeredAt === undefined ? null : tenths(request.answeredAt - origin),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// A journey: one fresh context at one delay

interface JourneyReading {
  /** The first search of the page: pdf.js not yet loaded. */
  readonly first: SearchReading;
  /** The same number again, in the same page: the viewer and its worker already running. */
  readonly second: SearchReading;
  /** With no signal: the saved copy. */
  readonly saved: SearchReading;
  /** Search click → Playwright sees the first plan's text, by Node's clock (cross-check only). */
  readonly firstPlanTextNode: number;
}

async function searchJourney(browser: Browser, url: string, services: NationalServicesServer, delayMs: number): Promise<JourneyReading> {
  services.delayMs = delayMs;
  // No context.route here: while one is set, Playwright answers CORS preflights itself, at once.
  const context = await browser.newContext({ viewport, serviceWorkers: 'allow' });
  try {
    await context.addInitScript(watchSearches, WATCH);
    const page = await context.newPage();
    const screen = new LookupScreen(page);
    await page.goto(url);
    await screen.signInIfAsked();
    await controlPageByServiceWorker(page);
    if ((await page.getByRole('region', { name: 'Demo mode' }).count()) > 0) throw new Error('The app started in demo mode, not live.');

    const planText = screen.record(WATCH.planRecord).locator('.textLayer').getByText(WATCH.planWord, { exact: true });
    const [first, planTextSeenAt] = await Promise.all([
      search(page, screen, services, ['banner', 'call', 'planText']),
      planText.waitFor({ state: 'visible', timeout: WAIT_MS }).then(() => performance.now()),
    ]);
    const firstPlanTextNode = planTextSeenAt - first.clickedAtNode;
    const savedStatus = page.getByRole('status').filter({ hasText: 'Saved on this device at' });
    await savedStatus.waitFor({ state: 'visible', timeout: WAIT_MS });
    // Let the access records' uploads and the save finish before the next search.
    await page.waitForTimeout(1_000);

    const second = await search(page, screen, services, ['banner', 'planText']);
    await savedStatus.waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.waitForTimeout(1_000);

    await context.setOffline(true);
    // The crew sees the offline banner before searching; the app then goes straight to the device.
    await page.getByRole('region', { name: 'Offline' }).waitFor({ state: 'visible', timeout: WAIT_MS });
    const saved = await search(page, screen, services, ['retrieved', 'planText']);
    return { first, second, saved, firstPlanTextNode };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Figures

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(0));
/** For the JSON: 0.1 ms is finer than anything here can resolve. */
const tenths = (value: number) => Math.round(value * 10) / 10;
const roundSummary = (summary: Summary): Summary => ({
  runs: summary.runs,
  median: tenths(summary.median),
  p90: tenths(summary.p90),
  min: tenths(summary.min),
  max: tenths(summary.max),
});

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: readonly string[]) => row.map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function packageVersion(name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** What each figure is, read from one journey's searches. */
const STEPS = {
  banner: { title: 'Search → patient banner', read: (j: JourneyReading) => j.first.marks.banner },
  call: { title: 'Search → first tap-to-call (crisis team)', read: (j: JourneyReading) => j.first.marks.call },
  planText: { title: 'Search → first PDF plan text', read: (j: JourneyReading) => j.first.marks.planText },
  planBytes: { title: '  of which: search → plan bytes (SSP answered)', read: (j: JourneyReading) => firstRequest(j.first, 'ssp')?.end },
  planAfterBytes: { title: '  of which: plan bytes → text (first viewer)', read: (j: JourneyReading) => minus(j.first.marks.planText, firstRequest(j.first, 'ssp')?.end) },
  secondPlanText: { title: 'Second search, same page → plan text', read: (j: JourneyReading) => j.second.marks.planText },
  warmRender: { title: '  of which: plan bytes → text (warm viewer)', read: (j: JourneyReading) => minus(j.second.marks.planText, firstRequest(j.second, 'ssp')?.end) },
  savedCopy: { title: 'No signal: search → "Retrieved hh:mm"', read: (j: JourneyReading) => j.saved.marks.retrieved },
  savedPlanText: { title: 'No signal: search → saved plan text', read: (j: JourneyReading) => j.saved.marks.planText },
} as const;

type StepId = keyof typeof STEPS;

function minus(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

/** Where the first plan's time goes: medians of these moments after the click, first search. */
const TIMELINE: readonly { readonly label: string; readonly read: (j: JourneyReading) => number | undefined }[] = [
  { label: 'PDS fetch() called', read: (j) => firstRequest(j.first, 'pds')?.start },
  { label: 'NRL fetch() called', read: (j) => firstRequest(j.first, 'nrl')?.start },
  { label: 'NRL answered', read: (j) => firstRequest(j.first, 'nrl')?.end },
  { label: 'PDS answered', read: (j) => firstRequest(j.first, 'pds')?.end },
  { label: 'banner visible', read: (j) => j.first.marks.banner },
  { label: 'SSP fetch() called', read: (j) => firstRequest(j.first, 'ssp')?.start },
  { label: 'contact page fetch() called', read: (j) => firstRequest(j.first, 'contact')?.start },
  { label: 'contact page answered', read: (j) => firstRequest(j.first, 'contact')?.end },
  { label: 'first tap-to-call visible', read: (j) => j.first.marks.call },
  { label: 'SSP answered (plan bytes)', read: (j) => firstRequest(j.first, 'ssp')?.end },
  { label: 'viewer chunk asked', read: (j) => firstRequest(j.first, 'viewer')?.start },
  { label: 'pdf.js chunk asked', read: (j) => firstRequest(j.first, 'pdfjs')?.start },
  { label: 'pdf.js chunk loaded', read: (j) => firstRequest(j.first, 'pdfjs')?.end },
  { label: 'plan text visible', read: (j) => j.first.marks.planText },
];

/** Round trips on a critical path: each request is one, and its preflight (if the browser sent one) another. */
function roundTrips(preflighted: ReadonlySet<Service>, service: Service): number {
  return 1 + (preflighted.has(service) ? 1 : 0);
}

interface Floor {
  readonly step: 'banner' | 'call' | 'planText' | 'planBytes';
  readonly roundTrips: number;
  readonly path: string;
  /** The part measured at 0 ms (and, for the plan, the warm viewer's render). */
  readonly base: number;
  readonly baseWhat: string;
  readonly value: number;
  /** Issue 13's target for the ratio; none for the plan's bytes (shown to split the plan's ratio). */
  readonly target: number | null;
}

/**
 * What the network allows at `delay` ms per round trip. The requests the app needs, and which
 * wait for which: PDS and NRL leave together at the click (the typed number's pointers are asked
 * beside PDS); the plan's SSP address and the team's contact-page address come from NRL's answer;
 * nothing about the records is shown before PDS has confirmed the person. So:
 *   banner = PDS,  call = max(PDS, NRL → contact page),  plan = max(PDS, NRL → SSP),
 * each request one round trip, plus one for its CORS preflight when the browser sent one.
 * The app's own work is the same step's median at 0 ms; for the plan, the 0 ms time to the plan's
 * bytes plus the warm viewer's render (bytes → text in a page where pdf.js already runs),
 * because the first plan's extra viewer start-up is what the target is about.
 */
function floors(delay: number, preflighted: ReadonlySet<Service>, methods: ReadonlyMap<Service, string>, median: (delay: number, step: StepId) => number): Floor[] {
  const rt = (service: Service) => roundTrips(preflighted, service);
  const method = (service: Service) => methods.get(service) ?? 'GET';
  const name = (service: Service) => `${service === 'contact' ? 'contact page' : service.toUpperCase()} (${rt(service) === 2 ? 'OPTIONS + ' : ''}${method(service)})`;
  const banner = rt('pds');
  const call = Math.max(rt('pds'), rt('nrl') + rt('contact'));
  const plan = Math.max(rt('pds'), rt('nrl') + rt('ssp'));
  const bannerBase = median(0, 'banner');
  const callBase = median(0, 'call');
  const planBase = median(0, 'planBytes') + median(delay, 'warmRender');
  return [
    { step: 'banner', roundTrips: banner, path: name('pds'), base: bannerBase, baseWhat: 'the banner at 0 ms', value: banner * delay + bannerBase, target: 1.1 },
    {
      step: 'call',
      roundTrips: call,
      path: `max(${name('pds')}, ${name('nrl')} → ${name('contact')})`,
      base: callBase,
      baseWhat: 'the call link at 0 ms',
      value: call * delay + callBase,
      target: 1.1,
    },
    {
      step: 'planText',
      roundTrips: plan,
      path: `max(${name('pds')}, ${name('nrl')} → ${name('ssp')})`,
      base: planBase,
      baseWhat: `plan bytes at 0 ms (${ms(median(0, 'planBytes'))}) + warm-viewer render at ${delay} ms (${ms(median(delay, 'warmRender'))})`,
      value: plan * delay + planBase,
      target: 1.25,
    },
    {
      step: 'planBytes',
      roundTrips: plan,
      path: `max(${name('pds')}, ${name('nrl')} → ${name('ssp')})`,
      base: median(0, 'planBytes'),
      baseWhat: 'plan bytes at 0 ms',
      value: plan * delay + median(0, 'planBytes'),
      target: null,
    },
  ];
}

// ---------------------------------------------------------------------------------------------

/**
 * Serves /config.json in live mode, as the e2e routes do, answered as late as the services
 * (it comes from the network too); the build's own demo config.json is never served.
 */
function serveConfig(live: { config?: unknown }, services: NationalServicesServer): Plugin {
  return {
    name: 'bench-live-config',
    configurePreviewServer(server) {
      server.middlewares.use((request, response: ServerResponse, next) => {
        if (request.url?.split('?')[0] !== '/config.json') return next();
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(live.config));
        }, services.delayMs);
      });
    },
  };
}

interface Measured {
  readonly chromium: string;
  /** Journeys by delay, in run order. */
  readonly journeys: Map<number, JourneyReading[]>;
}

async function measure(url: string, services: NationalServicesServer, { runs, warmup, delays }: Options): Promise<Measured> {
  const browser = await chromium.launch({
    executablePath,
    // The services' host names lead to the local server, every other name nowhere.
    args: ['--no-sandbox', `--host-resolver-rules=${services.hostResolverRules}`, '--ignore-certificate-errors'],
  });
  const journeys = new Map<number, JourneyReading[]>(delays.map((delay) => [delay, []]));
  try {
    console.log(`lookup-bench: ${runs} runs (+${warmup} warm-up, not counted) at ${delays.join(' and ')} ms per request, Chromium ${browser.version()}, ${url}`);
    for (let run = 1 - warmup; run <= runs; run++) {
      const line: string[] = [];
      // Delays alternate in order from run to run, so neither always follows the other.
      const order = run % 2 === 0 ? [...delays].reverse() : delays;
      for (const delay of order) {
        const journey = await searchJourney(browser, url, services, delay);
        if (run >= 1) journeys.get(delay)!.push(journey);
        line.push(`${delay} ms: banner ${ms(journey.first.marks.banner ?? Number.NaN)}, call ${ms(journey.first.marks.call ?? Number.NaN)}, plan ${ms(journey.first.marks.planText ?? Number.NaN)}, second plan ${ms(journey.second.marks.planText ?? Number.NaN)}`);
      }
      console.log(`  ${run < 1 ? 'warm-up' : `run ${run}/${runs}`}: ${line.join(' | ')}  (load ${os.loadavg()[0]!.toFixed(2)})`);
    }
    return { chromium: browser.version(), journeys };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  requirePrerequisites();
  // Other work on the machine skews every figure: recorded, so a reader can tell.
  const loadAtStart = os.loadavg();
  const distBuiltAt = builtAt();
  const startedAt = new Date();

  const services = await startNationalServicesServer();
  const live: { config?: unknown } = {};
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [serveConfig(live, services)],
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const origin = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  // Live mode signs in first: the local CIS2-like provider, as in the e2e tests (identity-setup.ts).
  const provider = await startIdentityProvider({ appOrigins: [origin] });
  live.config = { ...LIVE_CONFIG, auth: liveAuthConfig(provider.issuer) };
  const measured = await measure(`${origin}/`, services, options).finally(async () => {
    await provider.close();
    await server.close();
    await services.close();
  });
  const loadAtEnd = os.loadavg();
  const { runs, warmup, delays } = options;
  if (builtAt() !== distBuiltAt) console.warn('Warning: dist/ was rebuilt during the run: these figures mix two builds.');

  const samples = (delay: number, step: StepId) => measured.journeys.get(delay)!.flatMap((j) => STEPS[step].read(j) ?? []);
  const summary = (delay: number, step: StepId) => summarise(samples(delay, step));
  const median = (delay: number, step: StepId) => summary(delay, step).median;
  // Preflights seen in the first search of every zero-delay run (a fresh context: nothing cached).
  const preflightSeen = measured.journeys.get(0)!.map((j) => new Set(j.first.preflighted));
  const preflighted = new Set<Service>((['pds', 'nrl', 'ssp', 'contact', 'ods', 'audit'] as const).filter((s) => preflightSeen.length > 0 && preflightSeen.every((seen) => seen.has(s))));
  // Each service's method, as the server received it (NRL's search is a POST).
  const methods = new Map<Service, string>();
  for (const served of measured.journeys.get(0)!.flatMap((j) => j.first.served)) {
    if (served.service !== null && served.method !== 'OPTIONS' && !methods.has(served.service)) methods.set(served.service, served.method);
  }

  const cpus = os.cpus();
  const load = (values: number[]) => values.map((v) => v.toFixed(2)).join(' ');
  console.log('');
  console.log(`Machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}; Node ${process.version}; Chromium ${measured.chromium}.`);
  console.log(`Date: ${startedAt.toISOString()}. Load average (1, 5, 15 min; the bench's own processes included): ${load(loadAtStart)} at start, ${load(loadAtEnd)} at end.`);
  console.log(`Preflighted on every first search (the server's log): ${[...preflighted].join(', ') || 'none'}.`);

  const report: { delayMs: number; steps: unknown[]; floors: unknown[]; timeline: unknown[] }[] = [];
  for (const delay of delays) {
    const stepRows = (Object.keys(STEPS) as StepId[]).map((id) => ({ id, title: STEPS[id].title, ...summary(delay, id) }));
    const floorRows = floors(delay, preflighted, methods, median).map((floor) => {
      const measuredMedian = median(delay, floor.step);
      return { ...floor, median: measuredMedian, ratio: measuredMedian / floor.value };
    });
    const timeline = TIMELINE.map(({ label, read }) => ({ label, median: summarise(measured.journeys.get(delay)!.flatMap((j) => read(j) ?? [])).median }));
    console.log('');
    console.log(`── ${delay} ms per request (each request and each preflight answered ${delay} ms late), ${stepRows[0]!.runs} runs ──`);
    console.log(
      table(
        ['step (ms after the Search click)', 'median', 'p90', 'min', 'max', 'floor', 'ratio', 'target'],
        stepRows.map((row) => {
          const floor = floorRows.find((f) => f.step === row.id);
          // At 0 ms a floor that is the step's own median says nothing: only the plan's text has more in it.
          const ratio = floor && (delay > 0 || row.id === 'planText') ? `${floor.ratio.toFixed(2)}×` : '';
          return [row.title, ms(row.median), ms(row.p90), ms(row.min), ms(row.max), floor && ratio ? ms(floor.value) : '', ratio, floor?.target ? `≤ ${floor.target}×` : ''];
        }),
        new Set([1, 2, 3, 4, 5, 6]),
      ),
    );
    console.log('Floors (what the network allows):');
    for (const floor of floorRows) {
      console.log(`  ${floor.step.padEnd(9)} ${floor.roundTrips} round trips ${floor.path} × ${delay} ms + ${floor.baseWhat} = ${ms(floor.value)} ms`);
    }
    if (delay === 0) console.log("  (at 0 ms the banner's, the call's and the bytes' floors are their own medians: ratio 1 by definition, not printed)");
    console.log('First search, medians of moments after the click (page resource timing and marks):');
    console.log(`  ${timeline.map((t) => `${t.label} ${ms(t.median)}`).join(' · ')}`);
    report.push({
      delayMs: delay,
      steps: stepRows.map((row) => ({
        id: row.id,
        title: row.title.trim(),
        ...roundSummary(row),
        samples: samples(delay, row.id).map(tenths),
      })),
      floors: floorRows.map((f) => ({ step: f.step, roundTrips: f.roundTrips, path: f.path, base: tenths(f.base), baseWhat: f.baseWhat, floor: tenths(f.value), median: tenths(f.median), ratio: Number(f.ratio.toFixed(3)), target: f.target })),
      timeline: timeline.map((t) => ({ label: t.label, median: tenths(t.median) })),
    });
  }
  const nodeCheck = summarise(measured.journeys.get(0)!.map((j) => j.firstPlanTextNode));
  console.log('');
  console.log(
    `Cross-check, 0 ms: the first plan's text by Node's clock (click → Playwright's wait sees it, polling included): median ${ms(nodeCheck.median)} ms, ` +
      `against ${ms(median(0, 'planText'))} ms in the page.`,
  );
  console.log('Clock: performance.mark in the page; Search is marked at the click event, each element when it is first in the DOM, laid out and visible.');

  mkdirSync(join(root, 'e2e/.output/bench'), { recursive: true });
  const json = {
    bench: 'lookup-bench',
    measuredAt: startedAt.toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: { atStart: loadAtStart.map(tenths), atEnd: loadAtEnd.map(tenths) },
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      chromium: measured.chromium,
      playwright: packageVersion('@playwright/test'),
      vite: packageVersion('vite'),
    },
    distBuiltAt,
    runs,
    warmup,
    nhsNumber: NHS_NUMBER,
    clock: 'in-page performance.mark; ms from the Search click event to the element first in the DOM, laid out and visible',
    delay: 'every request to the mocked services (a local HTTPS server) and every CORS preflight answered delayMs late, config.json too',
    preflighted: [...preflighted],
    byDelay: report,
    crossCheck: { firstPlanTextByNodeClockAt0ms: { ...roundSummary(nodeCheck), samples: measured.journeys.get(0)!.map((j) => tenths(j.firstPlanTextNode)) } },
    requests: Object.fromEntries(
      delays.map((delay) => [
        delay,
        measured.journeys.get(delay)!.map((j) => ({ first: j.first.requests.map(roundTiming), firstServed: j.first.served, second: j.second.requests.map(roundTiming) })),
      ]),
    ),
  };
  writeFileSync(outputFile, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nWritten: ${outputFile.slice(root.length)}`);
}

const roundTiming = (r: RequestTiming) => ({ service: r.service, start: tenths(r.start), end: tenths(r.end) });

await main().catch((error: unknown) => {
  if (!(error instanceof SetUpError)) throw error;
  console.error(`lookup-bench: ${error.message}`);
  process.exitCode = 1;
});
