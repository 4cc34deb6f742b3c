import { describe, expect, it } from 'vitest';
import { ageInYears, formatFhirDate, formatInstantDate, formatInstantDateTime, formatInstantIso } from './dates';

describe('dates', () => {
  it('formats FHIR dates, full and partial', () => {
    expect(formatFhirDate('2010-10-22')).toBe('22 October 2010');
    expect(formatFhirDate('2010-10')).toBe('October 2010');
    expect(formatFhirDate('2010')).toBe('2010');
  });

  it('formats instants in UK time', () => {
    // 23:30 UTC on 31 May is 00:30 BST on 1 June.
    expect(formatInstantDate('2025-05-31T23:30:00Z')).toBe('1 June 2025');
  });

  it('counts whole years of age', () => {
    expect(ageInYears('2010-10-22', new Date('2026-10-21T12:00:00Z'))).toBe(15);
    expect(ageInYears('2010-10-22', new Date('2026-10-22T12:00:00Z'))).toBe(16);
    expect(ageInYears('2010', new Date())).toBeUndefined();
  });

  it('formats an instant with the time to the second, in UK time, with its zone', () => {
    expect(formatInstantDateTime('2025-03-04T14:02:10.845Z')).toBe('4 March 2025, 14:02:10 GMT');
    expect(formatInstantDateTime('2025-05-31T23:30:00Z')).toBe('1 June 2025, 00:30:00 BST');
    expect(formatInstantDateTime('not a time')).toBe('not a time');
  });

  it('writes an instant as ISO 8601 in UK time with its offset', () => {
    expect(formatInstantIso('2025-03-04T14:02:10.845Z')).toBe('2025-03-04T14:02:10+00:00');
    expect(formatInstantIso('2025-05-31T23:30:00Z')).toBe('2025-06-01T00:30:00+01:00');
    // The clocks went back at 02:00 BST on 26 October 2025: 00:30 UTC is 01:30 BST, 01:30 UTC is 01:30 GMT.
    expect(formatInstantIso('2025-10-26T00:30:00Z')).toBe('2025-10-26T01:30:00+01:00');
    expect(formatInstantIso('2025-10-26T01:30:00Z')).toBe('2025-10-26T01:30:00+00:00');
    expect(formatInstantIso('not a time')).toBe('not a time');
  });
});
