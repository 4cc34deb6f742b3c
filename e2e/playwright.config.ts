import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Playwright cannot download browsers here: drive Debian's Chromium (.ci/ensure-chromium.sh).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A free port, never a fixed one: `npm start` (4173) or another checkout's tests may be running.
// Playwright loads this file in the runner and again in each worker; workers inherit the runner's
// environment, so the port chosen first is the one every process uses.
process.env.CRL_E2E_PORT ??= execFileSync(
  process.execPath,
  ['-e', "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });"],
  { encoding: 'utf8' },
);
const port = Number(process.env.CRL_E2E_PORT);

if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
  throw new Error('e2e tests run against the production build: run `npm run build` first (npm test does).');
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: './.output/results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // The longest journeys (a whole lookup, offline and back, then an axe scan) take 15-20 s on a
  // quiet machine and came within a few seconds of 30 s on a busy one: room, not a retry.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // The local CIS2-like OpenID provider (mocks/identity/README.md): its issuer reaches the
  // workers as CRL_IDP_ISSUER (e2e/support/live-auth.ts liveAuthConfig()).
  globalSetup: './support/identity-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A 10-inch in-vehicle tablet in landscape.
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath },
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    cwd: '..',
    url: `http://127.0.0.1:${port}`,
    // Never someone else's server: it may be another build, or demo mode started by hand.
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
