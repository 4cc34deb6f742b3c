import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test('a text-only or fax number on the team page is shown as text, never as a call', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const team = screen.crisisTeam;
  await expect(team.getByRole('link', { name: /Crisis line \(24 hours\)/ })).toHaveAttribute('href', 'tel:01632960417');
  // One format for every number shown: "+44 (0)1632 960 018" on the page is shown and dialled in the national form.
  await expect(team.getByRole('link', { name: /Senior nurse on call/ })).toHaveAttribute('href', 'tel:01632960018');
  await expect(team.getByRole('link', { name: /Senior nurse on call/ })).toContainText('01632 960 018');

  await expect(team).toContainText('01632 960 019 (Fax, not for calls)');
  await expect(team).toContainText('07700 900 019 (Text only, not for calls)');
  await expect(team.locator('a[href="tel:01632960019"], a[href="tel:07700900019"]')).toHaveCount(0);
  await expect(team).not.toContainText('No number to call');
  await expectNoSeriousA11yViolations(page);
});

test('phone numbers written in an HTML plan dial the number they show; the plan’s fax does not', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planHtml.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByRole('heading', { name: 'Who to contact' })).toBeVisible();
  const planText = plan.locator('.crl-plan-html');
  await expect(planText.getByRole('link', { name: '0113 496 0733' })).toHaveAttribute('href', 'tel:01134960733');
  await expect(planText.getByRole('link', { name: '07700 900 215' })).toHaveAttribute('href', 'tel:07700900215');
  await expect(planText).toContainText('0113 496 0738');
  await expect(planText.getByRole('link', { name: '0113 496 0738' })).toHaveCount(0);

  const box = await planText.getByRole('link', { name: '0113 496 0733' }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await expectNoSeriousA11yViolations(page);
});

test('with no number to call, the team card says where to look instead', async ({ lookup: screen }) => {
  await screen.search(SCENARIOS.legacyPointer.nhsNumber);
  await expect(screen.crisisTeam).toContainText(
    'No number to call was found for this team. Look in the plan itself for the team’s numbers. This does not mean there is no crisis team.',
  );
  await expect(screen.crisisTeam.locator('a[href^="tel:"]')).toHaveCount(0);
});

test('phone numbers written in a PDF plan are offered as big call links under their page, with the words beside them', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  const pageTwo = plan.getByRole('group', { name: /^Page 2 of/ });
  await pageTwo.scrollIntoViewIfNeeded();
  await expect(pageTwo).toContainText('Phone numbers written on page 2');
  await expect(pageTwo.getByRole('link', { name: 'Call 01632 960 417' })).toHaveAttribute('href', 'tel:01632960417');
  await expect(pageTwo).toContainText('Crisis line (24 hours): Call 01632 960 417');
  await expect(pageTwo.getByRole('link', { name: 'Call 07700 900 112' })).toHaveAttribute('href', 'tel:07700900112');
  // Page 1 prints the NHS number and the date of birth: neither is ever offered as a call.
  await expect(plan.getByRole('group', { name: /^Page 1 of/ }).locator('a[href^="tel:"]')).toHaveCount(0);
  const box = await pageTwo.getByRole('link', { name: 'Call 01632 960 417' }).boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await expectNoSeriousA11yViolations(page);
});
