import { describe, expect, it } from 'vitest';
import { appRolesFor, jobRoleName, mayUse, mayUseApp, type Cis2Role, type RoleGrants } from './signed-in-person';

const GRANTS: RoleGrants = { paramedic: ['R8003'], clinicalLead: ['R8000'], trainer: ['R8008'] };
const role = (roleCode: string, activityCodes: readonly string[] = []): Cis2Role => ({ personRoleId: '1', orgCode: 'RX8', roleCode, roleName: 'x', activityCodes });

describe('appRolesFor', () => {
  it('grants an app role for any role-code part or activity code listed under it', () => {
    expect(appRolesFor(role('S8000:G8000:R8003'), GRANTS)).toEqual(['paramedic']);
    expect(appRolesFor(role('S8000:G8000:R8001', ['B0360', 'R8000']), GRANTS)).toEqual(['clinicalLead']);
    expect(appRolesFor(role('R8000:R8003'), GRANTS)).toEqual(['paramedic', 'clinicalLead']);
  });

  it('grants nothing for unknown codes, and never for a code that merely contains a listed one', () => {
    expect(appRolesFor(role('S8000:G8000:R8001'), GRANTS)).toEqual([]);
    expect(appRolesFor(role('S8000:G8000:R80030'), GRANTS)).toEqual([]);
    expect(appRolesFor(role(''), GRANTS)).toEqual([]);
  });
});

describe('mayUse (issue 10 point 5)', () => {
  it.each([
    ['lookup', ['paramedic'], 'live', true],
    ['history', ['paramedic'], 'live', false],
    ['lookup', ['clinicalLead'], 'live', true],
    ['history', ['clinicalLead'], 'live', true],
    ['lookup', ['trainer'], 'live', false],
    ['trainer-tools', ['clinicalLead'], 'live', false],
    ['lookup', ['trainer'], 'demo', true],
    ['history', ['trainer'], 'demo', true],
    ['trainer-tools', ['trainer'], 'demo', true],
    ['lookup', ['paramedic'], 'demo', false],
  ] as const)('%s for %j in %s mode: %s', (screen, roles, mode, allowed) => {
    expect(mayUse(screen, roles, mode)).toBe(allowed);
  });

  it('a person with no app role may not use the app at all', () => {
    expect(mayUseApp([], 'live')).toBe(false);
    expect(mayUseApp([], 'demo')).toBe(false);
  });
});

describe('jobRoleName', () => {
  it.each([
    ['"Clinical":"Clinical Provision":"Paramedic"', 'Paramedic'],
    ['"Admin & Clerical":"Management":"Clinical Lead"', 'Clinical Lead'],
    ['Paramedic', 'Paramedic'],
    ['  Trainer ', 'Trainer'],
  ])('%s is %s', (roleName, shown) => {
    expect(jobRoleName(roleName)).toBe(shown);
  });
});
