import { http, HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ServiceAccess } from '../domain/access-event';
import { validatePatientSearch, widenPatientSearch, type PatientSearch, type SearchForm } from '../domain/patient-search';
import { isTemporary, shouldRetry } from '../queries/offline-policy';
import { createPdsClient } from './pds-client';
import {
  CORRELATION_ID,
  expectFailure,
  fhirJson,
  MALFORMED_JSON_REPLIES,
  outcomeResponse,
  replyWith as answer,
  startMswServer,
  TEST_TIMEOUT_MS,
  testContext,
  TRANSPORT_AND_STATUS_FAILURES,
  UUID,
} from '../test-support/services';
import { fetchTransport } from './transport';

/**
 * PDS search by details (issue 12 point 2), against replies shaped as the PDS spec and its
 * sandbox give them (specification/components/examples/PatientSearch.json, Sensitive_PatientSearch.json,
 * karate-tests mocks/stubs/searchResponses/TOO_MANY_MATCHES.json, EMPTY_SEARCHSET).
 */

const BASE = 'https://gw.test/personal-demographics/FHIR/R4';
const server = startMswServer();
const recorded: ServiceAccess[] = [];
const pds = createPdsClient({
  transport: fetchTransport,
  baseUrl: BASE,
  organisationOds: () => 'RX8',
  timeoutMs: TEST_TIMEOUT_MS * 25,
  recordAccess: async (access) => void recorded.push(access),
});
const quickPds = createPdsClient({ transport: fetchTransport, baseUrl: BASE, organisationOds: () => 'RX8', timeoutMs: TEST_TIMEOUT_MS });

const NOW = new Date('2026-12-05T12:00:00Z');

function search(overrides: Partial<SearchForm> = {}): PatientSearch {
  const result = validatePatientSearch(
    { family: 'Smith', given: '', birthDate: { kind: 'date', day: '22', month: '10', year: '2010' }, gender: '', postcode: '', ...overrides },
    NOW,
  );
  if (!result.ok) throw new Error('test search is not valid');
  return result.search;
}

const UNRESTRICTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'U', display: 'unrestricted' };
const RESTRICTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' };

function patient(id: string, given: string, family: string, birthDate: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id,
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: id }],
    meta: { versionId: '2', security: [UNRESTRICTED] },
    name: [{ id: '123', use: 'usual', period: { start: '2020-01-01' }, given: [given], family }],
    gender: 'female',
    birthDate,
    address: [{ id: '456', use: 'home', line: ['1 Trevelyan Square', 'Leeds'], postalCode: 'LS1 6AE', period: { start: '2020-01-01' } }],
    ...extra,
  };
}

function entry(resource: Record<string, unknown>, score: number): Record<string, unknown> {
  return { fullUrl: `https://api.service.nhs.uk/personal-demographics/FHIR/R4/Patient/${String(resource['id'])}`, search: { score }, resource };
}

function searchset(...entries: Record<string, unknown>[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'searchset', timestamp: '2026-12-05T12:00:00+00:00', total: entries.length, entry: entries };
}

/** The sandbox's TOO_MANY_MATCHES.json, sent with status 200. */
const TOO_MANY_MATCHES = {
  resourceType: 'OperationOutcome',
  issue: [
    {
      code: 'multiple-matches',
      details: {
        coding: [{ code: 'TOO_MANY_MATCHES', display: 'Too Many Matches', system: 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode', version: '1' }],
      },
      severity: 'information',
    },
  ],
};

function replyWith(body: JsonBodyType): Request[] {
  return answer(server, 'get', `${BASE}/Patient`, body);
}

describe('PDS searchPatients: the request', () => {
  it('GETs Patient?… with the published parameters and the same headers as a read', async () => {
    const seen = replyWith(searchset());
    await pds.searchPatients(search({ family: 'Sm*', given: 'Jane', postcode: 'LS1*' }), testContext());
    const [request] = seen as [Request];
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`${BASE}/Patient?family=Sm%2A&given=Jane&birthdate=eq2010-10-22&address-postalcode=LS1%2A&_max-results=10`);
    expect(request.headers.get('X-Request-ID')).toMatch(UUID);
    expect(request.headers.get('X-Correlation-ID')).toBe(CORRELATION_ID);
    expect(request.headers.get('NHSD-End-User-Organisation-ODS')).toBe('RX8');
    expect(request.headers.get('Accept')).toBe('application/fhir+json');
  });

  it('sends _fuzzy-match=true only for a widened search, and the options it is given', async () => {
    const seen = replyWith(searchset());
    const widened = widenPatientSearch(search({ given: 'Jane' }));
    if (!widened.ok) throw new Error('expected wider');
    await pds.searchPatients(widened.search, testContext(), { maxResults: 5 });
    const url = new URL(seen[0]!.url);
    expect(url.searchParams.get('_fuzzy-match')).toBe('true');
    expect(url.searchParams.get('_max-results')).toBe('5');
  });

  it('records the search as an access with its terms and no patient, before the answer is read', async () => {
    recorded.length = 0;
    const seen = replyWith(searchset(entry(patient('9000000009', 'Jane', 'Smith', '2010-10-22'), 1)));
    await pds.searchPatients(search({ birthDate: { kind: 'year', year: '2010' } }), testContext());
    const query = 'family=Smith&birthdate=ge2010-01-01&birthdate=le2010-12-31&_max-results=10';
    expect(recorded).toEqual([
      expect.objectContaining({
        action: 'patient-search',
        nhsNumber: undefined,
        query,
        correlationId: CORRELATION_ID,
        request: { method: 'GET', url: `${BASE}/Patient?${query}`, requestId: seen[0]!.headers.get('X-Request-ID') },
        outcome: expect.objectContaining({ kind: 'answered', status: 200 }),
      }),
    ]);
    // The people found are not in the record.
    expect(JSON.stringify(recorded)).not.toContain('9000000009');
  });

  it('does not use an answer whose access could not be recorded', async () => {
    replyWith(searchset(entry(patient('9000000009', 'Jane', 'Smith', '2010-10-22'), 1)));
    const unrecorded = createPdsClient({
      transport: fetchTransport,
      baseUrl: BASE,
      organisationOds: () => 'RX8',
      recordAccess: async () => {
        throw new Error('disk full');
      },
    });
    await expectFailure(unrecorded.searchPatients(search(), testContext()), 'pds', { name: '', reply: () => fhirJson({}), kind: 'not-recorded' });
  });
});

describe('PDS searchPatients: the reply', () => {
  it('reads the spec’s example searchset into the banner’s Patient, with score', async () => {
    replyWith(searchset(entry(patient('9000000009', 'Jane', 'Smith', '2010-10-22', { name: [{ use: 'usual', given: ['Jane'], family: 'Smith', prefix: ['Mrs'] }] }), 0.75)));
    const outcome = await pds.searchPatients(search(), testContext());
    expect(outcome).toEqual({
      kind: 'matches',
      matches: [
        {
          score: 0.75,
          exact: false,
          patient: {
            nhsNumber: '9000000009',
            requestedNhsNumber: '9000000009',
            name: { prefix: 'Mrs', given: ['Jane'], family: 'Smith' },
            birthDate: '2010-10-22',
            gender: 'female',
            restricted: false,
            address: ['1 Trevelyan Square', 'Leeds', 'LS1 6AE'],
            deceasedAt: undefined,
          },
        },
      ],
    });
  });

  it('orders matches best score first, then by name, whatever order the server sent', async () => {
    replyWith(
      searchset(
        entry(patient('9990000018', 'Amelia', 'Crossley', '1991-03-14'), 0.8343),
        entry(patient('9990000026', 'Emily', 'Crossley', '1991-11-23'), 1),
        entry(patient('9990000034', 'Abigail', 'Crossley', '1991-07-02'), 0.8343),
      ),
    );
    const outcome = await pds.searchPatients(search({ family: 'Crossley', birthDate: { kind: 'year', year: '1991' } }), testContext());
    expect(outcome.kind === 'matches' && outcome.matches.map((m) => [m.patient.nhsNumber, m.score, m.exact])).toEqual([
      ['9990000026', 1, true],
      ['9990000034', 0.8343, false],
      ['9990000018', 0.8343, false],
    ]);
  });

  it('a restricted patient comes without address, and none is kept even if a reply wrongly carries one', async () => {
    const restricted = patient('9000000025', 'Janet', 'Smythe', '2005-06-16', { meta: { versionId: '2', security: [RESTRICTED] } });
    replyWith(searchset(entry(restricted, 1)));
    const outcome = await pds.searchPatients(search({ family: 'Smythe' }), testContext());
    expect(outcome.kind === 'matches' && outcome.matches[0]!.patient).toMatchObject({ restricted: true, address: undefined });
  });

  it('lists one person once, at their better score', async () => {
    const twice = (first: number, second: number) =>
      searchset(entry(patient('9000000009', 'Jane', 'Smith', '2010-10-22'), first), entry(patient('9000000009', 'Jane', 'Smith', '2010-10-22'), second));
    // Both orders: the better score wins whether it comes first or last.
    for (const [first, second] of [[0.9, 0.6], [0.6, 0.9]] as const) {
      replyWith(twice(first, second));
      const outcome = await pds.searchPatients(search(), testContext());
      expect(outcome.kind === 'matches' && outcome.matches.map((m) => m.score)).toEqual([0.9]);
    }
  });

  it('an empty searchset (no entry at all, as PDS sends it) is no match', async () => {
    replyWith({ resourceType: 'Bundle', type: 'searchset', timestamp: '2026-12-05T12:00:00+00:00', total: 0 });
    expect(await pds.searchPatients(search(), testContext())).toEqual({ kind: 'no-match' });
    replyWith(searchset());
    expect(await pds.searchPatients(search(), testContext())).toEqual({ kind: 'no-match' });
  });

  it('TOO_MANY_MATCHES (an OperationOutcome with status 200) is its own answer, not a failure', async () => {
    replyWith(TOO_MANY_MATCHES);
    expect(await pds.searchPatients(search({ family: 'Sm*' }), testContext())).toEqual({ kind: 'too-many' });
  });

  it('TOO_MANY_MATCHES in another coding system spelling is still too many', async () => {
    replyWith({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'multiple-matches', details: { coding: [{ code: 'too-many-matches' }] } }] });
    expect(await pds.searchPatients(search(), testContext())).toEqual({ kind: 'too-many' });
  });
});

describe('PDS searchPatients: failures', () => {
  it.each([
    {
      name: '400 INVALID_SEARCH_DATA',
      reply: () => outcomeResponse(400, 'INVALID_SEARCH_DATA', "Invalid search data provided - 'No searches were performed as the search criteria did not meet the minimum requirements'"),
      kind: 'rejected' as const,
      status: 400,
      code: 'INVALID_SEARCH_DATA',
      detail: /minimum requirements/,
    },
    {
      name: '400 MISSING_VALUE (no date of birth)',
      reply: () => outcomeResponse(400, 'MISSING_VALUE', "Missing value - 'birth_date/birth_date_range_start/birth_date_range_end'"),
      kind: 'rejected' as const,
      status: 400,
      code: 'MISSING_VALUE',
    },
    { name: '400 INVALID_VALUE', reply: () => outcomeResponse(400, 'INVALID_VALUE', "Invalid value - 'mal' in field 'gender'"), kind: 'rejected' as const, status: 400, code: 'INVALID_VALUE' },
    { name: '400 UNSUPPORTED_SERVICE', reply: () => outcomeResponse(400, 'UNSUPPORTED_SERVICE'), kind: 'rejected' as const, status: 400, code: 'UNSUPPORTED_SERVICE' },
    { name: '400 ADDITIONAL_PROPERTIES', reply: () => outcomeResponse(400, 'ADDITIONAL_PROPERTIES'), kind: 'rejected' as const, status: 400, code: 'ADDITIONAL_PROPERTIES' },
    { name: '403 INVALID_VALUE (application-restricted mode)', reply: () => outcomeResponse(403, 'INVALID_VALUE'), kind: 'forbidden' as const, status: 403, code: 'INVALID_VALUE' },
    ...TRANSPORT_AND_STATUS_FAILURES,
    ...MALFORMED_JSON_REPLIES,
    {
      // The PDS sandbox's answer to a combination it has no example for: no search was done.
      name: 'a 200 OperationOutcome that is not TOO_MANY_MATCHES',
      reply: () =>
        fhirJson({
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'warning', code: 'not-supported', diagnostics: 'This mock endpoint has no example response for this combination of search parameters' }],
        }),
      kind: 'malformed' as const,
      detail: /not-supported/,
    },
    { name: 'an entry without a score', reply: () => fhirJson(searchset({ resource: patient('9000000009', 'Jane', 'Smith', '2010-10-22') })), kind: 'malformed' as const, detail: /entry\.0\.search/ },
    { name: 'a score over 1', reply: () => fhirJson(searchset(entry(patient('9000000009', 'Jane', 'Smith', '2010-10-22'), 1.5))), kind: 'malformed' as const },
    { name: 'an entry whose id is no NHS number', reply: () => fhirJson(searchset(entry(patient('9000000000', 'Jane', 'Smith', '2010-10-22'), 1))), kind: 'malformed' as const, detail: /NHS number/ },
    { name: 'a Bundle of another type', reply: () => fhirJson({ resourceType: 'Bundle', type: 'collection', entry: [] }), kind: 'malformed' as const },
  ])('$name → $kind', async (failure) => {
    const seen: Request[] = [];
    server.use(
      http.get(`${BASE}/Patient`, ({ request }) => {
        seen.push(request);
        return failure.reply();
      }),
    );
    const error = await expectFailure(quickPds.searchPatients(search(), testContext()), 'pds', failure);
    expect(error.requestId).toBe(seen[0]!.headers.get('X-Request-ID'));
  });

  it('a refused search is final: neither retried by itself nor offered again as-is', async () => {
    server.use(http.get(`${BASE}/Patient`, () => outcomeResponse(400, 'INVALID_SEARCH_DATA')));
    const error = await quickPds.searchPatients(search(), testContext()).catch((e: unknown) => e);
    expect(isTemporary(error)).toBe(false);
    expect(shouldRetry(0, error)).toBe(false);
  });

  it('a 503 is temporary and gets the one automatic retry', async () => {
    server.use(http.get(`${BASE}/Patient`, () => HttpResponse.json({}, { status: 503 })));
    const error = await quickPds.searchPatients(search(), testContext()).catch((e: unknown) => e);
    expect(shouldRetry(0, error)).toBe(true);
  });
});
