import { expect, type Locator, type Page } from '@playwright/test';
import { PEOPLE, type SyntheticPerson } from '../../mocks/identity/people';
import { SignInPages } from './sign-in';

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
    await expect(this.nhsNumber.or(this.signInButton)).toBeVisible();
    if (await this.nhsNumber.isVisible()) return;
    await this.signInButton.click();
    const provider = new SignInPages(this.page);
    await expect(this.nhsNumber.or(provider.people)).toBeVisible();
    if (await provider.people.isVisible()) await provider.signInAs(person);
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
