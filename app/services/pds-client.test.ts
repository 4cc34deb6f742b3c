import { http, HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import type { NhsNumber } from '../domain/nhs-number';
import { createPdsClient } from './pds-client';
import { isTemporary } from '../queries/offline-policy';
import { describeServiceError } from './service-error-messages';
import {
  CORRELATION_ID,
  expectFailure,
  fhirJson,
  MALFORMED_JSON_REPLIES,
  outcomeResponse,
  TEST_TIMEOUT_MS,
  testContext,
  TRANSPORT_AND_STATUS_FAILURES,
  startMswServer,
  UUID,
  replyWith as answer,
} from '../test-support/services';
import { fetchTransport } from './transport';

const BASE = 'https://gw.test/personal-demographics/FHIR/R4';
const NHS = '9000000009' as NhsNumber;
const server = startMswServer();
const pds = createPdsClient({ transport: fetchTransport, baseUrl: BASE, organisationOds: () => 'RX8', timeoutMs: TEST_TIMEOUT_MS * 25 });
const quickPds = createPdsClient({ transport: fetchTransport, baseUrl: BASE, organisationOds: () => 'RX8', timeoutMs: TEST_TIMEOUT_MS });

function patientResource(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: NHS,
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS }],
    meta: { versionId: '2', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'U', display: 'unrestricted' }] },
    name: [{ id: '123', use: 'usual', period: { start: '2020-01-01' }, prefix: ['Mrs'], given: ['Jane', 'Anne'], family: 'Smith' }],
    gender: 'female',
    birthDate: '2010-10-22',
    address: [
      { id: '456', use: 'home', line: ['1 Trevelyan Square', 'Boar Lane', 'Leeds'], postalCode: 'LS1 6AE', period: { start: '2020-01-01' } },
    ],
    telecom: [{ id: '789', system: 'phone', value: '01632960587', use: 'home' }],
    ...overrides,
  };
}

function replyWith(body: JsonBodyType): Request[] {
  return answer(server, 'get', `${BASE}/Patient/:nhs`, body);
}

describe('PDS getPatient: the request', () => {
  it('reads Patient/{nhs} with the headers PDS requires and a fresh X-Request-ID each time', async () => {
    const seen = replyWith(patientResource());
    const context = testContext();
    await pds.getPatient(NHS, context);
    await pds.getPatient(NHS, context);

    expect(seen).toHaveLength(2);
    const [first, second] = seen as [Request, Request];
    expect(first.method).toBe('GET');
    expect(first.url).toBe(`${BASE}/Patient/9000000009`);
    expect(first.headers.get('X-Request-ID')).toMatch(UUID);
    expect(second.headers.get('X-Request-ID')).toMatch(UUID);
    expect(first.headers.get('X-Request-ID')).not.toBe(second.headers.get('X-Request-ID'));
    expect(first.headers.get('X-Correlation-ID')).toBe(CORRELATION_ID);
    expect(second.headers.get('X-Correlation-ID')).toBe(CORRELATION_ID);
    expect(first.headers.get('NHSD-End-User-Organisation-ODS')).toBe('RX8');
    expect(first.headers.get('Accept')).toBe('application/fhir+json');
  });

  it('reports each request to the context before sending it', async () => {
    const seen = replyWith(patientResource());
    const context = testContext();
    await pds.getPatient(NHS, context);
    expect(context.sent).toEqual([
      expect.objectContaining({
        service: 'pds',
        method: 'GET',
        url: `${BASE}/Patient/9000000009`,
        requestId: seen[0]!.headers.get('X-Request-ID'),
        correlationId: CORRELATION_ID,
      }),
    ]);
  });

  it('tolerates a trailing slash on the base URL', async () => {
    const seen = replyWith(patientResource());
    const client = createPdsClient({ transport: fetchTransport, baseUrl: `${BASE}/`, organisationOds: () => 'RX8' });
    await client.getPatient(NHS, testContext());
    expect(seen[0]!.url).toBe(`${BASE}/Patient/9000000009`);
  });
});

describe('PDS getPatient: the reply', () => {
  it('maps name, birth date, gender and the current home address', async () => {
    replyWith(patientResource());
    await expect(pds.getPatient(NHS, testContext())).resolves.toEqual({
      nhsNumber: NHS,
      requestedNhsNumber: NHS,
      name: { prefix: 'Mrs', given: ['Jane', 'Anne'], family: 'Smith' },
      birthDate: '2010-10-22',
      gender: 'female',
      restricted: false,
      address: ['1 Trevelyan Square', 'Boar Lane', 'Leeds', 'LS1 6AE'],
      deceasedAt: undefined,
    });
  });

  it('prefers the current usual name over ended and other names', async () => {
    replyWith(
      patientResource({
        name: [
          { use: 'official', given: ['Janet'], family: 'Jones' },
          { use: 'usual', period: { start: '2001-01-01', end: '2019-12-31' }, given: ['Jane'], family: 'Jones' },
          { use: 'usual', period: { start: '2020-01-01' }, given: ['Jane'], family: 'Smith' },
          { use: 'nickname', given: ['JJ'], family: 'Smith' },
        ],
      }),
    );
    const patient = await pds.getPatient(NHS, testContext());
    expect(patient.name).toEqual({ prefix: undefined, given: ['Jane'], family: 'Smith' });
  });

  it('falls back to a current name of another use when no usual name is current', async () => {
    replyWith(
      patientResource({
        name: [
          { use: 'old', given: ['Jane'], family: 'Brown' },
          { use: 'usual', period: { start: '2001-01-01', end: '2002-01-01' }, given: ['Jane'], family: 'Jones' },
          { use: 'official', given: ['Jane'], family: 'Smith' },
        ],
      }),
    );
    expect((await pds.getPatient(NHS, testContext())).name?.family).toBe('Smith');
  });

  it('ignores ended and non-home addresses', async () => {
    replyWith(
      patientResource({
        address: [
          { use: 'home', line: ['2 Old Road'], postalCode: 'LS2 1AA', period: { start: '2001-01-01', end: '2019-06-30' } },
          { use: 'temp', line: ['3 Holiday Lane'], postalCode: 'YO11 1AA' },
          { use: 'home', line: ['4 New Street'], city: 'Leeds', postalCode: 'LS1 4AB', period: { start: '2019-07-01' } },
        ],
      }),
    );
    expect((await pds.getPatient(NHS, testContext())).address).toEqual(['4 New Street', 'Leeds', 'LS1 4AB']);
  });

  it('has no address when PDS holds no current home address', async () => {
    replyWith(patientResource({ address: [{ use: 'temp', line: ['3 Holiday Lane'] }] }));
    expect((await pds.getPatient(NHS, testContext())).address).toBeUndefined();
  });

  it.each(['R', 'V'])('never carries an address for a patient labelled %s, even when the reply includes one', async (code) => {
    replyWith(patientResource({ meta: { versionId: '1', security: [{ code, display: 'restricted' }] } }));
    const patient = await pds.getPatient(NHS, testContext());
    expect(patient.restricted).toBe(true);
    expect(patient.address).toBeUndefined();
    expect(JSON.stringify(patient)).not.toContain('Trevelyan');
    expect(patient.name?.family).toBe('Smith');
  });

  it('reads a restricted reply without address, telecom or GP as PDS sends it', async () => {
    const { address: _a, telecom: _t, ...resource } = patientResource({ meta: { security: [{ code: 'R' }] } });
    replyWith(resource);
    await expect(pds.getPatient(NHS, testContext())).resolves.toMatchObject({ restricted: true, address: undefined });
  });

  // PDS Patient.yaml: only `id` is required, and `name` "may not appear if the patient is tagged as restricted".
  it('reads a restricted Patient with no name: name not available, still restricted and without address', async () => {
    const { name: _n, address: _a, telecom: _t, ...resource } = patientResource({ meta: { versionId: '1', security: [{ code: 'R' }] } });
    replyWith(resource);
    await expect(pds.getPatient(NHS, testContext())).resolves.toEqual({
      nhsNumber: NHS,
      requestedNhsNumber: NHS,
      name: undefined,
      birthDate: '2010-10-22',
      gender: 'female',
      restricted: true,
      address: undefined,
      deceasedAt: undefined,
    });
  });

  it('reads a Patient shaped like the sandbox’s Minimal_Patient (id and meta only)', async () => {
    replyWith({
      resourceType: 'Patient',
      id: NHS,
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS }],
      meta: { versionId: '2', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'U', display: 'unrestricted' }] },
    });
    await expect(pds.getPatient(NHS, testContext())).resolves.toEqual({
      nhsNumber: NHS,
      requestedNhsNumber: NHS,
      name: undefined,
      birthDate: undefined,
      gender: 'unknown',
      restricted: false,
      address: undefined,
      deceasedAt: undefined,
    });
  });

  it.each([
    ['an empty name list', []],
    ['a name with no given or family part', [{ use: 'usual', prefix: ['Mr'], given: ['  '], family: ' ' }]],
  ])('treats %s as no name', async (_label, name) => {
    replyWith(patientResource({ name }));
    expect((await pds.getPatient(NHS, testContext())).name).toBeUndefined();
  });

  it('still reports a superseded number when the new record has no name', async () => {
    const { name: _n, ...resource } = patientResource({ id: '9000000017', meta: { security: [{ code: 'R' }] } });
    replyWith(resource);
    await expect(pds.getPatient(NHS, testContext())).resolves.toMatchObject({ nhsNumber: '9000000017', requestedNhsNumber: NHS, name: undefined });
  });

  it('records a deceased date', async () => {
    replyWith(patientResource({ deceasedDateTime: '2024-02-01T10:00:00+00:00' }));
    expect((await pds.getPatient(NHS, testContext())).deceasedAt).toBe('2024-02-01T10:00:00+00:00');
  });

  it('accepts a partial birth date and a missing gender', async () => {
    replyWith(patientResource({ birthDate: '1970-03', gender: undefined }));
    expect(await pds.getPatient(NHS, testContext())).toMatchObject({ birthDate: '1970-03', gender: 'unknown' });
  });

  it('reports a superseded number: the reply id becomes the patient’s number', async () => {
    replyWith(patientResource({ id: '9000000017' }));
    const patient = await pds.getPatient(NHS, testContext());
    expect(patient.nhsNumber).toBe('9000000017');
    expect(patient.requestedNhsNumber).toBe(NHS);
  });

  it.each([['9000000018'], ['not-a-number'], ['']])('treats a reply id %j that is no valid NHS number as malformed', async (id) => {
    replyWith(patientResource({ id }));
    await expectFailure(pds.getPatient(NHS, testContext()), 'pds', { name: id, reply: () => fhirJson({}), kind: 'malformed' });
  });

  it.each([
    ['no id', { id: undefined }],
    ['an unknown gender code', { gender: 'F' }],
    ['a birth date that is not a FHIR date', { birthDate: '22/10/2010' }],
  ])('treats %s as malformed', async (_label, overrides) => {
    replyWith(patientResource(overrides));
    await expectFailure(pds.getPatient(NHS, testContext()), 'pds', { name: '', reply: () => fhirJson({}), kind: 'malformed' });
  });
});

describe('PDS getPatient: failures', () => {
  it.each([
    { name: '404 RESOURCE_NOT_FOUND', reply: () => outcomeResponse(404, 'RESOURCE_NOT_FOUND', 'Resource not found'), kind: 'not-found' as const, status: 404, code: 'RESOURCE_NOT_FOUND' },
    { name: '404 INVALIDATED_RESOURCE', reply: () => outcomeResponse(404, 'INVALIDATED_RESOURCE'), kind: 'invalidated' as const, status: 404, code: 'INVALIDATED_RESOURCE' },
    { name: '400 INVALID_RESOURCE_ID', reply: () => outcomeResponse(400, 'INVALID_RESOURCE_ID', 'Resource Id is invalid'), kind: 'rejected' as const, status: 400, code: 'INVALID_RESOURCE_ID' },
    ...TRANSPORT_AND_STATUS_FAILURES,
    ...MALFORMED_JSON_REPLIES,
  ])('$name → $kind', async (failure) => {
    const seen: Request[] = [];
    server.use(
      http.get(`${BASE}/Patient/:nhs`, ({ request }) => {
        seen.push(request);
        return failure.reply();
      }),
    );
    const error = await expectFailure(quickPds.getPatient(NHS, testContext()), 'pds', failure);
    expect(error.requestId).toBe(seen[0]!.headers.get('X-Request-ID'));
  });

  // Issue 7 point 3: a saved copy is deleted on 'not-found', so only PDS's own word may say it.
  it.each([
    ['a proxy’s HTML 404 page', () => new HttpResponse('<html><body><h1>Not Found</h1></body></html>', { status: 404, headers: { 'Content-Type': 'text/html' } })],
    ['a gateway’s own JSON 404', () => HttpResponse.json({ fault: { faultstring: 'Unable to identify proxy for host' } }, { status: 404 })],
    ['the API platform’s FAILURE_TO_PROCESS_MESSAGE 404', () => outcomeResponse(404, 'FAILURE_TO_PROCESS_MESSAGE')],
  ])('reads %s as "could not be reached as set up", never as no such patient', async (_label, answer) => {
    server.use(http.get(`${BASE}/Patient/:nhs`, answer));
    const error = await expectFailure(pds.getPatient(NHS, testContext()), 'pds', { name: '', reply: () => fhirJson({}), kind: 'misrouted', status: 404 });
    expect(isTemporary(error)).toBe(false);
    expect(describeServiceError(error)).toMatch(/could not be reached as set up.*does not mean the patient is unknown/);
  });

  it('uses the R4 PDS coding system for its codes', async () => {
    server.use(
      http.get(`${BASE}/Patient/:nhs`, () =>
        HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [
              {
                severity: 'information',
                code: 'not-found',
                details: { coding: [{ system: 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode', version: '1', code: 'RESOURCE_NOT_FOUND' }] },
              },
            ],
          },
          { status: 404 },
        ),
      ),
    );
    const error = await expectFailure(pds.getPatient(NHS, testContext()), 'pds', { name: '', reply: () => fhirJson({}), kind: 'not-found' });
    expect(error.code).toBe('RESOURCE_NOT_FOUND');
  });

  it('rejects with the caller’s reason, not a ServiceError, when the lookup is cancelled', async () => {
    server.use(
      http.get(`${BASE}/Patient/:nhs`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        return fhirJson(patientResource());
      }),
    );
    const controller = new AbortController();
    const reason = new Error('crew left the screen');
    const pending = pds.getPatient(NHS, testContext({ signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 10);
    await expect(pending).rejects.toBe(reason);
  });
});
