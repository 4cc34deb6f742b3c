import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';
import { PEOPLE } from '../../mocks/identity/people';

// When the trust gateway's credentials or Spine's limits bite, the crew is told what happened
// and what to do, in the words of app/services/service-error-messages.ts.

test('when the sign-in has run out the crew is told to sign in again, and no patient is shown', async ({ lookup: screen, page, services }) => {
  await screen.search(SCENARIOS.pdsSignInExpired.nhsNumber);
  const problem = page.getByRole('region', { name: 'Sign in again to see this patient' });
  await expect(problem.getByRole('heading', { name: 'Sign in again to see this patient' })).toBeVisible();
  await expect(problem).not.toContainText('Records are only shown once');
  await expect(problem).toContainText('Your sign-in to NHS services has run out, so this patient’s details could not be checked. Sign in again with the button at the top of the screen.');
  await expect(problem.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(screen.patientBanner).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);

  // The 401 ended the sign-in: the crew signs in again in a window of its own, and this screen stays.
  const again = page.getByRole('region', { name: 'Your sign-in has ended' });
  await expect(again).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const pdsReads = () => services.requests.filter((r) => r.url().endsWith(`/Patient/${SCENARIOS.pdsSignInExpired.nhsNumber}`)).length;
  const readsBefore = pdsReads();
  const [popup] = await Promise.all([page.waitForEvent('popup'), again.getByRole('button', { name: 'Sign in again' }).click()]);
  // CIS2's session is still there, so the window comes straight back and closes itself.
  await popup.waitForEvent('close');
  await expect(page.getByRole('region', { name: 'Signed in' })).toContainText(PEOPLE.paramedic.name);
  // The search ran again by itself, with the new sign-in. This synthetic PDS always says 401, so
  // the crew is asked again; a real one would now answer.
  await expect.poll(pdsReads).toBe(readsBefore + 1);
  await expect(problem).toBeVisible();
  await expect(again).toBeVisible();
});

test('when PDS is busy the crew is told so, and can try again', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.pdsBusy.nhsNumber);
  const problem = page.getByRole('region', { name: 'Could not confirm who this is' });
  await expect(problem.getByRole('heading', { name: 'Could not confirm who this is' })).toBeVisible();
  // PDS sends Retry-After: 30; the gateway exposes it to the page (docs/deployment.md, CORS).
  await expect(problem).toContainText(
    'The Personal Demographics Service is busy. Try again in about 30 seconds.',
  );
  await expect(problem.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(screen.patientBanner).toHaveCount(0);
});

test('when the locator refuses the organisation the crew is told it is not known, never that there is no plan', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.locatorForbidden.nhsNumber);
  await expect(screen.patientBanner).toBeVisible();
  const problem = page.getByRole('region', { name: 'Could not check for a crisis plan' });
  await expect(problem.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
  await expect(problem).toContainText(
    'Your organisation is not allowed to search the National Record Locator, so it is not known whether this patient has a crisis plan. Tell your service desk.',
  );
  await expect(problem).toContainText('This does not mean there is no plan. Use your usual process to contact the local crisis team.');
  // Asking again would be refused again: no Try again (issue 9 point 6).
  await expect(problem.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  await expect(page.getByText('No crisis plan found')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
