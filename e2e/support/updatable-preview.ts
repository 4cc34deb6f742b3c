import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import { preview, type Plugin } from 'vite';
import { startIdentityProvider } from '../../mocks/identity/identity-provider';

/**
 * A second `vite preview` of the same production build, whose /sw.js can be swapped for a new
 * version mid-test: the way a deployment reaches a tablet that already has the app.
 *
 * Why not `context.route('/sw.js')`: Playwright routes the first fetch of a worker script but
 * not the browser's update checks (playwright #14711; checked on 1.65.1 with Chromium 156: the
 * update request never reached the route and no new worker installed). So the new version has
 * to come from a real server, as in production.
 */
export interface UpdatablePreview {
  readonly url: string;
  /** From now on /sw.js is a new version: the built worker plus one line that says so. */
  publishNewVersion(): void;
  /** From now on /sw.js is the ready-to-deploy kill switch, docs/kill-switch/sw.js. */
  publishKillSwitch(): void;
  close(): Promise<void>;
}

/** The new version answers this question, so a test can tell which worker controls the page. */
export const WHICH_VERSION = 'which version?';
export const NEW_VERSION = 'new version';

const root = fileURLToPath(new URL('../..', import.meta.url));
const builtWorker = new URL('../../dist/sw.js', import.meta.url);
const killSwitch = new URL('../../docs/kill-switch/sw.js', import.meta.url);

/** The built worker plus one line, so the bytes differ and the new one can say which it is. */
const newVersionOf = (built: string) =>
  `${built}\nself.addEventListener('message', (event) => { if (event.data === ${JSON.stringify(WHICH_VERSION)}) event.ports[0]?.postMessage(${JSON.stringify(NEW_VERSION)}); });\n`;

export async function startUpdatablePreview(): Promise<UpdatablePreview> {
  let served: 'built' | 'new version' | 'kill switch' = 'built';
  const swapWorker: Plugin = {
    name: 'e2e-new-service-worker-version',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        if (served === 'built' || request.url?.split('?')[0] !== '/sw.js') return next();
        const body = served === 'kill switch' ? readFile(killSwitch, 'utf8') : readFile(builtWorker, 'utf8').then(newVersionOf);
        void body.then((script) => {
          response.setHeader('Content-Type', 'text/javascript');
          response.setHeader('Cache-Control', 'no-cache');
          response.end(script);
        }, next);
      });
    },
  };
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [swapWorker],
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    publishNewVersion: () => void (served = 'new version'),
    publishKillSwitch: () => void (served = 'kill switch'),
    close: () => server.close(),
  };
}

/** A test with its own updatable server (`server.url` instead of the config's baseURL). */
export const updatableTest = base.extend<{ server: UpdatablePreview; authority: string }>({
  // Playwright reads a fixture's dependencies from this pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startUpdatablePreview();
    await use(server);
    await server.close();
  },
  /** A CIS2-like provider registered for this server's origin (the run-wide one knows only the main port). */
  authority: async ({ server }, use) => {
    const provider = await startIdentityProvider({ appOrigins: [new URL(server.url).origin] });
    await use(provider.issuer);
    await provider.close();
  },
});
