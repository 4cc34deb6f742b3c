import { test as demoTest } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import {
  PUBLISHED_TOO_MANY_MATCHES,
  publishedEntry,
  publishedJaneSmith,
  publishedJayneSmyth,
  publishedMinimalPatient,
  publishedRestrictedJanetSmythe,
  publishedSearchContractBreaches,
  SANDBOX_EMPTY_SEARCHSET,
  SANDBOX_NOT_SUPPORTED,
  sandboxSearchset,
} from '../../app/test-support/pds-published-search';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { FindPersonScreen, isPdsSearch } from '../support/find-person-screen';
import { LookupScreen } from '../support/lookup-screen';
import { CORS_HEADERS } from '../support/national-services';
import { controlPageByServiceWorker } from '../support/service-worker';
import { expect, liveTest as test } from '../support/test';

const AMELIA = { family: 'Crossley', given: 'Amelia', born: { day: '14', month: '3', year: '1991' } };
/** Any whole UK postcode. */
const POSTCODE = /[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}/;

test('a crew finds a person by name and date of birth, chooses them, and reads their plan', async ({ lookup: screen, page, services }) => {
  // The NHS number is still the first thing offered, its box ready to type in.
  await expect(screen.nhsNumber).toBeFocused();
  const find = new FindPersonScreen(page);
  await find.search(AMELIA);
  await expect(page.getByRole('heading', { name: '1 person found' })).toBeVisible();
  await expect(find.people).toHaveCount(1);
  await expect(find.people.first()).toContainText('14 March 1991');
  await expect(find.people.first()).toContainText('Exact');
  // One exact match still waits for the crew: nothing about her is read until she is chosen.
  expect(services.requests.filter((r) => /\/Patient\/\d{10}$/.test(new URL(r.url()).pathname))).toHaveLength(0);
  expect(services.requests.filter((r) => r.url().includes('DocumentReference'))).toHaveLength(0);
  await expectNoSeriousA11yViolations(page);

  await find.choose('Amelia CROSSLEY').click();
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');
  await expect(screen.patientBanner).toContainText('999 000 0018');
  await expect(screen.nhsNumber).toHaveValue('999 000 0018');
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  // The ordinary lookup ran: PDS read the chosen number.
  expect(services.requests.some((r) => new URL(r.url()).pathname.endsWith(`/Patient/${SCENARIOS.planPdf.nhsNumber}`))).toBe(true);
});

test('several people match: ranked best first, the crew picks the right one, and the banner confirms it', async ({ lookup: screen, page }) => {
  const find = new FindPersonScreen(page);
  await find.search({ family: 'Crossley', given: 'Amelia', born: { year: '1991' } });
  await expect(page.getByRole('heading', { name: '2 people found' })).toBeVisible();
  await expect(find.people).toHaveCount(2);
  await expect(find.people.nth(0)).toContainText('14 March 1991');
  await expect(find.people.nth(1)).toContainText('Amelia Rose CROSSLEY');
  await expect(find.people.nth(1)).toContainText('2 July 1991');
  await expect(find.people.nth(1)).toContainText('FY1 0ZZ');

  await find.choose(/^Choose Amelia Rose CROSSLEY, born 2 July 1991/).click();
  await expect(screen.patientBanner).toContainText('Amelia Rose CROSSLEY');
  await expect(screen.patientBanner).toContainText('999 000 2002');
  await expect(screen.patientBanner).not.toContainText('999 000 0018');
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();

  // Back to the results: they waited, and no record is shown beside them.
  await find.switchToDetails.click();
  await expect(find.people).toHaveCount(2);
  await expect(screen.patientBanner).toHaveCount(0);
});

test('too many matches lists nobody and asks for more details', async ({ lookup: screen, page }) => {
  await expect(screen.nhsNumber).toBeVisible();
  const find = new FindPersonScreen(page);
  await find.search({ family: 'Whitworth', born: { ages: ['30', '60'] } });
  await expect(page.getByRole('heading', { name: 'Too many people match' })).toBeVisible();
  await expect(page.getByText('More than 10 people match these details, so none are shown.')).toBeVisible();
  await expect(page.getByText('a given name', { exact: true })).toBeVisible();
  await expect(find.people).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test('no match offers wider matching, and what it finds is marked as such', async ({ lookup: screen, page, services }) => {
  const find = new FindPersonScreen(page);
  await find.search({ family: 'Kettridge', given: 'Samuel', born: { day: '17', month: '9', year: '1988' } });
  await expect(page.getByRole('heading', { name: 'No one found' })).toBeVisible();
  await page.getByRole('button', { name: 'Search with wider matching' }).click();
  await expect(page.getByRole('heading', { name: '1 person found' })).toBeVisible();
  await expect(page.getByText('Found with wider matching')).toBeVisible();
  await expect(find.people.first()).toContainText('Samuel KETTERIDGE');
  await expect(find.people.first()).not.toContainText('Exact');
  const searches = services.requests.filter(isPdsSearch).map((r) => new URL(r.url()).searchParams.get('_fuzzy-match'));
  expect(searches).toEqual([null, 'true']);
  await expectNoSeriousA11yViolations(page);

  // His old number was superseded: PDS lists only the record that replaced it, and choosing him
  // runs the NHS-number lookup on that current number.
  const spaced = (nhs: string) => nhs.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3');
  await expect(find.people.first()).toContainText(spaced(SCENARIOS.superseded.currentNhsNumber));
  await expect(find.people.first()).not.toContainText(spaced(SCENARIOS.superseded.nhsNumber));
  await find.choose('Samuel KETTERIDGE').click();
  await expect(screen.patientBanner).toContainText('Samuel KETTERIDGE');
  await expect(screen.patientBanner).toContainText(spaced(SCENARIOS.superseded.currentNhsNumber));
  expect(services.requests.some((r) => new URL(r.url()).pathname.endsWith(`/Patient/${SCENARIOS.superseded.currentNhsNumber}`))).toBe(true);
});

test("a restricted person's postcode is never shown in the results", async ({ lookup: screen, page }) => {
  await expect(screen.nhsNumber).toBeVisible();
  const find = new FindPersonScreen(page);
  await find.search({ family: 'Ellison', born: { year: '1995' } });
  await expect(page.getByRole('heading', { name: '2 people found' })).toBeVisible();
  const restricted = find.people.filter({ hasText: '999 000 0050' });
  await expect(restricted).toContainText('Address withheld');
  expect(await restricted.innerText()).not.toMatch(POSTCODE);
  await expect(find.people.filter({ hasNotText: '999 000 0050' })).toContainText(POSTCODE);
  await expectNoSeriousA11yViolations(page);
});

test('invalid details never reach PDS: the error summary says what to fix', async ({ lookup: screen, page, services }) => {
  await expect(screen.nhsNumber).toBeVisible();
  const find = new FindPersonScreen(page);
  await find.search({ family: 'C*', born: { day: '31', month: '2', year: '1991' }, postcode: 'L' });
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Family name must have at least 2 letters before *' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Date of birth must be a real date' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Enter a whole postcode/ })).toBeVisible();
  await summary.getByRole('link', { name: 'Date of birth must be a real date' }).click();
  await expect(page.getByLabel('Day', { exact: true })).toBeFocused();
  await find.search({ family: 'Crossley', born: { day: '1', month: '1', year: String(new Date().getFullYear() + 1) } });
  await expect(page.getByRole('alert').getByRole('link', { name: 'Date of birth must be in the past' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(services.requests.filter(isPdsSearch)).toEqual([]);
});

test('with no signal, a search by details finds a saved plan by name, labelled as a search of this device', async ({ lookup: screen, page, context, services }) => {
  // As on a crew's tablet: the worker has the app, the search by details included, in its precache.
  await controlPageByServiceWorker(page);
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  await context.setOffline(true);
  const before = services.requests.filter(isPdsSearch).length;

  const find = new FindPersonScreen(page);
  await find.search({ family: 'crossley', born: { year: '1991' } });
  await expect(page.getByRole('heading', { name: 'Saved on this device, not a national search' })).toBeVisible();
  await expect(find.people).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
  await find.choose('Amelia CROSSLEY').click();
  await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText(/Retrieved \d\d:\d\d/);
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');

  // Nothing saved matches: it says a search by details needs signal, and nothing waits to run.
  await find.search({ family: 'Whitworth', given: 'Daniel', born: { year: '1985' } });
  await expect(page.getByRole('heading', { name: 'A search by details needs signal' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A search by details needs signal' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Searches waiting for signal' })).toHaveCount(0);
  await expect(page.getByText(/The search is waiting/)).toHaveCount(0);
  expect(services.requests.filter(isPdsSearch)).toHaveLength(before);
});

test('live mode reads the replies PDS publishes, not only our mocks, and sends only what the spec allows', async ({ lookup: screen, page, context }) => {
  await expect(screen.nhsNumber).toBeVisible();
  // PDS's search answered with the spec's and sandbox's own example replies, in turn.
  const replies: object[] = [
    sandboxSearchset(
      publishedEntry(publishedMinimalPatient(), 0.75),
      publishedEntry(publishedJayneSmyth(), 0.8343),
      publishedEntry(publishedJaneSmith(), 0.8343),
      publishedEntry(publishedRestrictedJanetSmythe(), 1),
    ),
    PUBLISHED_TOO_MANY_MATCHES,
    SANDBOX_EMPTY_SEARCHSET,
    SANDBOX_NOT_SUPPORTED,
  ];
  const sent: string[] = [];
  await context.route(
    (url) => url.pathname.endsWith('/Patient') && url.search !== '',
    async (route) => {
      sent.push(route.request().url());
      const headers = await route.request().allHeaders();
      await route.fulfill({
        status: 200,
        headers: { 'content-type': 'application/fhir+json', 'x-request-id': headers['x-request-id'] ?? '', 'x-correlation-id': headers['x-correlation-id'] ?? '', ...CORS_HEADERS },
        body: JSON.stringify(replies.shift()),
      });
    },
  );
  const find = new FindPersonScreen(page);

  await find.search({ family: 'Sm*', born: { day: '22', month: '10', year: '2010' } });
  await expect(page.getByRole('heading', { name: '4 people found' })).toBeVisible();
  await expect(find.people.nth(0)).toContainText('Janet SMYTHE');
  await expect(find.people.nth(0)).toContainText('Address withheld');
  await expect(find.people.nth(0)).toContainText('Exact');
  await expect(find.people.nth(1)).toContainText('Jane SMITH');
  await expect(find.people.nth(1)).toContainText('Recorded as deceased on 22 October 2010');
  await expect(find.people.nth(2)).toContainText('Jayne SMYTH');
  await expect(find.people.nth(3)).toContainText('Name not available');
  await expect(find.people.nth(3)).toContainText('900 000 0033');
  await expect(find.people.nth(3)).toContainText('Partial');
  expect(await find.people.nth(0).innerText()).not.toMatch(POSTCODE);
  await expectNoSeriousA11yViolations(page);

  await find.search({ family: 'Sm*', born: { year: '2010' } });
  await expect(page.getByRole('heading', { name: 'Too many people match' })).toBeVisible();
  await find.search({ family: 'Smith', given: 'Jane', born: { day: '22', month: '10', year: '2010' } });
  await expect(page.getByRole('heading', { name: 'No one found' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Search with wider matching' })).toBeVisible();
  // The sandbox's "no example for this combination": no search was done, so never "No one found".
  await page.getByRole('button', { name: 'Search with wider matching' }).click();
  await expect(page.getByRole('heading', { name: 'The search did not finish' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No one found' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  expect(sent).toHaveLength(4);
  expect(sent.flatMap((url) => publishedSearchContractBreaches(url).map((breach) => `${url}: ${breach}`))).toEqual([]);
});

demoTest('demo mode: the trainer tries a search by details from the list, and every result is synthetic', async ({ page }) => {
  const screen = new LookupScreen(page);
  await screen.open();
  await page.getByRole('button', { name: 'Several matches, ranked' }).click();
  await expect(page.getByLabel('Family name')).toHaveValue('Cro*');
  await expect(page.getByLabel('Year of birth', { exact: true })).toHaveValue('1991');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { name: '3 people found' })).toBeVisible();
  await expect(new FindPersonScreen(page).people.first()).toContainText('Partial');
  await expectNoSeriousA11yViolations(page);
});
