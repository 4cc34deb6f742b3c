import { describe, expect, it } from 'vitest';
import { ALL_SCENARIOS, SCENARIOS } from './data/catalogue';
import { PDS_RETRY_AFTER_SECONDS } from './pds';
import { BASES, CORRELATION_ID, REQUEST_ID, outcomeOf, send, spineHeaders } from './test-support';

function getPatient(nhsNumber: string, headers: Record<string, string> = spineHeaders()) {
  return send(`${BASES.pds}/Patient/${nhsNumber}`, { headers });
}

async function patientOf(response: Response): Promise<Record<string, unknown> & { id: string }> {
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown> & { id: string };
}

describe('PDS GET Patient/{id}', () => {
  it('returns the Patient as FHIR JSON with a weak ETag and the caller’s ids echoed', async () => {
    const response = await getPatient(SCENARIOS.planPdf.nhsNumber);
    const patient = await patientOf(response);
    expect(response.headers.get('Content-Type')).toBe('application/fhir+json');
    expect(response.headers.get('ETag')).toBe('W/"3"');
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    expect(response.headers.get('X-Correlation-Id')).toBe(CORRELATION_ID);
    expect(patient).toMatchObject({
      resourceType: 'Patient',
      id: '9990000018',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9990000018' }],
      meta: { versionId: '3', security: [{ code: 'U' }] },
      name: [{ use: 'usual', given: ['Amelia'], family: 'Crossley', prefix: ['Ms'] }],
      gender: 'female',
      birthDate: '1991-03-14',
      address: [{ use: 'home', postalCode: 'PR2 0ZZ' }],
      telecom: [{ system: 'phone', use: 'mobile' }],
      generalPractitioner: [{ type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code' } }],
    });
  });

  it('answers every scenario that has a PDS record, by the number a crew types', async () => {
    for (const scenario of ALL_SCENARIOS.filter((s) => s.patient !== undefined)) {
      const patient = await patientOf(await getPatient(scenario.nhsNumber));
      expect(patient.id, scenario.name).toBe(scenario.patient!.id);
    }
  });

  it('restricted: security label R and no address, telecom or GP, but name and birth date', async () => {
    const patient = await patientOf(await getPatient(SCENARIOS.restricted.nhsNumber));
    expect(patient.meta).toMatchObject({ security: [{ code: 'R' }] });
    expect(patient).not.toHaveProperty('address');
    expect(patient).not.toHaveProperty('telecom');
    expect(patient).not.toHaveProperty('generalPractitioner');
    expect(patient).toMatchObject({ name: [{ family: 'Ellison' }], birthDate: '1995-05-09' });
  });

  // PDS Patient.yaml: `name` "may not appear if the patient is tagged as restricted".
  it('restrictedNoName: security label R with no name, address, telecom or GP, but gender and birth date', async () => {
    const patient = await patientOf(await getPatient(SCENARIOS.restrictedNoName.nhsNumber));
    expect(patient).toMatchObject({ id: '9990000166', meta: { security: [{ code: 'R' }] }, gender: 'male', birthDate: '1983-11-27' });
    for (const field of ['name', 'address', 'telecom', 'generalPractitioner']) expect(patient).not.toHaveProperty(field);
  });

  it('superseded: 200 with the record of the new number, which is also readable directly', async () => {
    const { nhsNumber, currentNhsNumber } = SCENARIOS.superseded;
    const viaOld = await patientOf(await getPatient(nhsNumber));
    expect(viaOld.id).toBe(currentNhsNumber);
    expect(viaOld.identifier).toEqual([expect.objectContaining({ value: currentNhsNumber })]);
    expect(JSON.stringify(viaOld)).not.toContain(nhsNumber);
    expect(await patientOf(await getPatient(currentNhsNumber))).toEqual(viaOld);
  });

  it.each([SCENARIOS.pdsNotFound.nhsNumber, '9990000204'])('404 RESOURCE_NOT_FOUND for the valid but unknown %s', async (nhsNumber) => {
    const response = await getPatient(nhsNumber);
    expect(response.status).toBe(404);
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'information',
          code: 'not-found',
          details: {
            coding: [
              {
                system: 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode',
                version: '1',
                code: 'RESOURCE_NOT_FOUND',
                display: 'Resource not found',
              },
            ],
          },
        },
      ],
    });
  });

  // The API platform's proxy answers these before PDS sees the request (docs/national-apis.md §3;
  // personal-demographics-service-api proxies/live/apiproxy/policies, plain application/json).
  it('pdsSignInExpired: 401 ACCESS_DENIED as the proxy words an expired access token', async () => {
    const response = await getPatient(SCENARIOS.pdsSignInExpired.nhsNumber);
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    expect(response.headers.get('X-Correlation-Id')).toBe(CORRELATION_ID);
    expect(response.headers.get('Retry-After')).toBeNull();
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'forbidden',
          details: {
            coding: [
              {
                system: 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode',
                version: '1',
                code: 'ACCESS_DENIED',
                display: 'Access Denied - Unauthorised',
              },
            ],
          },
          diagnostics: 'Access Token expired',
        },
      ],
    });
  });

  it('pdsBusy: 429 TOO_MANY_REQUESTS with Retry-After in seconds', async () => {
    const response = await getPatient(SCENARIOS.pdsBusy.nhsNumber);
    expect(response.status).toBe(429);
    expect(PDS_RETRY_AFTER_SECONDS).toBe(30);
    expect(response.headers.get('Retry-After')).toBe('30');
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    const body = (await response.json()) as { issue: { diagnostics: string }[] };
    expect(body).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'value',
          details: {
            coding: [
              {
                system: 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode',
                version: '1',
                code: 'TOO_MANY_REQUESTS',
                display: 'Too many requests',
              },
            ],
          },
        },
      ],
    });
    expect(body.issue).toHaveLength(1);
    expect(body.issue[0]!.diagnostics).toMatch(/is being rate limited/);
  });

  it.each([
    ['pdsSignInExpired', 401],
    ['pdsBusy', 429],
  ] as const)('%s: the gateway answers %i before PDS’s own header checks, as Apigee does', async (name, status) => {
    const response = await getPatient(SCENARIOS[name].nhsNumber, spineHeaders({ 'X-Request-ID': undefined }));
    expect(response.status).toBe(status);
    expect(response.headers.get('X-Request-Id')).toBeNull();
  });

  it.each(['9990000000', '9000000000', '9495456001', '999000001', '999%20000%200018'])(
    '400 INVALID_RESOURCE_ID for %s',
    async (id) => {
      const outcome = await outcomeOf(await getPatient(id));
      expect(outcome).toMatchObject({ status: 400, codes: ['INVALID_RESOURCE_ID'], issueCodes: ['value'] });
    },
  );

  it('400 MISSING_VALUE without X-Request-ID', async () => {
    const outcome = await outcomeOf(await getPatient('9990000018', spineHeaders({ 'X-Request-ID': undefined })));
    expect(outcome).toMatchObject({ status: 400, codes: ['MISSING_VALUE'], issueCodes: ['required'] });
    expect(outcome.diagnostics[0]).toMatch(/X-Request-ID header must be supplied/);
  });

  it.each(['1234', 'not-a-uuid', '3f2b8c1e5d4a1e6f9a7b0c1d2e3f4a5b', '{3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b}'])('400 INVALID_VALUE for X-Request-ID %s', async (value) => {
    const outcome = await outcomeOf(await getPatient('9990000018', spineHeaders({ 'X-Request-ID': value })));
    expect(outcome).toMatchObject({ status: 400, codes: ['INVALID_VALUE'], issueCodes: ['value'] });
    expect(outcome.diagnostics[0]).toBe(`Invalid value - '${value}' in header 'X-Request-ID'`);
  });

  // The PDS sandbox's `isValidUUID` takes any 8-4-4-4-12 hex layout, not only version 4.
  it.each(['3f2b8c1e-5d4a-1e6f-9a7b-0c1d2e3f4a5b', '60E0B220-8136-1CA5-AE46-1D97EF59D068', '00000000-0000-0000-0000-000000000000'])(
    'accepts X-Request-ID %s, a UUID of any version',
    async (value) => {
      const response = await getPatient('9990000018', spineHeaders({ 'X-Request-ID': value }));
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Request-Id')).toBe(value);
    },
  );

  it('400 UNSUPPORTED_SERVICE for anything else under the base, including a missing number', async () => {
    for (const [path, method] of [
      ['/Patient/', 'GET'],
      ['/Patient/9990000018', 'DELETE'],
      ['/metadata', 'GET'],
    ] as const) {
      const outcome = await outcomeOf(await send(`${BASES.pds}${path}`, { method, headers: spineHeaders() }));
      expect(outcome, `${method} ${path}`).toMatchObject({ status: 400, codes: ['UNSUPPORTED_SERVICE'] });
    }
  });
});
