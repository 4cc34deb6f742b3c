import type { Page } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test('a plan that names the patient differently is flagged above the plan, which still shows', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planNameDiffers.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  const warning = plan.getByRole('heading', { name: 'Important: Check the name' });
  await expect(warning).toBeVisible();
  await expect(plan).toContainText(
    'This plan names Niamh Brennan; the person confirmed by PDS is Niamh BRENNAN-HUGHES. Check you have the right person before acting on it.',
  );
  // A warning, not a block: the plan's own words are there to read.
  await expect(page.getByRole('group', { name: 'Page 1 of 2' })).toBeVisible();
  await expect(plan.getByText('What helps', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Night shifts: the warning's text stays readable on its dark background.
  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  await expectNoSeriousA11yViolations(page);
});

test('a plan that names the patient as PDS does carries no name warning', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByText('What helps', { exact: true })).toBeVisible();
  await expect(page.getByText('Check the name')).toHaveCount(0);
});

test('a restricted record whose name PDS withholds gets no name comparison, though its plan prints a name', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.restrictedNoName.nhsNumber);
  await expect(page.getByRole('group', { name: 'Page 1 of 2' })).toBeVisible();
  await expect(page.locator('.textLayer span', { hasText: 'Declan Ashworth' }).first()).toBeAttached();
  await expect(page.getByText('Check the name')).toHaveCount(0);
});

/** Height in CSS pixels of the text-layer run holding the plan's 11 pt name line. */
async function nameLabelHeight(page: Page): Promise<number> {
  const run = page.locator('.textLayer span', { hasText: 'Amelia Crossley' }).first();
  await expect(run).toBeAttached();
  return (await run.boundingBox())!.height;
}

test('a crew enlarges a PDF plan, the page scrolls in its own box, and the size is kept when the plan is opened again', async ({ lookup: screen, page }) => {
  await page.setViewportSize({ width: 800, height: 1280 });
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByText('Pages at 100% (fit to width)')).toBeVisible();
  const atFit = await nameLabelHeight(page);

  await plan.getByRole('button', { name: 'Larger' }).click();
  await expect(plan.getByText('Pages at 150% of the screen width')).toBeVisible();
  await expect.poll(() => nameLabelHeight(page)).toBeGreaterThan(atFit * 1.4);
  const larger = await plan.getByRole('button', { name: 'Larger' }).boundingBox();
  expect(larger!.height).toBeGreaterThanOrEqual(48);
  // The page is wider than the screen, but only the plan's box scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(await page.locator('.crl-pdf-pages').evaluate((box) => box.scrollWidth > box.clientWidth)).toBe(true);

  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(screen.record('Mental health crisis plan').getByText('Pages at 150% of the screen width')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the "Dim plan pages" toggle is offered only in the dark theme, and dims the pages', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByText('Pages at 100% (fit to width)')).toBeVisible();
  await expect(plan.getByRole('button', { name: 'Dim plan pages' })).toBeHidden();

  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  const dim = plan.getByRole('button', { name: 'Dim plan pages' });
  await expect(dim).toHaveAttribute('aria-pressed', 'false');
  await dim.click();
  await expect(dim).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.crl-pdf-page__sheet canvas').first()).toHaveCSS('filter', 'brightness(0.55)');
  await expectNoSeriousA11yViolations(page);
});
