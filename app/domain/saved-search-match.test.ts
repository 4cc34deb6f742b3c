import { describe, expect, it } from 'vitest';
import type { SearchDetails } from './patient-search';
import { postcodeOf } from './patient-postcode';
import { savedPersonMatches, type SavedPerson } from './saved-search-match';

const AMELIA: SavedPerson = { family: 'Crossley', given: ['Amelia', 'Jane'], birthDate: '1991-03-14', gender: 'female', postcode: 'LS1 6AE', restricted: false };
const search = (o: Partial<SearchDetails> = {}): SearchDetails => ({
  family: 'Crossley',
  given: undefined,
  birthDate: { kind: 'on', date: '1991-03-14' },
  gender: undefined,
  postcode: undefined,
  ...o,
});

describe('savedPersonMatches', () => {
  it('matches family name and date of birth, ignoring case, accents and spacing', () => {
    expect(savedPersonMatches(search({ family: ' CRÖSSLEY ' }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ family: 'Crossland' }), AMELIA)).toBe(false);
    expect(savedPersonMatches(search({ birthDate: { kind: 'on', date: '1991-03-15' } }), AMELIA)).toBe(false);
  });

  it('takes wildcards from where they stand, not as a "contains"', () => {
    expect(savedPersonMatches(search({ family: 'Cro*' }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ family: 'Cr*ley' }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ family: 'ro*' }), AMELIA)).toBe(false);
  });

  it('matches a range of dates, and a year-only date of birth inside it', () => {
    const year1991 = { kind: 'between' as const, from: '1991-01-01', to: '1991-12-31' };
    expect(savedPersonMatches(search({ birthDate: year1991 }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ birthDate: year1991 }), { ...AMELIA, birthDate: '1991' })).toBe(true);
    expect(savedPersonMatches(search({ birthDate: { kind: 'between', from: '1992-01-01', to: '1993-12-31' } }), AMELIA)).toBe(false);
    expect(savedPersonMatches(search(), { ...AMELIA, birthDate: undefined })).toBe(false);
  });

  it('matches the first given name (or a compound one), gender and postcode when asked', () => {
    expect(savedPersonMatches(search({ given: 'amelia' }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ given: 'Amelia Jane' }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ given: 'Jane' }), AMELIA)).toBe(false);
    expect(savedPersonMatches(search({ gender: 'male' }), AMELIA)).toBe(false);
    expect(savedPersonMatches(search({ postcode: 'LS16AE' }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ postcode: 'LS1*' }), AMELIA)).toBe(true);
    expect(savedPersonMatches(search({ postcode: 'LS2*' }), AMELIA)).toBe(false);
  });

  it('never matches a restricted person by postcode, nor a person with no family name', () => {
    expect(savedPersonMatches(search({ postcode: 'LS1*' }), { ...AMELIA, restricted: true, postcode: undefined })).toBe(false);
    expect(savedPersonMatches(search(), { ...AMELIA, restricted: true, postcode: undefined })).toBe(true);
    expect(savedPersonMatches(search(), { ...AMELIA, family: undefined })).toBe(false);
  });
});

describe('postcodeOf', () => {
  it('is the last address line when it is a postcode, and never for a restricted patient', () => {
    expect(postcodeOf({ address: ['1 Road', 'Leeds', 'ls1 6ae'], restricted: false })).toBe('LS1 6AE');
    expect(postcodeOf({ address: ['1 Road', 'Leeds'], restricted: false })).toBeUndefined();
    expect(postcodeOf({ address: ['1 Road', 'LS1 6AE'], restricted: true })).toBeUndefined();
    expect(postcodeOf({ address: undefined, restricted: false })).toBeUndefined();
  });
});
