import { SCENARIOS } from '../../mocks/data/catalogue';
import { expectNoSeriousA11yViolations } from '../support/accessibility';
import { expect, liveTest as test } from '../support/test';

test('a crew finds a PDF crisis plan, reads it and can call the crisis team', async ({ lookup: screen, page, services }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);

  // Identity first, from PDS.
  await expect(screen.patientBanner.getByRole('heading', { name: 'Amelia CROSSLEY' })).toBeVisible();
  await expect(screen.patientBanner).toContainText('999 000 0018');
  await expect(screen.patientBanner).toContainText('14 March 1991');
  await expect(screen.patientBanner).toContainText('Female');

  await expect(page.getByRole('heading', { name: 'Crisis plan found' })).toBeVisible();
  const plan = screen.record('Mental health crisis plan');
  await expect(plan).toContainText('LANCASHIRE & SOUTH CUMBRIA NHS FOUNDATION TRUST');
  await expect(plan).toContainText('For Amelia CROSSLEY, NHS number 999 000 0018');

  // The crisis team's numbers as tap-to-call links, the switchboard as a labelled fallback.
  await expect(screen.crisisTeam).toContainText('Mental health crisis resolution team');
  const crisisLine = screen.crisisTeam.getByRole('link', { name: /Crisis line \(24 hours\)/ });
  await expect(crisisLine).toHaveAttribute('href', 'tel:01632960417');
  await expect(crisisLine).toContainText('01632 960 417');
  await expect(screen.crisisTeam.getByRole('heading', { name: 'Trust switchboard (not the crisis team)' })).toBeVisible();

  // The PDF is rendered with a text layer: its words can be found as text.
  await expect(page.getByRole('group', { name: 'Page 1 of 2' })).toBeVisible();
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
  await expect(plan.getByText('What helps', { exact: true })).toBeVisible();

  await expectNoSeriousA11yViolations(page);

  // Night shifts: the dark theme keeps every screen element readable.
  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  await expect(page.getByRole('button', { name: 'Dark mode: on' })).toHaveAttribute('aria-pressed', 'true');
  await expectNoSeriousA11yViolations(page);

  // The contract: number in the body, not the URL; the required headers on every call.
  const search = services.requests.find((r) => r.url().endsWith('/DocumentReference/_search'))!;
  expect(search.method()).toBe('POST');
  expect(search.url()).not.toContain('9990000018');
  const headers = await search.allHeaders();
  expect(headers['nhsd-end-user-organisation-ods']).toBe('RX8');
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const pds = services.requests.find((r) => r.url().includes('/Patient/'))!;
  expect((await pds.allHeaders())['x-correlation-id']).toBe(headers['x-correlation-id']);
  const ssp = services.requests.find((r) => r.url().includes('/spine-secure-proxy/'))!;
  expect(ssp.url()).toContain('/spine-secure-proxy/https%3A%2F%2F');
  const sspHeaders = await ssp.allHeaders();
  expect(sspHeaders['ssp-interactionid']).toBe('urn:nhs:names:services:nrl:DocumentReference.content.read');
  expect(sspHeaders['ssp-from']).toBe('200000001234');
});

test('several records from two trusts are listed, crisis plans first, and each opens', async ({ lookup: screen, page }) => {
  await screen.search(SCENARIOS.severalPointers.nhsNumber);
  await expect(page.getByRole('heading', { name: '2 crisis plans found' })).toBeVisible();
  const list = page.getByRole('list', { name: '4 records found' });
  const items = list.getByRole('button');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('Mental health crisis plan');
  await expect(items.nth(1)).toContainText('Mental health crisis plan');
  await expect(items.nth(0)).toHaveAttribute('aria-current', 'true');

  await list.getByRole('button', { name: /ReSPECT form/ }).click();
  await expect(screen.record('ReSPECT form')).toBeVisible();
  await expect(list.getByRole('button', { name: /ReSPECT form/ })).toHaveAttribute('aria-current', 'true');
  await expectNoSeriousA11yViolations(page);
});
