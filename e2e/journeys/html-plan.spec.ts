import { SCENARIOS } from '../../mocks/data/catalogue';
import { HOSTILE_PLAN_MARKERS } from '../../mocks/data/documents/crisis-plan-html';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test('an HTML plan is readable, and its scripts, handlers and remote loads do not run', async ({ lookup: screen, page, services }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await screen.search(SCENARIOS.planHtml.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByRole('heading', { name: 'Triggers' })).toBeVisible();
  await expect(plan.getByRole('heading', { name: 'What helps' })).toBeVisible();

  expect(await page.title()).not.toBe(HOSTILE_PLAN_MARKERS.pwnedTitle);
  expect(await page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], HOSTILE_PLAN_MARKERS.scriptFlag)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(services.requests.map((r) => r.url()).filter((url) => url.startsWith(HOSTILE_PLAN_MARKERS.trackerOrigin))).toEqual([]);
  await expectNoSeriousA11yViolations(page);
});
