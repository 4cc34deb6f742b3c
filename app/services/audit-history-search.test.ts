import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../domain/access-event';
import { ANSWERED_AT, NHS, OBSERVER, SENT_AT, accessEvent, documentRetrieval, pointerSearch, savedCopyView } from '../test-support/access-events';
import { toAuditEventResource } from './audit-event-resource';
import { accessActionSearch, accessRecordFrom } from './audit-history-search';

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
      occurredAt: SENT_AT,
      ...expected,
    });
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

describe('accessActionSearch: R4 search parameters for one kind of access', () => {
  it('names type, subtype and the request entity’s role as system|code tokens', () => {
    expect(accessActionSearch('patient-read')).toEqual([
      ['type', 'http://terminology.hl7.org/CodeSystem/audit-event-type|rest'],
      ['subtype', 'http://hl7.org/fhir/restful-interaction|read'],
      ['entity-role', 'http://terminology.hl7.org/CodeSystem/object-role|4'],
    ]);
    expect(accessActionSearch('saved-copy-view')).toEqual([
      ['type', 'http://dicom.nema.org/resources/ontology/DCM|110110'],
      ['entity-role', 'http://terminology.hl7.org/CodeSystem/object-role|3'],
    ]);
  });
});
