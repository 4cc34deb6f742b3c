import { SCENARIOS } from '../../mocks/data/catalogue';
import { findSmallTargets } from '../support/target-size';
import { expect, liveTest as test } from '../support/test';

// Issue 9 point 7: every control at least 44×44 px and 8 px from its neighbours, checked by a script
// over every screen a crew or a lead reaches, on both tablets. Each screen's problems are collected
// so a failure lists them all at once.
const TABLETS = [
  { name: 'landscape 1024×768', viewport: { width: 1024, height: 768 } },
  { name: 'portrait 800×1280', viewport: { width: 800, height: 1280 } },
];

for (const tablet of TABLETS) {
  test.describe(tablet.name, () => {
    test.use({ viewport: tablet.viewport });

    test('every control on the crew’s screens is big enough for a gloved hand', async ({ lookup: screen, page, context }) => {
      const problems: string[] = [];
      const check = async (name: string) => {
        for (const p of await findSmallTargets(page)) problems.push(`${name}: ${p}`);
      };

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
