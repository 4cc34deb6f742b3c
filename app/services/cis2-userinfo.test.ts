import { describe, expect, it } from 'vitest';
import type { RoleGrants } from '../domain/signed-in-person';
import { parseCis2UserInfo } from './cis2-userinfo';
import { SignInError } from './sign-in-service';

const GRANTS: RoleGrants = { paramedic: ['R8003'], clinicalLead: ['R8000', 'B0380'], trainer: ['R8008'] };

const PARAMEDIC_ROLE = {
  person_roleid: '555254242105',
  org_code: 'RX8',
  role_code: 'S8000:G8000:R8003',
  role_name: '"Clinical":"Clinical Provision":"Health Professional Access Role"',
  activity_codes: ['B0360', 'B0570'],
  workgroups: ['Ambulance crews'],
};
const LEAD_ROLE = {
  person_roleid: '555254242106',
  org_code: 'RYC',
  role_code: 'S8000:G8000:R8000',
  role_name: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"',
};

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: '910000000001',
    name: 'Alex J. Morgan',
    given_name: 'Alex',
    family_name: 'Morgan',
    nhsid_nrbac_roles: [PARAMEDIC_ROLE],
    selected_roleid: '555254242105',
    nhsid_user_orgs: [{ org_code: 'RX8', org_name: 'EAST MIDLANDS AMBULANCE SERVICE NHS TRUST' }],
    ...overrides,
  };
}

function failure(input: unknown): SignInError {
  try {
    parseCis2UserInfo(input, GRANTS);
  } catch (error) {
    expect(error).toBeInstanceOf(SignInError);
    return error as SignInError;
  }
  throw new Error('expected parseCis2UserInfo to throw');
}

describe('parseCis2UserInfo', () => {
  it('reads a person with a single role: identity, role, organisation name and the app role it grants', () => {
    expect(parseCis2UserInfo(claims(), GRANTS)).toEqual({
      id: '910000000001',
      name: 'Alex J. Morgan',
      role: {
        personRoleId: '555254242105',
        orgCode: 'RX8',
        roleCode: 'S8000:G8000:R8003',
        roleName: '"Clinical":"Clinical Provision":"Health Professional Access Role"',
        activityCodes: ['B0360', 'B0570'],
      },
      organisationName: 'EAST MIDLANDS AMBULANCE SERVICE NHS TRUST',
      appRoles: ['paramedic'],
    });
  });

  it('uses the role named by selected_roleid among several, not the first', () => {
    const person = parseCis2UserInfo(
      claims({
        nhsid_nrbac_roles: [PARAMEDIC_ROLE, LEAD_ROLE],
        selected_roleid: '555254242106',
        nhsid_user_orgs: [
          { org_code: 'RX8', org_name: 'EAST MIDLANDS AMBULANCE SERVICE NHS TRUST' },
          { org_code: 'RYC', org_name: 'EAST OF ENGLAND AMBULANCE SERVICE NHS TRUST' },
        ],
      }),
      GRANTS,
    );
    expect(person.role.personRoleId).toBe('555254242106');
    expect(person.role.orgCode).toBe('RYC');
    expect(person.organisationName).toBe('EAST OF ENGLAND AMBULANCE SERVICE NHS TRUST');
    expect(person.appRoles).toEqual(['clinicalLead']);
  });

  it('grants an app role from an activity code of the selected role', () => {
    const role = { ...PARAMEDIC_ROLE, role_code: 'S0080:G0450:R9999', activity_codes: ['B0380'] };
    expect(parseCis2UserInfo(claims({ nhsid_nrbac_roles: [role] }), GRANTS).appRoles).toEqual(['clinicalLead']);
  });

  it('grants from any part of role_code (the job role part here), and from several parts at once', () => {
    expect(parseCis2UserInfo(claims(), GRANTS).appRoles).toEqual(['paramedic']);
    const grantsOnGroup: RoleGrants = { paramedic: ['G8000'], clinicalLead: [], trainer: ['S8000'] };
    expect(parseCis2UserInfo(claims(), grantsOnGroup).appRoles).toEqual(['paramedic', 'trainer']);
  });

  it('unknown codes grant nothing: the person is read, with no app role (the refusal page)', () => {
    const role = { ...PARAMEDIC_ROLE, role_code: 'S0080:G0450:R5080', activity_codes: ['B9999'] };
    const person = parseCis2UserInfo(claims({ nhsid_nrbac_roles: [role] }), GRANTS);
    expect(person.appRoles).toEqual([]);
    expect(person.role.roleCode).toBe('S0080:G0450:R5080');
  });

  it('a role with no activity_codes has none; a role in another organisation is not granted by a code of an unselected role', () => {
    const person = parseCis2UserInfo(
      claims({ nhsid_nrbac_roles: [{ ...PARAMEDIC_ROLE, role_code: 'S8000:G8000:R5080', activity_codes: undefined }, LEAD_ROLE] }),
      GRANTS,
    );
    expect(person.role.activityCodes).toEqual([]);
    expect(person.appRoles).toEqual([]);
  });

  it('builds the name from given_name and family_name when name is absent', () => {
    expect(parseCis2UserInfo(claims({ name: undefined }), GRANTS).name).toBe('Alex Morgan');
    expect(parseCis2UserInfo(claims({ name: '  ' }), GRANTS).name).toBe('Alex Morgan');
  });

  it('ignores unknown extra claims, and leaves the organisation name unknown when nhsid_user_orgs is absent or does not list it', () => {
    const person = parseCis2UserInfo(claims({ nhsid_user_orgs: undefined, email: 'a@nhs.net', nhsid_useruid: '910000000001', acr: 'AAL3_ANY' }), GRANTS);
    expect(person.organisationName).toBeUndefined();
    expect(person).not.toHaveProperty('email');
    expect(parseCis2UserInfo(claims({ nhsid_user_orgs: [{ org_code: 'RYC', org_name: 'Other' }] }), GRANTS).organisationName).toBeUndefined();
  });

  it.each([
    ['not an object', 'claims', /root/],
    ['no sub', claims({ sub: undefined }), /sub/],
    ['an empty sub', claims({ sub: ' ' }), /sub/],
    ['roles not a list', claims({ nhsid_nrbac_roles: { person_roleid: '1' } }), /nhsid_nrbac_roles/],
    ['a role with no role_code', claims({ nhsid_nrbac_roles: [{ ...PARAMEDIC_ROLE, role_code: undefined }] }), /nhsid_nrbac_roles\.0\.role_code/],
    ['activity_codes a string, not a list', claims({ nhsid_nrbac_roles: [{ ...PARAMEDIC_ROLE, activity_codes: 'B0360' }] }), /activity_codes/],
    ['selected_roleid a number', claims({ selected_roleid: 555254242105 }), /selected_roleid/],
    ['nhsid_user_orgs malformed', claims({ nhsid_user_orgs: [{ org_name: 'x' }] }), /nhsid_user_orgs/],
    ['no name at all', claims({ name: undefined, given_name: undefined, family_name: '' }), /no name/],
  ])('malformed claims (%s) fail claims-invalid, naming what', (_case, input, detail) => {
    const error = failure(input);
    expect(error.kind).toBe('claims-invalid');
    expect(error.detail).toMatch(detail);
  });

  it('no roles: a missing claim and an empty list both fail claims-invalid', () => {
    expect(failure(claims({ nhsid_nrbac_roles: undefined })).detail).toMatch(/nhsid_nrbac_roles missing/);
    expect(failure(claims({ nhsid_nrbac_roles: [] })).detail).toMatch(/holds no national RBAC role/);
  });

  it('a selected role that is missing, or not among the roles, fails claims-invalid without quoting the id', () => {
    expect(failure(claims({ selected_roleid: undefined })).detail).toMatch(/selected_roleid missing/);
    const error = failure(claims({ selected_roleid: '999999999999' }));
    expect(error.kind).toBe('claims-invalid');
    expect(error.detail).toMatch(/not one of the person's 1 nhsid_nrbac_roles/);
    expect(error.message).not.toContain('999999999999');
  });
});
