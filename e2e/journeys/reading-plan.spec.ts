import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test('a plan that names the patient differently is flagged above the plan, which still shows', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planNameDiffers.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  const warning = plan.getByRole('heading', { name: 'Important: Check the name' });
  await expect(warning).toBeVisible();
  await expect(plan).toContainText(
    'This plan names Niamh Brennan; the person confirmed by PDS is Niamh BRENNAN-HUGHES. Check you have the right person before acting on it.',
  );
  // A warning, not a block: the plan's own words are there to read.
  await expect(page.getByRole('group', { name: 'Page 1 of 2' })).toBeVisible();
  await expect(plan.getByText('What helps', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Night shifts: the warning's text stays readable on its dark background.
  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  await expectNoSeriousA11yViolations(page);
});

test('a plan that names the patient as PDS does carries no name warning', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByText('What helps', { exact: true })).toBeVisible();
  await expect(page.getByText('Check the name')).toHaveCount(0);
});
