import { test as demoTest, type Page } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { PEOPLE } from '../../mocks/identity/people';
import { AccessHistoryScreen } from '../support/access-history-screen';
import { LookupScreen } from '../support/lookup-screen';
import { SignInPages } from '../support/sign-in';
import { findSmallTargets } from '../support/target-size';
import { expect, liveTest as test } from '../support/test';

// Issue 9 point 7: every control at least 44×44 px and 8 px from its neighbours, checked by a script
// over every screen a crew or a lead reaches, on both tablets. Each screen's problems are collected
// so a failure lists them all at once.
const TABLETS = [
  { name: 'landscape 1024×768', viewport: { width: 1024, height: 768 } },
  { name: 'portrait 800×1280', viewport: { width: 800, height: 1280 } },
];

/** Collects each screen's problems under its name. */
function targetChecker(page: Page) {
  const problems: string[] = [];
  return {
    problems,
    check: async (name: string) => {
      for (const p of await findSmallTargets(page)) problems.push(`${name}: ${p}`);
    },
  };
}

for (const tablet of TABLETS) {
  test.describe(tablet.name, () => {
    test.use({ viewport: tablet.viewport });

    test('every control on sign-in, the shift PIN, sign-out and the access history is big enough', async ({ page, services }) => {
      void services;
      const { problems, check } = targetChecker(page);
      const screen = new LookupScreen(page);
      await page.goto('/');
      await expect(screen.signInButton).toBeVisible();
      await check('sign in');
      await screen.signInButton.click();
      await new SignInPages(page).signInAs(PEOPLE.clinicalLead);
      await expect(page.getByRole('heading', { level: 1, name: 'Set a shift PIN' })).toBeVisible();
      await check('set a shift PIN');
      await page.getByLabel('Shift PIN', { exact: true }).fill('123456');
      await page.getByLabel('Enter the PIN again', { exact: true }).fill('123456');
      await page.getByRole('button', { name: 'Set PIN', exact: true }).click();
      await expect(page.getByRole('alert')).toContainText('There is a problem');
      await check('set a shift PIN: error');
      await screen.enterShiftPin();
      await expect(screen.nhsNumber).toBeVisible();

      // After a reload and sign-in, the PIN is asked again (issue 11): the unlock screen, its error
      // and the "Forgotten your PIN?" help opened.
      await page.reload();
      await screen.signInButton.click();
      const unlockHeading = page.getByRole('heading', { level: 1, name: 'Enter your shift PIN' });
      const provider = new SignInPages(page);
      await expect(unlockHeading.or(provider.people)).toBeVisible();
      if (await provider.people.isVisible()) await provider.signInAs(PEOPLE.clinicalLead);
      await expect(unlockHeading).toBeVisible({ timeout: 15_000 });
      await check('enter your shift PIN');
      await page.getByLabel('Shift PIN', { exact: true }).fill('1');
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      await expect(page.getByRole('alert')).toContainText('There is a problem');
      await check('enter your shift PIN: error');
      await page.getByText('Forgotten your PIN?', { exact: true }).click();
      await expect(page.getByRole('button', { name: 'Sign out and remove saved plans' })).toBeVisible();
      await check('enter your shift PIN: forgotten PIN open');
      await screen.enterShiftPin();
      await expect(screen.nhsNumber).toBeVisible();

      const history = new AccessHistoryScreen(page);
      await history.open();
      await check('access history');
      await history.showRecords.click();
      await expect(history.table().or(page.getByText(/No access|no records/i)).first()).toBeVisible();
      await check('access history: results');
      await history.nhsNumber.fill('123');
      await history.showRecords.click();
      await expect(page.getByRole('alert')).toBeVisible();
      await check('access history: invalid filter');

      await page.getByRole('region', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('button', { name: 'Yes, sign out' })).toBeVisible();
      await check('sign out: confirm');
      await page.getByRole('button', { name: 'Yes, sign out' }).click();
      await expect(screen.signInButton).toBeVisible();

      await page.reload();
      await screen.signInButton.click();
      await expect(screen.pinHeading.or(screen.nhsNumber).or(new SignInPages(page).people)).toBeVisible();
      expect(problems).toEqual([]);
    });

    demoTest('every control in demo mode, trainer tools and the demo patient list included, is big enough', async ({ page }) => {
      const { problems, check } = targetChecker(page);
      const screen = new LookupScreen(page);
      await screen.open();
      await expect(page.getByRole('region', { name: 'Demo mode' })).toBeVisible();
      await check('demo start with patient list and trainer tools');
      await page.getByRole('button', { name: /Crisis plan \(PDF\)/ }).click();
      await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
      await check('demo plan found');
      const demoList = page.locator('details').filter({ hasText: 'Demo patients for training' });
      if ((await demoList.getAttribute('open')) === null) await demoList.getByText('Demo patients for training').click();
      await expect(demoList.getByRole('button', { name: /Crisis plan \(PDF\)/ })).toBeVisible();
      await check('demo patient list open');
      const tools = page.getByRole('region', { name: 'Trainer tools' });
      await tools.getByRole('checkbox', { name: 'Simulate no signal' }).check();
      await check('demo no signal');
      await tools.getByRole('checkbox', { name: 'Simulate no signal' }).uncheck();
      const reset = tools.getByRole('button', { name: /Reset/ }).first();
      await reset.click();
      await check('demo reset: confirm');
      expect(problems).toEqual([]);
    });

    test('every control on the crew’s screens is big enough for a gloved hand', async ({ lookup: screen, page, context }) => {
      const { problems, check } = targetChecker(page);
      await check('lookup start');

      await screen.search('943 476 5918');
      await expect(screen.errorSummary).toContainText('There is a problem');
      await check('invalid number');

      await screen.search(SCENARIOS.planPdf.nhsNumber);
      await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
      await check('plan found (PDF) with team card');

      await screen.search(SCENARIOS.pdsNotFound.nhsNumber);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await check('person not found');

      await screen.search(SCENARIOS.noPointers.nhsNumber);
      await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
      await check('no plan');

      await screen.search(SCENARIOS.locatorError.nhsNumber);
      await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
      await check('locator down');

      await screen.search(SCENARIOS.planHtml.nhsNumber);
      await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toBeVisible();
      await check('plan found (HTML)');

      await screen.search(SCENARIOS.severalPointers.nhsNumber);
      await expect(page.getByRole('heading', { name: '2 crisis plans found' })).toBeVisible();
      await check('several records');

      // Saved on this device, then a saved copy opened with no signal.
      await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
      const saved = page.getByRole('list', { name: 'Saved on this device' });
      await expect(saved.getByRole('button').first()).toBeVisible();
      await check('saved on this device');

      await page.getByRole('button', { name: 'Clear this device' }).click();
      await expect(page.getByRole('button', { name: 'Yes, clear this device' })).toBeVisible();
      await check('clear this device: confirm');
      await page.getByRole('button', { name: 'Cancel' }).click();

      await context.setOffline(true);
      await saved.getByRole('button', { name: /Amelia CROSSLEY/ }).click();
      await expect(page.getByText(/Retrieved/).first()).toBeVisible();
      await check('saved copy opened offline');

      // A search with no signal waits, then its result arrives as a card with Open and Dismiss.
      await screen.search(SCENARIOS.pdsBusy.nhsNumber);
      await expect(page.getByText(/The search is waiting and will run by itself/)).toBeVisible();
      await check('search waiting for signal');
      await context.setOffline(false);
      const finished = page.getByRole('region', { name: 'A search that waited for signal has finished' });
      await expect(finished).toBeVisible();
      await check('queued result arrived');

      expect(problems).toEqual([]);
    });
  });
}
