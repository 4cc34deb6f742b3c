import { expect } from '@playwright/test';
import { LookupScreen } from '../support/lookup-screen';
import { cacheStorageUrls, controlPageByServiceWorker, finishUpdateChecks } from '../support/service-worker';
import { updatableTest as test } from '../support/updatable-preview';

/**
 * docs/kill-switch/sw.js, deployed at /sw.js, retires a worker stuck in the field
 * (docs/service-worker.md "Kill switch"): caches gone, worker gone, the app comes from the
 * network again, and nothing the crew has saved is touched.
 */
test('the kill switch retires the worker without reloading the crew’s screen or touching saved plans', async ({ page, server }) => {
  await page.clock.install();
  const screen = new LookupScreen(page);
  await page.goto(server.url);
  await expect(screen.nhsNumber).toBeVisible();
  await controlPageByServiceWorker(page);
  await page.getByRole('button', { name: /Crisis plan \(PDF\)/ }).click();
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  expect(Object.keys(await cacheStorageUrls(page))).not.toEqual([]);
  await page.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true));

  await finishUpdateChecks(page);
  server.publishKillSwitch();
  await page.clock.fastForward('01:00:01');
  await expect.poll(() => cacheStorageUrls(page)).toEqual({});
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

  // The crew's screen stays as it was; the prompt invites a reload when they are ready.
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true);
  await expect(page.getByRole('region', { name: 'Update' })).toContainText('A new version is ready');

  await page.reload();
  await expect(screen.nhsNumber).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  await expect(page.getByRole('list', { name: 'Saved on this device' })).toContainText('Amelia CROSSLEY');
});
