import { describe, expect, it } from 'vitest';
import { SCENARIOS } from './data/catalogue';
import { BASES, CORRELATION_ID, REQUEST_ID, outcomeOf, send, spineHeaders } from './test-support';

const SUBJECT = 'https://fhir.nhs.uk/Id/nhs-number';
const CRISIS_PLAN = 'http://snomed.info/sct|736253002';

interface Bundle {
  resourceType: string;
  type: string;
  link: { relation: string; url: string }[];
  total: number;
  entry?: { resource: { resourceType: string; id?: string; subject?: { identifier: { value: string } } } }[];
}

function postSearch(body: unknown, headers: Record<string, string> = spineHeaders()) {
  return send(`${BASES.nrl}/DocumentReference/_search`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function search(nhsNumber: string, extra: Record<string, string> = {}) {
  return postSearch({ 'subject:identifier': `${SUBJECT}|${nhsNumber}`, ...extra });
}

async function bundleOf(response: Response): Promise<Bundle> {
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/fhir+json;version=1');
  return (await response.json()) as Bundle;
}

describe('NRL search: the Bundle (§1.4)', () => {
  it('is a searchset with a self link, total and resource-only entries, echoing the ids', async () => {
    const response = await search(SCENARIOS.planPdf.nhsNumber);
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    expect(response.headers.get('X-Correlation-Id')).toBe(CORRELATION_ID);
    const bundle = await bundleOf(response);
    expect(Object.keys(bundle)).toEqual(['resourceType', 'type', 'link', 'total', 'entry']);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    expect(bundle.link).toEqual([
      { relation: 'self', url: `${BASES.nrl}/DocumentReference?subject:identifier=${SUBJECT}|9990000018` },
    ]);
    expect(bundle.entry).toHaveLength(2);
    for (const entry of bundle.entry!) {
      expect(Object.keys(entry)).toEqual(['resource']);
      expect(entry.resource.resourceType).toBe('DocumentReference');
      expect(entry.resource.subject!.identifier.value).toBe('9990000018');
    }
  });

  it('rebuilds the self link in NRL’s order whatever order the body used', async () => {
    const bundle = await bundleOf(
      await postSearch({
        category: 'http://snomed.info/sct|734163000',
        type: CRISIS_PLAN,
        'custodian:identifier': 'https://fhir.nhs.uk/Id/ods-organization-code|RV5',
        'subject:identifier': `${SUBJECT}|${SCENARIOS.severalPointers.nhsNumber}`,
      }),
    );
    expect(bundle.link[0]!.url).toBe(
      `${BASES.nrl}/DocumentReference?subject:identifier=${SUBJECT}|9990000034` +
        '&custodian:identifier=https://fhir.nhs.uk/Id/ods-organization-code|RV5' +
        `&type=${CRISIS_PLAN}&category=http://snomed.info/sct|734163000`,
    );
    expect(bundle.entry!.map((entry) => entry.resource.id)).toEqual(['RV5-slam-mhcp-a91e07']);
  });

  it('severalPointers: four pointers from two trusts, narrowed by type', async () => {
    const all = await bundleOf(await search(SCENARIOS.severalPointers.nhsNumber));
    expect(all.total).toBe(4);
    const plans = await bundleOf(await search(SCENARIOS.severalPointers.nhsNumber, { type: CRISIS_PLAN }));
    expect(plans.entry!.map((entry) => entry.resource.id).sort()).toEqual(['RV5-slam-mhcp-a91e07', 'RW5-lscft-mhcp-19b7e4']);
  });

  it('_summary=count: total without entries', async () => {
    const bundle = await bundleOf(await search(SCENARIOS.severalPointers.nhsNumber, { _summary: 'count' }));
    expect(bundle.total).toBe(4);
    expect(bundle).not.toHaveProperty('entry');
    expect(bundle.link[0]!.url).toMatch(/&_summary=count$/);
  });

  it.each([
    ['noPointers', SCENARIOS.noPointers.nhsNumber],
    ['pdsNotFound (NRL does not check PDS)', SCENARIOS.pdsNotFound.nhsNumber],
    ['superseded, searched by the old number', SCENARIOS.superseded.nhsNumber],
    ['supersededOldPointer, searched by the current number', SCENARIOS.supersededOldPointer.currentNhsNumber],
  ])('%s: 200 with an empty Bundle', async (_name, nhsNumber) => {
    const bundle = await bundleOf(await search(nhsNumber));
    expect(bundle.total).toBe(0);
    expect(bundle.entry).toEqual([]);
  });

  it('superseded: the plan is under the new number', async () => {
    const bundle = await bundleOf(await search(SCENARIOS.superseded.currentNhsNumber));
    expect(bundle.total).toBe(1);
    expect(bundle.entry![0]!.resource.subject!.identifier.value).toBe(SCENARIOS.superseded.currentNhsNumber);
  });

  it.each([
    ['supersededOldPointer, by the old number', SCENARIOS.supersededOldPointer.nhsNumber, ['RGD-lyp-mhcp-70e1b2']],
    ['supersededBothNumbers, by the old number', SCENARIOS.supersededBothNumbers.nhsNumber, ['RW5-lscft-mhcp-72c4d8']],
    ['supersededBothNumbers, by the current number', SCENARIOS.supersededBothNumbers.currentNhsNumber, ['RV5-slam-mhcp-73a9f1']],
  ])('%s: NRL does not follow supersession, each pointer answers to the number it is filed under', async (_name, nhsNumber, ids) => {
    const bundle = await bundleOf(await search(nhsNumber));
    expect(bundle.entry!.map((entry) => entry.resource.id)).toEqual(ids);
    expect(bundle.entry!.every((entry) => entry.resource.subject!.identifier.value === nhsNumber)).toBe(true);
  });

  it('restrictedNoName: NRL still holds the crisis plan, with its contact page', async () => {
    const bundle = await bundleOf(await search(SCENARIOS.restrictedNoName.nhsNumber));
    expect(bundle.total).toBe(1);
    expect(bundle.entry![0]!.resource).toMatchObject({
      id: 'RW5-lscft-mhcp-5e07b3',
      type: { coding: [{ system: 'http://snomed.info/sct', code: '736253002' }] },
      subject: { identifier: { value: SCENARIOS.restrictedNoName.nhsNumber } },
      content: [{ attachment: { contentType: 'application/pdf' } }, { format: { code: 'urn:nhs-ic:record-contact' } }],
    });
  });

  it('unparseableEntry: an OperationOutcome entry counted in total, beside a valid plan', async () => {
    const bundle = await bundleOf(await search(SCENARIOS.unparseableEntry.nhsNumber));
    expect(bundle.total).toBe(2);
    expect(bundle.entry![0]!.resource).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'exception',
          details: {
            coding: [
              {
                system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode',
                code: 'INTERNAL_SERVER_ERROR',
                display: 'Unexpected internal server error',
              },
            ],
          },
          diagnostics: 'An error occurred whilst parsing the document reference search results',
        },
      ],
    });
    expect(bundle.entry![1]!.resource.resourceType).toBe('DocumentReference');
  });

  it('legacyPointer: no practiceSetting, no retrieval extension, lower-case format display', async () => {
    const bundle = await bundleOf(await search(SCENARIOS.legacyPointer.nhsNumber));
    const pointer = bundle.entry![0]!.resource as unknown as {
      context: Record<string, unknown>;
      content: { format: { code: string; display: string }; extension: { url: string }[] }[];
    };
    expect(pointer.context).not.toHaveProperty('practiceSetting');
    expect(pointer.content[0]!.format).toMatchObject({ code: 'urn:nhs-ic:unstructured', display: 'Unstructured document' });
    expect(pointer.content[0]!.extension.map((e) => e.url)).toEqual([
      'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability',
    ]);
  });

  it('locatorError: 500 INTERNAL_SERVER_ERROR', async () => {
    const outcome = await outcomeOf(await search(SCENARIOS.locatorError.nhsNumber));
    expect(outcome).toMatchObject({ status: 500, codes: ['INTERNAL_SERVER_ERROR'], issueCodes: ['exception'] });
  });

  // The proxy's AssignMessage.OAuthPolicyErrorResponse (§1.7 proxy table): plain JSON, no coding version.
  it('pdsSignInExpired: 401 ACCESS_DENIED from the proxy, as for an expired access token', async () => {
    const response = await search(SCENARIOS.pdsSignInExpired.nhsNumber);
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'forbidden',
          details: {
            coding: [
              {
                system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode',
                code: 'ACCESS_DENIED',
                display: 'Access has been denied to process this request',
              },
            ],
          },
          diagnostics: 'Access Token expired',
        },
      ],
    });
  });

  // NRLF's handler for an organisation with no permitted pointer types (§1.7 backend table):
  // the backend's own content type and coding version, and its spelling `ACCESS DENIED`.
  it('locatorForbidden: 403 ACCESS DENIED naming the organisation, by POST, GET and count alike', async () => {
    const expected = {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'forbidden',
          details: {
            coding: [
              {
                system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode',
                version: '1',
                code: 'ACCESS DENIED',
                display: 'Access has been denied to process this request',
              },
            ],
          },
          diagnostics: "Your organisation 'RX8' does not have permission to access this resource. Contact the onboarding team.",
        },
      ],
    };
    const subject = `${SUBJECT}|${SCENARIOS.locatorForbidden.nhsNumber}`;
    for (const response of [
      await search(SCENARIOS.locatorForbidden.nhsNumber),
      await search(SCENARIOS.locatorForbidden.nhsNumber, { _summary: 'count' }),
      await send(`${BASES.nrl}/DocumentReference?subject:identifier=${encodeURIComponent(subject)}`, { headers: spineHeaders() }),
    ]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('Content-Type')).toBe('application/fhir+json;version=1');
      expect(response.headers.get('X-Request-Id')).toBe(REQUEST_ID);
      expect(response.headers.get('X-Correlation-Id')).toBe(CORRELATION_ID);
      expect(await response.json()).toEqual(expected);
    }
  });

  it('pdsBusy: NRL has its own limits and answers with an empty Bundle', async () => {
    expect(await bundleOf(await search(SCENARIOS.pdsBusy.nhsNumber))).toMatchObject({ total: 0, entry: [] });
  });

  it('locatorTimeout: never answers', async () => {
    const outcome = await Promise.race([
      search(SCENARIOS.locatorTimeout.nhsNumber).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 150)),
    ]);
    expect(outcome).toBe('still waiting');
  });
});

describe('NRL search: the proxy’s header checks (§1.7)', () => {
  it.each([
    ['missing', undefined],
    ['not a UUID', 'abc-123'],
  ])('400 MISSING_OR_INVALID_HEADER when X-Request-ID is %s', async (_name, value) => {
    const response = await postSearch({ 'subject:identifier': `${SUBJECT}|9990000018` }, spineHeaders({ 'X-Request-ID': value }));
    const body = (await response.clone().json()) as { issue: { details: { coding: Record<string, unknown>[] } }[] };
    const outcome = await outcomeOf(response);
    expect(outcome).toMatchObject({ status: 400, codes: ['MISSING_OR_INVALID_HEADER'], issueCodes: ['invalid'] });
    expect(outcome.contentType).toBe('application/json');
    // The proxy's RaiseFault policies send no coding version; only the backend does.
    expect(body.issue[0]!.details.coding[0]).not.toHaveProperty('version');
  });

  it('accepts a UUID of any version, as the proxy’s pattern does', async () => {
    const response = await postSearch(
      { 'subject:identifier': `${SUBJECT}|9990000018` },
      spineHeaders({ 'X-Request-ID': '60E0B220-8136-1CA5-AE46-1D97EF59D068' }),
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
  ])('400 PRECONDITION_FAILED when the ODS header is %s', async (_name, value) => {
    const response = await postSearch(
      { 'subject:identifier': `${SUBJECT}|9990000018` },
      spineHeaders({ 'NHSD-End-User-Organisation-ODS': value }),
    );
    expect(await outcomeOf(response)).toMatchObject({ status: 400, codes: ['PRECONDITION_FAILED'], issueCodes: ['required'] });
  });
});

describe('NRL search: the POST body (§1.3, §1.7)', () => {
  it('400 BAD_REQUEST for an empty body', async () => {
    expect(await outcomeOf(await postSearch(''))).toMatchObject({ status: 400, codes: ['BAD_REQUEST'], diagnostics: ['Request body is required'] });
  });

  it.each(['subject:identifier=9990000018', '["x"]', '"text"'])('400 MESSAGE_NOT_WELL_FORMED for %s', async (body) => {
    expect(await outcomeOf(await postSearch(body))).toMatchObject({ status: 400, codes: ['MESSAGE_NOT_WELL_FORMED'] });
  });

  it('400 MESSAGE_NOT_WELL_FORMED naming the missing subject', async () => {
    expect(await outcomeOf(await postSearch({}))).toMatchObject({
      status: 400,
      codes: ['MESSAGE_NOT_WELL_FORMED'],
      diagnostics: ['Request body could not be parsed (subject:identifier: Field required)'],
    });
  });

  it('rejects unknown keys, one issue per problem', async () => {
    const response = await postSearch({ 'subject:identifier': `${SUBJECT}|9990000018`, _count: '5', _sort: 'date' });
    const body = (await response.json()) as { issue: { expression: string[]; diagnostics: string }[] };
    expect(response.status).toBe(400);
    expect(body.issue.map((issue) => issue.expression)).toEqual([['_count'], ['_sort']]);
    expect(body.issue[0]!.diagnostics).toBe('Request body could not be parsed (_count: Extra inputs are not permitted)');
  });

  it('rejects a subject without the NHS number system', async () => {
    const outcome = await outcomeOf(await postSearch({ 'subject:identifier': '9990000018' }));
    expect(outcome).toMatchObject({ status: 400, codes: ['MESSAGE_NOT_WELL_FORMED'] });
    expect(outcome.diagnostics[0]).toMatch(/^Request body could not be parsed \(subject:identifier: String should match pattern/);
  });

  it.each(['9990000000', '9495456001', '123'])('400 INVALID_NHS_NUMBER for %s, exactly as NRL words it', async (nhsNumber) => {
    const response = await search(nhsNumber);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'invalid',
          details: {
            // consumer.yaml's 4XX example coding carries `version: "1"`.
            coding: [{ system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode', version: '1', code: 'INVALID_NHS_NUMBER', display: 'Invalid NHS number' }],
          },
          diagnostics: 'A valid NHS number is required to search for document references',
          expression: ['subject:identifier'],
        },
      ],
    });
  });

  it('400 INVALID_CODE_SYSTEM for a type NRL does not know', async () => {
    const outcome = await outcomeOf(await search('9990000018', { type: 'http://snomed.info/sct|123456' }));
    expect(outcome).toMatchObject({ status: 400, codes: ['INVALID_CODE_SYSTEM'], issueCodes: ['code-invalid'] });
  });

  it('400 INVALID_CODE_SYSTEM for an unknown category', async () => {
    const outcome = await outcomeOf(await search('9990000018', { category: 'http://snomed.info/sct|734163000,http://loinc.org|1' }));
    expect(outcome).toMatchObject({ status: 400, codes: ['INVALID_CODE_SYSTEM'] });
  });
});

describe('NRL search by GET (§1.3)', () => {
  const get = (query: string, headers = spineHeaders()) => send(`${BASES.nrl}/DocumentReference?${query}`, { headers });

  it('answers like the POST search', async () => {
    const viaGet = await bundleOf(await get(`subject:identifier=${encodeURIComponent(`${SUBJECT}|9990000034`)}`));
    const viaPost = await bundleOf(await search('9990000034'));
    expect(viaGet).toEqual(viaPost);
  });

  it('applies the proxy header checks too', async () => {
    const outcome = await outcomeOf(await get('subject:identifier=x', spineHeaders({ 'X-Request-ID': undefined })));
    expect(outcome.codes).toEqual(['MISSING_OR_INVALID_HEADER']);
  });

  it.each([
    ['an unknown parameter', `subject:identifier=${SUBJECT}%7C9990000018&_sort=date`, 'Invalid query parameter (_sort: Extra inputs are not permitted)'],
    ['no subject', 'type=http://snomed.info/sct%7C736253002', 'Invalid query parameter (subject:identifier: Field required)'],
    ['_summary other than count', `subject:identifier=${SUBJECT}%7C9990000018&_summary=data`, "Invalid query parameter (_summary: Input should be 'count')"],
  ])('400 INVALID_PARAMETER for %s', async (_name, query, diagnostics) => {
    expect(await outcomeOf(await get(query))).toMatchObject({ status: 400, codes: ['INVALID_PARAMETER'], diagnostics: [diagnostics] });
  });

  it('400 INVALID_NHS_NUMBER for a number failing Modulus 11', async () => {
    expect((await outcomeOf(await get(`subject:identifier=${SUBJECT}%7C9990000000`))).codes).toEqual(['INVALID_NHS_NUMBER']);
  });
});

describe('NRL read and everything else', () => {
  const read = (id: string) => send(`${BASES.nrl}/DocumentReference/${id}`, { headers: spineHeaders() });

  it('reads a pointer by id', async () => {
    const response = await read('RW5-lscft-mhcp-4f1c2a');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ resourceType: 'DocumentReference', id: 'RW5-lscft-mhcp-4f1c2a' });
  });

  // consumer.yaml `GET /DocumentReference/{id}` 4XX table: 404 RESOURCE_NOT_FOUND.
  it('404 RESOURCE_NOT_FOUND for an unknown id, as the read table in the spec says', async () => {
    const response = await read('X26-000000000-000000000');
    expect(response.headers.get('Content-Type')).toBe('application/fhir+json;version=1');
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'not-found',
          details: {
            coding: [
              { system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode', version: '1', code: 'RESOURCE_NOT_FOUND', display: 'Resource not found' },
            ],
          },
          diagnostics: 'The requested DocumentReference could not be found',
        },
      ],
    });
  });

  it('500 for the pointer that no longer parses', async () => {
    expect((await outcomeOf(await read('RGD-lypft-mhcp-0bad01'))).status).toBe(500);
  });

  it('405 for HEAD', async () => {
    expect((await send(`${BASES.nrl}/DocumentReference`, { method: 'HEAD', headers: spineHeaders() })).status).toBe(405);
  });

  it.each([
    ['GET', '/metadata'],
    ['POST', '/DocumentReference'],
    ['GET', ''],
  ])('404 FAILURE_TO_PROCESS_MESSAGE for %s %s', async (method, path) => {
    const outcome = await outcomeOf(await send(`${BASES.nrl}${path}`, { method, headers: spineHeaders() }));
    expect(outcome).toMatchObject({ status: 404, codes: ['FAILURE_TO_PROCESS_MESSAGE'] });
  });
});
