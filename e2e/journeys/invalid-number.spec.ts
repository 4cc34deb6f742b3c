import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test('an invalid NHS number is explained and never sent to a national service', async ({ lookup: screen, page, services }) => {
  await screen.search('943 476 5918');
  await expect(screen.errorSummary).toContainText('There is a problem');
  await expect(screen.errorSummary.getByRole('link', { name: 'NHS number is not a valid NHS number: check the digits' })).toBeVisible();
  await expect(page.getByText('Error: NHS number is not a valid NHS number: check the digits')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await screen.search('943 476 591');
  await expect(screen.errorSummary.getByRole('link', { name: 'NHS number must be 10 digits' })).toBeVisible();

  // The summary link takes the crew back to the box.
  await screen.errorSummary.getByRole('link').click();
  await expect(screen.nhsNumber).toBeFocused();

  expect(services.requests).toHaveLength(0);
  await expect(screen.patientBanner).toHaveCount(0);
});

test('the three ways of writing a number are all accepted', async ({ lookup: screen }) => {
  await screen.search('999-000-0018');
  await expect(screen.patientBanner).toContainText('999 000 0018');
});
