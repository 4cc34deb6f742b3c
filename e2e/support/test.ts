import { test as base, expect } from '@playwright/test';
import { LookupScreen } from './lookup-screen';
import { useLiveNationalServices, type NationalServicesRecorder } from './national-services';

/**
 * Journeys in live mode: the app's real fetch transport, /config.json saying "live", and the
 * national services answered at the browser context's boundary by the shared mocks.
 */
export const liveTest = base.extend<{ services: NationalServicesRecorder; lookup: LookupScreen }>({
  services: async ({ context }, use) => {
    await use(await useLiveNationalServices(context));
  },
  lookup: async ({ page, services }, use) => {
    void services; // routes must be in place before the page loads
    const screen = new LookupScreen(page);
    await screen.open();
    await use(screen);
  },
});

export { expect };
