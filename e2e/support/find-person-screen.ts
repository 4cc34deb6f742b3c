import type { Locator, Page, Request } from '@playwright/test';

/** What a crew types into the search by details; a date of birth as day, month and year, a year, or ages. */
export interface DetailsTyped {
  readonly family?: string;
  readonly given?: string;
  readonly born?: { readonly day: string; readonly month: string; readonly year: string } | { readonly year: string } | { readonly ages: readonly [string, string?] };
  readonly postcode?: string;
}

/** The search by name and date of birth on the lookup screen (issue 12), by roles and labels. */
export class FindPersonScreen {
  readonly switchToDetails: Locator;
  readonly switchToNumber: Locator;
  readonly searchButton: Locator;

  constructor(readonly page: Page) {
    this.switchToDetails = page.getByRole('button', { name: 'Name and date of birth' });
    this.switchToNumber = page.getByRole('button', { name: 'NHS number', exact: true });
    this.searchButton = page.getByRole('button', { name: 'Search', exact: true });
  }

  async search(details: DetailsTyped): Promise<void> {
    const { page } = this;
    if ((await this.switchToDetails.getAttribute('aria-pressed')) !== 'true') await this.switchToDetails.click();
    await page.getByLabel('Family name').fill(details.family ?? '');
    await page.getByLabel('Given name (optional)').fill(details.given ?? '');
    const born = details.born;
    if (born && 'day' in born) {
      await page.getByLabel('Exact date of birth').check();
      await page.getByLabel('Day', { exact: true }).fill(born.day);
      await page.getByLabel('Month', { exact: true }).fill(born.month);
      await page.getByLabel('Year', { exact: true }).fill(born.year);
    } else if (born && 'year' in born) {
      await page.getByLabel('Year of birth only').check();
      await page.getByLabel('Year of birth', { exact: true }).fill(born.year);
    } else if (born) {
      await page.getByLabel('Age only').check();
      await page.getByLabel('Age, or youngest age it could be').fill(born.ages[0]);
      await page.getByLabel('Oldest age it could be (optional)').fill(born.ages[1] ?? '');
    }
    await page.getByLabel('Postcode (optional)').fill(details.postcode ?? '');
    await this.searchButton.click();
  }

  /** The people found (or saved on the device), in the order shown. */
  get people(): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: /^Choose / }) });
  }

  choose(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name: typeof name === 'string' ? new RegExp(`^Choose ${name},`) : name });
  }
}

/** A PDS search by details among recorded requests (`GET …/Patient?…`). */
export function isPdsSearch(request: Request): boolean {
  const url = new URL(request.url());
  return request.method() === 'GET' && url.pathname.endsWith('/Patient') && url.search !== '';
}
