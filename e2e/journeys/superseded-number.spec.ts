import { SCENARIOS } from '../../mocks/data/catalogue';
import { expect, liveTest as test } from '../support/test';

test('a superseded NHS number is replaced by the current one, and records are shown for it', async ({ lookup: screen, page, services }) => {
  await screen.search(SCENARIOS.superseded.nhsNumber);
  await expect(screen.patientBanner).toContainText('NHS number 999 000 0069 has been replaced by 999 000 0077');
  await expect(screen.patientBanner.getByText('999 000 0077', { exact: true })).toBeVisible();
  await expect(screen.record('Mental health crisis plan')).toContainText('NHS number 999 000 0077');
  await expect(page.getByRole('heading', { name: 'Could not check for a crisis plan' })).toHaveCount(0);

  // NRL was asked again with the current number.
  const bodies = services.requests.filter((r) => r.url().endsWith('/DocumentReference/_search')).map((r) => r.postData() ?? '');
  expect(bodies.some((body) => body.includes('9990000077'))).toBe(true);
});
