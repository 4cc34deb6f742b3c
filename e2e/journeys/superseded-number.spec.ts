import { SCENARIOS } from '../../mocks/data/catalogue';
import { expect, liveTest as test } from '../support/test';

test('a superseded NHS number is replaced by the current one, and records are shown for it', async ({ lookup: screen, page, services }) => {
  await screen.search(SCENARIOS.superseded.nhsNumber);
  await expect(screen.patientBanner).toContainText('NHS number 999 000 0069 has been replaced by 999 000 0077');
  await expect(screen.patientBanner.getByText('999 000 0077', { exact: true })).toBeVisible();
  await expect(screen.record('Mental health crisis plan')).toContainText('NHS number 999 000 0077');
  await expect(page.getByText('Filed under current NHS number 999 000 0077')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toHaveCount(0);

  // NRL was asked again with the current number.
  const bodies = services.requests.filter((r) => r.url().endsWith('/DocumentReference/_search')).map((r) => r.postData() ?? '');
  expect(bodies.some((body) => body.includes('9990000077'))).toBe(true);
});

const searchedNumbers = (services: { requests: { url(): string; postData(): string | null }[] }) =>
  services.requests.filter((r) => r.url().endsWith('/DocumentReference/_search')).map((r) => /\|(\d{10})"/.exec(r.postData() ?? '')?.[1]);

test('a crisis plan still filed under the replaced number is shown, saying so, and never "No crisis plan found"', async ({ lookup: screen, page, services }) => {
  const { nhsNumber, currentNhsNumber } = SCENARIOS.supersededOldPointer;
  await screen.search(nhsNumber);
  await expect(screen.patientBanner).toContainText('NHS number 999 000 0700 has been replaced by 999 000 0719');
  await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toBeVisible();
  await expect(page.getByText('Filed under old NHS number 999 000 0700')).toBeVisible();
  const plan = screen.record('Mental health crisis plan');
  await expect(plan).toContainText('NHS number 999 000 0719');
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
  // One search under each number: the answer under the typed number was kept, not asked again.
  expect(searchedNumbers(services).sort()).toEqual([nhsNumber, currentNhsNumber].sort());

  // The saved copy keeps the plan under the old number, found from the list by the current one.
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  await page.getByRole('list', { name: 'Saved on this device' }).getByRole('button', { name: /Rosalind ASHDOWN/ }).click();
  await expect(page.getByText('Filed under old NHS number 999 000 0700')).toBeVisible();
  await expect(screen.record('Mental health crisis plan')).toBeVisible();
});

test('plans filed under the old and the current number are listed together, each with its number', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.supersededBothNumbers.nhsNumber);
  await expect(page.getByRole('heading', { name: '2 crisis plans found' })).toBeVisible();
  const list = page.getByRole('list', { name: '2 records found' });
  await expect(list.getByRole('button').filter({ hasText: 'Filed under current NHS number 999 000 0735' })).toHaveCount(1);
  await expect(list.getByRole('button').filter({ hasText: 'Filed under old NHS number 999 000 0727' })).toHaveCount(1);
  await list.getByRole('button').filter({ hasText: 'Filed under old NHS number 999 000 0727' }).click();
  await expect(page.getByText('Filed under old NHS number 999 000 0727', { exact: true })).toBeVisible();
  await expect(screen.record('Mental health crisis plan')).toContainText('NHS number 999 000 0735');
});
