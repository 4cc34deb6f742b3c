import * as z from 'zod/mini';
import { appRolesFor, type Cis2Role, type RoleGrants, type SignedInPerson } from '../domain/signed-in-person';
import { summariseIssues } from './schema-issues';
import { SignInError } from './sign-in-service';

/**
 * CIS2's claims about the person signing in, as published (docs/cis2-sign-in.md): the ID token's
 * claims merged with the one userinfo read made at sign-in. Only what the app uses is named here;
 * every other claim (email, nhsid_useruid, professional memberships…) is dropped unread.
 */

const nonEmpty = () => z.string().check(z.trim(), z.minLength(1));

/** One entry of `nhsid_nrbac_roles` (scope `nationalrbacaccess`). */
const NrbacRole = z.object({
  person_roleid: nonEmpty(),
  org_code: nonEmpty(),
  /** Colon-separated codes, e.g. `S8000:G8000:R8003`. */
  role_code: nonEmpty(),
  /** For people, quoted and colon-separated, e.g. `"Clinical":"Clinical Provision":"Nurse Access Role"`. */
  role_name: z.string(),
  /** National RBAC activity codes (`B` codes) as strings; absent when the role carries none. */
  activity_codes: z.optional(z.array(z.string())),
  /** Workgroup names; read so a malformed list is noticed, not used. */
  workgroups: z.optional(z.array(z.string())),
});

/** One entry of `nhsid_user_orgs` (scope `associatedorgs`). */
const UserOrg = z.object({
  org_code: nonEmpty(),
  org_name: z.optional(z.string()),
});

export const Cis2Claims = z.object({
  sub: nonEmpty(),
  name: z.optional(z.string()),
  given_name: z.optional(z.string()),
  family_name: z.optional(z.string()),
  nhsid_nrbac_roles: z.optional(z.array(NrbacRole)),
  selected_roleid: z.optional(z.string()),
  nhsid_user_orgs: z.optional(z.array(UserOrg)),
});
export type Cis2Claims = z.infer<typeof Cis2Claims>;

const invalid = (detail: string) => new SignInError('claims-invalid', detail);

/**
 * Turns CIS2's claims into the person holding the tablet, with the role they selected at sign-in
 * and what that role grants here. Throws SignInError 'claims-invalid' (detail naming the claim,
 * never its value) when the claims are malformed, name nobody, list no role, or the selected
 * role is not one of the person's roles. Codes the config does not list grant nothing.
 */
export function parseCis2UserInfo(claims: unknown, grants: RoleGrants): SignedInPerson {
  const parsed = Cis2Claims.safeParse(claims);
  if (!parsed.success) throw invalid(summariseIssues(parsed.error));
  const c = parsed.data;

  const name = displayName(c);
  if (name === undefined) throw invalid('no name: neither name nor given_name and family_name');

  const roles = c.nhsid_nrbac_roles;
  if (roles === undefined) throw invalid('nhsid_nrbac_roles missing (is the nationalrbacaccess scope asked for?)');
  if (roles.length === 0) throw invalid('nhsid_nrbac_roles is empty: the person holds no national RBAC role');

  const selectedId = c.selected_roleid?.trim();
  if (!selectedId) throw invalid('selected_roleid missing (is the selectedrole scope asked for?)');
  const selected = roles.find((role) => role.person_roleid === selectedId);
  if (selected === undefined) throw invalid(`selected_roleid is not one of the person's ${roles.length} nhsid_nrbac_roles`);

  const role: Cis2Role = {
    personRoleId: selected.person_roleid,
    orgCode: selected.org_code,
    roleCode: selected.role_code,
    roleName: selected.role_name,
    activityCodes: (selected.activity_codes ?? []).map((code) => code.trim()).filter((code) => code !== ''),
  };
  const organisationName = c.nhsid_user_orgs
    ?.find((org) => org.org_code.toUpperCase() === role.orgCode.toUpperCase())
    ?.org_name?.trim();

  return {
    id: c.sub,
    name,
    role,
    organisationName: organisationName || undefined,
    appRoles: appRolesFor(role, grants),
  };
}

function displayName(c: Cis2Claims): string | undefined {
  const name = c.name?.trim();
  if (name) return name;
  const parts = [c.given_name?.trim(), c.family_name?.trim()].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
