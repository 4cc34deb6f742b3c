import type { BrowserContext } from '@playwright/test';

/**
 * Demo mode must never reach a network: every request to anywhere but the app's own server is
 * refused and listed, so a journey can end by asserting the list is empty.
 */
export async function refuseRequestsOutsideTheApp(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      outside.push(route.request().url());
      return route.abort();
    },
  );
  return outside;
}
