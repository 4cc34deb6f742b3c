import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { LookupScreen } from '../support/lookup-screen';
import { controlPageByServiceWorker } from '../support/service-worker';
import { LIVE_CONFIG, useLiveNationalServices } from '../support/national-services';
import { expect, liveTest as test } from '../support/test';

test('a plan looked up with signal opens with none, with its retrieved time and the team to call', async ({ lookup: screen, page, context }) => {
  // As on a crew's tablet: the worker has the app (pdf.js included) in its precache.
  await controlPageByServiceWorker(page);
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();

  await context.setOffline(true);
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(page.getByRole('region', { name: 'Offline' })).toBeVisible();
  const notice = page.getByRole('region', { name: 'Saved on this device' });
  await expect(notice).toContainText(/Retrieved \d\d:\d\d, just now/);
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');
  await expect(screen.crisisTeam.getByRole('link', { name: /Crisis line \(24 hours\)/ })).toHaveAttribute('href', 'tel:01632960417');
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('a search with no signal and nothing saved waits, and runs by itself when the signal returns', async ({ lookup: screen, page, context, services }) => {
  await context.setOffline(true);
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
  await expect(page.getByText(/The search is waiting and will run by itself/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  // The app keeps probing for signal; nothing runs while there is none.
  const probes = () => services.requests.filter((r) => r.method() === 'HEAD').length;
  await expect.poll(probes).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: 'A search that waited for signal has finished' })).toHaveCount(0);

  await context.setOffline(false);
  const finished = page.getByRole('region', { name: 'A search that waited for signal has finished' });
  await expect(finished).toContainText('999 000 0042');
  await expect(finished).toContainText('No crisis plan found');
  // The waiting card gives way to the result it was waiting for.
  await expect(page.getByText(/The search is waiting/)).toHaveCount(0);
  await finished.getByRole('button', { name: /Open/ }).click();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Offline' })).toHaveCount(0);
});

test('saved plans are listed, and Clear this device deletes them', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  const saved = page.getByRole('list', { name: 'Saved on this device' });
  await expect(saved.getByRole('button')).toHaveCount(1);
  await expect(saved).toContainText('Amelia CROSSLEY');
  await expect(saved).toContainText('999 000 0018');

  // On a 1024×768 tablet the button sits at the foot of the screen: the question comes into view whole.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Clear this device' }).click();
  await expect(page.getByRole('button', { name: 'Yes, clear this device' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Yes, clear this device' }).click();
  // The key that sealed them went with them: a new shift PIN seals what is saved next (issue 11).
  await screen.enterShiftPin();
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();
});

test.describe('retention', () => {
  test('plans are deleted from the device once past the retention time', async ({ page, context }) => {
    // 0.01 h = 36 s: the clock is moved on rather than waited for.
    await page.clock.install();
    await useLiveNationalServices(context, { ...LIVE_CONFIG, retentionHours: 0.01 });
    const screen = new LookupScreen(page);
    await screen.open();
    await screen.search(SCENARIOS.planPdf.nhsNumber);
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
    await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
    await expect(page.getByRole('list', { name: 'Saved on this device' })).toContainText('Amelia CROSSLEY');

    await page.clock.fastForward('02:00');
    await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();

    await context.setOffline(true);
    await screen.search(SCENARIOS.planPdf.nhsNumber);
    await expect(page.getByText(/nothing is saved on this device for this NHS number/)).toBeVisible();
  });
});

// Issue 7 point 9: Clear this device reaches every open tab, not just the one it was pressed in.
// A patient without plans keeps the journey light: what matters is the data each tab holds.
test('Clear this device in one tab clears what another tab shows, and that tab saves under the new keys', async ({ lookup: tabA, page, context }) => {
  const other = await context.newPage();
  const tabB = new LookupScreen(other);
  await tabB.open();
  await tabB.search(SCENARIOS.noPointers.nhsNumber);
  await expect(tabB.patientBanner).toContainText('PEMBERTON');
  await expect(other.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();

  await tabA.open();
  await expect(page.getByRole('list', { name: 'Saved on this device' })).toContainText('PEMBERTON');
  // On a 1024×768 tablet the button sits at the foot of the screen: the question comes into view whole.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Clear this device' }).click();
  await expect(page.getByRole('button', { name: 'Yes, clear this device' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 });
  await page.getByRole('button', { name: 'Yes, clear this device' }).click();
  // The key went with the plans: this tab sets a new shift PIN (issue 11).
  await tabA.enterShiftPin();
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();

  // The other tab lets go of the patient it was showing: its keys are gone, so it asks for the PIN.
  await expect(tabB.patientBanner).toHaveCount(0);
  await expect(tabB.pinHeading).toBeVisible();
  // That a tab never saves under deleted keys, a new PIN set in another tab included, is checked
  // by the storage tests (app/storage/device-cleared.test.ts, clinical-lock.test.ts).
});
