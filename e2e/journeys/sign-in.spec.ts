import { SCENARIOS } from '../../mocks/data/catalogue';
import { PEOPLE } from '../../mocks/identity/people';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { acceptedAuditEvents } from '../support/audit-deliveries';
import { deviceRows } from '../support/device-rows';
import { LookupScreen } from '../support/lookup-screen';
import { LIVE_CONFIG, useLiveNationalServices, type NationalServicesRecorder } from '../support/national-services';
import { controlPageByServiceWorker } from '../support/service-worker';
import { SignInPages } from '../support/sign-in';
import { expect, liveTest as test } from '../support/test';

/**
 * Issue 10: who is holding the tablet. Every journey signs in at the local provider configured
 * like CIS2 (mocks/identity/), through its pages, as a crew member would.
 */

const PLAN = SCENARIOS.planPdf.nhsNumber;


/** The AuditEvents the audit service accepted, as "what by whom". */
async function delivered(services: NationalServicesRecorder): Promise<string[]> {
  const events = await acceptedAuditEvents<{ entity: { description?: string }[]; agent: { requestor: boolean; who: { display?: string } }[] }>(services);
  return events.map((event) => `${event.entity[1]?.description} by ${event.agent.find((agent) => agent.requestor)?.who.display}`);
}

test('a person whose role grants nothing is told so, sees no patient screen, and can sign out', async ({ page, services }) => {
  void services;
  const screen = new LookupScreen(page);
  await page.goto('/');
  await screen.signInButton.click();
  await new SignInPages(page).signInAs(PEOPLE.noEligibleRole);

  await expect(page.getByRole('heading', { level: 1, name: 'Your role cannot use this app' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('That role does not give access to crisis plans here.');
  await expect(screen.nhsNumber).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Access history' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(screen.signInButton).toBeVisible();
  // The provider's session ended too: signing in asks who it is again.
  await screen.signInButton.click();
  await expect(new SignInPages(page).people).toBeVisible();
});

test('signing out with no signal leaves no plan, no queued search and no key for that person; their access records are still delivered', async ({ lookup: screen, page, context, services }) => {
  // As on a crew's tablet: the worker has the whole app, the sign-in page included, for no signal.
  await controlPageByServiceWorker(page);
  await screen.search(PLAN);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();

  // No signal: the saved copy is opened (an access, waiting to be sent) and a search is queued.
  await context.setOffline(true);
  await screen.search(PLAN);
  await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText(/Retrieved \d\d:\d\d/);
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(page.getByText(/The search is waiting and will run by itself/)).toBeVisible();
  const before = await deviceRows(page);
  expect(before.plans).toHaveLength(1);
  expect(before.queuedLookups).toHaveLength(1);
  expect(before.keys!.sort()).toEqual(['access-log', 'device']);
  expect(before.session!.sort()).toEqual(['offline-session', 'owner']);

  const signedIn = page.getByRole('region', { name: 'Signed in' });
  await signedIn.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Yes, sign out' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are signed out and nothing about patients is left on this tablet' })).toBeVisible();
  await expect(screen.signInButton).toBeVisible();

  const after = await deviceRows(page);
  expect(after.plans).toEqual([]);
  expect(after.queuedLookups).toEqual([]);
  expect(after.keys).toEqual(['access-log']);
  expect(after.session).toEqual([]);
  expect(after.accessEvents!.length).toBeGreaterThan(0);
  expect(await delivered(services)).not.toContainEqual(expect.stringContaining('Copy saved on this device'));

  // Signal back: the next person must prove who they are (CIS2 was not told of the sign-out).
  await context.setOffline(false);
  await screen.signInButton.click();
  await new SignInPages(page).signInAs(PEOPLE.secondParamedic);
  await screen.enterShiftPin();
  await expect(signedIn).toContainText(PEOPLE.secondParamedic.name);
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();
  // The first paramedic's look at the saved copy reaches the audit service, in their name.
  await expect.poll(() => delivered(services), { timeout: 20_000 }).toContainEqual(`Copy saved on this device, opened by ${PEOPLE.paramedic.name}`);
  // The queued search went with the sign-out: it never ran for the next person.
  expect(services.requests.filter((r) => r.url().includes(SCENARIOS.noPointers.nhsNumber) || (r.postData() ?? '').includes(SCENARIOS.noPointers.nhsNumber))).toEqual([]);
});

test('a second person signing in on the same tablet sees none of the first person’s saved patients', async ({ lookup: screen, page, services }) => {
  void services;
  await screen.search(PLAN);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  await expect(page.getByRole('list', { name: 'Saved on this device' })).toContainText('Amelia CROSSLEY');

  // The first paramedic leaves without signing out; a crewmate signs in (CIS2 asks who it is).
  const signedIn = page.getByRole('region', { name: 'Signed in' });
  await signedIn.getByRole('button', { name: 'Change role' }).click();
  await new SignInPages(page).signInAs(PEOPLE.secondParamedic);
  // The first person's plans went, and their PIN with them: the crewmate sets their own.
  await expect(page.getByRole('heading', { level: 1, name: 'Set a shift PIN' })).toBeVisible();
  await screen.enterShiftPin();

  await expect(signedIn).toContainText(PEOPLE.secondParamedic.name);
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();
  await expect(page.getByText('Amelia CROSSLEY')).toHaveCount(0);
  expect((await deviceRows(page)).plans).toEqual([]);
});

test('a tablet restarted with no signal resumes the last person for saved copies only, marked as an offline session', async ({ lookup: screen, page, context }) => {
  await controlPageByServiceWorker(page);
  await screen.search(PLAN);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  // Whose saved copies these are is sealed: the shift PIN comes first, before any name is shown.
  await expect(screen.pinHeading).toBeVisible();
  await expect(page.getByText(PEOPLE.paramedic.name)).toHaveCount(0);
  await screen.enterShiftPin();
  const signedIn = page.getByRole('region', { name: 'Signed in' });
  await expect(signedIn).toContainText(PEOPLE.paramedic.name);
  await expect(signedIn).toContainText('Offline session');
  await expect(signedIn.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await screen.search(PLAN);
  await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText(/Retrieved \d\d:\d\d/);
  await expect(screen.patientBanner).toContainText('Amelia CROSSLEY');
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the signed-in person, role and organisation stay in view; a person with several roles chooses one, and its organisation is sent', async ({ page, services }) => {
  const screen = new LookupScreen(page);
  await page.goto('/');
  await screen.signInButton.click();
  const clinicalLeadRole = PEOPLE.severalRoles.nhsid_nrbac_roles.find((role) => role.role_code.endsWith('R8000'))!;
  await new SignInPages(page).signInAs(PEOPLE.severalRoles, clinicalLeadRole);
  await screen.enterShiftPin();
  const signedIn = page.getByRole('region', { name: 'Signed in' });
  await expect(signedIn).toContainText(PEOPLE.severalRoles.name);
  await expect(signedIn).toContainText('Clinical Practitioner Access Role');
  await expect(signedIn).toContainText(`(${clinicalLeadRole.org_code})`);
  // The role chosen is the one that opens the access history.
  await expect(page.getByRole('link', { name: 'Access history' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Its organisation is the end-user organisation on national requests, and the token goes with them.
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
  const pds = services.requests.find((r) => r.url().startsWith(`${LIVE_CONFIG.services.pds}/Patient/`))!;
  expect(await pds.headerValue('nhsd-end-user-organisation-ods')).toBe(clinicalLeadRole.org_code);
  expect(await pds.headerValue('authorization')).toMatch(/^Bearer .+/);
});

test.describe('a live config without sign-in settings', () => {
  test('is named on the error screen', async ({ page, context }) => {
    await useLiveNationalServices(context, { ...LIVE_CONFIG, auth: null });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'This device is not set up correctly' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('auth');
  });
});
