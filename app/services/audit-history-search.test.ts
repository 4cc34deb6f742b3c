import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../domain/access-event';
import { ACTOR, ANSWERED_AT, NHS, OBSERVER, SENT_AT, accessEvent, attributedEvent, documentRetrieval, patientSearch, pointerSearch, savedCopyView } from '../test-support/access-events';
import { toAuditEventResource } from './audit-event-resource';
import { accessActionSearch, accessHistoryQuery, accessRecordFrom } from './audit-history-search';

describe('accessRecordFrom: a stored AuditEvent read back for the access history', () => {
  it.each<[string, AccessEvent, object]>([
    ['patient-read', accessEvent(), { action: 'patient-read', outcome: { kind: 'answered', status: 200 } }],
    ['pointer-search', pointerSearch(), { action: 'pointer-search', outcome: { kind: 'answered', status: 200 } }],
    ['document-retrieval', documentRetrieval(), { action: 'document-retrieval', outcome: { kind: 'answered', status: 200 } }],
    ['saved-copy-view', savedCopyView(), { action: 'saved-copy-view', outcome: { kind: 'shown-from-device' } }],
    ['an error status', accessEvent({ outcome: { kind: 'answered', status: 503, answeredAt: ANSWERED_AT } }), { outcome: { kind: 'answered', status: 503 } }],
    [
      'no answer (no connection)',
      { ...pointerSearch(), outcome: { kind: 'no-answer', reason: 'network', at: ANSWERED_AT } },
      { action: 'pointer-search', outcome: { kind: 'no-answer', reason: 'network' } },
    ],
    [
      'no answer in time',
      accessEvent({ outcome: { kind: 'no-answer', reason: 'timeout', at: ANSWERED_AT } }),
      { outcome: { kind: 'no-answer', reason: 'timeout' } },
    ],
  ])('%s comes back as it was recorded', (_label, event, expected) => {
    // Through JSON, with the meta a server adds, as it arrives from the audit service.
    const stored = { ...JSON.parse(JSON.stringify(toAuditEventResource(event, OBSERVER))), meta: { versionId: '1', lastUpdated: ANSWERED_AT } };
    expect(accessRecordFrom(stored)).toEqual({
      id: event.id,
      action: event.action,
      nhsNumber: NHS,
      organisationOds: 'RX8',
      organisationName: undefined,
      person: undefined,
      occurredAt: SENT_AT,
      ...expected,
    });
  });

  it('a search by details comes back as itself, naming no patient, never as the NRL pointer search', () => {
    const stored = JSON.parse(JSON.stringify(toAuditEventResource(patientSearch(), OBSERVER)));
    expect(accessRecordFrom(stored)).toEqual({
      id: patientSearch().id,
      action: 'patient-search',
      nhsNumber: undefined,
      organisationOds: 'RX8',
      organisationName: undefined,
      person: undefined,
      occurredAt: SENT_AT,
      outcome: { kind: 'answered', status: 200 },
    });
  });

  it('a search-by-details record that names a patient is not one this app wrote, so it is not shown', () => {
    const stored = JSON.parse(JSON.stringify(toAuditEventResource(patientSearch(), OBSERVER)));
    stored.entity.unshift(toAuditEventResource(accessEvent(), OBSERVER).entity[0]);
    expect(accessRecordFrom(stored)).toBeUndefined();
  });

  it('a pointer search still needs its one patient', () => {
    const stored = JSON.parse(JSON.stringify(toAuditEventResource(pointerSearch(), OBSERVER)));
    stored.entity.shift();
    expect(accessRecordFrom(stored)).toBeUndefined();
  });

  it('takes the time from recorded when there is no period', () => {
    const { period: _period, ...resource } = toAuditEventResource(accessEvent(), OBSERVER);
    expect(accessRecordFrom(resource)?.occurredAt).toBe(ANSWERED_AT);
  });

  const resource = () => JSON.parse(JSON.stringify(toAuditEventResource(documentRetrieval(), OBSERVER))) as Record<string, unknown> & { entity: Record<string, unknown>[] };
  it.each<[string, (r: ReturnType<typeof resource>) => unknown]>([
    ['another resource', (r) => ({ ...r, resourceType: 'Provenance' })],
    ['not an object', () => 'AuditEvent'],
    ['another system’s kind of event', (r) => ({ ...r, type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110100' } })],
    ['no request entity to tell the kind of access', (r) => ({ ...r, entity: [r.entity[0]] })],
    ['no patient', (r) => ({ ...r, entity: [r.entity[1]] })],
    ['a patient by another identifier', (r) => ({ ...r, entity: [{ ...r.entity[0], what: { type: 'Patient', identifier: { system: 'https://example.org/mrn', value: '12345' } } }, r.entity[1]] })],
    ['an NHS number that fails Modulus 11', (r) => ({ ...r, entity: [{ ...r.entity[0], what: { type: 'Patient', identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9000000008' } } }, r.entity[1]] })],
    [
      'two different patients',
      (r) => ({ ...r, entity: [...r.entity, { ...r.entity[0], what: { type: 'Patient', identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' } } }] }),
    ],
    ['an outcome in other words', (r) => ({ ...r, outcomeDesc: 'OK' })],
    ['a time that is no instant', (r) => ({ ...r, period: { start: 'this morning' } })],
    ['no recorded time', ({ recorded: _recorded, ...r }) => r],
  ])('is undefined for %s', (_label, change) => {
    expect(accessRecordFrom(change(resource()))).toBeUndefined();
  });

  it('leaves the organisation out when the requestor is not named by ODS code', () => {
    const r = resource();
    expect(accessRecordFrom({ ...r, agent: [{ who: { display: 'A crew' }, requestor: true }] })).toMatchObject({ organisationOds: undefined });
  });
});

describe('accessRecordFrom: who made the access', () => {
  const storedJson = (event: AccessEvent) => JSON.parse(JSON.stringify(toAuditEventResource(event, OBSERVER))) as Record<string, unknown> & { agent: Record<string, unknown>[] };

  it('reads the person, their role and organisation back as they were written', () => {
    expect(accessRecordFrom(storedJson(attributedEvent({ actor: { ...ACTOR, session: 'offline' } })))).toMatchObject({
      organisationOds: 'RX7',
      organisationName: 'North West Ambulance Service NHS Trust',
      person: {
        id: '555021935107',
        name: 'Alex Carter',
        roleName: '"Clinical":"Clinical Provision":"Paramedic"',
        roleCode: 'S8000:G8000:R8003',
        personRoleId: '555021936109',
        session: 'offline',
      },
    });
  });

  it('names nobody for an event from before sign-in', () => {
    expect(accessRecordFrom(storedJson(accessEvent()))).toMatchObject({ person: undefined, organisationOds: 'RX8' });
  });

  it.each<[string, (agent: Record<string, unknown>) => Record<string, unknown>]>([
    ['is not the requestor', (agent) => ({ ...agent, requestor: false })],
    ['is not the information recipient', (agent) => ({ ...agent, type: { coding: [{ system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110153' }] } })],
    ['has no CIS2 UUID', ({ altId: _altId, ...agent }) => agent],
    ['has a blank CIS2 UUID', (agent) => ({ ...agent, altId: '  ' })],
  ])('names nobody when the person agent %s', (_label, change) => {
    const r = storedJson(attributedEvent());
    const record = accessRecordFrom({ ...r, agent: [change(r.agent[0]!), r.agent[1]] });
    expect(record).toMatchObject({ person: undefined, organisationOds: 'RX7' });
  });

  it('ignores a session it does not know, keeping the person', () => {
    const r = JSON.stringify(toAuditEventResource(attributedEvent(), OBSERVER)).replace('"valueString":"signed-in"', '"valueString":"borrowed"');
    expect(accessRecordFrom(JSON.parse(r))?.person).toMatchObject({ id: '555021935107', session: undefined });
  });
});

describe('accessHistoryQuery: one person', () => {
  it('asks for one person by altid, their CIS2 UUID', () => {
    const query = accessHistoryQuery({ fromDate: '2025-03-04', toDate: '2025-03-04', personId: '555021935107' });
    expect(query.getAll('altid')).toEqual(['555021935107']);
    expect(accessHistoryQuery({ fromDate: '2025-03-04', toDate: '2025-03-04' }).has('altid')).toBe(false);
  });
});

describe('accessActionSearch: R4 search parameters for one kind of access', () => {
  it('names type, subtype and the request entity’s role as system|code tokens', () => {
    expect(accessActionSearch('patient-read')).toEqual([
      ['type', 'http://terminology.hl7.org/CodeSystem/audit-event-type|rest'],
      ['subtype', 'http://hl7.org/fhir/restful-interaction|read'],
      ['entity-role', 'http://terminology.hl7.org/CodeSystem/object-role|4'],
    ]);
    // The PDS search and the NRL search differ by subtype, so asking for one never returns the other.
    expect(accessActionSearch('patient-search')).toEqual([
      ['type', 'http://terminology.hl7.org/CodeSystem/audit-event-type|rest'],
      ['subtype', 'http://hl7.org/fhir/restful-interaction|search'],
      ['entity-role', 'http://terminology.hl7.org/CodeSystem/object-role|24'],
    ]);
    expect(accessActionSearch('pointer-search')[1]).toEqual(['subtype', 'http://hl7.org/fhir/restful-interaction|search-type']);
    expect(accessActionSearch('saved-copy-view')).toEqual([
      ['type', 'http://dicom.nema.org/resources/ontology/DCM|110110'],
      ['entity-role', 'http://terminology.hl7.org/CodeSystem/object-role|3'],
    ]);
  });
});
