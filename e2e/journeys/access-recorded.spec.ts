import type { BrowserContext, Page } from '@playwright/test';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { acceptedAuditEvents } from '../support/audit-deliveries';
import type { LookupScreen } from '../support/lookup-screen';
import type { NationalServicesRecorder } from '../support/national-services';
import { expect, liveTest as test } from '../support/test';
import { PEOPLE } from '../../mocks/identity/people';

/**
 * DESIGN.md safety rule 6: every look at a patient's record is recorded on the device before it
 * is shown, and kept until the trust's audit service has it (a FHIR AuditEvent per access).
 */

interface DeliveredAuditEvent {
  readonly id: string;
  readonly entity: readonly { readonly what?: { readonly identifier?: { readonly value: string } }; readonly description?: string }[];
  readonly agent: readonly {
    readonly who: { readonly identifier?: { readonly value: string }; readonly display?: string };
    readonly altId?: string;
    readonly requestor: boolean;
    readonly role?: readonly { readonly coding: readonly { readonly code: string }[] }[];
  }[];
}

/** The person as the audit service holds them: name, CIS2 id and job role code (issue 10 point 6). */
const PARAMEDIC = `${PEOPLE.paramedic.name} (${PEOPLE.paramedic.sub}, ${PEOPLE.paramedic.nhsid_nrbac_roles[0]!.role_code})`;


/** What the audit service accepted, as (what was accessed, whose record). */
async function delivered(services: NationalServicesRecorder): Promise<string[]> {
  return (await acceptedAuditEvents<DeliveredAuditEvent>(services)).map((event) => {
      const person = event.agent.find((agent) => agent.requestor);
      const organisation = event.agent.find((agent) => !agent.requestor);
      const who = `${person?.who.display} (${person?.altId}, ${person?.role?.[0]?.coding[0]?.code})`;
      return `${event.entity[1]?.description} for ${event.entity[0]?.what?.identifier?.value} by ${who} at ${organisation?.who.identifier?.value}`;
    });
}

test('every look at a patient’s record is sent to the trust’s audit service', async ({ lookup: screen, page, services }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();

  const nhs = SCENARIOS.planPdf.nhsNumber;
  await expect.poll(() => delivered(services)).toEqual(
    expect.arrayContaining([
      `PDS Patient read for ${nhs} by ${PARAMEDIC} at RX8`,
      `NRL DocumentReference search for ${nhs} by ${PARAMEDIC} at RX8`,
      `Document located by an NRL pointer, retrieved for ${nhs} by ${PARAMEDIC} at RX8`,
    ]),
  );
  // Everything went: the device's list says nothing is left waiting.
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  await expect(page.getByRole('list', { name: 'Saved on this device' })).toContainText('Amelia CROSSLEY');
  await expect(page.getByText(/waiting to be sent to your trust’s audit service/)).toHaveCount(0);
});

/** Looks a plan up with signal, loses the signal, opens the saved copy, and goes back to the list. */
async function openSavedCopyWithNoSignal(screen: LookupScreen, page: Page, context: BrowserContext, nhs: string): Promise<void> {
  await screen.search(nhs);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
  await context.setOffline(true);
  await screen.search(nhs);
  await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText(/Retrieved \d\d:\d\d/);
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
}

test('a saved plan opened with no signal is recorded, kept on the device, and sent when the signal returns', async ({ lookup: screen, page, context, services }) => {
  const nhs = SCENARIOS.planPdf.nhsNumber;
  await openSavedCopyWithNoSignal(screen, page, context, nhs);
  // Each attempt at the national services is on record too, so the count is not asserted.
  await expect(page.getByText(/waiting to be sent to your trust’s audit service\. (It stays|They stay) on this device/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(await delivered(services)).not.toContainEqual(expect.stringContaining('Copy saved on this device'));

  await context.setOffline(false);
  await expect.poll(() => delivered(services), { timeout: 20_000 }).toContainEqual(`Copy saved on this device, opened for ${nhs} by ${PARAMEDIC} at RX8`);
  await expect(page.getByText(/waiting to be sent to your trust’s audit service/)).toHaveCount(0);
});

test('Clear this device keeps the records of who looked at what until they are sent', async ({ lookup: screen, page, context, services }) => {
  const nhs = SCENARIOS.planPdf.nhsNumber;
  await openSavedCopyWithNoSignal(screen, page, context, nhs);

  await page.getByRole('button', { name: 'Clear this device' }).click();
  await page.getByRole('button', { name: 'Yes, clear this device' }).click();
  // The key that sealed the saved plans went with them: a new shift PIN seals what is saved next.
  await screen.enterShiftPin();
  await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();
  await expect(page.getByText(/waiting to be sent to your trust’s audit service/)).toBeVisible();

  await context.setOffline(false);
  await expect.poll(() => delivered(services), { timeout: 20_000 }).toContainEqual(`Copy saved on this device, opened for ${nhs} by ${PARAMEDIC} at RX8`);
});
