/**
 * Access events for tests of the audit service's client and mapping: one of each action, with
 * fixed ids and times so a resource can be compared whole. Used by tests only.
 */
import type { AccessActor, AccessEvent } from '../domain/access-event';
import type { NhsNumber } from '../domain/nhs-number';

export const NHS = '9000000009' as NhsNumber;
export const OBSERVER = { name: 'Crew Record Locator' };
export const SENT_AT = '2025-03-04T14:02:10.123Z';
export const ANSWERED_AT = '2025-03-04T14:02:10.845Z';
export const REQUEST_ID = '3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b';
export const SSP_URL = `https://gw.test/spine-secure-proxy/${encodeURIComponent('https://provider.example/crisis-plans/4b1d.pdf')}`;

/** A paramedic signed in to CIS2, in the role they selected (synthetic SDS ids). */
export const ACTOR: AccessActor = {
  personId: '555021935107',
  name: 'Alex Carter',
  personRoleId: '555021936109',
  roleCode: 'S8000:G8000:R8003',
  roleName: '"Clinical":"Clinical Provision":"Paramedic"',
  organisationOds: 'RX7',
  organisationName: 'North West Ambulance Service NHS Trust',
  session: 'signed-in',
};

/** A PDS read answered 200, unless overridden. Names nobody (an event from before sign-in) unless given an actor. */
export function accessEvent(overrides: Partial<AccessEvent> = {}): AccessEvent {
  return {
    id: '0b7f3c2e-9a41-4d6b-8e15-2f4c6a8d0e13',
    action: 'patient-read',
    nhsNumber: NHS,
    organisationOds: 'RX8',
    actor: undefined,
    asid: '200000000999',
    correlationId: 'lookup-5f0c2a51',
    pointerId: undefined,
    occurredAt: SENT_AT,
    request: { method: 'GET', url: `https://gw.test/personal-demographics/FHIR/R4/Patient/${NHS}`, requestId: REQUEST_ID },
    outcome: { kind: 'answered', status: 200, answeredAt: ANSWERED_AT },
    ...overrides,
  };
}

/** The same PDS read made by ACTOR: the organisation is their selected role's. */
export const attributedEvent = (overrides: Partial<AccessEvent> = {}): AccessEvent =>
  accessEvent({ actor: ACTOR, organisationOds: ACTOR.organisationOds, ...overrides });

export const pointerSearch = (): AccessEvent =>
  accessEvent({
    action: 'pointer-search',
    request: { method: 'POST', url: 'https://gw.test/record-locator/consumer/FHIR/R4/DocumentReference/_search', requestId: REQUEST_ID },
  });

/** The terms of PATIENT_SEARCH: a family name and a year of birth, as sent. */
export const SEARCH_QUERY = 'family=Crossley&given=Am%2A&birthdate=ge1991-01-01&birthdate=le1991-12-31&_max-results=10';

/** A PDS search by details (issue 12): for no one patient, with its terms. */
export const patientSearch = (): AccessEvent =>
  accessEvent({
    action: 'patient-search',
    nhsNumber: undefined,
    query: SEARCH_QUERY,
    request: { method: 'GET', url: `https://gw.test/personal-demographics/FHIR/R4/Patient?${SEARCH_QUERY}`, requestId: REQUEST_ID },
  });

export const documentRetrieval = (): AccessEvent =>
  accessEvent({ action: 'document-retrieval', pointerId: 'RW5-4b1d7c2a', request: { method: 'GET', url: SSP_URL, requestId: REQUEST_ID } });

export const savedCopyView = (): AccessEvent =>
  accessEvent({ action: 'saved-copy-view', pointerId: 'RW5-4b1d7c2a', request: undefined, outcome: { kind: 'shown-from-device' } });
