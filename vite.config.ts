/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { META_POLICY } from './.ci/content-security-policy.mjs';
import { firstScreenHtml, themeBeforePaint } from './.ci/first-screen-html';
import { DEMO_CODE_CACHE, DEMO_CODE_DIR } from './app/sync/demo-code-cache';
import { localIdentityProvider } from './mocks/identity/vite-plugin';

const NHS_BLUE = '#005eb8';

/**
 * The built index.html carries the policy as a <meta> fallback, first in <head> so it covers every
 * script and stylesheet after it (docs/deployment.md#content-security-policy). Build only: the dev
 * server injects inline scripts (React refresh) that the policy would rightly refuse.
 */
const contentSecurityPolicyMeta: Plugin = {
  name: 'crl-content-security-policy-meta',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html) {
      const charset = /<meta charset="UTF-8" \/>/i;
      if (!charset.test(html)) throw new Error('index.html: the policy goes right after <meta charset>, which is missing');
      return html.replace(charset, (tag) => `${tag}\n    <meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`);
    },
  },
};

/** Where demo mode enters: the demo transport, the synthetic services in mocks/, and MSW. */
const DEMO_ROOTS = [fileURLToPath(new URL('./app/services/demo-transport.ts', import.meta.url)), fileURLToPath(new URL('./mocks/', import.meta.url))];
const isDemoRoot = (id: string) => DEMO_ROOTS.some((root) => id.startsWith(root)) || id.includes('/node_modules/msw/');

/**
 * Live tablets do not carry the demo (docs/service-worker.md "Demo code"). From the module graph,
 * not from names: a module is demo-only when the app's entry reaches it only through a demo root
 * (so MSW's own dependencies count too). A chunk made only of demo-only modules is written to
 * assets/demo/, which the precache leaves out and the worker caches on first use instead. A chunk
 * that mixes demo and live code stays in assets/, where .ci/bundle-budget.mjs fails the build.
 */
function demoCodeApart(): Plugin {
  let demoOnly = new Set<string>();
  return {
    name: 'crl-demo-code-apart',
    apply: 'build',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            chunkFileNames: (chunk) => {
              // A facade chunk (a dynamic entry whose code sits in another chunk) has no modules of its own.
              const ids = chunk.moduleIds.length > 0 ? chunk.moduleIds : [chunk.facadeModuleId ?? ''];
              return ids.every((id) => demoOnly.has(id)) ? `${DEMO_CODE_DIR}[name]-[hash].js` : 'assets/[name]-[hash].js';
            },
          },
        },
      },
    }),
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const live = new Set<string>();
      const queue = ids.filter((id) => this.getModuleInfo(id)?.isEntry);
      while (queue.length > 0) {
        const id = queue.pop()!;
        if (live.has(id) || isDemoRoot(id)) continue;
        live.add(id);
        const info = this.getModuleInfo(id);
        queue.push(...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? []));
      }
      demoOnly = new Set(ids.filter((id) => !live.has(id)));
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicyMeta,
    // The first screen paints before the JavaScript arrives (issue 13; docs/performance.md).
    themeBeforePaint(),
    firstScreenHtml(),
    demoCodeApart(),
    // `CRL_IDP=1 npm run dev` only: a local CIS2-like OpenID provider (mocks/identity/README.md).
    localIdentityProvider(),
    // The service worker (docs/service-worker.md): precaches the app shell and every chunk but
    // the demo code, so the app starts in airplane mode. It never caches national-service
    // responses: clinical data lives only in the app's own database.
    VitePWA({
      strategies: 'generateSW',
      // A new version waits for the crew to press Reload; it never reloads mid-job.
      registerType: 'prompt',
      // app/sync/service-worker-updates.ts registers, once, outside React.
      injectRegister: false,
      includeManifestIcons: true,
      includeAssets: ['icons/icon.svg'],
      manifest: {
        id: '/',
        name: 'Crew Record Locator',
        short_name: 'Crew Records',
        description: "Find a patient's mental health crisis plan and crisis team by NHS number, even with no signal.",
        lang: 'en-GB',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        theme_color: NHS_BLUE,
        background_color: '#f0f4f5',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every emitted chunk, lazy ones included, and the pdf.js worker (.mjs), so every screen
        // works offline; the manifest, its icons and includeAssets are added by the plugin. Not
        // json: /config.json is fetched network-first by the app itself (app/config/load-config.ts),
        // never from the precache. Not .map: sourcemaps are for us. Not assets/demo/: demo code
        // is cached on first use of demo mode (below), never on a live tablet.
        globPatterns: ['**/*.{js,mjs,css,html}'],
        globIgnores: ['**/config.json', '**/*.map', `${DEMO_CODE_DIR}**`],
        // The pdf.js worker is ~1.24 MB; a file above this fails the build rather than being
        // silently left out of the precache (a half-offline app).
        maximumFileSizeToCacheInBytes: 2.5 * 1024 * 1024,
        navigateFallback: 'index.html',
        // Only app routes get the shell: never a file (config.json, a PDF, sw.js) or an API path.
        navigateFallbackDenylist: [/\/[^/?]+\.[a-z0-9]+(?:\?.*)?$/i, /^\/api\//],
        cleanupOutdatedCaches: true,
        // Only the app's own demo code, once a demo device has loaded it (app/sync/demo-code-cache.ts
        // fills the same cache). A RegExp route matches other origins only from their start, so
        // nothing from the national services can enter Cache Storage (issue 4, item 1).
        runtimeCaching: [
          {
            urlPattern: new RegExp(`/${DEMO_CODE_DIR}[^/]+\\.js$`),
            handler: 'CacheFirst',
            options: {
              cacheName: DEMO_CODE_CACHE,
              cacheableResponse: { statuses: [200] },
              // Servers answer with Vary: Origin; module scripts send an Origin, the page's copy did not.
              matchOptions: { ignoreVary: true },
            },
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts', '.ci/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['app/test-setup.ts'],
    restoreMocks: true,
    // The slowest tests (a whole access-history page rendered and filtered) take about 1 s on a
    // quiet machine and passed 5 s when the machine ran builds beside them: room, not a retry.
    testTimeout: 15_000,
    // The PWA plugin's virtual module exists only in builds; tests get an inert stand-in.
    alias: { 'virtual:pwa-register': fileURLToPath(new URL('./app/test-support/pwa-register.ts', import.meta.url)) },
  },
});
