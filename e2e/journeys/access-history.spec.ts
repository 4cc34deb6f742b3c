import { readFile } from 'node:fs/promises';
import type { Request } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { AccessHistoryScreen } from '../support/access-history-screen';
import { LIVE_CONFIG, type NationalServicesRecorder } from '../support/national-services';
import { expect, liveTest as test } from '../support/test';

/**
 * A clinical lead reviews who looked at which patient's record: the accesses a crew's lookups
 * recorded, read back from the trust's audit service (GET AuditEvent), filtered and exported.
 */

const auditBase = LIVE_CONFIG.services.audit;

/** How many access events the audit service has accepted so far. */
async function deliveredCount(services: NationalServicesRecorder): Promise<number> {
  const puts = services.requests.filter((r: Request) => r.method() === 'PUT' && r.url().startsWith(`${auditBase}/AuditEvent/`));
  const statuses = await Promise.all(puts.map(async (r) => (await r.response())?.status()));
  return statuses.filter((status) => status === 200 || status === 201).length;
}

/** "943 476 5919", as the screen and the export show NHS numbers. */
const spaced = (nhs: string) => `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;

test('a lead sees the accesses a crew’s lookups recorded, filters by NHS number and exports them', async ({ lookup, page, services }) => {
  const planPatient = SCENARIOS.planPdf.nhsNumber;
  const otherPatient = SCENARIOS.noPointers.nhsNumber;

  // A crew looks up two patients; the first has a crisis plan, which they open.
  await lookup.search(planPatient);
  await expect(lookup.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await lookup.search(otherPatient);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
  // PDS read, NRL search and plan retrieved for the first; PDS read and NRL search for the second.
  await expect.poll(() => deliveredCount(services), { timeout: 20_000 }).toBe(5);

  // The lead opens Access history from the header.
  const history = new AccessHistoryScreen(page);
  await history.open();
  await expect(page.getByText('No records of access are waiting on this device: everything from it has been sent to the audit service.')).toBeVisible();
  await expect(history.table('5 accesses')).toBeVisible();
  const all = await history.rows();
  expect(all.map(([, what, nhs, organisation]) => `${what} for ${nhs} by ${organisation}`).sort()).toEqual(
    [
      `Patient details for ${spaced(planPatient)} by RX8`,
      `Record search for ${spaced(planPatient)} by RX8`,
      `Document retrieved for ${spaced(planPatient)} by RX8`,
      `Patient details for ${spaced(otherPatient)} by RX8`,
      `Record search for ${spaced(otherPatient)} by RX8`,
    ].sort(),
  );
  expect(all.every(([when, , , , outcome]) => /^\d{1,2} \w+ \d{4}, \d\d:\d\d:\d\d$/.test(when!) && outcome === 'Answered (200)')).toBe(true);
  // Newest first: the second patient was looked up last.
  expect(all[0]![2]).toBe(spaced(otherPatient));
  await expectNoSeriousA11yViolations(page);

  // Only the patient with the plan.
  await history.nhsNumber.fill(spaced(planPatient));
  await history.showRecords.click();
  await expect(history.table('3 accesses')).toBeVisible();
  const filtered = await history.rows();
  expect(filtered.map(([, what, nhs]) => `${what} for ${nhs}`).sort()).toEqual(
    [`Patient details for ${spaced(planPatient)}`, `Record search for ${spaced(planPatient)}`, `Document retrieved for ${spaced(planPatient)}`].sort(),
  );
  const searches = services.requests.filter((r) => r.method() === 'GET' && r.url().startsWith(`${auditBase}/AuditEvent?`));
  expect(new URL(searches.at(-1)!.url()).searchParams.get('patient:identifier')).toBe(`https://fhir.nhs.uk/Id/nhs-number|${planPatient}`);

  // Export CSV: what is shown, header first.
  const downloading = page.waitForEvent('download');
  await history.exportCsv.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^access-history-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('When,What,NHS number,Organisation,Outcome');
  expect(lines.slice(1, -1)).toEqual(filtered.map((cells) => cells.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',')));
  expect(lines.at(-1)).toBe('');

  // Night shift: the same screen in the dark theme.
  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  await expect(page.getByRole('button', { name: 'Dark mode: on' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Back to the lookup: the crew's last result is still there.
  await history.navigation.getByRole('button', { name: 'Find a crisis plan' }).click();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
});

test('a lead is told plainly when the NHS number to filter by is not one', async ({ lookup, page }) => {
  void lookup;
  const history = new AccessHistoryScreen(page);
  await history.open();
  await expect(page.getByText('No access recorded for these filters')).toBeVisible();
  await history.nhsNumber.fill('943 476 5918');
  await history.showRecords.click();
  await expect(page.getByRole('alert')).toContainText('NHS number is not a valid NHS number: check the digits');
  await expectNoSeriousA11yViolations(page);
});
