import { describe, expect, it } from 'vitest';
import type { NhsNumber } from './nhs-number';
import type { Patient } from './patient';
import {
  patientSearchParams,
  patientSearchQueryString,
  searchExcludesRestricted,
  sortMatches,
  validatePatientSearch,
  widenPatientSearch,
  widerSearchProblems,
  type PatientMatch,
  type PatientSearch,
  type SearchForm,
} from './patient-search';

const NOW = new Date('2026-12-05T12:00:00Z');

function form(overrides: Partial<SearchForm> = {}): SearchForm {
  return {
    family: 'Crossley',
    given: '',
    birthDate: { kind: 'date', day: '14', month: '3', year: '1991' },
    gender: '',
    postcode: '',
    ...overrides,
  };
}

function valid(overrides: Partial<SearchForm> = {}): PatientSearch {
  const result = validatePatientSearch(form(overrides), NOW);
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.problems)}`);
  return result.search;
}

function problems(overrides: Partial<SearchForm> = {}) {
  const result = validatePatientSearch(form(overrides), NOW);
  return result.ok ? [] : result.problems;
}

const entries = (params: URLSearchParams) => [...params.entries()];

describe('validatePatientSearch: PDS minimum and the calendar', () => {
  it('accepts family name and date of birth, PDS’s non-fuzzy minimum, tidied', () => {
    const search = valid({ family: '  O’Reilly  ', given: ' Mary  Ann ' });
    expect(search.details).toEqual({
      family: "O'Reilly",
      given: 'Mary Ann',
      birthDate: { kind: 'on', date: '1991-03-14' },
      gender: undefined,
      postcode: undefined,
    });
    expect(search.wider).toBe(false);
  });

  it('requires the family name and the date of birth, reporting both at once', () => {
    expect(problems({ family: ' ', birthDate: { kind: 'date', day: '', month: '', year: '' } })).toEqual([
      { field: 'family', code: 'missing' },
      { field: 'birthDate', code: 'missing', parts: ['day', 'month', 'year'] },
    ]);
  });

  it.each([
    [{ day: '14', month: '', year: '1991' }, 'date-incomplete', ['month']],
    [{ day: '', month: '', year: '1991' }, 'date-incomplete', ['day', 'month']],
    [{ day: '31', month: '2', year: '1991' }, 'date-not-real', ['day', 'month', 'year']],
    [{ day: '29', month: '2', year: '1991' }, 'date-not-real', ['day', 'month', 'year']],
    [{ day: '1', month: '13', year: '1991' }, 'date-not-real', ['day', 'month', 'year']],
    [{ day: '1', month: '1', year: '91' }, 'date-not-real', ['day', 'month', 'year']],
    [{ day: 'x', month: '1', year: '1991' }, 'date-not-real', ['day', 'month', 'year']],
    [{ day: '6', month: '12', year: '2026' }, 'date-in-future', ['day', 'month', 'year']],
    [{ day: '1', month: '1', year: '1879' }, 'date-too-early', ['year']],
  ])('a date of birth %j is refused: %s', (date, code, parts) => {
    expect(problems({ birthDate: { kind: 'date', ...date } })).toEqual([{ field: 'birthDate', code, parts }]);
  });

  it('accepts 29 February in a leap year and today', () => {
    expect(valid({ birthDate: { kind: 'date', day: '29', month: '02', year: '2000' } }).details.birthDate).toEqual({ kind: 'on', date: '2000-02-29' });
    expect(valid({ birthDate: { kind: 'date', day: '5', month: '12', year: '2026' } }).details.birthDate).toEqual({ kind: 'on', date: '2026-12-05' });
  });

  it('takes "today" as the UK calendar day', () => {
    // 23:30 UTC on 1 July is already 2 July in the UK (BST): a baby born today is not "in the future".
    const summer = new Date('2026-07-01T23:30:00Z');
    const born = validatePatientSearch(form({ birthDate: { kind: 'date', day: '2', month: '7', year: '2026' } }), summer);
    expect(born.ok).toBe(true);
  });

  it('turns a year into the whole year, never past today', () => {
    expect(valid({ birthDate: { kind: 'year', year: '1991' } }).details.birthDate).toEqual({ kind: 'between', from: '1991-01-01', to: '1991-12-31' });
    expect(valid({ birthDate: { kind: 'year', year: '2026' } }).details.birthDate).toEqual({ kind: 'between', from: '2026-01-01', to: '2026-12-05' });
    expect(problems({ birthDate: { kind: 'year', year: '2027' } })).toEqual([{ field: 'birthDate', code: 'date-in-future', parts: ['year'] }]);
    expect(problems({ birthDate: { kind: 'year', year: '' } })).toEqual([{ field: 'birthDate', code: 'missing', parts: ['year'] }]);
    expect(problems({ birthDate: { kind: 'year', year: '199' } })).toEqual([{ field: 'birthDate', code: 'date-not-real', parts: ['year'] }]);
  });

  it('turns an age, or a range of ages, into the dates of birth that give it today', () => {
    // Aged 35 on 5 December 2026: born 6 Dec 1990 to 5 Dec 1991.
    expect(valid({ birthDate: { kind: 'age', from: '35', to: '' } }).details.birthDate).toEqual({ kind: 'between', from: '1990-12-06', to: '1991-12-05' });
    expect(valid({ birthDate: { kind: 'age', from: '30', to: '32' } }).details.birthDate).toEqual({ kind: 'between', from: '1993-12-06', to: '1996-12-05' });
    expect(valid({ birthDate: { kind: 'age', from: '0', to: '0' } }).details.birthDate).toEqual({ kind: 'between', from: '2025-12-06', to: '2026-12-05' });
  });

  it('an age range across 29 February uses 28 February in other years', () => {
    const leapDay = new Date('2028-02-29T12:00:00Z');
    const result = validatePatientSearch(form({ birthDate: { kind: 'age', from: '1', to: '' } }), leapDay);
    expect(result.ok && result.search.details.birthDate).toEqual({ kind: 'between', from: '2026-03-01', to: '2027-02-28' });
  });

  it.each([
    [{ from: '', to: '40' }, 'missing', ['from']],
    [{ from: 'thirty', to: '' }, 'age-not-number', ['from', 'to']],
    [{ from: '30', to: '3.5' }, 'age-not-number', ['to']],
    [{ from: '131', to: '' }, 'age-too-high', ['from', 'to']],
    [{ from: '40', to: '30' }, 'age-order', ['from', 'to']],
  ])('an age %j is refused: %s', (age, code, parts) => {
    expect(problems({ birthDate: { kind: 'age', ...age } })).toEqual([{ field: 'birthDate', code, parts }]);
  });

  it.each([
    ['Smith-Jones', undefined],
    ["O'Reilly", undefined],
    ['Kociński', undefined],
    ['St. John', undefined],
    ['Sm*', undefined],
    ['Sm*t*', undefined],
    ['S*', 'wildcard-too-early'],
    ['*mith', 'wildcard-too-early'],
    ['Sm1th', 'characters'],
    ['---', 'characters'],
    ['A'.repeat(36), 'too-long'],
  ])('family name %s: %s', (family, code) => {
    expect(problems({ family })).toEqual(code ? [{ field: 'family', code }] : []);
  });

  it('checks a given name by the same rules, and leaves it out when empty', () => {
    expect(problems({ given: 'J*' })).toEqual([{ field: 'given', code: 'wildcard-too-early' }]);
    expect(problems({ given: 'Ja*' })).toEqual([]);
    expect(valid({ given: '   ' }).details.given).toBeUndefined();
  });

  it.each([
    ['pr2 0zz', 'PR2 0ZZ', undefined],
    ['PR20ZZ', 'PR20ZZ', undefined],
    ['LS1*', 'LS1*', undefined],
    ['ls*', 'LS*', undefined],
    ['L*', 'L*', 'wildcard-too-early'],
    ['LS1', 'LS1', 'postcode-not-whole'],
    ['LS1 6A!', 'LS1 6A!', 'characters'],
  ])('postcode %s', (typed, tidied, code) => {
    const result = validatePatientSearch(form({ postcode: typed }), NOW);
    if (code) expect(result.ok ? [] : result.problems).toEqual([{ field: 'postcode', code }]);
    else expect(result.ok && result.search.details.postcode).toBe(tidied);
  });

  it('carries gender only when chosen', () => {
    expect(valid({ gender: 'female' }).details.gender).toBe('female');
    expect(valid({ gender: '' }).details.gender).toBeUndefined();
  });
});

describe('patientSearchParams: the published parameter names', () => {
  it('family name and exact date of birth: family, birthdate=eq…, _max-results', () => {
    expect(entries(patientSearchParams(valid()))).toEqual([
      ['family', 'Crossley'],
      ['birthdate', 'eq1991-03-14'],
      ['_max-results', '10'],
    ]);
  });

  it('a year: birthdate twice, ge and le', () => {
    expect(entries(patientSearchParams(valid({ birthDate: { kind: 'year', year: '1991' } })))).toEqual([
      ['family', 'Crossley'],
      ['birthdate', 'ge1991-01-01'],
      ['birthdate', 'le1991-12-31'],
      ['_max-results', '10'],
    ]);
  });

  it('an age range: birthdate ge and le', () => {
    expect(patientSearchParams(valid({ birthDate: { kind: 'age', from: '30', to: '32' } })).getAll('birthdate')).toEqual(['ge1993-12-06', 'le1996-12-05']);
  });

  it('every detail: family, given, birthdate, gender, address-postalcode, in that order', () => {
    expect(entries(patientSearchParams(valid({ given: 'Amelia', gender: 'female', postcode: 'PR2 0ZZ' })))).toEqual([
      ['family', 'Crossley'],
      ['given', 'Amelia'],
      ['birthdate', 'eq1991-03-14'],
      ['gender', 'female'],
      ['address-postalcode', 'PR2 0ZZ'],
      ['_max-results', '10'],
    ]);
  });

  it('is non-fuzzy unless widened; wider adds _fuzzy-match=true and never _history (fuzzy always has it)', () => {
    const search = valid({ given: 'Amelia' });
    expect(patientSearchParams(search).has('_fuzzy-match')).toBe(false);
    const wider = widenPatientSearch(search);
    expect(wider.ok).toBe(true);
    if (!wider.ok) return;
    expect(wider.search.wider).toBe(true);
    const params = patientSearchParams(wider.search, { history: true });
    expect(params.get('_fuzzy-match')).toBe('true');
    expect(params.has('_history')).toBe(false);
  });

  it('asks for history and exact matches only when told, and the number of results chosen', () => {
    const params = patientSearchParams(valid(), { history: true, exactOnly: true, maxResults: 50 });
    expect(entries(params).slice(-3)).toEqual([
      ['_history', 'true'],
      ['_exact-match', 'true'],
      ['_max-results', '50'],
    ]);
  });

  it('refuses what PDS refuses: _max-results outside 1 to 50, exact match with wildcards or fuzzy', () => {
    expect(() => patientSearchParams(valid(), { maxResults: 0 })).toThrow(RangeError);
    expect(() => patientSearchParams(valid(), { maxResults: 51 })).toThrow(RangeError);
    expect(() => patientSearchParams(valid(), { maxResults: 2.5 })).toThrow(RangeError);
    expect(() => patientSearchParams(valid({ family: 'Cro*' }), { exactOnly: true })).toThrow(RangeError);
    const wider = widenPatientSearch(valid({ given: 'Amelia' }));
    if (!wider.ok) throw new Error('expected wider');
    expect(() => patientSearchParams(wider.search, { exactOnly: true })).toThrow(RangeError);
  });

  it('encodes the wildcard as %2A and spaces as +, as PDS asks', () => {
    const query = patientSearchQueryString(valid({ family: 'Cro*', given: 'John Paul', postcode: 'PR2*' }));
    expect(query).toBe('family=Cro%2A&given=John+Paul&birthdate=eq1991-03-14&address-postalcode=PR2%2A&_max-results=10');
    expect(new URLSearchParams(query).get('family')).toBe('Cro*');
  });

  it('encodes letters outside ASCII', () => {
    expect(patientSearchQueryString(valid({ family: 'Kociński' }))).toContain('family=Koci%C5%84ski');
  });
});

describe('widening to fuzzy matching', () => {
  it('needs a given name, or gender and postcode, beside family name and date of birth', () => {
    expect(widerSearchProblems(valid())).toEqual([{ field: 'given', code: 'wider-needs-more' }]);
    expect(widerSearchProblems(valid({ gender: 'female' }))).toEqual([{ field: 'given', code: 'wider-needs-more' }]);
    expect(widerSearchProblems(valid({ gender: 'female', postcode: 'PR2 0ZZ' }))).toEqual([]);
    expect(widerSearchProblems(valid({ given: 'Amelia' }))).toEqual([]);
  });

  it('allows no wildcards', () => {
    expect(widerSearchProblems(valid({ family: 'Cro*', given: 'Am*', postcode: 'PR*', gender: 'female' }))).toEqual([
      { field: 'family', code: 'wildcard-in-wider' },
      { field: 'given', code: 'wildcard-in-wider' },
      { field: 'postcode', code: 'wildcard-in-wider' },
    ]);
    expect(widenPatientSearch(valid({ family: 'Cro*', given: 'Amelia' })).ok).toBe(false);
  });

  it('a search that cannot be widened is never sent fuzzy', () => {
    const forged = { ...valid(), wider: true } as PatientSearch;
    expect(() => patientSearchParams(forged)).toThrow(RangeError);
  });
});

describe('searchExcludesRestricted', () => {
  it('is true when a postcode is searched: PDS then returns no restricted patient', () => {
    expect(searchExcludesRestricted(valid({ postcode: 'PR2 0ZZ' }))).toBe(true);
    expect(searchExcludesRestricted(valid())).toBe(false);
  });
});

describe('sortMatches', () => {
  const person = (nhsNumber: string, given: string, family: string, birthDate: string): Patient => ({
    nhsNumber: nhsNumber as NhsNumber,
    requestedNhsNumber: nhsNumber as NhsNumber,
    name: { prefix: undefined, given: [given], family },
    birthDate,
    gender: 'female',
    restricted: false,
    address: undefined,
    deceasedAt: undefined,
  });
  const match = (patient: Patient, score: number): PatientMatch => ({ patient, score, exact: score === 1 });

  it('best score first, then family name, given name, date of birth and NHS number', () => {
    const a = match(person('9990000018', 'Amelia', 'Crossley', '1991-03-14'), 0.8);
    const b = match(person('9990000026', 'Emily', 'Crossley', '1991-11-23'), 1);
    const c = match(person('9990000034', 'Amelia', 'Crossley', '1991-07-02'), 0.8);
    const d = match(person('9990000042', 'Amelia', 'Ashdown', '1991-07-02'), 0.8);
    const e = match(person('9990000050', 'Amelia', 'Crossley', '1991-07-02'), 0.8);
    expect(sortMatches([a, c, e, d, b]).map((m) => m.patient.nhsNumber)).toEqual(['9990000026', '9990000042', '9990000018', '9990000034', '9990000050']);
  });
});
