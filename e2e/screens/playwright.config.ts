import { defineConfig } from '@playwright/test';
import base from '../playwright.config';

/**
 * The screenshot run (issue 9, "Done when"): every screen in light and dark on both tablets,
 * written to e2e/.output/screens/ for a person to look at. Not part of `npm test`: the main
 * config matches only *.spec.ts, and this one only *.shots.ts. It reuses the main config's
 * browser, free port, `vite preview` of dist/ and the local CIS2-like provider; only the paths
 * (relative to this folder) and the single worker differ.
 *
 *   npm run build && npm run screenshots
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.shots.ts',
  outputDir: '../.output/screens-results',
  globalSetup: '../support/identity-setup.ts',
  // One at a time: the shift PIN's key derivation is slow, and the machine is shared.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  // A tablet set up in England: dates and times as the crew reads them.
  // Chromium draws a date box (the access history's From and To) in its own language's order, so
  // it is started in English (UK) too: that takes LANG as well as --lang, and Debian's
  // `chromium-l10n` package (en-GB.pak); with only en-US installed the boxes read month first.
  use: {
    ...base.use,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    launchOptions: { ...base.use?.launchOptions, args: ['--lang=en-GB'], env: { ...process.env, LANG: 'en_GB.UTF-8', LANGUAGE: 'en_GB:en' } },
  },
  webServer: { ...base.webServer!, cwd: '../..' } as typeof base.webServer,
});
