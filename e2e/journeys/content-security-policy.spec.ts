import { readFileSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { META_POLICY, headerPolicy } from '../../.ci/content-security-policy.mjs';
import { CONTACT_PAGE_ORIGINS } from '../../mocks/contact-pages';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { AccessHistoryScreen } from '../support/access-history-screen';
import { LookupScreen } from '../support/lookup-screen';
import { LIVE_CONFIG, useLiveNationalServices, type NationalServicesRecorder } from '../support/national-services';
import { refuseRequestsOutsideTheApp } from '../support/outside-requests';
import { collectPolicyViolations, startPolicyPreview, type PolicyPreview, type PolicyViolation } from '../support/policy-preview';
import { controlPageByServiceWorker } from '../support/service-worker';
import { DEFAULT_CLIENT_ID, startIdentityProvider } from '../../mocks/identity/identity-provider';
import { PEOPLE } from '../../mocks/identity/people';

/**
 * Every screen under the shipped Content Security Policy, delivered as a response header as a
 * deployment should (docs/deployment.md#content-security-policy), with the build's <meta>
 * fallback in force too. Any refusal fails the journey: a refused script or stylesheet is a
 * screen that silently stops working on a tablet.
 */

const distIndex = new URL('../../dist/index.html', import.meta.url);
const demoConfig = JSON.parse(readFileSync(new URL('../../dist/config.json', import.meta.url), 'utf8')) as unknown;

/** A live config.json whose sign-in is the CIS2 authority the real one would name (for the header's form). */
const CIS2_AUTHORITY = 'https://am.nhsidentity.spineservices.nhs.uk/openam/oauth2/realms/root/realms/NHSIdentity/realms/Healthcare';
const configSignedInAt = (authority: string) => ({ ...LIVE_CONFIG, auth: { authority, clientId: DEFAULT_CLIENT_ID, roles: { paramedic: ['R8003'], clinicalLead: ['R8000'], trainer: ['R8008'] } } });
/** The live header: the configured service bases, the sign-in authority, and the contact-page hosts (they send CORS here). */
const livePolicy = (authority: string) => headerPolicy(configSignedInAt(authority), CONTACT_PAGE_ORIGINS);
const LIVE_POLICY = livePolicy(CIS2_AUTHORITY);
const DEMO_POLICY = headerPolicy(demoConfig);

/** Allowed by the meta fallback (https:), refused by any header built from a config. */
const PROBE_URL = 'https://policy-probe.test.example/';

const test = base.extend<{
  policy: string;
  server: PolicyPreview & { readonly authority: string | undefined };
  violations: PolicyViolation[];
  live: boolean;
  services: NationalServicesRecorder | undefined;
  lookup: LookupScreen;
}>({
  live: [true, { option: true }],
  // The app runs on a port of its own here, so it signs in at a provider registered for that
  // origin; the header names that provider, as a deployment's would name CIS2.
  server: async ({ live }, use) => {
    let policy = DEMO_POLICY;
    const server = await startPolicyPreview(() => policy);
    const provider = live ? await startIdentityProvider({ appOrigins: [new URL(server.url).origin] }) : undefined;
    if (provider) policy = livePolicy(provider.issuer);
    await use({ ...server, authority: provider?.issuer });
    await server.close();
    await provider?.close();
  },
  policy: async ({ server }, use) => use(server.authority ? livePolicy(server.authority) : DEMO_POLICY),
  baseURL: async ({ server }, use) => use(server.url),
  violations: async ({ context }, use) => use(await collectPolicyViolations(context)),
  services: async ({ context, live, server }, use) => {
    if (live) return use(await useLiveNationalServices(context, configSignedInAt(server.authority!)));
    await refuseRequestsOutsideTheApp(context);
    return use(undefined);
  },
  lookup: async ({ page, services, violations }, use) => {
    void services; // routes and listeners before the page loads
    void violations;
    const screen = new LookupScreen(page);
    // A clinical lead: every screen, the access history included, is under the policy here.
    await screen.open(PEOPLE.clinicalLead);
    await use(screen);
  },
});

/**
 * Proves the header policy (not only the meta) governs the document on screen, which may be the
 * service worker's copy: a request the meta allows and the header refuses is reported, by that
 * header. Removes its own report, so the caller can then expect no others.
 */
async function expectHeaderPolicyInForce(page: Page, violations: PolicyViolation[], policy: string) {
  const outcome = await page.evaluate((url) => fetch(url).then(() => 'fetched', () => 'refused'), PROBE_URL);
  expect(outcome).toBe('refused');
  await expect.poll(() => violations.filter((v) => v.blocked === PROBE_URL).map((v) => [v.directive, v.policy])).toEqual([['connect-src', policy]]);
  violations.splice(0, violations.length, ...violations.filter((v) => v.blocked !== PROBE_URL && !v.blocked.includes(PROBE_URL)));
}

test.afterEach(({ violations }) => {
  expect(violations).toEqual([]);
});

test('the build ships the policy in index.html, before any script or stylesheet, and no inline code', () => {
  const html = readFileSync(distIndex, 'utf8');
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  const meta = head.indexOf(`<meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`);
  expect(meta).toBeGreaterThan(-1);
  expect(meta).toBeLessThan(head.search(/<script|<link rel="(?:stylesheet|modulepreload)"/));
  // The policy refuses inline code, so none may ship: every script has a src, no <style>, no style=.
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  expect(html).not.toMatch(/<style|\sstyle=/i);
  // What the issue asks of it.
  for (const directive of ["script-src 'self';", "style-src 'self';", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'", "worker-src 'self';"]) {
    expect(META_POLICY).toContain(directive);
  }
  expect(META_POLICY).not.toContain('unsafe');
});

test('the header form names the configured service bases and the sign-in authority, never any https: origin', () => {
  expect(LIVE_POLICY).toContain(
    "connect-src 'self' https://gateway.test.example/personal-demographics/FHIR/R4/ https://gateway.test.example/record-locator/consumer/FHIR/R4/ https://gateway.test.example/organisation-data-terminology-api/fhir/ https://gateway.test.example/spine-secure-proxy/ https://gateway.test.example/audit/FHIR/R4/ https://am.nhsidentity.spineservices.nhs.uk",
  );
  expect(() => headerPolicy(LIVE_CONFIG)).toThrow('auth.authority');
  expect(LIVE_POLICY).not.toMatch(/\shttps:(?:\s|;|$)/);
  expect(LIVE_POLICY).toContain("frame-ancestors 'none'");
  expect(DEMO_POLICY).toContain("connect-src 'self';");
  expect(() => headerPolicy({ ...LIVE_CONFIG, services: { ...LIVE_CONFIG.services, nrl: 'https://user:secret@gateway.test.example/nrl' } })).toThrow('services.nrl');
});

test('a PDF plan, its crisis team and the dark theme', async ({ lookup: screen, page, violations, policy }) => {
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  const plan = screen.record('Mental health crisis plan');
  await expect(page.getByRole('group', { name: 'Page 1 of 2' })).toBeVisible();
  await expect(plan.getByText('Triggers', { exact: true })).toBeVisible();
  await expect(screen.crisisTeam.getByRole('link', { name: /Crisis line \(24 hours\)/ })).toHaveAttribute('href', 'tel:01632960417');

  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  await expect(page.getByRole('button', { name: 'Dark mode: on' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Page 2 of 2' })).toBeVisible();

  await expectHeaderPolicyInForce(page, violations, policy);
});

test('a saved copy opens with no signal, in the page the service worker serves', async ({ lookup: screen, page, context, violations, policy }) => {
  // As on a crew's tablet: from here on the service worker serves the document, with its header.
  await controlPageByServiceWorker(page);
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await screen.enterShiftPin();
  await screen.search(SCENARIOS.planPdf.nhsNumber);
  await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText(/Retrieved \d\d:\d\d, just now/);
  await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Close this result and show what is saved on this device' }).click();
  await expect(page.getByRole('list', { name: 'Saved on this device' })).toContainText('Amelia CROSSLEY');

  await expectHeaderPolicyInForce(page, violations, policy);
});

test('HTML and FHIR plans, and a list of records from two trusts', async ({ lookup: screen, page, violations, policy }) => {
  // The hostile HTML plan: scripts, handlers, a remote stylesheet and a tracker, all sanitised away.
  await screen.search(SCENARIOS.planHtml.nhsNumber);
  await expect(screen.record('Mental health crisis plan').getByRole('heading', { name: 'What helps' })).toBeVisible();

  await screen.search(SCENARIOS.planFhir.nhsNumber);
  await expect(screen.patientBanner).toContainText('Robin ALDERSEY');
  await expect(screen.record('Mental health crisis plan').getByRole('heading', { name: 'What helps' })).toBeVisible();

  await screen.search(SCENARIOS.severalPointers.nhsNumber);
  const list = page.getByRole('list', { name: '4 records found' });
  await list.getByRole('button', { name: /ReSPECT form/ }).click();
  await expect(screen.record('ReSPECT form')).toBeVisible();

  await expectHeaderPolicyInForce(page, violations, policy);
});

test('access history: records, a filter and the CSV export', async ({ lookup: screen, page, violations, policy }) => {
  await screen.search(SCENARIOS.noPointers.nhsNumber);
  await expect(page.getByRole('heading', { name: 'No crisis plan found' })).toBeVisible();
  const history = new AccessHistoryScreen(page);
  await history.open();
  await expect(history.table()).toBeVisible();
  await history.nhsNumber.fill('999 000 0042');
  await history.showRecords.click();
  await expect(history.table('2 accesses')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await history.exportCsv.click();
  expect((await downloading).suggestedFilename()).toMatch(/\.csv$/);
  await page.getByRole('button', { name: 'Dark mode: off' }).click();
  await expect(page.getByRole('button', { name: 'Dark mode: on' })).toBeVisible();

  await expectHeaderPolicyInForce(page, violations, policy);
});

test.describe('demo mode', () => {
  test.use({ live: false });

  test('trainer tools: no signal, a saved copy, and Reset demo', async ({ lookup: screen, page, violations, policy }) => {
    const tools = page.getByRole('region', { name: 'Trainer tools' });
    await screen.search(SCENARIOS.planPdf.nhsNumber);
    await expect(page.getByRole('status').filter({ hasText: 'Saved on this device at' })).toBeVisible();
    await tools.getByRole('checkbox', { name: 'Simulate no signal' }).check();
    await expect(page.getByRole('region', { name: 'Offline' })).toBeVisible();
    await screen.search(SCENARIOS.planPdf.nhsNumber);
    await expect(page.getByRole('region', { name: 'Saved on this device' })).toContainText('No signal. This is the copy saved on this device');
    await expect(screen.record('Mental health crisis plan').getByText('Triggers', { exact: true })).toBeVisible();
    await tools.getByRole('checkbox', { name: 'Simulate no signal' }).uncheck();

    await tools.getByRole('button', { name: 'Reset demo' }).click();
    await tools.getByRole('button', { name: /Yes, reset the demo/ }).click();
    await expect(page.getByText('Nothing is saved on this device.')).toBeVisible();

    await expectHeaderPolicyInForce(page, violations, policy);
  });
});
