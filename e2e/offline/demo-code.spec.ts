import { test, expect, type Page } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';
import { cacheStorageUrls, controlPageByServiceWorker } from '../support/service-worker';

/**
 * Live tablets do not carry the demo (docs/service-worker.md "Demo code"): the demo transport,
 * the synthetic services and MSW are not in the precache; a demo device keeps them on first use.
 */

const isDemoCode = (url: string) => new URL(url).pathname.startsWith('/assets/demo/');

/** Cached scripts holding demo code, known by what is in them (MSW, the demo transport, mocks/). */
async function cachedDemoCode(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const markers = ['[MSW]', 'Demo mode has no synthetic answer', 'https://demo.invalid'];
    const found: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (!/\.m?js(\?|$)/.test(new URL(request.url).pathname)) continue;
        const text = (await (await cache.match(request))?.text()) ?? '';
        if (markers.some((marker) => text.includes(marker))) found.push(request.url);
      }
    }
    return found;
  });
}

test('a live device never downloads demo code, and its worker keeps none', async ({ page, context }) => {
  await useLiveNationalServices(context);
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(request.url()));
  const screen = new LookupScreen(page);
  await screen.open();
  await controlPageByServiceWorker(page);
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();

  expect(fetched.filter(isDemoCode)).toEqual([]);
  const cached = Object.values(await cacheStorageUrls(page)).flat();
  // The precache is installed (so the check below looked at something), and it holds no demo code.
  expect(cached.some((url) => new URL(url).pathname === '/index.html')).toBe(true);
  expect(cached.filter(isDemoCode)).toEqual([]);
  expect(await cachedDemoCode(page)).toEqual([]);
});

test('a demo started once, before the worker controlled the page, starts again with no signal', async ({ page, context }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  await expect(page.getByRole('region', { name: 'Demo mode' })).toContainText('DEMO');
  // The first visit: the worker installs, but it did not see this page load the demo code.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  const demoCodeLoaded = [...new Set(loaded.filter(isDemoCode))].sort();
  expect(demoCodeLoaded).toContainEqual(expect.stringMatching(/\/demo-transport-.+\.js$/));
  // The app keeps what it loaded once the page is idle.
  await expect.poll(async () => ((await cacheStorageUrls(page))['crl-demo-code'] ?? []).sort()).toEqual(demoCodeLoaded);

  await context.setOffline(true);
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await expect(page.getByRole('region', { name: 'Demo mode' })).toContainText('DEMO');
  // The synthetic services answer in the page: a trainer can still run a search.
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
});
