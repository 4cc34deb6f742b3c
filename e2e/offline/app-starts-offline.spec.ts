import { test, expect } from '@playwright/test';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';
import { controlPageByServiceWorker } from '../support/service-worker';

/**
 * Airplane mode after one visit with signal (issue 4, item 1): the app shell, every chunk and
 * the pdf.js worker come from the service worker's precache; /config.json from the copy the
 * device saved (app/config/load-config.ts).
 */

test('after one visit the demo starts with no signal, and a saved PDF plan opens and reads', async ({ page, context }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  await controlPageByServiceWorker(page);
  await page.getByRole('button', { name: /Crisis plan \(PDF\)/ }).click();
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();

  await context.setOffline(true);
  const viewerCode: { url: string; fromWorker: boolean }[] = [];
  page.on('response', (response) => {
    if (/\/assets\/(pdf|plan-document-view)/.test(response.url())) viewerCode.push({ url: response.url(), fromWorker: response.fromServiceWorker() });
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await expect(screen.nhsNumber).toBeVisible();
  await expect(page.getByRole('region', { name: 'Demo mode' })).toContainText('DEMO');

  // A fresh page with no signal: the plan viewer and pdf.js can only come from the precache.
  await page.getByRole('list', { name: 'Saved on this device' }).getByRole('button', { name: /Amelia CROSSLEY/ }).click();
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');
  await expect(page.getByRole('group', { name: 'Page 1 of 2' })).toBeVisible();
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  expect(viewerCode.map((entry) => new URL(entry.url).pathname)).toEqual(
    expect.arrayContaining([expect.stringMatching(/\/pdf-plan-view-.+\.js$/), expect.stringMatching(/\/pdf\.worker\.min-.+\.mjs$/)]),
  );
  expect(viewerCode.filter((entry) => !entry.fromWorker)).toEqual([]);
});

test('after one visit a live device starts with no signal, still live, on the settings it saved', async ({ page, context }) => {
  await useLiveNationalServices(context);
  const screen = new LookupScreen(page);
  await screen.open();
  await controlPageByServiceWorker(page);
  await expect(page.getByRole('region', { name: 'Demo mode' })).toHaveCount(0);

  // From here the only /config.json anywhere is the preview server's, which says "demo": had
  // the app fetched it, it would start as a demo.
  await context.unrouteAll({ behavior: 'wait' });
  await context.setOffline(true);
  await page.reload();
  // The shift PIN opens what this tablet saved (issue 11), with no signal.
  await screen.enterShiftPin();
  await expect(screen.nhsNumber).toBeVisible();
  await expect(page.getByRole('region', { name: 'Demo mode' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'This device is not set up correctly' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Offline' })).toBeVisible();
  // Offline is no reason to mention the settings: that notice is for a broken server file.
  await expect(page.getByText('Using the settings saved on this device')).toHaveCount(0);
});
