import { describe, expect, it } from 'vitest';
import { ageInYears, formatFhirDate, formatInstantDate, formatInstantDateTime } from './dates';

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

  it('formats an instant with the time to the second, in UK time', () => {
    expect(formatInstantDateTime('2025-03-04T14:02:10.845Z')).toBe('4 March 2025, 14:02:10');
    expect(formatInstantDateTime('2025-05-31T23:30:00Z')).toBe('1 June 2025, 00:30:00');
    expect(formatInstantDateTime('not a time')).toBe('not a time');
  });
});
