import { expect, type Locator, type Page } from '@playwright/test';
import type { NrbacRole, SyntheticPerson } from '../../mocks/identity/people';
import { organisationName, shortRoleName } from '../../mocks/identity/people';

/**
 * The local provider's CIS2 pages (mocks/identity/interaction-pages.ts) as a crew member sees
 * them: "Sign in as" a synthetic person, then "Choose your role" when they hold several.
 * Roles and labels only.
 */
export class SignInPages {
  readonly people: Locator;
  readonly roles: Locator;
  readonly continueButton: Locator;

  constructor(readonly page: Page) {
    this.people = page.getByRole('group', { name: 'Sign in as' });
    this.roles = page.getByRole('group', { name: 'Choose your role' });
    this.continueButton = page.getByRole('button', { name: 'Continue', exact: true });
  }

  /** The label the role page gives a role: "Health Professional Access Role, Synthetic Ambulance Service NHS Trust (RX8)". */
  static roleLabel(person: SyntheticPerson, role: NrbacRole): string {
    return `${shortRoleName(role)}, ${organisationName(person, role.org_code)} (${role.org_code})`;
  }

  /**
   * Signs in as `person` on the provider's page (the app has sent the browser there). When the
   * person holds several roles, picks `role` (required then); the browser goes back to the app.
   */
  async signInAs(person: SyntheticPerson, role?: NrbacRole): Promise<void> {
    await expect(this.people).toBeVisible();
    await this.people.getByRole('radio', { name: person.name, exact: true }).check();
    await this.continueButton.click();
    // CIS2 picks a single role itself: the role page comes only for several.
    if (person.nhsid_nrbac_roles.length > 1) await this.chooseRole(person, role);
  }

  /** On the role page: picks `role` and continues. */
  async chooseRole(person: SyntheticPerson, role: NrbacRole | undefined): Promise<void> {
    if (role === undefined) throw new Error(`${person.name} holds several roles: name the one to choose`);
    await expect(this.roles).toBeVisible();
    await this.roles.getByRole('radio', { name: SignInPages.roleLabel(person, role), exact: true }).check();
    await this.continueButton.click();
  }
}
