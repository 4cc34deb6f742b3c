import { test, expect } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { LIVE_CONFIG } from '../support/national-services';

test('a wrong settings file stops the app with a screen naming the bad key', async ({ page, context }) => {
  const config = { ...LIVE_CONFIG, services: { ...LIVE_CONFIG.services, nrl: 'http://gateway.test.example/nrl' } };
  await context.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This device is not set up correctly');
  await expect(alert).toContainText('services.nrl');
  await expect(alert).toContainText('https://');
  await expect(page.getByLabel('NHS number', { exact: true })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
