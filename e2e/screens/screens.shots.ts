import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as demoTest, type Locator, type Page } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { PEOPLE } from '../../mocks/identity/people';
import { AccessHistoryScreen } from '../support/access-history-screen';
import { FindPersonScreen } from '../support/find-person-screen';
import { LookupScreen } from '../support/lookup-screen';
import { SignInPages } from '../support/sign-in';
import { expect, liveTest as test } from '../support/test';

/**
 * Issue 9, "Done when": screenshots of each screen in light and dark, on both tablets, for a person
 * to look at (not a visual-regression test: nothing is compared). Each screen is shot whole
 * (`full`) and, where what fits without scrolling matters, as the crew first sees it (`view`).
 *
 *   npm run build && npm run screenshots
 *
 * Files: e2e/.output/screens/<nn>-<screen>.<width>x<height>.<theme>.<full|view>.png
 */
const OUTPUT = fileURLToPath(new URL('../.output/screens/', import.meta.url));
mkdirSync(OUTPUT, { recursive: true });

const TABLETS = [
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
];
const THEMES = ['light', 'dark'] as const;

/** In the page: fonts loaded and two frames drawn, so layout and observers have caught up. */
const settle = () => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Saves `name` whole and, with `view`, also the viewport alone. Waits for fonts and the frame to settle. */
function shooter(page: Page, suffix: string) {
  return async (name: string, { view = false, full = true }: { view?: boolean; full?: boolean } = {}) => {
    // No hover left from the last tap: a crew's finger has lifted.
    await page.mouse.move(0, 0);
    await page.evaluate(settle);
    const options = { animations: 'disabled', caret: 'hide' } as const;
    if (view) await page.screenshot({ ...options, path: `${OUTPUT}${name}.${suffix}.view.png` });
    if (full) {
      // From the top, so the identity bar is hidden as the crew would find it there: a whole-page
      // shot taken scrolled down draws the sticky bar half-way down the page.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(settle);
      await page.screenshot({ ...options, path: `${OUTPUT}${name}.${suffix}.full.png`, fullPage: true });
    }
  };
}

/** Scrolls `text` of the plan to the top of the screen, under the identity bar, until the bar shows (the PDF may still be laying out its pages). */
async function readFrom(page: Page, text: Locator): Promise<void> {
  await expect(async () => {
    await text.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect(page.getByRole('group', { name: 'Patient on this screen' })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

const savedList = (page: Page) => page.getByRole('list', { name: 'Saved on this device' });

for (const viewport of TABLETS) {
  for (const colorScheme of THEMES) {
    const suffix = `${viewport.width}x${viewport.height}.${colorScheme}`;

    test.describe(suffix, () => {
      test.use({ viewport, colorScheme });

      test('a crew’s screens, live', async ({ page, services, context }) => {
        void services;
        const shot = shooter(page, suffix);
        const screen = new LookupScreen(page);

        await page.goto('/');
        await expect(screen.signInButton).toBeVisible();
        await shot('01-sign-in', { view: true });
        await screen.signInButton.click();
        await new SignInPages(page).signInAs(PEOPLE.paramedic);
        await expect(page.getByRole('heading', { level: 1, name: 'Set a shift PIN' })).toBeVisible({ timeout: 15_000 });
        await shot('02-set-shift-pin');
        await screen.enterShiftPin();
        await expect(screen.nhsNumber).toBeVisible();
        await shot('04-lookup-empty', { view: true });

        await screen.search('943 476 5918');
        await expect(screen.errorSummary).toContainText('There is a problem');
        await shot('05-lookup-invalid-number', { view: true });

        await screen.search(SCENARIOS.planPdf.nhsNumber);
        const pdfPlan = screen.record('Mental health crisis plan');
        await expect(pdfPlan.getByText('Triggers', { exact: true })).toBeVisible();
        await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
        await shot('06-result-pdf', { view: true });
        // Read the plan: a line of it at the top of the screen, under the identity bar.
        await readFrom(page, pdfPlan.getByText('Triggers', { exact: true }));
        await shot('07-result-pdf-reading', { view: true, full: false });
        await readFrom(page, pdfPlan.getByText('What helps', { exact: true }));
        await shot('08-result-pdf-reading-further', { view: true, full: false });
        if (colorScheme === 'dark') {
          // At night the crew can dim the white pages (remembered on the device: undone below).
          const dim = page.getByRole('button', { name: 'Dim plan pages' });
          await dim.click();
          await readFrom(page, pdfPlan.getByText('Triggers', { exact: true }));
          await shot('07-result-pdf-reading-dimmed', { view: true, full: false });
          await dim.click();
        }
        // The team card below the plan.
        await screen.crisisTeam.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shot('09-result-pdf-team-card', { view: true, full: false });
        await page.evaluate(() => window.scrollTo(0, 0));

        await screen.search(SCENARIOS.planHtml.nhsNumber);
        await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toBeVisible();
        await expect(screen.crisisTeam).toBeVisible();
        await shot('10-result-html', { view: true });

        await screen.search(SCENARIOS.noPointers.nhsNumber);
        await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
        await shot('11-result-no-plan', { view: true });

        await screen.search(SCENARIOS.locatorError.nhsNumber);
        await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toBeVisible();
        await shot('12-result-could-not-check', { view: true });

        await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
        await expect(savedList(page).getByRole('button').first()).toBeVisible();
        await shot('13-lookup-saved-list', { view: true });

        await page.getByRole('button', { name: 'Clear this device' }).click();
        await expect(page.getByRole('button', { name: 'Yes, clear this device' })).toBeVisible();
        await shot('14-clear-device-confirm', { view: true });
        await page.getByRole('button', { name: 'Cancel' }).click();

        await context.setOffline(true);
        await savedList(page).getByRole('button', { name: /Amelia CROSSLEY/ }).click();
        await expect(page.getByText(/^Retrieved /).first()).toBeVisible();
        await expect(pdfPlan.getByText('Triggers', { exact: true })).toBeVisible();
        await shot('15-saved-copy-no-signal', { view: true });
        await readFrom(page, pdfPlan.getByText('Triggers', { exact: true }));
        await shot('16-saved-copy-no-signal-reading', { view: true, full: false });
        await page.evaluate(() => window.scrollTo(0, 0));
        await context.setOffline(false);

        const find = new FindPersonScreen(page);
        await find.switchToDetails.click();
        await expect(page.getByLabel('Family name')).toBeVisible();
        await shot('17-search-by-details-form', { view: true });
        await find.search({ family: 'Crossley', given: 'Amelia', born: { year: '1991' } });
        await expect(page.getByRole('heading', { name: '2 people found' })).toBeVisible();
        await shot('18-search-by-details-results', { view: true });
        await find.search({ family: 'Whitworth', born: { ages: ['30', '60'] } });
        await expect(page.getByRole('heading', { name: 'Too many people match' })).toBeVisible();
        await shot('19-search-by-details-too-many', { view: true });

        // Tokens live in memory only: after a reload the crew signs in again and the PIN is asked.
        await page.reload();
        await screen.signInButton.click();
        const unlock = page.getByRole('heading', { level: 1, name: 'Enter your shift PIN' });
        await expect(unlock).toBeVisible({ timeout: 15_000 });
        await shot('03-enter-shift-pin');
      });

      test('a clinical lead’s access history, live', async ({ page, services }) => {
        void services;
        const shot = shooter(page, suffix);
        const screen = new LookupScreen(page);
        await screen.open(PEOPLE.clinicalLead);
        await screen.search(SCENARIOS.planPdf.nhsNumber);
        await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
        await screen.search(SCENARIOS.noPointers.nhsNumber);
        await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
        const history = new AccessHistoryScreen(page);
        await history.open();
        await shot('20-access-history', { view: true });
        // The accesses reach the audit service a moment after they are made.
        await expect(async () => {
          await history.showRecords.click();
          await expect(history.table('5 accesses')).toBeVisible({ timeout: 2_000 });
        }).toPass({ timeout: 30_000 });
        await shot('21-access-history-results', { view: true });
      });

      demoTest('demo mode, with the trainer’s patients and tools', async ({ page }) => {
        const shot = shooter(page, suffix);
        const screen = new LookupScreen(page);
        await screen.open();
        await expect(page.getByRole('region', { name: 'Demo mode' })).toBeVisible();
        await shot('22-demo-start', { view: true });
        const demoList = page.locator('details').filter({ hasText: 'Demo patients for training' });
        if ((await demoList.getAttribute('open')) === null) await demoList.getByText('Demo patients for training').click();
        await page.getByRole('button', { name: /Crisis plan \(PDF\)/ }).click();
        await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
        await shot('23-demo-result-pdf', { view: true });
        const tools = page.getByRole('region', { name: 'Trainer tools' });
        await tools.getByRole('checkbox', { name: 'Simulate no signal' }).check();
        await expect(page.getByRole('region', { name: 'Offline' })).toBeVisible();
        await screen.search(SCENARIOS.planPdf.nhsNumber);
        await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText(/Retrieved/);
        await shot('24-demo-no-signal-saved-copy', { view: true });
        await tools.getByRole('checkbox', { name: 'Simulate no signal' }).uncheck();
        await tools.getByRole('button', { name: 'Reset demo' }).click();
        await expect(tools.getByRole('group', { name: 'Reset the demo?' })).toBeVisible();
        await shot('25-demo-reset-confirm');
      });
    });
  }
}
