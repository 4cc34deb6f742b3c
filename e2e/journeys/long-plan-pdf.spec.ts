import type { Locator } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { expect, liveTest as test } from '../support/test';

/** Canvases in the plan that hold a bitmap, and their device pixels together. */
async function canvasesDrawn(plan: Locator): Promise<{ drawn: number; pixels: number }> {
  return plan.evaluate((element) => {
    const sizes = Array.from(element.querySelectorAll('canvas'), (canvas) => canvas.width * canvas.height);
    return { drawn: sizes.filter((size) => size > 0).length, pixels: sizes.reduce((sum, size) => sum + size, 0) };
  });
}

test('a 400-page PDF plan shows its first pages, says how many are not shown, and draws only the pages near the screen', async ({
  lookup: screen,
  page,
}) => {
  await screen.search(SCENARIOS.planPdfLong.nhsNumber);
  const plan = screen.record('Mental health crisis plan');

  // The first page reads at once, as a two-page plan's does.
  await expect(page.getByRole('group', { name: 'Page 1 of 400' })).toBeVisible();
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
  await expect(plan.getByText('Name: Tomasz Wieczorek')).toBeVisible();

  // Only the first 50 pages are laid out, and the crew is told, before and after them.
  await expect(plan.getByText(/This plan has 400 pages\. Only the first 50 are shown here: 350 pages are not shown\./)).toHaveCount(2);
  await expect(plan.getByText(/The full plan is with the care team that wrote it/).first()).toBeVisible();
  await expect(plan.getByRole('group', { name: /^Page \d+ of 400$/ })).toHaveCount(50);
  await expect(plan.getByRole('group', { name: 'Page 51 of 400' })).toHaveCount(0);

  // A few canvases, not one per page: the rest are white sheets of the page's size.
  const first = await canvasesDrawn(plan);
  expect(first.drawn).toBeGreaterThanOrEqual(1);
  expect(first.drawn).toBeLessThanOrEqual(4);
  expect(first.pixels).toBeLessThan(40_000_000);
  const sheetHeight = (name: string) =>
    plan.getByRole('group', { name }).locator('.crl-pdf-page__sheet').evaluate((sheet) => sheet.getBoundingClientRect().height);
  expect(await sheetHeight('Page 40 of 400')).toBeCloseTo(await sheetHeight('Page 1 of 400'), 0);

  // Ctrl+F and screen readers find the words of pages never drawn: the text layers are built
  // in idle time for every page laid out, with no canvas behind them.
  const page45 = plan.getByRole('group', { name: 'Page 45 of 400' });
  await expect(page45.getByText('Progress note 43', { exact: true })).toHaveCount(1);
  expect(await page45.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width * canvas.height)).toBe(0);

  // Scrolling on draws the page reached, and gives back the canvases of the pages left behind.
  const page30 = plan.getByRole('group', { name: 'Page 30 of 400' });
  await page30.scrollIntoViewIfNeeded();
  await expect(page30.getByText('Progress note 28', { exact: true })).toBeVisible();
  await expect.poll(() => page30.locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(0);
  await expect
    .poll(() => plan.getByRole('group', { name: 'Page 1 of 400' }).locator('canvas').evaluate((canvas: HTMLCanvasElement) => canvas.width))
    .toBe(0);
  const later = await canvasesDrawn(plan);
  expect(later.drawn).toBeLessThanOrEqual(4);
  expect(later.pixels).toBeLessThan(40_000_000);

  // The first page's words are still there for Ctrl+F and screen readers, though not drawn.
  await expect(plan.getByText('Triggers', { exact: true })).toHaveCount(1);
});
