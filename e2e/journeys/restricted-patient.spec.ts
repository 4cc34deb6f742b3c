import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test("a restricted patient's address is never shown", async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.restricted.nhsNumber);
  await expect(screen.patientBanner).toContainText('Restricted record: address not shown');
  await expect(screen.record('Mental health crisis plan')).toBeVisible();
  const banner = await screen.patientBanner.innerText();
  expect(banner).not.toMatch(/[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}/); // no postcode
  await expectNoSeriousA11yViolations(page);
});

test('a restricted patient PDS gives no name for reads "Name withheld" in every sentence', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.restrictedNoName.nhsNumber);
  await expect(screen.patientBanner.getByRole('heading', { level: 2 })).toHaveText('Name withheld');
  await expect(page.getByText('For Name withheld, NHS number 999 000 0166')).toBeVisible();
  await expect(page.getByText(/^Saved on this device at /)).toBeVisible();
  await expect(page.getByText(/Name not available/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  await expect(page.getByRole('list', { name: 'Saved on this device' })).toContainText('Name withheld');
});
