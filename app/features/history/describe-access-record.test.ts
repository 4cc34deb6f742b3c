import { describe, expect, it } from 'vitest';
import type { AccessRecord } from '../../domain/access-record';
import type { NhsNumber } from '../../domain/nhs-number';
import { describeAccessRecord } from './describe-access-record';

const record = (outcome: AccessRecord['outcome'], occurredAt = '2025-03-04T14:02:10.123Z'): AccessRecord => ({
  id: 'a0000000-0000-4000-8000-000000000001',
  action: 'patient-read',
  nhsNumber: '9434765919' as NhsNumber,
  organisationOds: 'RX8',
  organisationName: undefined,
  person: undefined,
  occurredAt,
  outcome,
});

describe('describeAccessRecord', () => {
  it.each([
    [200, 'Answered (200)'],
    [204, 'Answered (204)'],
    [401, 'Refused (401)'],
    [403, 'Refused (403)'],
    [404, 'Failed: not found (404)'],
    [410, 'Failed: not found (410)'],
    [429, 'Failed: service busy (429)'],
    [500, 'Failed: service error (500)'],
    [503, 'Failed: service error (503)'],
    [408, 'Failed: service error (408)'],
    [400, 'Failed: request not accepted (400)'],
    [302, 'Failed: unexpected reply (302)'],
  ])('a reply with status %i reads %j: only a 2xx is "Answered"', (status, words) => {
    expect(describeAccessRecord(record({ kind: 'answered', status })).outcome).toBe(words);
  });

  it('says no answer, or from this device, when there was no reply', () => {
    expect(describeAccessRecord(record({ kind: 'no-answer', reason: 'network' })).outcome).toBe('No answer: no connection');
    expect(describeAccessRecord(record({ kind: 'shown-from-device' })).outcome).toBe('From this device');
  });

  it('gives the time with its zone for the table, and ISO 8601 with its offset for the CSV', () => {
    const winter = describeAccessRecord(record({ kind: 'shown-from-device' }));
    expect([winter.when, winter.whenIso]).toEqual(['4 March 2025, 14:02:10 GMT', '2025-03-04T14:02:10+00:00']);
    const summer = describeAccessRecord(record({ kind: 'shown-from-device' }, '2025-07-01T09:15:00Z'));
    expect([summer.when, summer.whenIso]).toEqual(['1 July 2025, 10:15:00 BST', '2025-07-01T10:15:00+01:00']);
  });
});
