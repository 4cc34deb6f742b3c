import { http, type JsonBodyType } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { NhsNumber } from '../domain/nhs-number';
import { owningOrganisationOds } from '../domain/pointer';
import { createNrlClient } from './nrl-client';
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

const BASE = 'https://gw.test/record-locator/consumer/FHIR/R4';
const SEARCH = `${BASE}/DocumentReference/_search`;
const NHS = '9990000018' as NhsNumber;
const OTHER_NHS = '9990000026';
const server = startMswServer();

function client(log = vi.fn<(message: string, detail?: unknown) => void>(), timeoutMs = 1_000) {
  return { nrl: createNrlClient({ transport: fetchTransport, baseUrl: BASE, organisationOds: () => 'RX8', timeoutMs, log }), log };
}

const STABILITY = {
  url: 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability',
  valueCodeableConcept: {
    coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/England-NRLContentStability', code: 'static', display: 'Static' }],
  },
};
function mechanism(code: string) {
  return {
    url: 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-NRLRetrievalMechanism',
    valueCodeableConcept: { coding: [{ system: 'https://fhir.nhs.uk/England/CodeSystem/England-NRLRetrievalMechanism', code }] },
  };
}

/** The crisis plan pointer of docs/national-apis.md §1.5, with overrides. */
function crisisPlan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'DocumentReference',
    id: 'RX4-mhcp-000123',
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: 'http://snomed.info/sct', code: '736253002', display: 'Mental health crisis plan' }] },
    category: [{ coding: [{ system: 'http://snomed.info/sct', code: '734163000', display: 'Care plan' }] }],
    subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: NHS } },
    date: '2025-06-01T10:00:00Z',
    author: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX4' } }],
    custodian: { identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RX4' } },
    content: [
      {
        attachment: {
          contentType: 'application/pdf',
          url: 'ssp://nrl-rx4.supplier.thirdparty.nhs.uk/RX4/plans/abc.pdf',
          title: 'Crisis plan',
          creation: '2025-06-01T09:55:00Z',
        },
        format: { system: 'https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode', code: 'urn:nhs-ic:unstructured', display: 'Unstructured Document' },
        extension: [STABILITY, mechanism('SSP')],
      },
    ],
    context: {
      practiceSetting: { coding: [{ system: 'http://snomed.info/sct', code: '92151000000102', display: 'Mental health crisis resolution team' }] },
      related: [{ identifier: { system: 'https://fhir.nhs.uk/Id/nhsSpineASID', value: '200000000610' } }],
    },
    ...overrides,
  };
}

function bundle(resources: unknown[]): Record<string, unknown> {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link: [{ relation: 'self', url: `${BASE}/DocumentReference?subject:identifier=https://fhir.nhs.uk/Id/nhs-number|${NHS}` }],
    total: resources.length,
    entry: resources.map((resource) => ({ resource })),
  };
}

function replyWith(body: JsonBodyType): Request[] {
  return answer(server, 'post', SEARCH, body);
}

describe('NRL searchPointers: the request', () => {
  it('POSTs the NHS number in the body, never in the URL, with the headers NRL requires', async () => {
    const seen = replyWith(bundle([]));
    await client().nrl.searchPointers(NHS, testContext());

    const request = seen[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(SEARCH);
    expect(request.url).not.toContain(NHS);
    expect(request.headers.get('Content-Type')).toBe('application/json');
    expect(await request.json()).toEqual({ 'subject:identifier': `https://fhir.nhs.uk/Id/nhs-number|${NHS}` });
    expect(request.headers.get('X-Request-ID')).toMatch(UUID);
    expect(request.headers.get('X-Correlation-ID')).toBe(CORRELATION_ID);
    expect(request.headers.get('NHSD-End-User-Organisation-ODS')).toBe('RX8');
    expect(request.headers.get('Accept')).toBe('application/fhir+json');
  });

  it('sends a new X-Request-ID on a retry but keeps the correlation id', async () => {
    const seen = replyWith(bundle([]));
    const { nrl } = client();
    const context = testContext();
    await nrl.searchPointers(NHS, context);
    await nrl.searchPointers(NHS, context);
    const [first, second] = seen as [Request, Request];
    expect(first.headers.get('X-Request-ID')).not.toBe(second.headers.get('X-Request-ID'));
    expect(second.headers.get('X-Correlation-ID')).toBe(first.headers.get('X-Correlation-ID'));
    expect(context.sent.map((s) => s.requestId)).toEqual([first.headers.get('X-Request-ID'), second.headers.get('X-Request-ID')]);
    expect(context.sent.every((s) => !s.url.includes(NHS))).toBe(true);
  });
});

describe('NRL searchPointers: the Bundle', () => {
  it('maps a crisis plan pointer', async () => {
    replyWith(bundle([crisisPlan()]));
    const result = await client().nrl.searchPointers(NHS, testContext());
    expect(result).toEqual({
      skippedEntries: 0,
      pointers: [
        {
          id: 'RX4-mhcp-000123',
          subjectNhsNumber: NHS,
          recordType: expect.objectContaining({ code: '736253002', label: 'Mental health crisis plan', rank: 0 }),
          date: '2025-06-01T10:00:00Z',
          authorOds: 'RX4',
          custodianOds: 'RX4',
          practiceSetting: { code: '92151000000102', display: 'Mental health crisis resolution team' },
          providerAsid: '200000000610',
          contents: [
            {
              contentType: 'application/pdf',
              url: 'ssp://nrl-rx4.supplier.thirdparty.nhs.uk/RX4/plans/abc.pdf',
              title: 'Crisis plan',
              creation: '2025-06-01T09:55:00Z',
              formatCode: 'urn:nhs-ic:unstructured',
              stability: 'static',
              retrievalMechanism: 'SSP',
            },
          ],
        },
      ],
    });
  });

  it('returns no pointers for an empty Bundle (total 0, no entry)', async () => {
    replyWith({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'self', url: SEARCH }], total: 0 });
    await expect(client().nrl.searchPointers(NHS, testContext())).resolves.toEqual({ pointers: [], skippedEntries: 0 });
  });

  it('skips, counts and logs an OperationOutcome entry and keeps the good pointers', async () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'exception',
          details: { coding: [{ system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode', code: 'INTERNAL_SERVER_ERROR' }] },
          diagnostics: 'An error occurred whilst parsing the document reference search results',
        },
      ],
    };
    replyWith(bundle([crisisPlan(), outcome]));
    const { nrl, log } = client();
    const result = await nrl.searchPointers(NHS, testContext());
    expect(result.pointers.map((p) => p.id)).toEqual(['RX4-mhcp-000123']);
    expect(result.skippedEntries).toBe(1);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('OperationOutcome'),
      expect.objectContaining({ index: 1, code: 'INTERNAL_SERVER_ERROR', diagnostics: expect.stringContaining('parsing') }),
    );
  });

  it.each([
    ['no content', { content: [] }],
    ['content that is not a list', { content: { attachment: {} } }],
    ['no custodian', { custodian: undefined }],
    ['a type without coding', { type: { text: 'Crisis plan' } }],
    ['no id', { id: undefined }],
  ])('skips and logs a DocumentReference with %s, keeping the others', async (_label, overrides) => {
    replyWith(bundle([crisisPlan({ id: 'RX4-good' }), crisisPlan(overrides)]));
    const { nrl, log } = client();
    const result = await nrl.searchPointers(NHS, testContext());
    expect(result.pointers.map((p) => p.id)).toEqual(['RX4-good']);
    expect(result.skippedEntries).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('schema'), expect.objectContaining({ index: 1, issues: expect.any(String) }));
  });

  it('skips an entry that has no resource', async () => {
    replyWith({ ...bundle([crisisPlan()]), entry: [{ resource: crisisPlan() }, { fullUrl: 'x' }, 'junk'] });
    const { nrl, log } = client();
    expect((await nrl.searchPointers(NHS, testContext())).skippedEntries).toBe(2);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('drops and logs a pointer for another patient (wrong-patient guard), without logging NHS numbers', async () => {
    replyWith(
      bundle([
        crisisPlan({ id: 'RX4-other', subject: { identifier: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: OTHER_NHS } } }),
        crisisPlan({ id: 'RX4-wrong-system', subject: { identifier: { system: 'https://example.org/local-id', value: NHS } } }),
        crisisPlan({ id: 'RX4-mine' }),
      ]),
    );
    const { nrl, log } = client();
    const result = await nrl.searchPointers(NHS, testContext());
    expect(result.pointers.map((p) => p.id)).toEqual(['RX4-mine']);
    expect(result.skippedEntries).toBe(2);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('subject'), { index: 0, id: 'RX4-other' });
    expect(JSON.stringify(log.mock.calls)).not.toContain(OTHER_NHS);
    expect(JSON.stringify(log.mock.calls)).not.toContain(NHS);
  });

  it('skips a pointer whose status is not current', async () => {
    replyWith(bundle([crisisPlan({ id: 'RX4-old', status: 'superseded' }), crisisPlan()]));
    const { nrl, log } = client();
    const result = await nrl.searchPointers(NHS, testContext());
    expect(result.pointers.map((p) => p.id)).toEqual(['RX4-mhcp-000123']);
    expect(result.skippedEntries).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('superseded'), expect.objectContaining({ id: 'RX4-old' }));
  });

  it('compares format codes, not displays, and keeps old-style displays', async () => {
    const content = (crisisPlan().content as Record<string, unknown>[])[0]!;
    replyWith(
      bundle([crisisPlan({ content: [{ ...content, format: { system: 'https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode', code: 'urn:nhs-ic:unstructured', display: 'Unstructured document' } }] })]),
    );
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.contents[0]!.formatCode).toBe('urn:nhs-ic:unstructured');
  });

  it('tolerates a legacy pointer without context, author or retrieval mechanism', async () => {
    const content = (crisisPlan().content as Record<string, unknown>[])[0]!;
    replyWith(bundle([crisisPlan({ context: undefined, author: undefined, content: [{ ...content, extension: [STABILITY] }] })]));
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]).toMatchObject({ practiceSetting: undefined, providerAsid: undefined, authorOds: undefined, custodianOds: 'RX4' });
    expect(pointers[0]!.contents[0]).toMatchObject({ retrievalMechanism: undefined, stability: 'static' });
  });

  it('tolerates a context without practiceSetting and finds the ASID among other related items', async () => {
    replyWith(
      bundle([
        crisisPlan({
          context: {
            related: [
              { identifier: { system: 'https://example.org/episode', value: 'E1' } },
              { identifier: { system: 'https://fhir.nhs.uk/Id/nhsSpineASID', value: '200000000999' } },
            ],
          },
        }),
      ]),
    );
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]).toMatchObject({ practiceSetting: undefined, providerAsid: '200000000999' });
  });

  // consumer.yaml `Attachment.contentType`: any media type, "includes mime type parameters such as charset".
  it.each([
    ['application/pdf', 'application/pdf'],
    ['text/html', 'text/html'],
    ['application/json', 'application/json'],
    ['application/fhir+json', 'application/fhir+json'],
    ['application/json+fhir', 'application/json+fhir'],
    ['text/html; charset=utf-8', 'text/html'],
    ['application/fhir+json;version=1', 'application/fhir+json'],
    ['Application/PDF', 'application/pdf'],
    ['image/png', 'image/png'],
    ['application/xml', 'application/xml'],
  ])('accepts attachment content type %s', async (contentType, expected) => {
    const content = (crisisPlan().content as Record<string, Record<string, unknown>>[])[0]!;
    replyWith(bundle([crisisPlan({ content: [{ ...content, attachment: { ...content.attachment, contentType } }] })]));
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.contents[0]!.contentType).toBe(expected);
  });

  it('maps a contact-details content and a Direct mechanism', async () => {
    const contact = {
      attachment: { contentType: 'text/html', url: 'https://www.rx4.nhs.uk/crisis-team/contact' },
      format: { system: 'https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode', code: 'urn:nhs-ic:record-contact', display: 'Contact details (HTTP Unsecured)' },
      extension: [STABILITY, mechanism('Direct')],
    };
    replyWith(bundle([crisisPlan({ content: [...(crisisPlan().content as object[]), contact] })]));
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.contents[1]).toMatchObject({ formatCode: 'urn:nhs-ic:record-contact', retrievalMechanism: 'Direct', contentType: 'text/html' });
  });

  it('ignores a retrieval mechanism code it does not know', async () => {
    const content = (crisisPlan().content as Record<string, unknown>[])[0]!;
    replyWith(bundle([crisisPlan({ content: [{ ...content, extension: [STABILITY, mechanism('Carrier pigeon')] }] })]));
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.contents[0]!.retrievalMechanism).toBeUndefined();
  });

  it('uses the record type table by code, and the pointer’s own display for types it does not know', async () => {
    replyWith(
      bundle([
        crisisPlan({ id: 'RX4-news2', type: { coding: [{ system: 'http://snomed.info/sct', code: '1363501000000100', display: 'Royal College of Physicians NEWS2 chart' }] } }),
        crisisPlan({ id: 'RX4-respect', type: { coding: [{ system: 'http://snomed.info/sct', code: '1382601000000107', display: 'anything' }] } }),
      ]),
    );
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers.map((p) => [p.id, p.recordType.label])).toEqual([
      ['RX4-respect', 'ReSPECT form'],
      ['RX4-news2', 'Royal College of Physicians NEWS2 chart'],
    ]);
  });

  it('sorts crisis plans first, then by record type, then newest first', async () => {
    const type = (code: string) => ({ type: { coding: [{ system: 'http://snomed.info/sct', code }] } });
    replyWith(
      bundle([
        crisisPlan({ id: 'RX4-eol', ...type('736373009'), date: '2025-09-01T00:00:00Z' }),
        crisisPlan({ id: 'RX4-mhcp-old', date: '2024-01-01T00:00:00Z' }),
        crisisPlan({ id: 'RX4-respect', ...type('1382601000000107') }),
        crisisPlan({ id: 'RX4-mhcp-new', date: '2025-07-01T00:00:00Z' }),
      ]),
    );
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers.map((p) => p.id)).toEqual(['RX4-mhcp-new', 'RX4-mhcp-old', 'RX4-respect', 'RX4-eol']);
  });
});

describe('NRL searchPointers: content items are judged one by one', () => {
  const pdf = () => (crisisPlan().content as Record<string, Record<string, unknown>>[])[0]!;
  const contact = {
    attachment: { contentType: 'text/html', url: 'https://www.rx4.nhs.uk/crisis-team/contact' },
    format: { system: 'https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode', code: 'urn:nhs-ic:record-contact', display: 'Contact details (HTTP Unsecured)' },
    extension: [STABILITY, mechanism('Direct')],
  };

  it.each([
    ['no url', { ...pdf(), attachment: { ...pdf().attachment, url: '' } }],
    ['no content type', { ...pdf(), attachment: { url: 'ssp://x/y.pdf' } }],
    ['a content type that is not a media type', { ...pdf(), attachment: { ...pdf().attachment, contentType: 'pdf' } }],
    ['a format without a code', { ...pdf(), format: { system: 'https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode', display: 'Unstructured Document' } }],
    ['no attachment', { format: pdf().format }],
    ['not an object', 'junk'],
  ])('drops and logs one content item with %s, keeping the pointer and its other content', async (_label, bad) => {
    replyWith(bundle([crisisPlan({ content: [bad, contact] })]));
    const { nrl, log } = client();
    const result = await nrl.searchPointers(NHS, testContext());
    expect(result.skippedEntries).toBe(0);
    expect(result.pointers).toHaveLength(1);
    expect(result.pointers[0]!.contents).toEqual([expect.objectContaining({ formatCode: 'urn:nhs-ic:record-contact' })]);
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('content item'),
      expect.objectContaining({ index: 0, id: 'RX4-mhcp-000123', content: 0, issues: expect.any(String) }),
    );
  });

  it('skips, counts and logs a pointer when no content item is usable', async () => {
    const noUrl = { ...pdf(), attachment: { ...pdf().attachment, url: '' } };
    const noFormat = { ...pdf(), format: { display: 'Unstructured Document' } };
    replyWith(bundle([crisisPlan({ id: 'RX4-good' }), crisisPlan({ id: 'RX4-empty', content: [noUrl, noFormat] })]));
    const { nrl, log } = client();
    const result = await nrl.searchPointers(NHS, testContext());
    expect(result.pointers.map((p) => p.id)).toEqual(['RX4-good']);
    expect(result.skippedEntries).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('content item'), expect.objectContaining({ id: 'RX4-empty', content: 0 }));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('content item'), expect.objectContaining({ id: 'RX4-empty', content: 1 }));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('no usable content'), { index: 1, id: 'RX4-empty' });
  });

  it('never logs the content’s values (URLs may carry identifiers)', async () => {
    const secret = 'ssp://records.example/9990000018/plan.pdf';
    replyWith(bundle([crisisPlan({ content: [{ ...pdf(), attachment: { contentType: 'not a type', url: secret } }, contact] })]));
    const { nrl, log } = client();
    await nrl.searchPointers(NHS, testContext());
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.mock.calls)).not.toContain(secret);
    expect(JSON.stringify(log.mock.calls)).not.toContain('not a type');
  });

  it('keeps a content type the app cannot show, after the ones it can show', async () => {
    const image = { ...pdf(), attachment: { contentType: 'image/tiff', url: 'ssp://x/plan.tiff' } };
    replyWith(bundle([crisisPlan({ content: [image, pdf(), contact] })]));
    const { nrl, log } = client();
    const { pointers } = await nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.contents.map((c) => c.contentType)).toEqual(['application/pdf', 'text/html', 'image/tiff']);
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps a content item whose extensions it cannot read, without stability or mechanism', async () => {
    replyWith(bundle([crisisPlan({ content: [{ ...pdf(), extension: [{ url: 7 }, 'junk', STABILITY] }] })]));
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.contents[0]).toMatchObject({ stability: 'static', retrievalMechanism: undefined });
  });
});

describe('NRL searchPointers: record type and owning organisation', () => {
  it.each([
    ['another system', 'https://example.org/local-types'],
    ['the NICIP system', 'https://nicip.nhs.uk'],
    ['no system', undefined],
  ])('does not take a crisis plan code in %s for a crisis plan', async (_label, system) => {
    replyWith(bundle([crisisPlan({ type: { coding: [{ system, code: '736253002', display: 'Local plan' }] } })]));
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.recordType).toEqual({ code: `${system ?? ''}|736253002`, display: 'Local plan', label: 'Local plan', rank: 100 });
  });

  it('uses the SNOMED coding when a producer sends another one first', async () => {
    replyWith(
      bundle([
        crisisPlan({
          type: {
            coding: [
              { system: 'https://example.org/local-types', code: 'MHCP' },
              { system: 'http://snomed.info/sct', code: '736253002', display: 'Mental health crisis plan' },
            ],
          },
        }),
      ]),
    );
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.recordType).toMatchObject({ code: '736253002', rank: 0 });
  });

  // consumer.yaml read example: author value `Organization/Y05868`, custodian `Y05868`.
  it.each([
    ['RX4', 'RX4'],
    [' rx4 ', 'rx4'],
    ['Organization/Y05868', 'Y05868'],
    ['Organization/Y05868/_history/1', undefined],
    ['https://fhir.nhs.uk/Id/ods-organization-code|RX4', undefined],
    ['RX4 crisis team', undefined],
    ['AB', undefined],
  ])('reads author value %j as ODS code %j', async (value, expected) => {
    replyWith(bundle([crisisPlan({ author: [{ identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value } }], custodian: { identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'Y05868' } } })]));
    const { pointers } = await client().nrl.searchPointers(NHS, testContext());
    expect(pointers[0]!.authorOds).toBe(expected);
    expect(owningOrganisationOds(pointers[0]!)).toBe(expected ?? 'Y05868');
  });
});

describe('NRL searchPointers: failures', () => {
  it.each([
    {
      name: '400 INVALID_NHS_NUMBER',
      reply: () => outcomeResponse(400, 'INVALID_NHS_NUMBER', 'A valid NHS number is required to search for document references'),
      kind: 'rejected' as const,
      status: 400,
      code: 'INVALID_NHS_NUMBER',
    },
    {
      name: '400 PRECONDITION_FAILED (missing ODS header)',
      reply: () => outcomeResponse(400, 'PRECONDITION_FAILED', 'The NHSD-End-User-Organisation-ODS header is missing or invalid'),
      kind: 'rejected' as const,
      code: 'PRECONDITION_FAILED',
    },
    {
      name: '403 PRECONDITION_FAILED (onboarding)',
      reply: () => outcomeResponse(403, 'PRECONDITION_FAILED'),
      kind: 'forbidden' as const,
      code: 'PRECONDITION_FAILED',
    },
    { name: '404 NO_RECORD_FOUND', reply: () => outcomeResponse(404, 'NO_RECORD_FOUND'), kind: 'not-found' as const, code: 'NO_RECORD_FOUND' },
    ...TRANSPORT_AND_STATUS_FAILURES,
    ...MALFORMED_JSON_REPLIES,
    {
      name: 'a Bundle whose entry is not a list',
      reply: () => fhirJson({ resourceType: 'Bundle', type: 'searchset', total: 1, entry: { resource: crisisPlan() } }),
      kind: 'malformed' as const,
      detail: /entry/,
    },
    {
      name: 'a Bundle with a negative total',
      reply: () => fhirJson({ resourceType: 'Bundle', total: -1 }),
      kind: 'malformed' as const,
      detail: /total/,
    },
  ])('$name → $kind', async (failure) => {
    server.use(http.post(SEARCH, () => failure.reply()));
    await expectFailure(client(undefined, TEST_TIMEOUT_MS).nrl.searchPointers(NHS, testContext()), 'nrl', failure);
  });
});
