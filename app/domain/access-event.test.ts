import { describe, expect, it } from 'vitest';
import { actorFrom, toAccessEvent, type AccessActor, type ServiceAccess } from './access-event';
import type { NhsNumber } from './nhs-number';
import type { SignedInPerson } from './signed-in-person';

const person: SignedInPerson = {
  id: '555021935107',
  name: 'Alex Carter',
  role: { personRoleId: '555021936109', orgCode: 'RX7', roleCode: 'S8000:G8000:R8003', roleName: '"Clinical":"Clinical Provision":"Paramedic"', activityCodes: [] },
  organisationName: 'North West Ambulance Service NHS Trust',
  appRoles: ['paramedic'],
};

const access: ServiceAccess = {
  action: 'patient-read',
  nhsNumber: '9000000009' as NhsNumber,
  correlationId: 'lookup-1',
  pointerId: undefined,
  occurredAt: '2025-03-04T14:02:10.123Z',
  request: { method: 'GET', url: 'https://gw.test/Patient/9000000009', requestId: 'r-1' },
  outcome: { kind: 'answered', status: 200, answeredAt: '2025-03-04T14:02:10.845Z' },
};

describe('actorFrom', () => {
  it('names the person, the selected role and its organisation, in the session given', () => {
    expect(actorFrom(person, 'offline')).toEqual<AccessActor>({
      personId: '555021935107',
      name: 'Alex Carter',
      personRoleId: '555021936109',
      roleCode: 'S8000:G8000:R8003',
      roleName: '"Clinical":"Clinical Provision":"Paramedic"',
      organisationOds: 'RX7',
      organisationName: 'North West Ambulance Service NHS Trust',
      session: 'offline',
    });
    expect(actorFrom(person, 'demo').session).toBe('demo');
  });
});

describe('toAccessEvent', () => {
  it('records the actor, and the selected role’s organisation rather than the configured one', () => {
    const event = toAccessEvent(access, { organisationOds: 'RX8', asid: '200000000999', actor: actorFrom(person, 'signed-in') }, 'id-1');
    expect(event).toMatchObject({ id: 'id-1', organisationOds: 'RX7', asid: '200000000999', actor: { personId: '555021935107', session: 'signed-in' } });
  });

  it('keeps the configured organisation when nobody is named', () => {
    expect(toAccessEvent(access, { organisationOds: 'RX8', asid: undefined, actor: undefined }, 'id-2')).toMatchObject({ organisationOds: 'RX8', actor: undefined });
  });
});
