import { test as demoTest } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { PEOPLE } from '../../mocks/identity/people';
import { AccessHistoryScreen } from '../support/access-history-screen';
import { FindPersonScreen } from '../support/find-person-screen';
import { LookupScreen } from '../support/lookup-screen';
import { screenAudit, TABLETS } from '../support/screen-audit';
import { SignInPages } from '../support/sign-in';
import { expect, liveTest as test } from '../support/test';

// Issue 9 point 7 and "Done when": every control at least 44×44 px and 8 px from its neighbours,
// and no serious or critical axe violation (WCAG 2.2 AA rules included), checked by a script over
// every screen a crew, a lead or a trainer reaches, on both tablets, in the light and the dark
// theme. Each screen's problems are collected so a failure lists them all at once. (Screens
// reached through the clock are audited where the clock is driven: the update prompt and the lock
// after an idle hour in e2e/offline/update-prompt.spec.ts, the lock after five idle minutes and
// "Saved plans removed" in shift-pin.spec.ts.)
for (const tablet of TABLETS) {
  test.describe(tablet.name, () => {
    test.use({ viewport: tablet.viewport });
    // Two axe scans and two target checks per screen, on a shared two-core machine.
    test.describe.configure({ timeout: 180_000 });

    test('sign-in, the shift PIN, sign-out and the access history: every control big enough, no axe violation', async ({ page, services }) => {
      void services;
      const { check, expectNone } = screenAudit(page);
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

      // A lookup by the lead, so the access history has records to show.
      await screen.search(SCENARIOS.planHtml.nhsNumber);
      await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toBeVisible();

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
      await expect(history.table()).toBeVisible();
      await check('access history: results');
      await history.nhsNumber.fill(SCENARIOS.planHtml.nhsNumber);
      await history.who.selectOption({ index: 1 });
      await history.showRecords.click();
      await expect(history.table()).toBeVisible();
      await check('access history: filtered results');
      await history.nhsNumber.fill('123');
      await history.showRecords.click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(history.table()).toHaveCount(0);
      await check('access history: invalid filter');

      await page.getByRole('region', { name: 'Signed in' }).getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('button', { name: 'Yes, sign out' })).toBeVisible();
      await check('sign out: confirm');
      await page.getByRole('button', { name: 'Yes, sign out' }).click();
      await expect(screen.signInButton).toBeVisible();
      expectNone();
    });

    test('a role that grants nothing: every control big enough, no axe violation', async ({ page, services }) => {
      void services;
      const { check, expectNone } = screenAudit(page);
      const screen = new LookupScreen(page);
      await page.goto('/');
      await screen.signInButton.click();
      await new SignInPages(page).signInAs(PEOPLE.noEligibleRole);
      await expect(page.getByRole('heading', { level: 1, name: 'Your role cannot use this app' })).toBeVisible();
      await check('role grants nothing');
      expectNone();
    });

    demoTest('demo mode, trainer tools and the demo patient list: every control big enough, no axe violation', async ({ page }) => {
      const { check, expectNone } = screenAudit(page);
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
      expectNone();
    });

    test('the crew’s answers, from a plan to could not check: every control big enough, no axe violation', async ({ lookup: screen, page }) => {
      const { check, expectNone } = screenAudit(page);
      await check('lookup start');

      await screen.search('943 476 5918');
      await expect(screen.errorSummary).toContainText('There is a problem');
      await check('invalid number');

      await screen.search(SCENARIOS.planPdf.nhsNumber);
      await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
      await check('plan found (PDF) with team card');

      await screen.search(SCENARIOS.planNameDiffers.nhsNumber);
      await expect(screen.record('Mental health crisis plan').getByRole('heading', { name: 'Important: Check the name' })).toBeVisible();
      await check('plan names the person differently');

      await screen.search(SCENARIOS.planHtml.nhsNumber);
      await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toBeVisible();
      await expect(screen.crisisTeam).toBeVisible();
      await check('plan found (HTML)');

      await screen.search(SCENARIOS.planFhir.nhsNumber);
      await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toBeVisible();
      await check('plan found (FHIR)');

      await screen.search(SCENARIOS.severalPointers.nhsNumber);
      await expect(page.getByRole('heading', { name: '2 crisis plans found' })).toBeVisible();
      await check('several records');

      await screen.search(SCENARIOS.restrictedNoName.nhsNumber);
      await expect(screen.patientBanner.getByRole('heading', { level: 2 })).toHaveText('Name withheld');
      await check('restricted, name withheld');

      await screen.search(SCENARIOS.superseded.nhsNumber);
      await expect(screen.patientBanner).toContainText(SCENARIOS.superseded.currentNhsNumber.replace(/(\d{3})(\d{3})(\d{4})/, '$1 $2 $3'));
      await check('superseded NHS number');

      await screen.search(SCENARIOS.pdsNotFound.nhsNumber);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await check('person not found');

      await screen.search(SCENARIOS.noPointers.nhsNumber);
      await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
      await check('no plan');

      await screen.search(SCENARIOS.locatorError.nhsNumber);
      await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
      await check('locator down');

      await screen.search(SCENARIOS.locatorForbidden.nhsNumber);
      await expect(screen.patientBanner).toBeVisible();
      await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
      await check('locator refuses the organisation');

      await screen.search(SCENARIOS.retrievalFails.nhsNumber);
      await expect(page.getByRole('heading', { name: 'The plan could not be retrieved' })).toBeVisible();
      await check('plan could not be retrieved');

      await screen.search(SCENARIOS.pdsSignInExpired.nhsNumber);
      await expect(page.getByRole('region', { name: 'Your sign-in has ended' })).toBeVisible();
      await check('sign-in ended');
      expectNone();
    });

    test('saved on this device, Show all, a saved copy and a search that waited for signal: every control big enough, no axe violation', async ({ lookup: screen, page, context }) => {
      const { check, expectNone } = screenAudit(page);
      // More saved than the list shows at first (the newest 5), so Show all is offered.
      for (const scenario of [SCENARIOS.planPdf, SCENARIOS.planHtml, SCENARIOS.planFhir, SCENARIOS.severalPointers, SCENARIOS.restricted, SCENARIOS.planNameDiffers]) {
        await screen.search(scenario.nhsNumber);
        await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' }).first()).toBeVisible();
      }
      await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
      const saved = page.getByRole('list', { name: 'Saved on this device' });
      await expect(saved.getByRole('button')).toHaveCount(5);
      await check('saved on this device');
      await page.getByRole('button', { name: /^Show all/ }).click();
      await expect(saved.getByRole('button')).toHaveCount(6);
      await check('saved on this device: all shown');

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
      expectNone();
    });

    test('the search by name and date of birth: every control big enough, no axe violation', async ({ lookup: screen, page }) => {
      const { check, expectNone } = screenAudit(page);
      const find = new FindPersonScreen(page);
      await find.switchToDetails.click();
      await expect(page.getByLabel('Family name')).toBeVisible();
      await check('search by details: form');
      await find.search({ family: 'C*', born: { day: '31', month: '2', year: '1991' }, postcode: 'L' });
      await expect(page.getByRole('alert').getByRole('link', { name: 'Date of birth must be a real date' })).toBeVisible();
      await check('search by details: error summary');
      await find.search({ family: 'Crossley', given: 'Amelia', born: { year: '1991' } });
      await expect(page.getByRole('heading', { name: '2 people found' })).toBeVisible();
      await check('search by details: people found');
      await find.search({ family: 'Whitworth', born: { ages: ['30', '60'] } });
      await expect(page.getByRole('heading', { name: 'Too many people match' })).toBeVisible();
      await check('search by details: too many');
      await find.search({ family: 'Kettridge', given: 'Samuel', born: { day: '17', month: '9', year: '1988' } });
      await expect(page.getByRole('heading', { name: 'No one found' })).toBeVisible();
      await check('search by details: no one found');
      await page.getByRole('button', { name: 'Search with wider matching' }).click();
      await expect(page.getByText('Found with wider matching')).toBeVisible();
      await check('search by details: wider matching');
      await find.choose('Samuel KETTERIDGE').click();
      await expect(screen.patientBanner).toContainText('Samuel KETTERIDGE');
      await check('search by details: person chosen');
      expectNone();
    });
  });
}

test('the audit itself finds a small control, two crowded ones and text unreadable in the dark theme', async ({ lookup: screen, page }) => {
  await expect(screen.nhsNumber).toBeVisible();
  // Planted on the lookup screen: what the checks above must never let through. (Styled through
  // the CSS object model: the Content Security Policy refuses inline styles.)
  await page.evaluate(() => {
    document.querySelector('main')!.insertAdjacentHTML(
      'beforeend',
      `<button type="button" class="planted-tiny">Tiny</button>
       <div class="planted-row"><button type="button" class="planted-pair">Left</button><button type="button" class="planted-pair">Right</button></div>
       <p class="planted-night-text">Unreadable at night</p>`,
    );
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`
      .planted-tiny { width: 30px; height: 30px; padding: 0; margin: 20px 0; }
      .planted-row { display: flex; gap: 2px; margin: 20px 0; }
      .planted-pair { width: 60px; height: 60px; padding: 0; margin: 0; }
      [data-theme="dark"] .planted-night-text { color: #222 !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  const { problems, check } = screenAudit(page);
  await check('planted');
  expect(problems).toContainEqual(expect.stringMatching(/^planted \(light\): button "Tiny" is 30×30 px$/));
  expect(problems).toContainEqual(expect.stringMatching(/^planted \(light\): button "Left" and button "Right" are 2 px apart$/));
  expect(problems).toContainEqual(expect.stringMatching(/^planted \(dark\): axe color-contrast: .*planted-night-text/));
  expect(problems.filter((p) => p.startsWith('planted (light): axe color-contrast'))).toEqual([]);
});
