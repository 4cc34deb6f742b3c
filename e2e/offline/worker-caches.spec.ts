import { test, expect } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';
import { cacheStorageUrls, controlPageByServiceWorker } from '../support/service-worker';

/** What the service worker may keep: the app's own files, never clinical data (issue 4, item 1). */

test('a lookup through the service worker leaves no national-service response in its caches', async ({ page, context }) => {
  const services = await useLiveNationalServices(context);
  const screen = new LookupScreen(page);
  await screen.open();
  await controlPageByServiceWorker(page);

  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await expect(screen.crisisTeam).toContainText('Mental health crisis resolution team');
  const asked = services.requests.map((request) => new URL(request.url()).origin);
  expect(asked).toContain('https://gateway.test.example');

  const cached = Object.values(await cacheStorageUrls(page)).flat();
  const appOrigin = new URL(page.url()).origin;
  // The precache is there (Workbox keys the shell with a revision query).
  expect(cached.some((url) => new URL(url).pathname === '/index.html')).toBe(true);
  expect(cached.filter((url) => new URL(url).origin !== appOrigin)).toEqual([]);
  expect(cached.filter((url) => new URL(url).pathname === '/config.json')).toEqual([]);
});

test('the worker never answers a file request with the app: /config.json opens as the file', async ({ page }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  await controlPageByServiceWorker(page);

  const response = await page.goto('/config.json');
  expect(response?.headers()['content-type']).toContain('application/json');
  await expect(page.locator('body')).toContainText('"mode"');
  await expect(screen.nhsNumber).toHaveCount(0);
});
