import { expect, type Locator, type Page } from '@playwright/test';
import { PEOPLE, type SyntheticPerson } from '../../mocks/identity/people';
import { SignInPages } from './sign-in';

/** The shift PIN the journeys set (issue 11): six digits, not a run, not all one digit. */
export const TEST_PIN = '284619';

/** The lookup screen as a crew member sees it: roles and labels only. */
export class LookupScreen {
  readonly nhsNumber: Locator;
  readonly searchButton: Locator;
  readonly patientBanner: Locator;
  readonly errorSummary: Locator;
  readonly crisisTeam: Locator;

  constructor(readonly page: Page) {
    this.nhsNumber = page.getByLabel('NHS number', { exact: true });
    this.searchButton = page.getByRole('button', { name: 'Search', exact: true });
    this.patientBanner = page.getByRole('region', { name: 'Patient details from the Personal Demographics Service' });
    this.errorSummary = page.getByRole('alert');
    this.crisisTeam = page.getByRole('region', { name: 'Crisis team' });
  }

  /** Opens the app and, in live mode, signs in through the local CIS2-like provider. */
  async open(person: SyntheticPerson = PEOPLE.paramedic): Promise<void> {
    await this.page.goto('/');
    await this.signInIfAsked(person);
    await expect(this.nhsNumber).toBeVisible();
  }

  /** The sign-in page, when it is shown (live mode, tokens in memory only: after every load). */
  get signInButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in with NHS Care Identity' });
  }

  /**
   * Signs in when the app asks. The first time in a browser context the provider shows its pages;
   * later its session cookie brings the browser straight back, as CIS2 does within a session.
   */
  async signInIfAsked(person: SyntheticPerson = PEOPLE.paramedic): Promise<void> {
    await expect(this.nhsNumber.or(this.signInButton).or(this.pinHeading)).toBeVisible();
    if (await this.nhsNumber.isVisible()) return;
    if (await this.signInButton.isVisible()) {
      await this.signInButton.click();
      const provider = new SignInPages(this.page);
      await expect(this.nhsNumber.or(provider.people).or(this.pinHeading)).toBeVisible();
      if (await provider.people.isVisible()) await provider.signInAs(person);
    }
    await expect(this.nhsNumber.or(this.pinHeading).or(this.page.getByRole('heading', { level: 1, name: 'Your role cannot open this page' }))).toBeVisible();
    if (await this.pinHeading.isVisible()) await this.enterShiftPin();
  }

  /** "Set a shift PIN" after a first sign-in, or "Enter your shift PIN" after a reload or a lock (issue 11). */
  get pinHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^(Set a shift PIN|Enter your shift PIN)$/ });
  }

  async enterShiftPin(pin = TEST_PIN): Promise<void> {
    await expect(this.pinHeading).toBeVisible({ timeout: 15_000 });
    const setting = await this.page.getByRole('heading', { level: 1, name: 'Set a shift PIN' }).isVisible();
    await this.page.getByLabel('Shift PIN', { exact: true }).fill(pin);
    if (setting) {
      await this.page.getByLabel('Enter the PIN again', { exact: true }).fill(pin);
      await this.page.getByRole('button', { name: 'Set PIN', exact: true }).click();
    } else {
      await this.page.getByRole('button', { name: 'Unlock', exact: true }).click();
    }
    // PBKDF2 at 600,000 iterations takes a moment on a busy machine.
    await expect(this.pinHeading).toHaveCount(0, { timeout: 15_000 });
  }

  async search(nhsNumber: string): Promise<void> {
    await this.nhsNumber.fill(nhsNumber);
    await this.searchButton.click();
  }

  /** The heading of the open record, e.g. "Mental health crisis plan". */
  record(name: string): Locator {
    return this.page.getByRole('article', { name });
  }
}
