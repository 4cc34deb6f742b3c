import { describe, expect, it } from 'vitest';
import type { AccessRecord } from '../../domain/access-record';
import type { NhsNumber } from '../../domain/nhs-number';
import { accessHistoryCsv, csvField, toCsv } from './access-history-csv';

const record = (overrides: Partial<AccessRecord> = {}): AccessRecord => ({
  id: 'a0000000-0000-4000-8000-000000000001',
  action: 'document-retrieval',
  nhsNumber: '9434765919' as NhsNumber,
  organisationOds: 'RX8',
  organisationName: undefined,
  person: undefined,
  occurredAt: '2025-03-04T14:02:10.123Z',
  outcome: { kind: 'answered', status: 200 },
  ...overrides,
});

describe('csvField: RFC 4180 quoting', () => {
  it.each([
    ['plain', 'plain'],
    ['4 March 2025, 14:02:10', '"4 March 2025, 14:02:10"'],
    ['say "hello"', '"say ""hello"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['line\nfeed', '"line\nfeed"'],
    ['', ''],
  ])('%j → %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('csvField: formula injection', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","x")', `"'=HYPERLINK(""https://evil.example"",""x"")"`],
    ['+44 20 7946 0000', "'+44 20 7946 0000"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('defuses %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('leaves a cell that merely contains those characters alone', () => {
    expect(csvField('RX8 = ambulance trust')).toBe('RX8 = ambulance trust');
    expect(csvField('No answer: timeout')).toBe('No answer: timeout');
  });
});

describe('toCsv', () => {
  it('ends every record, the last too, with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd,e']])).toBe('a,b\r\nc,"d,e"\r\n');
  });
});

describe('accessHistoryCsv: what the table shows', () => {
  it('has a header row of the column names and one row per access in the table’s words', () => {
    const csv = accessHistoryCsv([
      record(),
      record({ id: '2', action: 'pointer-search', outcome: { kind: 'no-answer', reason: 'timeout' } }),
      record({ id: '3', action: 'saved-copy-view', organisationOds: undefined, outcome: { kind: 'shown-from-device' } }),
      record({ id: '4', action: 'patient-search', nhsNumber: undefined }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'When,What,NHS number,Who,Organisation,Outcome',
      '2025-03-04T14:02:10+00:00,Document retrieved,943 476 5919,Not recorded (before sign-in),RX8,Answered (200)',
      '2025-03-04T14:02:10+00:00,Record search,943 476 5919,Not recorded (before sign-in),RX8,No answer: timeout',
      '2025-03-04T14:02:10+00:00,Saved copy opened,943 476 5919,Not recorded (before sign-in),Not recorded,From this device',
      '2025-03-04T14:02:10+00:00,Search by details,None (search by details),Not recorded (before sign-in),RX8,Answered (200)',
      '',
    ]);
  });

  it('writes each time as ISO 8601 in UK time with its offset, GMT or BST', () => {
    const csv = accessHistoryCsv([record({ occurredAt: '2025-07-01T09:15:00.000Z' }), record()]);
    expect(csv.split('\r\n').slice(1, -1).map((row) => row.split(',')[0])).toEqual(['2025-07-01T10:15:00+01:00', '2025-03-04T14:02:10+00:00']);
  });

  it('never writes a refused or failed request as answered', () => {
    const csv = accessHistoryCsv([
      record({ outcome: { kind: 'answered', status: 403 } }),
      record({ outcome: { kind: 'answered', status: 500 } }),
      record({ outcome: { kind: 'answered', status: 404 } }),
    ]);
    expect(csv.split('\r\n').slice(1, -1).map((row) => row.split(',').at(-1))).toEqual(['Refused (403)', 'Failed: service error (500)', 'Failed: not found (404)']);
  });

  it('defuses an organisation code from the audit service that would be a formula', () => {
    const csv = accessHistoryCsv([record({ organisationOds: '=cmd|" /C calc"!A0' })]);
    expect(csv.split('\r\n')[1]).toBe(`2025-03-04T14:02:10+00:00,Document retrieved,943 476 5919,Not recorded (before sign-in),"'=cmd|"" /C calc""!A0",Answered (200)`);
  });

  it('names who made each access: name, role and session, and the organisation by name and code', () => {
    const person = { id: '555021935107', name: 'Alex Carter', roleName: '"Clinical":"Clinical Provision":"Paramedic"', roleCode: 'S8000:G8000:R8003', personRoleId: '555021936109' };
    const csv = accessHistoryCsv([
      record({ organisationOds: 'RX7', organisationName: 'North West Ambulance Service NHS Trust', person: { ...person, session: 'signed-in' } }),
      record({ organisationOds: 'RX7', person: { ...person, session: 'offline' } }),
      record({ person: { ...person, name: undefined, roleName: undefined, session: 'demo' } }),
    ]);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      '2025-03-04T14:02:10+00:00,Document retrieved,943 476 5919,"Alex Carter, Paramedic",North West Ambulance Service NHS Trust (RX7),Answered (200)',
      '2025-03-04T14:02:10+00:00,Document retrieved,943 476 5919,"Alex Carter, Paramedic, offline session",RX7,Answered (200)',
      '2025-03-04T14:02:10+00:00,Document retrieved,943 476 5919,"Name not recorded, demo",RX8,Answered (200)',
    ]);
  });

  it('defuses a person’s name from the audit service that would be a formula', () => {
    const csv = accessHistoryCsv([record({ person: { id: 'x', name: '@SUM(1+1)', roleName: undefined, roleCode: undefined, personRoleId: undefined, session: undefined } })]);
    expect(csv.split('\r\n')[1]).toContain(`,'@SUM(1+1),`);
  });

  it('is a header row alone when nothing is shown', () => {
    expect(accessHistoryCsv([])).toBe('When,What,NHS number,Who,Organisation,Outcome\r\n');
  });
});
