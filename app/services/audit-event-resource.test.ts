import { describe, expect, it } from 'vitest';
import { auditEventProblems } from '../../mocks/audit';
import type { AccessEvent, AccessOutcome } from '../domain/access-event';
import {
  ACTOR,
  ANSWERED_AT,
  NHS,
  OBSERVER,
  REQUEST_ID,
  SEARCH_QUERY,
  SENT_AT,
  SSP_URL,
  accessEvent,
  attributedEvent,
  documentRetrieval,
  patientSearch,
  pointerSearch,
  savedCopyView,
} from '../test-support/access-events';
import { toAuditEventResource } from './audit-event-resource';

describe('toAuditEventResource: each access as an R4 AuditEvent', () => {
  it('patient-read: a RESTful read by the crew’s organisation, observed by this system, about the patient', () => {
    expect(toAuditEventResource(accessEvent(), OBSERVER)).toEqual({
      resourceType: 'AuditEvent',
      id: '0b7f3c2e-9a41-4d6b-8e15-2f4c6a8d0e13',
      type: { system: 'http://terminology.hl7.org/CodeSystem/audit-event-type', code: 'rest', display: 'RESTful Operation' },
      subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'read', display: 'read' }],
      action: 'R',
      period: { start: SENT_AT, end: ANSWERED_AT },
      recorded: ANSWERED_AT,
      outcome: '0',
      outcomeDesc: 'HTTP 200',
      purposeOfEvent: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }] }],
      // Recorded before sign-in: the organisation alone is the requestor.
      agent: [
        {
          type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleClass', code: 'PROV', display: 'healthcare provider' }] },
          who: { type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX8' } },
          requestor: true,
        },
      ],
      source: {
        observer: { type: 'Device', identifier: { system: 'https://fhir.nhs.uk/Id/accredited-system', value: '200000000999' }, display: 'Crew Record Locator' },
        type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '1', display: 'User Device' }],
      },
      entity: [
        {
          what: { type: 'Patient', identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS } },
          type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '1', display: 'Person' },
          role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '1', display: 'Patient' },
        },
        {
          type: { system: 'http://terminology.hl7.org/CodeSystem/audit-entity-type', code: '2', display: 'System Object' },
          role: { system: 'http://terminology.hl7.org/CodeSystem/object-role', code: '4', display: 'Domain Resource' },
          description: 'PDS Patient read',
          detail: [
            { type: 'HTTP method', valueString: 'GET' },
            { type: 'HTTP request URL', valueString: `https://gw.test/personal-demographics/FHIR/R4/Patient/${NHS}` },
            { type: 'X-Request-ID', valueString: REQUEST_ID },
            { type: 'X-Correlation-ID', valueString: 'lookup-5f0c2a51' },
          ],
        },
      ],
    });
  });

  it('pointer-search: a RESTful type search, action Execute, and the request as a query', () => {
    const resource = toAuditEventResource(pointerSearch(), OBSERVER);
    expect(resource.type.code).toBe('rest');
    expect(resource.subtype).toEqual([{ system: 'http://hl7.org/fhir/restful-interaction', code: 'search-type', display: 'search type' }]);
    expect(resource.action).toBe('E');
    expect(resource.entity[1]).toMatchObject({ role: { code: '24', display: 'Query' }, description: 'NRL DocumentReference search' });
    expect(resource.entity[1]!.what).toBeUndefined();
    expect(resource.entity[1]!.detail).toEqual([
      { type: 'HTTP method', valueString: 'POST' },
      { type: 'HTTP request URL', valueString: 'https://gw.test/record-locator/consumer/FHIR/R4/DocumentReference/_search' },
      { type: 'X-Request-ID', valueString: REQUEST_ID },
      { type: 'X-Correlation-ID', valueString: 'lookup-5f0c2a51' },
    ]);
  });

  it('patient-search: BALP Query, a RESTful search executed, its terms as the base64 query, and no patient', () => {
    const resource = toAuditEventResource(patientSearch(), OBSERVER);
    expect(resource.type.code).toBe('rest');
    expect(resource.subtype).toEqual([{ system: 'http://hl7.org/fhir/restful-interaction', code: 'search', display: 'search' }]);
    expect(resource.action).toBe('E');
    // No one patient: only the query entity, and nothing names an NHS number.
    expect(resource.entity).toHaveLength(1);
    const [query] = resource.entity as [(typeof resource.entity)[number]];
    expect(query).toMatchObject({ type: { code: '2' }, role: { code: '24', display: 'Query' }, description: 'PDS Patient search by demographics' });
    expect(query.what).toBeUndefined();
    expect(atob(query.query!)).toBe(SEARCH_QUERY);
    expect(query.detail).toEqual([
      { type: 'HTTP method', valueString: 'GET' },
      { type: 'HTTP request URL', valueString: `https://gw.test/personal-demographics/FHIR/R4/Patient?${SEARCH_QUERY}` },
      { type: 'X-Request-ID', valueString: REQUEST_ID },
      { type: 'X-Correlation-ID', valueString: 'lookup-5f0c2a51' },
    ]);
    expect(JSON.stringify(resource)).not.toContain('https://fhir.nhs.uk/Id/nhs-number');
  });

  it('patient-search: terms outside ASCII are encoded as UTF-8 before base64', () => {
    const resource = toAuditEventResource({ ...patientSearch(), query: 'family=Kociński' }, OBSERVER);
    const bytes = Uint8Array.from(atob(resource.entity[0]!.query!), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(bytes)).toBe('family=Kociński');
  });

  it('document-retrieval: a read naming the pointer, the SSP URL with its attachment URL, and the Ssp-TraceID (§6.4)', () => {
    const resource = toAuditEventResource(documentRetrieval(), OBSERVER);
    expect(resource).toMatchObject({ type: { code: 'rest' }, subtype: [{ code: 'read' }], action: 'R' });
    expect(resource.entity[1]).toMatchObject({
      what: { type: 'DocumentReference', identifier: { value: 'RW5-4b1d7c2a' } },
      role: { code: '3', display: 'Report' },
    });
    expect(resource.entity[1]!.what!.identifier!.system).toBeUndefined();
    expect(resource.entity[1]!.detail).toEqual([
      { type: 'HTTP method', valueString: 'GET' },
      { type: 'HTTP request URL', valueString: SSP_URL },
      { type: 'Ssp-TraceID', valueString: REQUEST_ID },
      { type: 'X-Correlation-ID', valueString: 'lookup-5f0c2a51' },
    ]);
  });

  it('a direct retrieval sent no trace id, so none is recorded', () => {
    const event = accessEvent({ action: 'document-retrieval', pointerId: 'RW5-1', request: { method: 'GET', url: 'https://trust.example/plan.pdf', requestId: undefined } });
    const types = toAuditEventResource(event, OBSERVER).entity[1]!.detail!.map((d) => d.type);
    expect(types).toEqual(['HTTP method', 'HTTP request URL', 'X-Correlation-ID']);
  });

  it('saved-copy-view: a DICOM Patient Record read with no REST subtype and no request, at one instant', () => {
    const resource = toAuditEventResource(savedCopyView(), OBSERVER);
    expect(resource.type).toEqual({ system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110110', display: 'Patient Record' });
    expect(resource).not.toHaveProperty('subtype');
    expect(resource).toMatchObject({
      action: 'R',
      period: { start: SENT_AT, end: SENT_AT },
      recorded: SENT_AT,
      outcome: '0',
      outcomeDesc: 'Shown from the copy saved on this device; no request made',
    });
    expect(resource.entity[1]).toMatchObject({ what: { identifier: { value: 'RW5-4b1d7c2a' } }, role: { code: '3' } });
    expect(resource.entity[1]!.detail).toEqual([{ type: 'X-Correlation-ID', valueString: 'lookup-5f0c2a51' }]);
  });

  it('without an ASID the observer is named but carries no identifier', () => {
    const { observer } = toAuditEventResource(accessEvent({ asid: undefined }), OBSERVER).source;
    expect(observer).toEqual({ type: 'Device', display: 'Crew Record Locator' });
  });
});

describe('toAuditEventResource: who made the access (issue 10, IHE BALP)', () => {
  it('names the person in their role as the requestor, then their organisation, for treatment', () => {
    const resource = toAuditEventResource(attributedEvent(), OBSERVER);
    expect(resource.agent).toEqual([
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
        role: [
          {
            coding: [{ system: 'https://fhir.nhs.uk/CodeSystem/NHSDigital-SDS-JobRoleCode', code: 'S8000:G8000:R8003', display: 'Paramedic' }],
            text: '"Clinical":"Clinical Provision":"Paramedic"',
          },
        ],
        who: { type: 'PractitionerRole', identifier: { system: 'https://fhir.nhs.uk/Id/sds-role-profile-id', value: '555021936109' }, display: 'Alex Carter' },
        altId: '555021935107',
        name: 'Alex Carter',
        requestor: true,
        purposeOfUse: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }] }],
      },
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleClass', code: 'PROV', display: 'healthcare provider' }] },
        who: {
          type: 'Organization',
          identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX7' },
          display: 'North West Ambulance Service NHS Trust',
        },
        requestor: false,
      },
    ]);
    expect(resource.purposeOfEvent).toEqual([{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'TREAT', display: 'treatment' }] }]);
    expect(resource.agent.filter((agent) => agent.requestor)).toHaveLength(1);
  });

  it.each(['signed-in', 'offline', 'demo'] as const)('says the access was made in a %s session', (session) => {
    const resource = toAuditEventResource(attributedEvent({ actor: { ...ACTOR, session } }), OBSERVER);
    expect(resource.entity[1]!.detail).toContainEqual({ type: 'Sign-in session', valueString: session });
  });

  it('names the organisation by code alone when CIS2 gave no name', () => {
    const resource = toAuditEventResource(attributedEvent({ actor: { ...ACTOR, organisationName: undefined } }), OBSERVER);
    expect(resource.agent[1]!.who).toEqual({ type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX7' } });
  });

  it('records no session for an event from before sign-in', () => {
    expect(JSON.stringify(toAuditEventResource(accessEvent(), OBSERVER))).not.toContain('Sign-in session');
  });
});

describe('toAuditEventResource: outcome', () => {
  const AT = '2025-03-04T14:02:25.000Z';
  it.each<[string, AccessOutcome, string, string]>([
    ['200', { kind: 'answered', status: 200, answeredAt: AT }, '0', 'HTTP 200'],
    ['201', { kind: 'answered', status: 201, answeredAt: AT }, '0', 'HTTP 201'],
    ['400', { kind: 'answered', status: 400, answeredAt: AT }, '4', 'HTTP 400'],
    ['403', { kind: 'answered', status: 403, answeredAt: AT }, '4', 'HTTP 403'],
    ['404', { kind: 'answered', status: 404, answeredAt: AT }, '4', 'HTTP 404'],
    ['429', { kind: 'answered', status: 429, answeredAt: AT }, '4', 'HTTP 429'],
    ['500', { kind: 'answered', status: 500, answeredAt: AT }, '8', 'HTTP 500'],
    ['504', { kind: 'answered', status: 504, answeredAt: AT }, '8', 'HTTP 504'],
    ['no answer (network)', { kind: 'no-answer', reason: 'network', at: AT }, '8', 'No answer: network'],
    ['no answer (timeout)', { kind: 'no-answer', reason: 'timeout', at: AT }, '8', 'No answer: timeout'],
    ['no answer (cancelled)', { kind: 'no-answer', reason: 'cancelled', at: AT }, '8', 'No answer: cancelled'],
  ])('%s → outcome %s, %j, ending when the outcome was known', (_label, outcome, code, description) => {
    const resource = toAuditEventResource(accessEvent({ outcome }), OBSERVER);
    expect(resource).toMatchObject({ outcome: code, outcomeDesc: description, period: { start: SENT_AT, end: AT }, recorded: AT });
  });
});

describe('toAuditEventResource: what never reaches the audit log', () => {
  it('copies only the named fields: patient details or a reply body on the event object are left behind', () => {
    const event = {
      ...pointerSearch(),
      name: 'Jane SMITH',
      address: ['1 Trevelyan Square', 'LS1 6AE'],
      birthDate: '2010-10-22',
      responseBody: '{"resourceType":"Bundle","entry":[{"resource":{"description":"crisis plan"}}]}',
    } as AccessEvent;
    const json = JSON.stringify(toAuditEventResource(event, OBSERVER));
    for (const leaked of ['SMITH', 'Trevelyan', 'LS1 6AE', '2010-10-22', 'Bundle', 'crisis plan', 'responseBody']) expect(json).not.toContain(leaked);
  });

  it('names the patient once, by NHS number only, when the request itself does not carry it', () => {
    const resource = toAuditEventResource(pointerSearch(), OBSERVER);
    expect(JSON.stringify(resource).split(NHS)).toHaveLength(2);
    expect(Object.keys(resource.entity[0]!.what!)).toEqual(['type', 'identifier']);
  });

  it('is the same resource on every call, so a repeated delivery stores the same record', () => {
    expect(toAuditEventResource(documentRetrieval(), OBSERVER)).toEqual(toAuditEventResource(documentRetrieval(), OBSERVER));
  });
});

describe('toAuditEventResource: accepted by the audit service mock’s R4 validation', () => {
  const outcomes: AccessOutcome[] = [
    { kind: 'answered', status: 200, answeredAt: ANSWERED_AT },
    { kind: 'answered', status: 404, answeredAt: ANSWERED_AT },
    { kind: 'no-answer', reason: 'timeout', at: ANSWERED_AT },
  ];
  it.each<[string, AccessEvent]>([
    ['patient-read', accessEvent()],
    ['pointer-search', pointerSearch()],
    ['patient-search', patientSearch()],
    ['patient-search by a signed-in person', { ...patientSearch(), actor: ACTOR, organisationOds: ACTOR.organisationOds }],
    ['document-retrieval', documentRetrieval()],
    ['saved-copy-view', savedCopyView()],
    ['no ASID', accessEvent({ asid: undefined })],
    ['a signed-in person', attributedEvent()],
    ['an offline session, no organisation name', attributedEvent({ actor: { ...ACTOR, session: 'offline', organisationName: undefined } })],
    ...outcomes.map((outcome): [string, AccessEvent] => [`outcome ${outcome.kind}`, accessEvent({ outcome })]),
  ])('%s', (_label, event) => {
    expect(auditEventProblems(toAuditEventResource(event, OBSERVER), event.id)).toEqual([]);
  });
});
