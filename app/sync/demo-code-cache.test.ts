import { describe, expect, it, vi } from 'vitest';
import { DEMO_CODE_CACHE, keepDemoCodeForOffline, type DemoCodeEnvironment } from './demo-code-cache';

const ORIGIN = 'https://crew.example';

/** An in-memory CacheStorage with just what the module uses; add() "fetches" by remembering. */
function fakeCaches(initial: Record<string, string[]> = {}) {
  const stores = new Map(Object.entries(initial).map(([name, urls]) => [name, new Set(urls)]));
  const caches = {
    open: vi.fn(async (name: string) => {
      const urls = stores.get(name) ?? new Set<string>();
      stores.set(name, urls);
      return {
        keys: async () => [...urls].map((url) => new Request(url)),
        delete: async (request: Request) => urls.delete(request.url),
        put: async (url: string) => void urls.add(url),
      };
    }),
    delete: vi.fn(async (name: string) => stores.delete(name)),
  };
  return { caches: caches as unknown as CacheStorage, stores };
}

function env(caches: CacheStorage, loaded: string[], status = 200): DemoCodeEnvironment {
  return { caches, loadedUrls: () => loaded, origin: ORIGIN, settled: async () => undefined, fetchCopy: async () => new Response('', { status }) };
}

describe('keepDemoCodeForOffline', () => {
  it('demo mode: keeps the demo chunks this page loaded, and only those of our origin and folder', async () => {
    const { caches, stores } = fakeCaches();
    await keepDemoCodeForOffline(
      'demo',
      env(caches, [
        `${ORIGIN}/assets/index-a1.js`,
        `${ORIGIN}/assets/demo/demo-transport-b2.js`,
        `${ORIGIN}/assets/demo/core-c3.js`,
        'https://other.example/assets/demo/evil.js',
      ]),
    );
    expect([...stores.get(DEMO_CODE_CACHE)!].sort()).toEqual([`${ORIGIN}/assets/demo/core-c3.js`, `${ORIGIN}/assets/demo/demo-transport-b2.js`]);
  });

  it("demo mode: a new version's chunks replace the old version's", async () => {
    const { caches, stores } = fakeCaches({ [DEMO_CODE_CACHE]: [`${ORIGIN}/assets/demo/core-old.js`, `${ORIGIN}/assets/demo/core-c3.js`] });
    await keepDemoCodeForOffline('demo', env(caches, [`${ORIGIN}/assets/demo/core-c3.js`, `${ORIGIN}/assets/demo/handlers-d4.js`]));
    expect([...stores.get(DEMO_CODE_CACHE)!].sort()).toEqual([`${ORIGIN}/assets/demo/core-c3.js`, `${ORIGIN}/assets/demo/handlers-d4.js`]);
  });

  it('demo mode: a copy that cannot be had (offline, 404) is not kept', async () => {
    const { caches, stores } = fakeCaches();
    await keepDemoCodeForOffline('demo', env(caches, [`${ORIGIN}/assets/demo/core-c3.js`], 404));
    expect([...stores.get(DEMO_CODE_CACHE)!]).toEqual([]);
  });

  it('live mode: a tablet that once ran the demo drops its demo code', async () => {
    const { caches, stores } = fakeCaches({ [DEMO_CODE_CACHE]: [`${ORIGIN}/assets/demo/core-c3.js`], 'workbox-precache-v2': [`${ORIGIN}/index.html`] });
    await keepDemoCodeForOffline('live', env(caches, []));
    expect([...stores.keys()]).toEqual(['workbox-precache-v2']);
  });

  it('never throws: the demo still runs online when the cache cannot be written', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const caches = { open: vi.fn().mockRejectedValue(new DOMException('full', 'QuotaExceededError')) } as unknown as CacheStorage;
    await expect(keepDemoCodeForOffline('demo', env(caches, [`${ORIGIN}/assets/demo/core-c3.js`]))).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });
});
