/**
 * Synthetic people for the local OpenID provider (mocks/identity/README.md), shaped like the
 * claims NHS CIS2 returns (docs/national-apis.md §6.5). Nobody here is real: every family name
 * starts "Synthetic", every `sub` is a 12-digit NHS user unique identifier (UUID) starting 9999,
 * and the role-profile ids start 9999 too.
 *
 * Role codes and names follow the national RBAC access roles as CIS2 formats them
 * (`S8000:G8000:R8003`, `"Clinical":"Clinical Provision":"…"`). Activity codes are there for their
 * shape only; nothing relies on what they mean.
 */

/** One entry of CIS2's `nhsid_nrbac_roles` claim (scope `nationalrbacaccess`). */
export interface NrbacRole {
  readonly person_roleid: string;
  readonly org_code: string;
  readonly role_code: string;
  readonly role_name: string;
  readonly activity_codes?: readonly string[];
}

/** One entry of CIS2's `nhsid_user_orgs` claim (scope `associatedorgs`). */
export interface UserOrganisation {
  readonly org_code: string;
  readonly org_name: string;
}

export interface SyntheticPerson {
  /** CIS2 `sub`: the person's UUID. */
  readonly sub: string;
  readonly given_name: string;
  readonly family_name: string;
  readonly name: string;
  readonly nhsid_nrbac_roles: readonly NrbacRole[];
  readonly nhsid_user_orgs: readonly UserOrganisation[];
}

export const AMBULANCE_TRUST: UserOrganisation = { org_code: 'RX8', org_name: 'Synthetic Ambulance Service NHS Trust' };
export const URGENT_CARE_TRUST: UserOrganisation = { org_code: 'RX9', org_name: 'Synthetic Urgent Care NHS Trust' };

const HEALTH_PROFESSIONAL = { role_code: 'S8000:G8000:R8003', role_name: '"Clinical":"Clinical Provision":"Health Professional Access Role"' };
const CLINICAL_PRACTITIONER = { role_code: 'S8000:G8000:R8000', role_name: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"' };
const NURSE = { role_code: 'S8000:G8000:R8001', role_name: '"Clinical":"Clinical Provision":"Nurse Access Role"' };
const CLINICAL_SUPPORT = { role_code: 'S8000:G8000:R8008', role_name: '"Clinical":"Clinical Support":"Admin/Clinical Support Access Role"' };

function person(sub: string, given_name: string, family_name: string, roles: NrbacRole[], orgs: UserOrganisation[]): SyntheticPerson {
  return { sub, given_name, family_name, name: `${given_name} ${family_name}`, nhsid_nrbac_roles: roles, nhsid_user_orgs: orgs };
}

/** Stable keys tests name: `PEOPLE.paramedic`, `PEOPLE.severalRoles`… */
export const PEOPLE = {
  /** One role, R8003 at RX8: signs in with no role page. */
  paramedic: person('999900000101', 'Alex', 'Synthetic-Paramedic', [{ person_roleid: '999911110101', org_code: 'RX8', ...HEALTH_PROFESSIONAL, activity_codes: ['B0264', 'B0360'] }], [AMBULANCE_TRUST]),
  /** A different person in the same trust, also R8003: for "a second person on the same tablet". */
  secondParamedic: person('999900000102', 'Sam', 'Synthetic-Crewmate', [{ person_roleid: '999911110102', org_code: 'RX8', ...HEALTH_PROFESSIONAL }], [AMBULANCE_TRUST]),
  /** One role, R8000 at RX8. */
  clinicalLead: person('999900000103', 'Jo', 'Synthetic-Lead', [{ person_roleid: '999911110103', org_code: 'RX8', ...CLINICAL_PRACTITIONER, activity_codes: ['B0264', 'B0360', 'B1616'] }], [AMBULANCE_TRUST]),
  /** Two roles in two organisations (R8003 at RX8, R8000 at RX9): must choose one. */
  severalRoles: person(
    '999900000104',
    'Chris',
    'Synthetic-Twohats',
    [
      { person_roleid: '999911110104', org_code: 'RX8', ...HEALTH_PROFESSIONAL },
      { person_roleid: '999911110105', org_code: 'RX9', ...CLINICAL_PRACTITIONER },
    ],
    [AMBULANCE_TRUST, URGENT_CARE_TRUST],
  ),
  /** One role the app does not accept (R8001 only). */
  noEligibleRole: person('999900000106', 'Pat', 'Synthetic-Nurse', [{ person_roleid: '999911110106', org_code: 'RX8', ...NURSE }], [AMBULANCE_TRUST]),
  /** One role, R8008 at RX8: runs training. */
  trainer: person('999900000107', 'Morgan', 'Synthetic-Trainer', [{ person_roleid: '999911110107', org_code: 'RX8', ...CLINICAL_SUPPORT }], [AMBULANCE_TRUST]),
} as const satisfies Record<string, SyntheticPerson>;

export type PersonKey = keyof typeof PEOPLE;

/** Every synthetic person, in the order the sign-in page lists them. */
export const SYNTHETIC_PEOPLE: readonly SyntheticPerson[] = Object.values(PEOPLE);

export function findPerson(sub: string): SyntheticPerson | undefined {
  return SYNTHETIC_PEOPLE.find((candidate) => candidate.sub === sub);
}

/** The organisation's name for a role, as the role page shows it. */
export function organisationName(person: SyntheticPerson, orgCode: string): string {
  return person.nhsid_user_orgs.find((org) => org.org_code === orgCode)?.org_name ?? orgCode;
}

/** The last part of CIS2's quoted role name: `"Clinical":"Clinical Provision":"Nurse Access Role"` → `Nurse Access Role`. */
export function shortRoleName(role: NrbacRole): string {
  const parts = role.role_name.split(':').map((part) => part.replace(/^"|"$/g, ''));
  return parts[parts.length - 1] ?? role.role_name;
}
