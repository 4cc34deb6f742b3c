import { test, expect } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { LookupScreen } from '../support/lookup-screen';
import { refuseRequestsOutsideTheApp } from '../support/outside-requests';

/**
 * A trainer shows what crews see with no signal, in demo mode (no /config.json: the demo), and
 * resets the demo for the next session (docs/decisions.md 9).
 */
test('a trainer simulates no signal, brings it back, and resets the demo', async ({ page, context }) => {
  const outside = await refuseRequestsOutsideTheApp(context);
  const screen = new LookupScreen(page);
  await screen.open();
  const tools = page.getByRole('region', { name: 'Trainer tools' });
  const noSignal = tools.getByRole('checkbox', { name: 'Simulate no signal' });
  const offline = page.getByRole('region', { name: 'Offline' });
  await expect(noSignal).not.toBeChecked();
  await expect(offline).toHaveCount(0);

  // With signal: looked up and saved on the device, as a crew would before losing it.
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();

  await noSignal.check();
  await expect(offline).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The same patient opens from the device, with when it was retrieved.
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const savedCopy = page.getByRole('region', { name: 'Saved on this device' });
  await expect(savedCopy).toContainText(/Retrieved \d\d:\d\d, just now/);
  await expect(savedCopy).toContainText('No signal. This is the copy saved on this device');
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();

  // A patient never looked up here waits for the signal.
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
  await expect(page.getByText(/The search is waiting and will run by itself/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  await expect(page.getByRole('list', { name: 'Searches waiting for signal' })).toContainText('999 000 0042');
  // The demo's access records cannot reach its audit service either.
  await expect(page.getByText(/waiting to be sent to your trust’s audit service/)).toBeVisible();

  // The signal returns: the waiting search runs by itself and the crew is told.
  await noSignal.uncheck();
  await expect(offline).toHaveCount(0);
  const finished = page.getByRole('region', { name: 'A search that waited for signal has finished' });
  await expect(finished).toContainText('999 000 0042');
  await expect(finished).toContainText('No crisis plan found');
  await expect(page.getByRole('list', { name: 'Searches waiting for signal' })).toHaveCount(0);
  await expect(page.getByText(/waiting to be sent to your trust’s audit service/)).toHaveCount(0);
  const saved = page.getByRole('list', { name: 'Saved on this device' });
  await expect(saved.getByRole('button')).toHaveCount(2);

  // Reset demo: asks first, then empties the device for the next session.
  await tools.getByRole('button', { name: 'Reset demo' }).click();
  await expect(tools.getByRole('group', { name: 'Reset the demo?' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await tools.getByRole('button', { name: 'Yes, reset the demo' }).click();
  await expect(tools.getByRole('status')).toHaveText('The demo has been reset.');
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();
  await expect(saved).toHaveCount(0);
  await expect(finished).toHaveCount(0);
  await expect(noSignal).not.toBeChecked();

  expect(outside).toEqual([]);
});

test('a reset while no signal is simulated deletes the waiting search rather than running it', async ({ page }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  const tools = page.getByRole('region', { name: 'Trainer tools' });
  await tools.getByRole('checkbox', { name: 'Simulate no signal' }).check();
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(page.getByText(/The search is waiting and will run by itself/)).toBeVisible();

  await tools.getByRole('button', { name: 'Reset demo' }).click();
  await tools.getByRole('button', { name: 'Yes, reset the demo' }).click();
  await expect(tools.getByRole('status')).toHaveText('The demo has been reset.');
  await expect(page.getByRole('region', { name: 'Offline' })).toHaveCount(0);
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();

  // A search made after the signal returned finishes after any queued one would have.
  await screen.search(SCENARIOS.planHtml.nhsNumber);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  const saved = page.getByRole('list', { name: 'Saved on this device' });
  await expect(saved.getByRole('button')).toHaveCount(1);
  await expect(saved).not.toContainText('999 000 0042');
  await expect(page.getByRole('region', { name: 'A search that waited for signal has finished' })).toHaveCount(0);
});
