import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';

/** /config.json network-first with the last good copy (docs/service-worker.md, settings table). */

test('a live device whose settings file goes missing stays live on its saved settings, and says so', async ({ page, context }) => {
  await useLiveNationalServices(context);
  const screen = new LookupScreen(page);
  await screen.open();
  await expect(page.getByRole('region', { name: 'Demo mode' })).toHaveCount(0);

  // A later deployment loses the file: on a fresh device that would mean demo mode.
  await context.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.reload();
  await screen.signInIfAsked();
  await expect(screen.nhsNumber).toBeVisible();
  await expect(page.getByRole('region', { name: 'Demo mode' })).toHaveCount(0);
  const notice = page.getByRole('status').filter({ hasText: 'Using the settings saved on this device' });
  await expect(notice).toContainText('Tell your service desk.');
  await expectNoSeriousA11yViolations(page);
});
