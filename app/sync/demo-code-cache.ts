/**
 * Demo code offline, on demo devices only (docs/service-worker.md "Demo code"). The build puts
 * the demo transport, the synthetic services and MSW in `assets/demo/` and leaves them out of the
 * precache, so live tablets never download them. The worker serves `assets/demo/` from
 * DEMO_CODE_CACHE (cache first). A demo device fills that cache here, with the demo chunks this
 * page has just loaded: on the first visit the worker does not control the page yet, so it never
 * saw those requests, and without this a demo would not start offline the next time.
 */

/** Where the build writes demo-only chunks (vite.config.ts). */
export const DEMO_CODE_DIR = 'assets/demo/';
/** The worker's runtime cache for them (vite.config.ts, runtimeCaching). */
export const DEMO_CODE_CACHE = 'crl-demo-code';

export interface DemoCodeEnvironment {
  readonly caches: CacheStorage;
  /** Same-origin URLs this page has fetched (Resource Timing). */
  loadedUrls(): readonly string[];
  readonly origin: string;
  /** Resolves when a worker is there to use the cache and the page is idle: the demo comes first. */
  settled(): Promise<void>;
  /** The copy this page already loaded (the HTTP cache's, even if stale), else the network's. */
  fetchCopy(url: string): Promise<Response>;
}

function isDemoCode(url: string, origin: string): boolean {
  const parsed = new URL(url);
  return parsed.origin === origin && parsed.pathname.startsWith(`/${DEMO_CODE_DIR}`);
}

/**
 * Demo mode: keep exactly this version's demo chunks (older versions' go). Live mode: drop the
 * cache, so a tablet that once ran the demo carries none of it. Never throws: the demo still
 * runs online if the cache cannot be written (storage full, private window).
 */
export async function keepDemoCodeForOffline(mode: 'demo' | 'live', env: DemoCodeEnvironment): Promise<void> {
  try {
    if (mode === 'live') {
      await env.caches.delete(DEMO_CODE_CACHE);
      return;
    }
    await env.settled();
    const loaded = new Set(env.loadedUrls().filter((url) => isDemoCode(url, env.origin)));
    if (loaded.size === 0) return;
    const cache = await env.caches.open(DEMO_CODE_CACHE);
    const held = await cache.keys();
    await Promise.all(held.filter((request) => !loaded.has(request.url)).map((request) => cache.delete(request)));
    const heldUrls = new Set(held.map((request) => request.url));
    for (const url of [...loaded].filter((u) => !heldUrls.has(u))) {
      const response = await env.fetchCopy(url);
      if (response.ok) await cache.put(url, response);
    }
  } catch (error) {
    console.warn('demo code could not be kept for offline use', error);
  }
}

/** The browser's environment; undefined where there is no worker to serve the cache. */
export function browserDemoCodeEnvironment(): DemoCodeEnvironment | undefined {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || typeof caches === 'undefined') return undefined;
  return {
    caches,
    loadedUrls: () => performance.getEntriesByType('resource').map((entry) => entry.name),
    origin: window.location.origin,
    settled: async () => {
      await navigator.serviceWorker.ready;
      // Safari has no requestIdleCallback.
      await new Promise<void>((resolve) => ('requestIdleCallback' in window ? requestIdleCallback(() => resolve(), { timeout: 10_000 }) : setTimeout(resolve, 1_000)));
    },
    fetchCopy: (url) => fetch(url, { cache: 'force-cache' }),
  };
}
