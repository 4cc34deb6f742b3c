import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test('when the locator answers with no pointers the crew is told there is no crisis plan', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(screen.patientBanner).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('a patient PDS does not know is not shown with any record', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.pdsNotFound.nhsNumber);
  await expect(page.getByRole('heading', { name: 'Could not confirm who this is' })).toBeVisible();
  await expect(page.getByText(/No patient found/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await expect(screen.patientBanner).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
