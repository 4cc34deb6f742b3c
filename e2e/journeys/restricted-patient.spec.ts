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
