import type { Locator, Page } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { TABLETS } from '../support/screen-audit';
import { expect, liveTest as test } from '../support/test';

// Issue 9, "Done when": the crew's screen at 3 a.m. on both tablets. Who this is stays in view, the
// answer comes to the crew, and the call and the plan are one swipe away.

/** Top of an element from the top of the page, in CSS px. */
async function pageTop(locator: Locator): Promise<number> {
  return locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
}

/** The element's whole box lies inside the viewport. */
async function expectWhollyInView(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, 'the element has a box').not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
}

for (const tablet of TABLETS) {
  test.describe(tablet.name, () => {
    test.use({ viewport: tablet.viewport });

    test('after Search the result takes focus, the call and the plan are one swipe away, and who this is stays in view', async ({ lookup: screen, page }) => {
      await screen.search(SCENARIOS.planPdf.nhsNumber);
      const plan = screen.record('Mental health crisis plan');
      await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();

      // The answer comes to the crew: its heading has focus and is on screen.
      const focused = page.locator(':focus');
      await expect(focused).toHaveCount(1);
      expect(await focused.evaluate((el) => el.tagName)).toMatch(/^H[1-6]$/);
      await expect(focused).toBeInViewport();
      const resultTop = await pageTop(focused);

      // At most one swipe (one viewport height) from the result to a Call link and to the plan's start.
      const viewportHeight = tablet.viewport.height;
      const call = page.getByRole('link', { name: /^Call/ }).first();
      const planStart = plan.getByRole('heading', { name: /document$/ }).or(plan.locator('[id$="-plan"]')).first();
      const callBottom = (await pageTop(call)) + (await call.boundingBox())!.height;
      const planStartTop = await pageTop(planStart);
      test.info().annotations.push({
        type: 'measured',
        description: `${tablet.name}: Call link ends ${Math.round(callBottom - resultTop)} px and the plan starts ${Math.round(planStartTop - resultTop)} px below the result heading`,
      });
      expect(callBottom - resultTop).toBeLessThanOrEqual(viewportHeight);
      expect(planStartTop - resultTop).toBeLessThanOrEqual(viewportHeight);

      // The summary's "Read the plan" is the one tap there: the plan's heading takes focus, on
      // screen and clear of the identity bar that has appeared above it.
      const bar = page.getByRole('group', { name: 'Patient on this screen' });
      await plan.getByRole('link', { name: 'Read the plan' }).click();
      await expect(planStart).toBeFocused();
      await expect(planStart).toBeInViewport();
      await expect(bar).toBeVisible();
      expect((await planStart.boundingBox())!.y).toBeGreaterThanOrEqual((await bar.boundingBox())!.y + (await bar.boundingBox())!.height);

      // Reading the plan, its line at the top of the screen and the full banner scrolled away: the
      // identity bar stays on screen with the confirmed person.
      for (const words of ['Triggers', 'What helps']) {
        const text = plan.getByText(words, { exact: true });
        await text.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await expect(text).toBeInViewport();
        await expect(screen.patientBanner).not.toBeInViewport();
        await expect(bar).toBeVisible();
        await expect(bar).toContainText('Amelia CROSSLEY');
        await expect(bar).toContainText('999 000 0018');
        await expectWhollyInView(page, bar);
      }
    });

    test('a saved copy opened with no signal starts at its top, with who it is and when it was retrieved', async ({ lookup: screen, page, context }) => {
      await screen.search(SCENARIOS.planPdf.nhsNumber);
      await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
      await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
      const saved = page.getByRole('list', { name: 'Saved on this device' });
      await expect(saved.getByRole('button')).toHaveCount(1);

      // Scrolled down the page, as a crew would be after reading the list, then no signal.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await context.setOffline(true);
      await saved.getByRole('button', { name: /Amelia CROSSLEY/ }).click();

      const retrieved = page.getByText(/^Retrieved /).first();
      await expect(retrieved).toBeInViewport();
      await expect(screen.patientBanner.getByRole('heading', { name: 'Amelia CROSSLEY' })).toBeInViewport();

      // Reading down the saved plan, the identity bar says whose it is and that it is a saved copy.
      const text = screen.record('Mental health crisis plan').getByText('What helps', { exact: true });
      await text.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect(text).toBeInViewport();
      const bar = page.getByRole('group', { name: 'Patient on this screen' });
      await expect(bar).toBeVisible();
      await expect(bar).toContainText('Amelia CROSSLEY');
      await expect(bar).toContainText(/Saved copy, /);
      await expectWhollyInView(page, bar);

      // Back at the top of the page (the name below the fold under the Offline banner and the
      // saved-copy notice), then a jump straight into the plan: the identity bar still shows.
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(bar).toBeHidden();
      const planRecord = screen.record('Mental health crisis plan');
      await expect(planRecord.getByText('Triggers', { exact: true })).toBeVisible();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await planRecord.getByText('Triggers', { exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect(bar).toBeVisible();
      await expect(bar).toContainText('Amelia CROSSLEY');
    });
  });
}
