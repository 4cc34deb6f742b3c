import type { Page } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { PEOPLE } from '../../mocks/identity/people';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { acceptedAuditEvents } from '../support/audit-deliveries';
import { deviceRows } from '../support/device-rows';
import { LookupScreen } from '../support/lookup-screen';
import type { NationalServicesRecorder } from '../support/national-services';
import { controlPageByServiceWorker } from '../support/service-worker';
import { screenAudit } from '../support/screen-audit';
import { SignInPages } from '../support/sign-in';
import { expect, liveTest as test } from '../support/test';

/**
 * Issue 11: a shared tablet that gives nothing away. The lock is driven by Playwright's clock
 * (never a sleep); the PIN is typed as a crew member would.
 */

const PLAN = SCENARIOS.planPdf.nhsNumber;

/** Hides or shows the page as the tablet does when the crew goes to the phone and back. */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hide ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hide });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}


async function delivered(services: NationalServicesRecorder): Promise<string[]> {
  return (await acceptedAuditEvents<{ entity: { description?: string }[] }>(services)).map((event) => event.entity[1]?.description ?? '');
}

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('after five idle minutes the plan is hidden and the shift PIN brings the app back', async ({ lookup: screen, page }) => {
  await screen.search(PLAN);
  const plan = screen.record('Mental health crisis plan');
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();

  await page.clock.fastForward('04:00');
  await expect(plan).toBeVisible();
  await page.clock.fastForward('01:01');
  await expect(screen.pinHeading).toBeVisible();
  await expect(plan).toHaveCount(0);
  await expect(screen.patientBanner).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(`${PEOPLE.paramedic.name} is signed in`);
  // Issue 9: the locked screen meets the target size and axe (WCAG 2.2 AA) on both tablets, light and dark.
  const audit = screenAudit(page);
  await audit.checkOnBothTablets('locked after five idle minutes');
  audit.expectNone();

  await screen.enterShiftPin();
  // Decrypted plans left memory with the lock: the saved copy opens again from the device.
  await screen.search(PLAN);
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
});

test('a tap on the crisis team’s number lets the crew make the call without being locked out, once', async ({ lookup: screen, page }) => {
  await screen.search(PLAN);
  const call = screen.crisisTeam.getByRole('link', { name: /Crisis line \(24 hours\)/ });
  await expect(call).toHaveAttribute('href', 'tel:01632960417');
  // The tablet hands the number to the phone app; the page is hidden for the call.
  await call.dispatchEvent('click');
  await setHidden(page, true);
  await page.clock.fastForward('08:00');
  await setHidden(page, false);
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await expect(screen.pinHeading).toHaveCount(0);

  // The grace was for that call only: hidden as long again, without a tap, it locks.
  await setHidden(page, true);
  await page.clock.fastForward('06:00');
  await setHidden(page, false);
  await expect(screen.pinHeading).toBeVisible();
});

test('five wrong PINs remove the saved plans and their key; waiting access records are still delivered', async ({ lookup: screen, page, context, services }) => {
  // As on a crew's tablet: the worker has the whole app, the PIN screens included, for no signal.
  await controlPageByServiceWorker(page);
  await screen.search(PLAN);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  // No signal: the saved copy is opened, an access record waits on the device.
  await context.setOffline(true);
  await screen.search(PLAN);
  await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText(/Retrieved \d\d:\d\d/);

  await page.clock.fastForward('05:01');
  await expect(screen.pinHeading).toBeVisible();
  for (const tries of [4, 3, 2, 1]) {
    await page.getByLabel('Shift PIN', { exact: true }).fill('135790');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('main')).toContainText(`${tries === 1 ? '1 try' : `${tries} tries`} left before saved plans are removed from this tablet`);
  }
  await page.getByLabel('Shift PIN', { exact: true }).fill('135790');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved plans removed' })).toBeVisible();
  const audit = screenAudit(page);
  await audit.checkOnBothTablets('saved plans removed, no signal');
  audit.expectNone();

  const after = await deviceRows(page);
  expect(after.plans).toEqual([]);
  expect(after.keys).toEqual(['access-log']);
  expect(after.session!.filter((row) => row !== 'owner')).toEqual([]);
  expect(after.accessEvents!.length).toBeGreaterThan(0);

  // With signal the person signs in again (CIS2 asks who it is) and sets a new PIN.
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sign in with NHS Care Identity' }).click();
  await new SignInPages(page).signInAs(PEOPLE.paramedic);
  await screen.enterShiftPin();
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();
  await expect.poll(() => delivered(services), { timeout: 20_000 }).toContainEqual('Copy saved on this device, opened');
});

test('the shift PIN is refused when it is too easy to guess, with the NHS.UK error summary', async ({ page, services }) => {
  void services;
  const screen = new LookupScreen(page);
  await page.goto('/');
  await screen.signInButton.click();
  await new SignInPages(page).signInAs(PEOPLE.paramedic);
  await expect(page.getByRole('heading', { level: 1, name: 'Set a shift PIN' })).toBeVisible();
  await page.getByLabel('Shift PIN', { exact: true }).fill('123456');
  await page.getByLabel('Enter the PIN again', { exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Set PIN', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(screen.nhsNumber).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screen.enterShiftPin();
  await expect(screen.nhsNumber).toBeVisible();
});
