import { test, expect } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { LookupScreen } from '../support/lookup-screen';
import { refuseRequestsOutsideTheApp } from '../support/outside-requests';
import { ageInYears } from '../../app/domain/dates';

test('a trainer runs the demo: clearly marked, synthetic patients, a plan to read, no network', async ({ page, context }) => {
  const outside = await refuseRequestsOutsideTheApp(context);
  const screen = new LookupScreen(page);
  await screen.open();
  await expect(page.getByRole('region', { name: 'Demo mode' })).toContainText('DEMO');
  await expect(page).toHaveTitle('DEMO – Crew Record Locator');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: /Crisis plan \(PDF\)/ }).click();
  await expect(screen.nhsNumber).toHaveValue('999 000 0018');
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
  await expect(screen.crisisTeam.getByRole('link', { name: /Crisis line/ })).toHaveAttribute('href', 'tel:01632960417');
  await expect(page.getByRole('region', { name: 'Demo mode' })).toBeVisible();
  // The person's own banner says demo, and so does the bar that keeps them in view while the
  // plan is read far below the page's demo banner.
  await expect(screen.patientBanner).toContainText('Demo: a synthetic patient, not a real person');
  await plan.getByText('What helps', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await expect(page.getByRole('region', { name: 'Demo mode' })).not.toBeInViewport();
  const bar = page.getByRole('group', { name: 'Patient on this screen' });
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('DEMO');
  await expectNoSeriousA11yViolations(page);

  expect(outside).toEqual([]);
});

test('the demo answers an unknown number as the real services would', async ({ page }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
});

test('the demo patients are described in a trainer’s words, with ages worked out today', async ({ page }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: /Crisis plan \(structured data\)/ }) });
  await expect(entry).toContainText(`Age ${ageInYears(SCENARIOS.planFhir.birthDate!, new Date())}. A young person’s crisis plan`);
  await expect(page.getByText(/FHIR|NRL|PDS|year-old/)).toHaveCount(0);
});

test('a refused sign-in in demo mode, which has no sign-in to renew, says what it shows instead of pointing at a button', async ({ page }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  await screen.search(SCENARIOS.pdsSignInExpired.nhsNumber);
  const problem = page.getByRole('region', { name: 'The national services refused the sign-in' });
  await expect(problem).toContainText('Demo mode has no sign-in to renew, so pick another demo patient to go on.');
  await expect(page.getByRole('button', { name: 'Sign in again' })).toHaveCount(0);
  await expect(screen.patientBanner).toHaveCount(0);
});
