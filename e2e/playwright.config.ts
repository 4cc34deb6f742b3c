import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Playwright cannot download browsers here: drive Debian's Chromium (.ci/ensure-chromium.sh).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = 4173;

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
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
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
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
