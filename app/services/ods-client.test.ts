import { http, HttpResponse, type JsonBodyType } from 'msw';
import { describe, expect, it } from 'vitest';
import { createOdsClient } from './ods-client';
import {
  CORRELATION_ID,
  expectFailure,
  fhirJson,
  MALFORMED_JSON_REPLIES,
  TEST_TIMEOUT_MS,
  testContext,
  TRANSPORT_AND_STATUS_FAILURES,
  startMswServer,
  UUID,
  replyWith as answer,
} from '../test-support/services';
import { fetchTransport } from './transport';

const BASE = 'https://gw.test/organisation-data-terminology-api/fhir';
const server = startMswServer();
const ods = createOdsClient({ transport: fetchTransport, baseUrl: BASE, timeoutMs: 1_000 });

function organization(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'Organization',
    id: 'RR8',
    identifier: [{ use: 'official', system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RR8' }],
    active: true,
    name: 'LEEDS TEACHING HOSPITALS NHS TRUST',
    telecom: [
      { system: 'url', value: 'https://www.leedsth.nhs.uk' },
      { system: 'phone', value: '0113 243 3144' },
      { system: 'phone', value: '0113 000 0000' },
    ],
    address: [{ line: ['St James University Hospital', 'Beckett Street'], city: 'LEEDS', postalCode: 'LS9 7TF', country: 'ENGLAND' }],
    ...overrides,
  };
}

function replyWith(body: JsonBodyType): Request[] {
  return answer(server, 'get', `${BASE}/Organization/:code`, body);
}

describe('ODS getOrganisation', () => {
  it('reads Organization/{code} and takes the name and the first phone as the switchboard', async () => {
    const seen = replyWith(organization());
    const context = testContext();
    await expect(ods.getOrganisation('RR8', context)).resolves.toEqual({
      odsCode: 'RR8',
      name: 'LEEDS TEACHING HOSPITALS NHS TRUST',
      switchboard: '0113 243 3144',
    });
    expect(seen[0]!.url).toBe(`${BASE}/Organization/RR8`);
    expect(seen[0]!.headers.get('Accept')).toBe('application/fhir+json');
    expect(seen[0]!.headers.get('X-Request-ID')).toMatch(UUID);
    expect(seen[0]!.headers.get('X-Correlation-ID')).toBe(CORRELATION_ID);
    expect(context.sent[0]).toMatchObject({ service: 'ods', requestId: seen[0]!.headers.get('X-Request-ID') });
  });

  it('has no switchboard when ODS holds no phone', async () => {
    replyWith(organization({ telecom: [{ system: 'url', value: 'https://x.nhs.uk' }, { system: 'phone', value: ' ' }] }));
    expect((await ods.getOrganisation('RR8', testContext())).switchboard).toBeUndefined();
    replyWith(organization({ telecom: undefined }));
    expect((await ods.getOrganisation('RR8', testContext())).switchboard).toBeUndefined();
  });

  it('accepts a lower-case or padded code from pointer data', async () => {
    const seen = replyWith(organization());
    await ods.getOrganisation(' rr8 ', testContext());
    expect(seen[0]!.url).toBe(`${BASE}/Organization/RR8`);
  });

  it.each(['', 'R8', 'RR8/../Patient', 'RX4 CRISIS', 'ABCDEFGHIJKLM'])('refuses the code %j without a request', async (code) => {
    const context = testContext();
    await expectFailure(ods.getOrganisation(code, context), 'ods', { name: '', reply: () => new HttpResponse(), kind: 'rejected' });
    expect(context.sent).toEqual([]);
  });

  it('maps the HAPI-2001 404 (no Spine coding) to not-found', async () => {
    server.use(
      http.get(`${BASE}/Organization/:code`, () =>
        fhirJson(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics: 'HAPI-2001: Resource Organization/ZZZ99 is not known' }] },
          404,
        ),
      ),
    );
    const error = await expectFailure(ods.getOrganisation('ZZZ99', testContext()), 'ods', {
      name: '',
      reply: () => new HttpResponse(),
      kind: 'not-found',
      status: 404,
      detail: /HAPI-2001/,
    });
    expect(error.code).toBeUndefined();
  });

  it('treats an Organization without a name as malformed', async () => {
    replyWith(organization({ name: '  ' }));
    await expectFailure(ods.getOrganisation('RR8', testContext()), 'ods', { name: '', reply: () => new HttpResponse(), kind: 'malformed', detail: /name/ });
  });

  const quick = createOdsClient({ transport: fetchTransport, baseUrl: BASE, timeoutMs: TEST_TIMEOUT_MS });
  it.each([...TRANSPORT_AND_STATUS_FAILURES, ...MALFORMED_JSON_REPLIES])('$name → $kind', async (failure) => {
    server.use(http.get(`${BASE}/Organization/:code`, () => failure.reply()));
    await expectFailure(quick.getOrganisation('RR8', testContext()), 'ods', failure);
  });
});
