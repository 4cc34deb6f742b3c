import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './data/catalogue';
import { EMILY_CROSSLEY, SEARCH_EXAMPLES, SEARCH_PEOPLE, SECOND_AMELIA_CROSSLEY, UNRESTRICTED_JORDAN_ELLISON, WHITWORTHS } from './data/search-people';
import { answerPatientSearch, soundex } from './pds-search';
import { buildPatient } from './data/patient-builder';
import { BASES, CORRELATION_ID, REQUEST_ID, outcomeOf, send, spineHeaders } from './test-support';
import { checkDigitFor, isNhsNumber } from '../app/domain/nhs-number';

interface Searchset {
  resourceType: 'Bundle';
  type: string;
  total: number;
  entry?: { fullUrl: string; search: { score: number }; resource: Record<string, unknown> & { id: string } }[];
}

function search(query: string, headers: Record<string, string> = spineHeaders()) {
  return send(`${BASES.pds}/Patient?${query}`, { headers });
}

async function searchset(query: string): Promise<Searchset> {
  const response = await search(query);
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/fhir+json');
  const body = (await response.json()) as Searchset;
  expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
  return body;
}

const ids = (set: Searchset) => (set.entry ?? []).map((e) => e.resource.id);
const scores = (set: Searchset) => Object.fromEntries((set.entry ?? []).map((e) => [e.resource.id, e.search.score]));

const AMELIA = SCENARIOS.planPdf.nhsNumber;

describe('PDS search: minimum parameters and validation (400s as the sandbox sends them)', () => {
  it.each([
    ['', 'UNSUPPORTED_SERVICE', 'processing', undefined],
    ['family=Crossley&birthdate=eq1991-03-14&year=2003', 'ADDITIONAL_PROPERTIES', 'value', "Invalid request with error - Additional properties are not allowed ('year' was unexpected)"],
    ['family=Crossley', 'MISSING_VALUE', 'required', "Missing value - 'birth_date/birth_date_range_start/birth_date_range_end'"],
    ['birthdate=eq1991-03-14', 'INVALID_SEARCH_DATA', 'value', "Invalid search data provided - 'No searches were performed as the search criteria did not meet the minimum requirements'"],
    ['family=Crossley&birthdate=19910314', 'INVALID_VALUE', 'value', "Invalid value - '19910314' in field 'birthdate'"],
    ['family=Crossley&birthdate=eq1991-02-30', 'INVALID_VALUE', 'value', "Invalid value - 'eq1991-02-30' in field 'birthdate'"],
    ['family=Crossley&birthdate=eq1991-03-14&gender=mal', 'INVALID_VALUE', 'value', "Invalid value - 'mal' in field 'gender'"],
    ['family=Crossley&birthdate=eq1991-03-14&_max-results=51', 'INVALID_VALUE', 'value', "Invalid value - '51' in field '_max-results'"],
    ['family=Crossley&birthdate=eq1991-03-14&_max-results=0', 'INVALID_VALUE', 'value', "Invalid value - '0' in field '_max-results'"],
    ['family=C%2A&birthdate=eq1991-03-14', 'INVALID_SEARCH_DATA', 'value', "Invalid search data provided - 'Wildcards must be preceded by at least two characters'"],
    ['family=Cro%2A&given=Amelia&birthdate=eq1991-03-14&_fuzzy-match=true', 'INVALID_SEARCH_DATA', 'value', "Invalid search data provided - 'Wildcards are not allowed in a fuzzy search'"],
    // Fuzzy needs given + family, or gender and postcode as well.
    ['family=Crossley&birthdate=eq1991-03-14&_fuzzy-match=true', 'INVALID_SEARCH_DATA', 'value', expect.stringContaining('minimum requirements')],
    ['family=Crossley&birthdate=eq1991-03-14&address-postcode=PR2%200ZZ&address-postalcode=PR2%200ZZ', 'INVALID_SEARCH_DATA', 'value', expect.stringContaining('Both')],
  ])('%s → 400 %s', async (query, code, issueCode, diagnostics) => {
    const outcome = await outcomeOf(await search(query));
    expect(outcome).toMatchObject({ status: 400, contentType: 'application/fhir+json', codes: [code], issueCodes: [issueCode] });
    expect(outcome.diagnostics).toEqual([diagnostics]);
  });

  it('wants X-Request-ID, as the read does', async () => {
    const outcome = await outcomeOf(await search('family=Crossley&birthdate=eq1991-03-14', spineHeaders({ 'X-Request-ID': undefined })));
    expect(outcome).toMatchObject({ status: 400, codes: ['MISSING_VALUE'] });
  });

  it('the fuzzy combinations PDS allows are searched', async () => {
    for (const query of [
      'family=Crossley&given=Amelia&birthdate=eq1991-03-14&_fuzzy-match=true',
      'family=Crossley&gender=female&address-postalcode=PR2%200ZZ&birthdate=eq1991-03-14&_fuzzy-match=true',
      'given=Amelia&gender=female&address-postalcode=PR2%200ZZ&birthdate=eq1991-03-14&_fuzzy-match=true',
    ]) {
      expect(ids(await searchset(query)), query).toEqual([AMELIA]);
    }
  });
});

describe('PDS search: matching and scores', () => {
  it('an exact match scores 1, with the caller’s ids echoed and the full URL of the record', async () => {
    const response = await search('family=Crossley&given=Amelia&birthdate=eq1991-03-14');
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    expect(response.headers.get('X-Correlation-Id')).toBe(CORRELATION_ID);
    const set = (await response.json()) as Searchset;
    expect(set.total).toBe(1);
    expect(set.entry).toEqual([expect.objectContaining({ fullUrl: `${BASES.pds}/Patient/${AMELIA}`, search: { score: 1 } })]);
    expect(set.entry![0]!.resource).toMatchObject({ id: AMELIA, name: [{ family: 'Crossley', given: ['Amelia'] }], address: [{ postalCode: 'PR2 0ZZ' }] });
  });

  it('is not case sensitive', async () => {
    expect(ids(await searchset('family=CROSSLEY&given=amelia&birthdate=eq1991-03-14'))).toEqual([AMELIA]);
  });

  it('people who share a family name and birth year: all three, the two Amelias told apart by date of birth', async () => {
    const set = await searchset('family=Crossley&birthdate=ge1991-01-01&birthdate=le1991-12-31');
    expect(ids(set).sort()).toEqual([AMELIA, SECOND_AMELIA_CROSSLEY.id, EMILY_CROSSLEY.id].sort());
    const amelias = await searchset('family=Crossley&given=Amelia&birthdate=ge1991-01-01&birthdate=le1991-12-31');
    expect(ids(amelias).sort()).toEqual([AMELIA, SECOND_AMELIA_CROSSLEY.id].sort());
  });

  it('birthdate eq, ge and le', async () => {
    expect(ids(await searchset('family=Crossley&birthdate=eq1991-07-02'))).toEqual([SECOND_AMELIA_CROSSLEY.id]);
    expect(ids(await searchset('family=Crossley&birthdate=ge1991-07-02')).sort()).toEqual([SECOND_AMELIA_CROSSLEY.id, EMILY_CROSSLEY.id].sort());
    expect(ids(await searchset('family=Crossley&birthdate=le1991-07-02')).sort()).toEqual([AMELIA, SECOND_AMELIA_CROSSLEY.id].sort());
    // No prefix means eq, as in the sandbox.
    expect(ids(await searchset('family=Crossley&birthdate=1991-07-02'))).toEqual([SECOND_AMELIA_CROSSLEY.id]);
  });

  it('gender narrows the search', async () => {
    expect(ids(await searchset('family=Ellison&gender=male&birthdate=ge1995-01-01&birthdate=le1995-12-31'))).toEqual([UNRESTRICTED_JORDAN_ELLISON.id]);
  });

  it('a wildcard matches from the start of the name, scored below an exact match, closer names higher', async () => {
    const set = await searchset('family=Cro%2A&birthdate=ge1991-01-01&birthdate=le1991-12-31');
    expect(ids(set)).toHaveLength(3);
    for (const score of Object.values(scores(set))) expect(score).toBeLessThan(1);
    const given = await searchset('family=Crossley&given=Am%2A&birthdate=ge1991-01-01&birthdate=le1991-12-31');
    expect(ids(given).sort()).toEqual([AMELIA, SECOND_AMELIA_CROSSLEY.id].sort());
    expect(ids(await searchset('family=Cr%2Asl%2A&birthdate=eq1991-03-14'))).toEqual([AMELIA]);
  });

  it('best match first', async () => {
    // Emily matches exactly on family; the Amelias through a wildcard given name do not exist here,
    // so rank on the postcode: PR2 0ZZ exact beats PR2* (Emily's PR2 0ZY) partial.
    const set = await searchset('family=Crossley&birthdate=ge1991-01-01&birthdate=le1991-12-31&address-postalcode=PR2%2A');
    expect(ids(set).sort()).toEqual([AMELIA, EMILY_CROSSLEY.id].sort());
    const exact = await searchset('family=Crossley&birthdate=ge1991-01-01&birthdate=le1991-12-31&address-postalcode=PR20ZZ');
    expect(ids(exact)).toEqual([AMELIA]);
    expect(scores(exact)[AMELIA]).toBe(1);
    const scored = set.entry!.map((e) => e.search.score);
    expect([...scored].sort((a, b) => b - a)).toEqual(scored);
  });

  it('postcode: case and spaces ignored, whole or with a wildcard', async () => {
    expect(ids(await searchset('family=Crossley&birthdate=eq1991-03-14&address-postalcode=pr20zz'))).toEqual([AMELIA]);
    expect(ids(await searchset('family=Crossley&birthdate=eq1991-03-14&address-postalcode=PR%2A'))).toEqual([AMELIA]);
    expect(ids(await searchset('family=Crossley&birthdate=eq1991-03-14&address-postalcode=LS%2A'))).toEqual([]);
  });

  it('_exact-match keeps only the score-1 matches', async () => {
    const set = await searchset('family=Crossley&birthdate=ge1991-01-01&birthdate=le1991-12-31&address-postalcode=PR2%2A&_exact-match=true');
    expect(ids(set)).toEqual([]);
    expect(ids(await searchset('family=Crossley&birthdate=eq1991-03-14&_exact-match=true'))).toEqual([AMELIA]);
  });

  it('no match: an empty searchset with no entry at all', async () => {
    const set = await searchset('family=Kettridge&given=Samuel&birthdate=eq1988-09-17');
    expect(set).toEqual({ resourceType: 'Bundle', type: 'searchset', timestamp: expect.any(String), total: 0 });
  });
});

describe('PDS search: fuzzy matching (_fuzzy-match=true)', () => {
  it('finds a homophone the non-fuzzy search missed, scored below 1', async () => {
    const set = await searchset('family=Kettridge&given=Samuel&birthdate=eq1988-09-17&_fuzzy-match=true');
    expect(ids(set)).toEqual([SCENARIOS.superseded.currentNhsNumber]);
    expect(set.entry![0]!.search.score).toBeLessThan(1);
  });

  it('ignores accents and punctuation, and finds transposed names', async () => {
    expect(ids(await searchset('family=Cr%C3%B3ssley&given=Am%C3%A9lia&birthdate=eq1991-03-14&_fuzzy-match=true'))).toEqual([AMELIA]);
    expect(ids(await searchset('family=Amelia&given=Crossley&birthdate=eq1991-03-14&_fuzzy-match=true'))).toEqual([AMELIA]);
  });

  it('Soundex as published: Smith and Smythe, Robert and Rupert, Tymczak', () => {
    expect(soundex('Smith')).toBe(soundex('Smythe'));
    expect(soundex('Robert')).toBe('R163');
    expect(soundex('Rupert')).toBe('R163');
    expect(soundex('Tymczak')).toBe('T522');
    expect(soundex('Ashcraft')).toBe('A261');
  });
});

describe('PDS search: restricted patients, superseded records, too many matches', () => {
  it('a restricted patient is returned without address, telecom or GP', async () => {
    const set = await searchset('family=Ellison&birthdate=ge1995-01-01&birthdate=le1995-12-31');
    expect(ids(set).sort()).toEqual([SCENARIOS.restricted.nhsNumber, UNRESTRICTED_JORDAN_ELLISON.id].sort());
    const restricted = set.entry!.find((e) => e.resource.id === SCENARIOS.restricted.nhsNumber)!.resource;
    expect(restricted).toMatchObject({ meta: { security: [{ code: 'R' }] } });
    expect(restricted).not.toHaveProperty('address');
    expect(restricted).not.toHaveProperty('telecom');
    expect(restricted).not.toHaveProperty('generalPractitioner');
  });

  it('a search with a postcode never returns a restricted patient', async () => {
    expect(ids(await searchset('family=Ellison&birthdate=ge1995-01-01&birthdate=le1995-12-31&address-postalcode=SE%2A'))).toEqual([UNRESTRICTED_JORDAN_ELLISON.id]);
  });

  it('a search with a postcode excludes a restricted patient even when the record held an address', () => {
    // The builder never gives a restricted record an address; PDS holds one, so put one back.
    const restricted = buildPatient({ nhsNumber: '9990002193', versionId: '1', confidentiality: 'R', given: ['Jo'], family: 'Hidden', gender: 'female', birthDate: '1990-01-01', since: '2020-01-01' });
    const withAddress = { ...restricted, address: [{ id: 'A1', use: 'home' as const, line: ['1 Secret Row'], postalCode: 'LS1 6AE', period: { start: '2020-01-01' } }] };
    const params = new URLSearchParams('family=Hidden&birthdate=eq1990-01-01&address-postalcode=LS1%206AE');
    expect(answerPatientSearch(params, [withAddress])).toEqual({ kind: 'searchset', matches: [] });
    expect(answerPatientSearch(new URLSearchParams('family=Hidden&birthdate=eq1990-01-01'), [withAddress])).toMatchObject({ kind: 'searchset', matches: [{ score: 1 }] });
  });

  it('a superseded number is never returned: the record that replaced it is', async () => {
    const set = await searchset('family=Ketteridge&birthdate=eq1988-09-17');
    expect(ids(set)).toEqual([SCENARIOS.superseded.currentNhsNumber]);
    expect(JSON.stringify(set)).not.toContain(SCENARIOS.superseded.nhsNumber);
  });

  it('more matches than _max-results: 200 TOO_MANY_MATCHES, severity information, as the sandbox sends it', async () => {
    const response = await search('family=Whitworth&birthdate=ge1980-01-01&birthdate=le1989-12-31&_max-results=10');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'information',
          code: 'multiple-matches',
          details: { coding: [{ system: 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode', version: '1', code: 'TOO_MANY_MATCHES', display: 'Too Many Matches' }] },
        },
      ],
    });
    // Within the default of 50, or with more details, they are listed.
    expect(ids(await searchset('family=Whitworth&birthdate=ge1980-01-01&birthdate=le1989-12-31'))).toHaveLength(WHITWORTHS.length);
    expect(ids(await searchset('family=Whitworth&given=Adam&birthdate=ge1980-01-01&birthdate=le1989-12-31&_max-results=10'))).toHaveLength(1);
  });

  it('picking someone found runs the ordinary read: every search person answers GET Patient/{nhs}', async () => {
    for (const person of SEARCH_PEOPLE) {
      const response = await send(`${BASES.pds}/Patient/${person.id}`, { headers: spineHeaders() });
      expect(response.status, person.id).toBe(200);
    }
  });
});

describe('search people and examples', () => {
  it.each(SEARCH_PEOPLE.map((p) => p.id))('%s is in the 999 test range and passes Modulus 11', (nhsNumber) => {
    expect(nhsNumber).toMatch(/^999\d{7}$/);
    expect(isNhsNumber(nhsNumber)).toBe(true);
    expect(checkDigitFor(nhsNumber.slice(0, 9))).toBe(Number(nhsNumber[9]));
  });

  it('every number is its own', () => {
    const numbers = SEARCH_PEOPLE.map((p) => p.id);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const scenario of Object.values(SCENARIOS)) expect(numbers).not.toContain(scenario.nhsNumber);
  });

  it('there are six demo examples, each with a label and a one-line description', () => {
    expect(SEARCH_EXAMPLES).toHaveLength(6);
    for (const example of SEARCH_EXAMPLES) {
      expect(example.label.length).toBeGreaterThan(0);
      expect(example.description.length).toBeLessThan(180);
    }
  });
});
