import { expect, type Page } from '@playwright/test';
import { LookupScreen } from './lookup-screen';

/**
 * Waits until the app's service worker has installed (precache complete), then reloads so it
 * controls the page: with registerType "prompt" the worker does not claim the page that
 * registered it (stack-notes §2.7).
 */
export async function controlPageByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Live mode keeps tokens in memory only: the reloaded page asks for sign-in (one tap in CIS2's session).
  await new LookupScreen(page).signInIfAsked();
}

/**
 * Lets any update check already under way finish before a test publishes a new /sw.js.
 *
 * Chromium schedules its own update check after a navigation (deferred while the page is still
 * fetching), and an update() made while a check is in flight joins that check rather than
 * starting another (the spec's "equivalent job"). Without this, the app's hourly check could
 * join a check that fetched the old /sw.js just before the new one was published, and find
 * nothing: seen once in CI. Awaiting update() here joins and finishes any such check, so every
 * check after it fetches what the server serves next.
 */
export async function finishUpdateChecks(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

/** Every URL held in this origin's Cache Storage, by cache name. */
export async function cacheStorageUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const result: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = (await cache.keys()).map((request) => request.url);
    }
    return result;
  });
}

/** Asks the controlling worker a question over a MessageChannel; "no answer" after 2 s. */
export async function askController(page: Page, question: string): Promise<unknown> {
  return page.evaluate(
    (q) =>
      new Promise((resolve) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return resolve('no controller');
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        controller.postMessage(q, [channel.port2]);
        setTimeout(() => resolve('no answer'), 2_000);
      }),
    question,
  );
}
