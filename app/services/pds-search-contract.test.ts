import { describe, expect, it } from 'vitest';
import type { NhsNumber } from '../domain/nhs-number';
import {
  validatePatientSearch,
  widenPatientSearch,
  type BirthDateInput,
  type PatientSearch,
  type SearchForm,
} from '../domain/patient-search';
import { createPdsClient } from './pds-client';
import { expectFailure, fhirJson, testContext, UUID, type FailureCase } from '../test-support/services';
import {
  PUBLISHED_TOO_MANY_MATCHES,
  publishedEntry,
  publishedJaneSmith,
  publishedJayneSmyth,
  publishedMinimalPatient,
  publishedRestrictedJanetSmythe,
  publishedSearchContractBreaches,
  publishedSearchError,
  publishedSearchset,
  SANDBOX_EMPTY_SEARCHSET,
  SANDBOX_NOT_SUPPORTED,
  sandboxSearchset,
} from '../test-support/pds-published-search';
import type { Transport } from './transport';

/**
 * Issue 12, "works against any server that follows the published PDS search contract": every
 * request this app can send is checked against the rules `paths/patient-search.yaml` and
 * `personal-demographics.yaml` publish (not against our mocks), and the client reads the
 * replies the spec and its sandbox publish, with all the fields our mocks leave out.
 */

const BASE = 'https://gw.test/personal-demographics/FHIR/R4';
const NOW = new Date('2026-12-05T12:00:00Z');

/** A transport standing in for any server: it records the request and answers `reply()`. */
function server(reply: () => Response | Promise<Response>) {
  const seen: Request[] = [];
  const transport: Transport = async (request) => {
    seen.push(request.clone());
    return reply();
  };
  const pds = createPdsClient({ transport, baseUrl: BASE, organisationOds: () => 'RX8', timeoutMs: 5_000 });
  return { pds, seen };
}

// --- The request, against the published parameters -------------------------------------------

const FAMILIES = ['Smith', 'Sm*', "O'Reilly-Kociński"];
const GIVENS = ['', 'Jane', 'Ja*', 'John Paul'];
const BIRTHS: readonly BirthDateInput[] = [
  { kind: 'date', day: '22', month: '10', year: '2010' },
  { kind: 'date', day: '29', month: '2', year: '2024' },
  { kind: 'year', year: '2010' },
  // The current year: the range ends today, never in the future.
  { kind: 'year', year: '2026' },
  { kind: 'age', from: '16', to: '' },
  { kind: 'age', from: '0', to: '0' },
  { kind: 'age', from: '30', to: '35' },
  { kind: 'age', from: '130', to: '130' },
];
const GENDER_CHOICES: SearchForm['gender'][] = ['', 'female', 'unknown'];
const POSTCODES = ['', 'LS1 6AE', 'ls16ae', 'LS*', 'LS1 6*'];

/** Every combination the search form can produce that passes its checks, and its widened form where PDS allows one. */
function everySearchTheFormCanSend(): { name: string; search: PatientSearch }[] {
  const searches: { name: string; search: PatientSearch }[] = [];
  for (const family of FAMILIES)
    for (const given of GIVENS)
      for (const birthDate of BIRTHS)
        for (const gender of GENDER_CHOICES)
          for (const postcode of POSTCODES) {
            const form: SearchForm = { family, given, birthDate, gender, postcode };
            const checked = validatePatientSearch(form, NOW);
            if (!checked.ok) throw new Error(`the form refused ${JSON.stringify(form)}`);
            const name = JSON.stringify(form);
            searches.push({ name, search: checked.search });
            const wider = widenPatientSearch(checked.search);
            if (wider.ok) searches.push({ name: `${name} wider`, search: wider.search });
          }
  return searches;
}

describe('every search the form can send follows the published parameters', () => {
  const searches = everySearchTheFormCanSend();

  it('covers each date form, each optional detail, and wider matching', () => {
    expect(searches.length).toBeGreaterThan(FAMILIES.length * GIVENS.length * BIRTHS.length * GENDER_CHOICES.length * POSTCODES.length);
    expect(searches.some(({ search }) => search.wider && search.details.given === undefined)).toBe(true);
  });

  it('the contract check itself catches what PDS refuses', () => {
    expect(publishedSearchContractBreaches(`${BASE}/Patient?family=Sm*&birthdate=eq2010-10-22`)).toContain('a wildcard sent as a bare *');
    expect(publishedSearchContractBreaches(`${BASE}/Patient?family=S%2A&birthdate=2010-10-22`)).toEqual([
      'family has a wildcard in its first two characters',
      'birthdate 2010-10-22 is not <eq|ge|le>yyyy-mm-dd (INVALID_VALUE)',
      'birthdate operators ',
    ]);
    expect(publishedSearchContractBreaches(`${BASE}/Patient?family=Smith&birthdate=eq2010-02-30&_fuzzy-match=true&_max-results=51`)).toEqual([
      'birthdate eq2010-02-30 is no real day',
      '_max-results 51 outside 1 to 50 for a healthcare worker',
      'fuzzy search outside the three published combinations',
    ]);
    expect(publishedSearchContractBreaches(`${BASE}/Patient?family=Smith&birthdate=eq2010-10-22&max-results=5`)).toEqual(['unpublished parameter max-results (ADDITIONAL_PROPERTIES)']);
  });

  it.each([{ history: true }, { exactOnly: true }, { maxResults: 1 }, { maxResults: 50 }])('with the options %o as well', async (options) => {
    const { pds, seen } = server(() => fhirJson(SANDBOX_EMPTY_SEARCHSET));
    for (const { search } of searches) {
      const exactAllowed = !search.wider && ![search.details.family, search.details.given, search.details.postcode].some((v) => v?.includes('*'));
      if ('exactOnly' in options && !exactAllowed) continue;
      await pds.searchPatients(search, testContext(), options);
    }
    const breaches = seen.flatMap((request) => publishedSearchContractBreaches(request.url).map((breach) => `${request.url}: ${breach}`));
    expect(breaches).toEqual([]);
  });

  it('each one, with the defaults', async () => {
    const { pds, seen } = server(() => fhirJson(SANDBOX_EMPTY_SEARCHSET));
    for (const { search } of searches) await pds.searchPatients(search, testContext());
    expect(seen).toHaveLength(searches.length);
    const breaches = seen.flatMap((request, i) => publishedSearchContractBreaches(request.url).map((breach) => `${searches[i]!.name}: ${breach}`));
    expect(breaches).toEqual([]);
  });

  it('sends the same headers as the retrieval by NHS number, with a request id of its own', async () => {
    const { pds, seen } = server(() => fhirJson(SANDBOX_EMPTY_SEARCHSET));
    const checked = validatePatientSearch({ family: 'Smith', given: '', birthDate: BIRTHS[0]!, gender: '', postcode: '' }, NOW);
    if (!checked.ok) throw new Error('test search');
    await pds.searchPatients(checked.search, testContext());
    const read = server(() => fhirJson(publishedJaneSmith()));
    await read.pds.getPatient('9000000009' as NhsNumber, testContext());
    const [search] = seen as [Request];
    const [retrieval] = read.seen as [Request];
    const headers = (request: Request) => Object.fromEntries([...request.headers].filter(([name]) => name !== 'x-request-id'));
    expect(headers(search)).toEqual(headers(retrieval));
    expect(headers(search)).toMatchObject({ 'x-correlation-id': expect.any(String), 'nhsd-end-user-organisation-ods': 'RX8' });
    // The sandbox refuses a search whose X-Request-ID is not a UUID (400 INVALID_VALUE).
    expect(search.headers.get('X-Request-ID')).toMatch(UUID);
    expect(search.headers.get('X-Request-ID')).not.toBe(retrieval.headers.get('X-Request-ID'));
    expect(search.method).toBe('GET');
  });
});

// --- The reply, as the spec and its sandbox publish it ----------------------------------------

function aSearch(): PatientSearch {
  const checked = validatePatientSearch({ family: 'Smith', given: '', birthDate: BIRTHS[0]!, gender: '', postcode: '' }, NOW);
  if (!checked.ok) throw new Error('test search');
  return checked.search;
}

describe('the published replies are read', () => {
  it('the spec’s example searchset (every field a search returns, periods that have ended)', async () => {
    const { pds } = server(() => fhirJson(publishedSearchset(publishedEntry(publishedJaneSmith(), 0.75))));
    expect(await pds.searchPatients(aSearch(), testContext())).toEqual({
      kind: 'matches',
      matches: [
        {
          score: 0.75,
          exact: false,
          patient: {
            nhsNumber: '9000000009',
            requestedNhsNumber: '9000000009',
            // Her only name's period has ended: it is still her name, not "Name not available".
            name: { prefix: 'Mrs', given: ['Jane'], family: 'Smith' },
            birthDate: '2010-10-22',
            gender: 'female',
            restricted: false,
            // Her only home address has ended: no postcode is shown as current.
            address: undefined,
            deceasedAt: '2010-10-22T00:00:00+00:00',
          },
        },
      ],
    });
  });

  it('the spec’s restricted example: no address, and marked restricted', async () => {
    const { pds } = server(() => fhirJson(publishedSearchset(publishedEntry(publishedRestrictedJanetSmythe(), 0.75))));
    const outcome = await pds.searchPatients(aSearch(), testContext());
    expect(outcome.kind === 'matches' && outcome.matches.map((m) => m.patient)).toEqual([
      expect.objectContaining({ nhsNumber: '9000000025', restricted: true, address: undefined, name: { prefix: 'Mrs', given: ['Janet'], family: 'Smythe' } }),
    ]);
  });

  it('the spec’s minimal example: an id and nothing else to show', async () => {
    const { pds } = server(() => fhirJson(publishedSearchset(publishedEntry(publishedMinimalPatient(), 0.75))));
    const outcome = await pds.searchPatients(aSearch(), testContext());
    expect(outcome.kind === 'matches' && outcome.matches[0]!.patient).toEqual({
      nhsNumber: '9000000033',
      requestedNhsNumber: '9000000033',
      name: undefined,
      birthDate: undefined,
      gender: 'unknown',
      restricted: false,
      address: undefined,
      deceasedAt: undefined,
    });
  });

  it('the sandbox’s wildcard answer: two people at the same score, no timestamp, listed in a fixed order', async () => {
    const { pds } = server(() => fhirJson(sandboxSearchset(publishedEntry(publishedJayneSmyth(), 0.8343), publishedEntry(publishedJaneSmith(), 0.8343))));
    const outcome = await pds.searchPatients(aSearch(), testContext());
    expect(outcome.kind === 'matches' && outcome.matches.map((m) => [m.patient.nhsNumber, m.score, m.exact])).toEqual([
      ['9000000009', 0.8343, false],
      ['9000000017', 0.8343, false],
    ]);
  });

  it('the sandbox’s exact answer (score 1) is an exact match', async () => {
    const { pds } = server(() => fhirJson(sandboxSearchset(publishedEntry(publishedJaneSmith(), 1))));
    const outcome = await pds.searchPatients(aSearch(), testContext());
    expect(outcome.kind === 'matches' && outcome.matches.map((m) => m.exact)).toEqual([true]);
  });

  it('the sandbox’s EMPTY_SEARCHSET (total 0, no entry) is no match', async () => {
    const { pds } = server(() => fhirJson(SANDBOX_EMPTY_SEARCHSET));
    expect(await pds.searchPatients(aSearch(), testContext())).toEqual({ kind: 'no-match' });
  });

  it('the published TOO_MANY_MATCHES (HTTP 200) asks for more details', async () => {
    const { pds } = server(() => fhirJson(PUBLISHED_TOO_MANY_MATCHES));
    expect(await pds.searchPatients(aSearch(), testContext())).toEqual({ kind: 'too-many' });
  });
});

describe('the published failures', () => {
  const cases: FailureCase[] = [
    {
      name: '400 INVALID_SEARCH_DATA',
      reply: () =>
        fhirJson(
          publishedSearchError('INVALID_SEARCH_DATA', 'Search data is invalid', "Invalid search data provided - 'No searches were performed as the search criteria did not meet the minimum requirements'"),
          400,
        ),
      kind: 'rejected',
      status: 400,
      code: 'INVALID_SEARCH_DATA',
    },
    { name: '400 UNSUPPORTED_SERVICE', reply: () => fhirJson(publishedSearchError('UNSUPPORTED_SERVICE', 'Unsupported Service', undefined, 'processing'), 400), kind: 'rejected', status: 400, code: 'UNSUPPORTED_SERVICE' },
    {
      name: '400 MISSING_VALUE',
      reply: () => fhirJson(publishedSearchError('MISSING_VALUE', 'Required value is missing', "Missing value - 'birth_date/birth_date_range_start/birth_date_range_end'", 'required'), 400),
      kind: 'rejected',
      status: 400,
      code: 'MISSING_VALUE',
    },
    { name: '400 INVALID_VALUE', reply: () => fhirJson(publishedSearchError('INVALID_VALUE', 'Provided value is invalid', "Invalid value - 'mal' in field 'gender'"), 400), kind: 'rejected', status: 400, code: 'INVALID_VALUE' },
    {
      name: '400 ADDITIONAL_PROPERTIES',
      reply: () =>
        fhirJson(publishedSearchError('ADDITIONAL_PROPERTIES', 'Additional properties should not be included', "Invalid request with error - Additional properties are not allowed ('invalidParam' was unexpected)", 'invariant'), 400),
      kind: 'rejected',
      status: 400,
      code: 'ADDITIONAL_PROPERTIES',
    },
    { name: '401 ACCESS_DENIED', reply: () => fhirJson(publishedSearchError('ACCESS_DENIED', 'Access Denied - Unauthorised', 'Invalid Access Token', 'forbidden'), 401), kind: 'unauthorised', status: 401, code: 'ACCESS_DENIED' },
    {
      name: '403 INVALID_VALUE (several results asked for in application-restricted mode)',
      reply: () => fhirJson(publishedSearchError('INVALID_VALUE', 'Provided value is invalid'), 403),
      kind: 'forbidden',
      status: 403,
      code: 'INVALID_VALUE',
    },
    { name: '408 UNABLE_TO_CALL_SERVICE', reply: () => fhirJson(publishedSearchError('UNABLE_TO_CALL_SERVICE', 'Unable to call service', undefined, 'timeout'), 408), kind: 'unavailable', status: 408 },
    {
      name: '429 TOO_MANY_REQUESTS',
      reply: () => fhirJson(publishedSearchError('TOO_MANY_REQUESTS', 'You have made too many requests', undefined, 'throttled'), 429),
      kind: 'rate-limited',
      status: 429,
      code: 'TOO_MANY_REQUESTS',
    },
    // The sandbox has no example for most combinations: no search was done, so never "no match".
    { name: 'the sandbox’s 200 not-supported warning', reply: () => fhirJson(SANDBOX_NOT_SUPPORTED), kind: 'malformed', detail: /not-supported/ },
    // The sandbox's compound-name example carries 9000000015, which fails the NHS number check:
    // a person who cannot be looked up is never listed, and the others are not shown without them.
    {
      name: 'an entry whose NHS number fails its check digit',
      reply: () => fhirJson(publishedSearchset(publishedEntry(publishedJaneSmith(), 1), publishedEntry({ ...publishedJaneSmith(), id: '9000000015' }, 0.75))),
      kind: 'malformed',
      detail: /NHS number/,
    },
  ];

  it.each(cases)('$name → $kind', async (failure) => {
    const { pds } = server(failure.reply);
    await expectFailure(pds.searchPatients(aSearch(), testContext()), 'pds', failure);
  });
});
