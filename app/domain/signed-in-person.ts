/**
 * Who is holding the tablet (issue 10): the person CIS2 signed in, the role they selected at
 * sign-in, and what that role lets them do in this app. Pure: the CIS2 claims are parsed into
 * these types by the sign-in service (app/services/), and screens ask `mayUse`.
 */

/** What a person may do here. Config maps CIS2 codes to these (`auth.roles`). */
export type AppRole = 'paramedic' | 'clinicalLead' | 'trainer';
export const APP_ROLES: readonly AppRole[] = ['paramedic', 'clinicalLead', 'trainer'];

/** One entry of CIS2's `nhsid_nrbac_roles` claim, as published. */
export interface Cis2Role {
  /** `person_roleid`: this person's role assignment (unique per person and role). */
  readonly personRoleId: string;
  /** `org_code`: ODS code of the organisation the role is held in. */
  readonly orgCode: string;
  /** `role_code`, colon-separated: e.g. `S8000:G8000:R8003` (staff group, sub-group, job role). */
  readonly roleCode: string;
  /** `role_name`, for people: e.g. `"Clinical":"Clinical Provision":"Paramedic"`. */
  readonly roleName: string;
  /** `activity_codes`, when present: national RBAC activities granted by this role. */
  readonly activityCodes: readonly string[];
}

/** Config `auth.roles`: CIS2 codes (role-code parts or activity codes) that grant each app role. */
export type RoleGrants = Readonly<Record<AppRole, readonly string[]>>;

/** The person holding the tablet, as CIS2 named them at sign-in. Never holds a token. */
export interface SignedInPerson {
  /** CIS2 `sub`: the person's UUID (stable across sessions). */
  readonly id: string;
  /** Display name (`name`, or given + family). */
  readonly name: string;
  /** The role selected at sign-in (`selected_roleid`). */
  readonly role: Cis2Role;
  /** Organisation name for the selected role's `org_code`, when CIS2 gave one (`nhsid_user_orgs`). */
  readonly organisationName: string | undefined;
  /** What the selected role grants here; may be empty (the refusal page). */
  readonly appRoles: readonly AppRole[];
}

/**
 * The job role a person would call themselves by: the last part of a CIS2 `role_name`, unquoted
 * (`"Clinical":"Clinical Provision":"Paramedic"` is `Paramedic`). A name in another form is kept whole.
 */
export function jobRoleName(roleName: string): string {
  const parts = [...roleName.matchAll(/"([^"]*)"/g)].map((match) => match[1]!.trim()).filter((part) => part !== '');
  return parts.at(-1) ?? roleName.trim();
}

/** The codes a role carries: every part of its `role_code`, and its activity codes. */
export function codesOf(role: Cis2Role): readonly string[] {
  return [...role.roleCode.split(':').filter((code) => code !== ''), ...role.activityCodes];
}

/** The app roles a CIS2 role grants: any of its codes listed under that app role. */
export function appRolesFor(role: Cis2Role, grants: RoleGrants): readonly AppRole[] {
  const codes = new Set(codesOf(role));
  return APP_ROLES.filter((appRole) => grants[appRole].some((code) => codes.has(code)));
}

/** The screens of the app, each of which some role may use. */
export type AppScreen = 'lookup' | 'history' | 'trainer-tools';

/**
 * Who may use which screen (issue 10 point 5). Live mode: a paramedic looks up; a clinical lead
 * looks up and reads the access history. Demo mode: a trainer looks up synthetic patients, runs
 * the trainer tools and reads the demo history. A trainer role grants nothing in live mode.
 */
export function mayUse(screen: AppScreen, appRoles: readonly AppRole[], mode: 'live' | 'demo'): boolean {
  const has = (role: AppRole) => appRoles.includes(role);
  if (mode === 'demo') return has('trainer');
  switch (screen) {
    case 'lookup':
      return has('paramedic') || has('clinicalLead');
    case 'history':
      return has('clinicalLead');
    case 'trainer-tools':
      return false;
  }
}

/** Whether the person may use the app at all in this mode (else the refusal page). */
export function mayUseApp(appRoles: readonly AppRole[], mode: 'live' | 'demo'): boolean {
  return mayUse('lookup', appRoles, mode);
}
