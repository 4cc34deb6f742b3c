import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

// Issue 7 points 4 and 5: answers from outside that are too big, incomplete or about someone
// else are never shown as if they were the whole, right answer.

test('a locator answer too large to read is Could not check, never a part of the list', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.locatorOverLarge.nhsNumber);
  await expect(screen.patientBanner).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
  await expect(page.getByText('The National Record Locator sent more records than this app can check at once', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /crisis plans? found/i })).toHaveCount(0);
});

test('a locator answer that says it holds more records than it sent is Could not check, with the count', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.locatorPartial.nhsNumber);
  await expect(screen.patientBanner).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
  await expect(page.getByText('The National Record Locator says it holds 4 records for this person but sent only some of them', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('a FHIR plan that names another patient is refused, and says why', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planOtherPatient.nhsNumber);
  await expect(screen.patientBanner).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The plan could not be retrieved' })).toBeVisible();
  await expect(page.getByText('names a different patient, so it is not shown', { exact: false })).toBeVisible();
  // Nothing of the other person's plan reaches the screen.
  await expect(page.getByText('Triggers')).toHaveCount(0);
  await expect(page.getByText('Aldersey')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('a PDF plan says the app cannot check whose it is: the banner is the check', async ({ lookup: screen }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan).toBeVisible();
  await expect(plan.getByText('This app cannot check whose plan this is.', { exact: false })).toBeVisible();
});
