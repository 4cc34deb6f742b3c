import { expect, type Locator, type Page } from '@playwright/test';

/** The Access history screen as a clinical lead sees it: roles and labels only. */
export class AccessHistoryScreen {
  readonly navigation: Locator;
  readonly heading: Locator;
  readonly nhsNumber: Locator;
  /** The person filter: "Anyone", or one of the people in the records loaded ("Name (Role)"). */
  readonly who: Locator;
  readonly showRecords: Locator;
  readonly exportCsv: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Screens' });
    this.heading = page.getByRole('heading', { level: 1, name: 'Access history' });
    this.nhsNumber = page.getByLabel('NHS number (optional)');
    this.who = page.getByLabel('Who', { exact: true });
    this.showRecords = page.getByRole('button', { name: 'Show records' });
    this.exportCsv = page.getByRole('button', { name: 'Export CSV' });
  }

  /** From any screen, by the header navigation. */
  async open(): Promise<void> {
    await this.navigation.getByRole('link', { name: 'Access history' }).click();
    await expect(this.heading).toBeVisible();
  }

  /** The table once loaded, named by its caption ("3 accesses"). */
  table(caption: string | RegExp = /\d+ access/): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** Each body row's cells as text, top to bottom. */
  async rows(): Promise<string[][]> {
    return this.table()
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')));
  }
}
