import { test, expect } from '@playwright/test';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';
import { controlPageByServiceWorker } from '../support/service-worker';

/**
 * The first screen is in the HTML the server sends (issue 13 point 4, .ci/first-screen-html.ts):
 * the NHS.UK header and a "Starting…" status paint before any JavaScript arrives. Nothing on it
 * can be typed into or pressed to reach a patient, and it never says demo.
 */

const STARTING = 'Starting Crew Record Locator…';

test('the HTML the server sends holds the header and the starting status, and no form or demo', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const root = /<div id="root">([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? '';
  expect(root).toContain('<header class="nhsuk-header" role="banner">');
  expect(root).toContain('<span class="nhsuk-header__service-name">Crew Record Locator</span>');
  expect(root).toContain(`<p class="nhsuk-body-l" role="status">${STARTING}</p>`);
  expect(root).not.toMatch(/<(input|form|select|textarea)\b/);
  expect(root).not.toMatch(/DEMO|Synthetic|crl-app--demo/);
});

test('with no JavaScript at all, the header and the starting status are on screen', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('banner')).toContainText('Crew Record Locator');
  await expect(page.getByRole('status')).toHaveText(STARTING);
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await context.close();
});

test('live: React takes the painted screen over with no mismatch, and the sign-in page follows', async ({ page, context }) => {
  await useLiveNationalServices(context);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(new LookupScreen(page).signInButton).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: STARTING })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Demo mode' })).toHaveCount(0);
  // A hydration mismatch is reported as a console error (React 19): the build's markup drifted.
  expect(errors.filter((text) => /hydrat|#418|#423|#425/i.test(text))).toEqual([]);
});

test('a dark tablet gets the dark theme before the first paint, and the toggle says so once React runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: true, colorScheme: 'dark' });
  const page = await context.newPage();
  // The theme is on <html> before the body is parsed: read at the first moment the body exists.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') (window as unknown as { themeAtParse: string | null }).themeAtParse ??= document.documentElement.getAttribute('data-theme');
    });
  });
  await page.goto('/');
  expect(await page.evaluate(() => (window as unknown as { themeAtParse: string | null }).themeAtParse)).toBe('dark');
  await expect(page.getByRole('button', { name: 'Dark mode: on' })).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});

test('offline, the service worker serves the same prerendered index.html', async ({ page, context }) => {
  await useLiveNationalServices(context);
  await new LookupScreen(page).open();
  await controlPageByServiceWorker(page);
  await context.setOffline(true);
  const html = await page.evaluate(async () => (await fetch('/')).text());
  expect(html).toContain(`<p class="nhsuk-body-l" role="status">${STARTING}</p>`);
  expect(html).toContain('<span class="nhsuk-header__service-name">Crew Record Locator</span>');
});
