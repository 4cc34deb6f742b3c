import { expect, type Locator, type Page } from '@playwright/test';

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

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.nhsNumber).toBeVisible();
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
