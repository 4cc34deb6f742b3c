import { getResponse, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import type { NhsNumber } from '../app/domain/nhs-number';
import { displayName } from '../app/domain/patient';
import { owningOrganisationOds } from '../app/domain/pointer';
import { isCrisisPlan } from '../app/domain/record-types';
import { createNrlClient } from '../app/services/nrl-client';
import { createPdsClient } from '../app/services/pds-client';
import { isServiceError, type ServiceError } from '../app/services/service-error';
import { describeServiceError } from '../app/services/service-error-messages';
import type { Transport } from '../app/services/transport';
import { SCENARIOS } from './data/catalogue';
import { createHandlers } from './handlers';
import { DEMO_SERVICE_BASES, TEST_SERVICE_BASES } from './service-bases';
import { spineHeaders } from './test-support';

const patientUrl = (base: string) => `${base}/Patient/${SCENARIOS.planPdf.nhsNumber}`;

describe('createHandlers', () => {
  it('answers on the demo bases, in the page, with no network', async () => {
    const response = await getResponse(createHandlers(DEMO_SERVICE_BASES), new Request(patientUrl(DEMO_SERVICE_BASES.pds), { headers: spineHeaders() }));
    expect(response?.status).toBe(200);
  });

  it('keeps demo and test origins apart', async () => {
    const response = await getResponse(createHandlers(DEMO_SERVICE_BASES), new Request(patientUrl(TEST_SERVICE_BASES.pds), { headers: spineHeaders() }));
    expect(response).toBeUndefined();
  });

  it('leaves requests outside every base unanswered, so callers can refuse them', async () => {
    const handlers = createHandlers(DEMO_SERVICE_BASES);
    for (const url of ['https://demo.invalid/other-service/x', 'https://tracker.example/pixel.png', 'https://api.service.nhs.uk/personal-demographics/FHIR/R4/Patient/9990000018']) {
      expect(await getResponse(handlers, new Request(url)), url).toBeUndefined();
    }
  });

  it('accepts bases written with a trailing slash', async () => {
    const bases = { ...TEST_SERVICE_BASES, pds: `${TEST_SERVICE_BASES.pds}/` };
    const response = await getResponse(createHandlers(bases), new Request(patientUrl(TEST_SERVICE_BASES.pds), { headers: spineHeaders() }));
    expect(response?.status).toBe(200);
  });

  it('latencyMs delays every reply, including catch-all errors and contact pages', async () => {
    const handlers = createHandlers(TEST_SERVICE_BASES, { latencyMs: 60 });
    for (const url of [patientUrl(TEST_SERVICE_BASES.pds), `${TEST_SERVICE_BASES.ods}/nothing`, 'https://www.lscft.example/services/crisis-resolution-home-treatment/central-lancashire']) {
      const started = performance.now();
      const response = await getResponse(handlers, new Request(url, { headers: spineHeaders() }));
      expect(response, url).toBeDefined();
      expect(performance.now() - started, url).toBeGreaterThanOrEqual(50);
    }
  });

  it('works under setupServer for unit tests that call fetch, and can be overridden per test', async () => {
    const server = setupServer(...createHandlers(TEST_SERVICE_BASES));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      expect((await fetch(patientUrl(TEST_SERVICE_BASES.pds), { headers: spineHeaders() })).status).toBe(200);
      server.use(http.get(`${TEST_SERVICE_BASES.pds}/Patient/:id`, () => HttpResponse.json({}, { status: 429 })));
      expect((await fetch(patientUrl(TEST_SERVICE_BASES.pds), { headers: spineHeaders() })).status).toBe(429);
    } finally {
      server.close();
    }
  });
});

describe('the app’s own clients against the mocks', () => {
  const handlers = createHandlers(TEST_SERVICE_BASES);
  const transport: Transport = async (request) => (await getResponse(handlers, request)) ?? Response.error();
  const context = { correlationId: 'lookup-mocks' };

  it('restrictedNoName: PDS gives a restricted patient with no name; NRL still gives the crisis plan', async () => {
    const nhsNumber = SCENARIOS.restrictedNoName.nhsNumber as NhsNumber;
    const pds = createPdsClient({ transport, baseUrl: TEST_SERVICE_BASES.pds, organisationOds: () => 'RX8' });
    const patient = await pds.getPatient(nhsNumber, context);
    expect(patient).toMatchObject({ nhsNumber, name: undefined, restricted: true, address: undefined, birthDate: '1983-11-27' });
    expect(displayName(patient)).toBe('Name withheld');

    const nrl = createNrlClient({ transport, baseUrl: TEST_SERVICE_BASES.nrl, organisationOds: () => 'RX8' });
    const { pointers, skippedEntries } = await nrl.searchPointers(patient.nhsNumber, context);
    expect(skippedEntries).toBe(0);
    expect(pointers).toHaveLength(1);
    expect(isCrisisPlan(pointers[0]!.recordType)).toBe(true);
    expect(owningOrganisationOds(pointers[0]!)).toBe('RW5');
  });
  async function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
    const error: unknown = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    if (!isServiceError(error)) throw new Error(`Expected a ServiceError, got ${String(error)}`);
    return error;
  }

  it('pdsSignInExpired: PDS’s 401 reaches the crew as a sign-in that has run out', async () => {
    const pds = createPdsClient({ transport, baseUrl: TEST_SERVICE_BASES.pds, organisationOds: () => 'RX8' });
    const error = await failureOf(pds.getPatient(SCENARIOS.pdsSignInExpired.nhsNumber as NhsNumber, context));
    expect(error).toMatchObject({ service: 'pds', kind: 'unauthorised', status: 401, code: 'ACCESS_DENIED', retryAfterSeconds: undefined });
    expect(describeServiceError(error)).toBe('Your sign-in to NHS services has run out, so this patient’s details could not be checked. Sign in again with the button at the top of the screen.');
  });

  it('pdsBusy: PDS’s 429 reaches the crew as busy, with the wait from Retry-After', async () => {
    const pds = createPdsClient({ transport, baseUrl: TEST_SERVICE_BASES.pds, organisationOds: () => 'RX8' });
    const error = await failureOf(pds.getPatient(SCENARIOS.pdsBusy.nhsNumber as NhsNumber, context));
    expect(error).toMatchObject({ service: 'pds', kind: 'rate-limited', status: 429, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 });
    expect(describeServiceError(error)).toBe('The Personal Demographics Service is busy. Try again in about 30 seconds.');
  });

  it('locatorForbidden: PDS confirms the patient; NRL’s 403 says the answer is unknown, not that there is no plan', async () => {
    const nhsNumber = SCENARIOS.locatorForbidden.nhsNumber as NhsNumber;
    const pds = createPdsClient({ transport, baseUrl: TEST_SERVICE_BASES.pds, organisationOds: () => 'RX8' });
    expect(await pds.getPatient(nhsNumber, context)).toMatchObject({ nhsNumber, restricted: false });
    const nrl = createNrlClient({ transport, baseUrl: TEST_SERVICE_BASES.nrl, organisationOds: () => 'RX8' });
    const error = await failureOf(nrl.searchPointers(nhsNumber, context));
    // The client normalises the backend's `ACCESS DENIED` to the proxy's spelling.
    expect(error).toMatchObject({ service: 'nrl', kind: 'forbidden', status: 403, code: 'ACCESS_DENIED' });
    expect(describeServiceError(error)).toMatch(
      /^Your organisation is not allowed to search the National Record Locator, so it is not known whether this patient has a crisis plan\./,
    );
  });
});
