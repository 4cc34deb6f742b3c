import { readFile } from 'node:fs/promises';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { acceptedAuditEvents } from '../support/audit-deliveries';
import { AccessHistoryScreen } from '../support/access-history-screen';
import { LIVE_CONFIG, type NationalServicesRecorder } from '../support/national-services';
import type { Locator } from '@playwright/test';
import { TABLETS } from '../support/screen-audit';
import { expect, liveTest as test } from '../support/test';
import { LookupScreen } from '../support/lookup-screen';
import { SignInPages } from '../support/sign-in';
import { PEOPLE } from '../../mocks/identity/people';

/**
 * A clinical lead reviews who looked at which patient's record: the accesses a crew's lookups
 * recorded, read back from the trust's audit service (GET AuditEvent), filtered and exported.
 */

const auditBase = LIVE_CONFIG.services.audit;

/** How many access events the audit service has accepted so far. */
async function deliveredCount(services: NationalServicesRecorder): Promise<number> {
  return (await acceptedAuditEvents(services)).length;
}

/** "943 476 5919", as the screen and the export show NHS numbers. */
const spaced = (nhs: string) => `${nhs.slice(0, 3)} ${nhs.slice(3, 6)} ${nhs.slice(6)}`;

test('a paramedic’s lookups are recorded under their name; they cannot open the history, even by URL; a lead can, and filters by person and NHS number', async ({ lookup, page, services }) => {
  const planPatient = SCENARIOS.planPdf.nhsNumber;
  const otherPatient = SCENARIOS.noPointers.nhsNumber;
  const paramedic = `${PEOPLE.paramedic.name}, Health Professional Access Role`;

  // A paramedic looks up two patients; the first has a crisis plan, which they open.
  await lookup.search(planPatient);
  await expect(lookup.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await lookup.search(otherPatient);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
  // PDS read, NRL search and plan retrieved for the first; PDS read and NRL search for the second.
  await expect.poll(() => deliveredCount(services), { timeout: 20_000 }).toBe(5);

  // The access history is not on offer to a paramedic, and the URL is refused after signing in.
  await expect(page.getByRole('link', { name: 'Access history' })).toHaveCount(0);
  await page.goto('/history');
  await lookup.signInIfAsked();
  await expect(page.getByRole('heading', { level: 1, name: 'Your role cannot open this page' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Access history' })).toHaveCount(0);
  expect(services.requests.filter((r) => r.method() === 'GET' && r.url().startsWith(`${auditBase}/AuditEvent?`))).toEqual([]);

  // The paramedic signs out; a clinical lead signs in on the same tablet.
  const signedIn = page.getByRole('region', { name: 'Signed in' });
  await signedIn.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Yes, sign out' }).click();
  await lookup.signInButton.click();
  await new SignInPages(page).signInAs(PEOPLE.clinicalLead);
  // Someone else: the paramedic's saved data went, so the lead sets a shift PIN of their own.
  await lookup.enterShiftPin();
  await expect(signedIn).toContainText(PEOPLE.clinicalLead.name);
  await expect(signedIn).toContainText('Clinical Practitioner Access Role');
  await expect(signedIn).toContainText('Synthetic Ambulance Service NHS Trust (RX8)');

  // The lead opens Access history from the header: every access names the paramedic and their role.
  const history = new AccessHistoryScreen(page);
  await history.open();
  await expect(history.table('5 accesses')).toBeVisible();
  const all = await history.rows();
  expect(all.map(([, what, nhs, who, organisation]) => `${what} for ${nhs} by ${who} at ${organisation}`).sort()).toEqual(
    [
      `Patient details for ${spaced(planPatient)} by ${paramedic} at Synthetic Ambulance Service NHS Trust (RX8)`,
      `Record search for ${spaced(planPatient)} by ${paramedic} at Synthetic Ambulance Service NHS Trust (RX8)`,
      `Document retrieved for ${spaced(planPatient)} by ${paramedic} at Synthetic Ambulance Service NHS Trust (RX8)`,
      `Patient details for ${spaced(otherPatient)} by ${paramedic} at Synthetic Ambulance Service NHS Trust (RX8)`,
      `Record search for ${spaced(otherPatient)} by ${paramedic} at Synthetic Ambulance Service NHS Trust (RX8)`,
    ].sort(),
  );
  expect(all.every(([when, , , , , outcome]) => /^\d{1,2} \w+ \d{4}, \d\d:\d\d:\d\d (GMT|BST)$/.test(when!) && outcome === 'Answered (200)')).toBe(true);
  // Newest first: the second patient was looked up last.
  expect(all[0]![2]).toBe(spaced(otherPatient));
  await expectNoSeriousA11yViolations(page);

  // Only this paramedic's accesses, asked of the audit service by their CIS2 id.
  await history.who.selectOption(`${PEOPLE.paramedic.name} (Health Professional Access Role)`);
  await history.showRecords.click();
  await expect(history.table('5 accesses')).toBeVisible();
  const byPerson = services.requests.filter((r) => r.method() === 'GET' && r.url().startsWith(`${auditBase}/AuditEvent?`)).at(-1)!;
  expect(new URL(byPerson.url()).searchParams.get('altid')).toBe(PEOPLE.paramedic.sub);

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
  expect(lines[0]).toBe('When,What,NHS number,Who,Organisation,Outcome');
  // The rest as shown; the time as ISO 8601 with its UK offset, at the clock time the table shows.
  const rows = lines.slice(1, -1);
  expect(rows.map((line) => line.slice(line.indexOf(',') + 1))).toEqual(
    filtered.map((cells) => cells.slice(1).map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',')),
  );
  rows.forEach((line, index) => {
    const iso = line.slice(0, line.indexOf(','));
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[01]:00$/);
    expect(filtered[index]![0]).toContain(`, ${iso.slice(11, 19)} ${iso.endsWith('+01:00') ? 'BST' : 'GMT'}`);
  });
  expect(lines.at(-1)).toBe('');

  // Night shift: the same screen in the dark theme.
  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  await expect(page.getByRole('button', { name: 'Dark mode: on' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Back to the lookup: the paramedic's patients went with the sign-out.
  await history.navigation.getByRole('link', { name: 'Find a crisis plan' }).click();
  await expect(lookup.nhsNumber).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toHaveCount(0);
});

test('a lead is told plainly when the NHS number to filter by is not one', async ({ page, services }) => {
  void services;
  await new LookupScreen(page).open(PEOPLE.clinicalLead);
  const history = new AccessHistoryScreen(page);
  await history.open();
  await expect(page.getByText('No access recorded for these filters')).toBeVisible();
  await history.nhsNumber.fill('943 476 5918');
  await history.showRecords.click();
  await expect(page.getByRole('alert')).toContainText('NHS number is not a valid NHS number: check the digits');
  // The answer to the last good filters goes, so it cannot be read as this one's.
  await expect(page.getByText('No access recorded for these filters')).toHaveCount(0);
  await expect(page.getByText('No records are shown until the filters are corrected.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

/**
 * The filters' boxes, grouped into the lines they wrap onto: for each line, the bottom edge of
 * each box on it (CSS px, rounded).
 */
async function filterLines(form: Locator): Promise<number[][]> {
  const boxes = await form.locator('input, select').evaluateAll((elements) =>
    elements.map((el) => el.getBoundingClientRect()).map((box) => ({ top: box.top, bottom: box.bottom })),
  );
  const lines: { top: number; bottom: number; bottoms: number[] }[] = [];
  for (const box of boxes.sort((a, b) => a.top - b.top)) {
    const line = lines.find((l) => box.top < l.bottom && box.bottom > l.top);
    if (line) line.bottoms.push(Math.round(box.bottom));
    else lines.push({ top: box.top, bottom: box.bottom, bottoms: [Math.round(box.bottom)] });
  }
  return lines.map((line) => line.bottoms);
}

for (const tablet of TABLETS) {
  test(`the filters line up at ${tablet.name}, an inline error included (issue 9 point 8)`, async ({ page, services }) => {
    void services;
    await page.setViewportSize(tablet.viewport);
    await new LookupScreen(page).open(PEOPLE.clinicalLead);
    const history = new AccessHistoryScreen(page);
    await history.open();
    const form = page.locator('form').filter({ has: history.showRecords });
    const lineUp = async (): Promise<void> => {
      const lines = await filterLines(form);
      test.info().annotations.push({ type: 'measured', description: `${tablet.name}: box bottoms per line ${JSON.stringify(lines)}` });
      // Several boxes share a line, and every box on a line ends where the others do.
      expect(lines.some((bottoms) => bottoms.length > 1)).toBe(true);
      for (const bottoms of lines) expect(Math.max(...bottoms) - Math.min(...bottoms)).toBeLessThanOrEqual(1);
    };
    await lineUp();
    await history.nhsNumber.fill('943 476 5918');
    await history.showRecords.click();
    await expect(page.getByRole('alert')).toBeVisible();
    await lineUp();
  });
}
