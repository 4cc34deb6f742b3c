import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { LookupScreen } from '../support/lookup-screen';
import { useLiveNationalServices } from '../support/national-services';
import { expect, liveTest as test } from '../support/test';

test('when the locator fails the crew is told it could not check, never that there is no plan', async ({ lookup: screen, page, services }) => {
  await screen.search(SCENARIOS.locatorError.nhsNumber);
  await expect(screen.patientBanner).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
  await expect(page.getByText('This does not mean there is no plan.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Try again keeps the lookup's correlation id.
  const searches = () => services.requests.filter((r) => r.url().endsWith('/DocumentReference/_search'));
  const before = searches().length;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => searches().length).toBeGreaterThan(before);
  const ids = await Promise.all(searches().map(async (r) => (await r.allHeaders())['x-correlation-id']));
  expect(new Set(ids).size).toBe(1);
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
});

test('a locator that never answers, while PDS did, is "could not check" under the patient, never "no signal"', async ({ page, context }) => {
  // The app's 15 s timeout is moved past rather than waited for.
  await page.clock.install();
  await useLiveNationalServices(context);
  const screen = new LookupScreen(page);
  await screen.open();
  await screen.search(SCENARIOS.locatorTimeout.nhsNumber);
  await expect(screen.patientBanner).toContainText('Kieran DOYLE');
  await expect(page.getByText('Checking the National Record Locator for a crisis plan…')).toBeVisible();

  await page.clock.fastForward('00:16');
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
  await expect(page.getByText(/The National Record Locator took too long to answer/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  // The confirmed identity stays, and nothing blames the signal: PDS answered.
  await expect(screen.patientBanner).toContainText('999 000 0107');
  await expect(page.getByRole('region', { name: 'Offline' })).toHaveCount(0);
  await expect(page.getByText(/No signal/)).toHaveCount(0);
  await expect(page.getByText(/The search is waiting/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('a damaged entry next to a crisis plan is flagged, and the plan still shows', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.unparseableEntry.nhsNumber);
  await expect(screen.patientBanner).toBeVisible();
  // This scenario has a valid plan next to the damaged entry: the plan shows, with a warning.
  await expect(screen.record('Mental health crisis plan')).toBeVisible();
  await expect(page.getByText(/could not be read and is not shown/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
});

test('a plan that cannot be fetched still shows who to call', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.retrievalFails.nhsNumber);
  await expect(page.getByRole('heading', { name: 'The plan could not be retrieved' })).toBeVisible();
  await expect(screen.crisisTeam.getByRole('link', { name: /^Call / }).first()).toHaveAttribute('href', /^tel:\+?\d+$/);
  await expectNoSeriousA11yViolations(page);
});
