import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { NhsNumber } from '../domain/nhs-number';
import { FORMAT_RECORD_CONTACT, FORMAT_STRUCTURED, FORMAT_UNSTRUCTURED, type Pointer, type PointerContent } from '../domain/pointer';
import { recordTypeFor, SNOMED_SYSTEM } from '../domain/record-types';
import { createDocumentClient, SSP_INTERACTION_ID, sspUrl } from './document-client';
import { ServiceError } from './service-error';
import {
  CORRELATION_ID,
  expectFailure,
  TEST_TIMEOUT_MS,
  testContext,
  TRANSPORT_AND_STATUS_FAILURES,
  startMswServer,
  UUID,
  type FailureCase,
} from '../test-support/services';
import { fetchTransport } from './transport';

const SSP = 'https://gw.test/ssp';
const PLAN_URL = 'ssp://nrl-rx4.supplier.thirdparty.nhs.uk/RX4/plans/abc.pdf';
const PROXIED = `${SSP}/https%3A%2F%2Fnrl-rx4.supplier.thirdparty.nhs.uk%2FRX4%2Fplans%2Fabc.pdf`;
const PDF_BYTES = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF');
const server = startMswServer();

const documents = createDocumentClient({ transport: fetchTransport, sspBaseUrl: SSP, fromAsid: '200000001234', timeoutMs: 1_000 });

const pdfContent: PointerContent = {
  contentType: 'application/pdf',
  url: PLAN_URL,
  title: 'Crisis plan',
  creation: undefined,
  formatCode: FORMAT_UNSTRUCTURED,
  stability: 'static',
  retrievalMechanism: 'SSP',
};

const pointer: Pointer = {
  id: 'RX4-mhcp-000123',
  subjectNhsNumber: '9990000018' as NhsNumber,
  recordType: recordTypeFor({ system: SNOMED_SYSTEM, code: '736253002', display: 'Mental health crisis plan' }),
  date: '2025-06-01T10:00:00Z',
  authorOds: 'RX4',
  custodianOds: 'RX4',
  practiceSetting: undefined,
  providerAsid: '200000000610',
  contents: [pdfContent],
};

function content(overrides: Partial<PointerContent>): PointerContent {
  return { ...pdfContent, ...overrides };
}

function sspReplies(body: BodyInit | null, headers: HeadersInit = {}, status = 200): Request[] {
  const seen: Request[] = [];
  server.use(
    http.get(`${SSP}/:target`, ({ request }) => {
      seen.push(request);
      return new HttpResponse(body, { status, headers });
    }),
  );
  return seen;
}

describe('sspUrl', () => {
  it('percent-encodes the https form of the pointer URL as one path segment (§2.1)', () => {
    expect(sspUrl(SSP, PLAN_URL)).toBe(PROXIED);
    expect(sspUrl(`${SSP}/`, 'SSP://host.nhs.uk/a b?x=1')).toBe(`${SSP}/https%3A%2F%2Fhost.nhs.uk%2Fa%20b%3Fx%3D1`);
  });
});

describe('getDocument via SSP: the request', () => {
  it('sends the Ssp headers with a fresh trace id and the provider ASID', async () => {
    const seen = sspReplies(PDF_BYTES, { 'Content-Type': 'application/pdf' });
    await documents.getDocument(pointer, pdfContent, testContext());
    await documents.getDocument(pointer, pdfContent, testContext());

    const [first, second] = seen as [Request, Request];
    expect(first.url).toBe(PROXIED);
    expect(first.method).toBe('GET');
    expect(first.headers.get('Ssp-TraceID')).toMatch(UUID);
    expect(second.headers.get('Ssp-TraceID')).not.toBe(first.headers.get('Ssp-TraceID'));
    expect(first.headers.get('Ssp-From')).toBe('200000001234');
    expect(first.headers.get('Ssp-To')).toBe('200000000610');
    expect(first.headers.get('Ssp-InteractionID')).toBe(SSP_INTERACTION_ID);
    expect(first.headers.get('X-Correlation-ID')).toBe(CORRELATION_ID);
  });

  it('reports the trace id to the context before sending, for the audit trail', async () => {
    const seen = sspReplies(PDF_BYTES, { 'Content-Type': 'application/pdf' });
    const context = testContext();
    await documents.getDocument(pointer, pdfContent, context);
    expect(context.sent).toEqual([
      expect.objectContaining({ service: 'ssp', method: 'GET', url: PROXIED, requestId: seen[0]!.headers.get('Ssp-TraceID') }),
    ]);
  });

  it('carries the trace id on a failure too', async () => {
    const seen = sspReplies('Provider unavailable', { 'Content-Type': 'text/plain' }, 502);
    const error = await expectFailure(documents.getDocument(pointer, pdfContent, testContext()), 'ssp', {
      name: '',
      reply: () => new HttpResponse(),
      kind: 'unavailable',
      status: 502,
    });
    expect(error.requestId).toBe(seen[0]!.headers.get('Ssp-TraceID'));
  });

  it('leaves Ssp-From to the gateway when no ASID is configured', async () => {
    const seen = sspReplies(PDF_BYTES, { 'Content-Type': 'application/pdf' });
    const client = createDocumentClient({ transport: fetchTransport, sspBaseUrl: SSP });
    await client.getDocument(pointer, pdfContent, testContext());
    expect(seen[0]!.headers.has('Ssp-From')).toBe(false);
    expect(seen[0]!.headers.get('Ssp-To')).toBe('200000000610');
  });

  it('refuses without a request when the pointer has no provider ASID', async () => {
    const seen = sspReplies(PDF_BYTES, { 'Content-Type': 'application/pdf' });
    const context = testContext();
    const error = await expectFailure(documents.getDocument({ ...pointer, providerAsid: undefined }, pdfContent, context), 'ssp', {
      name: '',
      reply: () => new HttpResponse(),
      kind: 'unsupported',
    });
    expect(error.detail).toBe('no provider ASID (SDS lookup not implemented)');
    expect(seen).toHaveLength(0);
    expect(context.sent).toHaveLength(0);
  });
});

describe('getDocument via SSP: the reply', () => {
  it('returns PDF bytes', async () => {
    sspReplies(PDF_BYTES, { 'Content-Type': 'application/pdf' });
    const document = await documents.getDocument(pointer, pdfContent, testContext());
    expect(document.kind).toBe('pdf');
    if (document.kind !== 'pdf') return;
    expect(document.bytes).toBeInstanceOf(Uint8Array);
    expect([...document.bytes]).toEqual([...PDF_BYTES]);
    expect(document.contentType).toBe('application/pdf');
  });

  it('returns HTML as text', async () => {
    sspReplies('<h1>Crisis plan</h1>', { 'Content-Type': 'text/html; charset=utf-8' });
    await expect(documents.getDocument(pointer, content({ contentType: 'text/html', formatCode: FORMAT_STRUCTURED }), testContext())).resolves.toEqual({
      kind: 'html',
      html: '<h1>Crisis plan</h1>',
      contentType: 'text/html',
    });
  });

  it.each(['application/fhir+json', 'application/json', 'application/json+fhir'])('returns a FHIR resource sent as %s', async (type) => {
    const resource = { resourceType: 'CarePlan', id: 'cp1', status: 'active' };
    sspReplies(JSON.stringify(resource), { 'Content-Type': type });
    await expect(documents.getDocument(pointer, content({ contentType: type, formatCode: FORMAT_STRUCTURED }), testContext())).resolves.toEqual({
      kind: 'fhir',
      resource,
      contentType: type,
    });
  });

  it('decides by the reply’s content type over the pointer’s', async () => {
    sspReplies('<p>Plan</p>', { 'Content-Type': 'text/html' });
    const document = await documents.getDocument(pointer, pdfContent, testContext());
    expect(document.kind).toBe('html');
  });

  it.each([['application/octet-stream'], [undefined]])('falls back to the pointer’s type when the reply says %s', async (type) => {
    sspReplies(PDF_BYTES, type ? { 'Content-Type': type } : {});
    const document = await documents.getDocument(pointer, pdfContent, testContext());
    expect(document).toMatchObject({ kind: 'pdf', contentType: 'application/pdf' });
  });

  it.each<[string, BodyInit, string, PointerContent, RegExp]>([
    ['a "PDF" without the %PDF- header', '<html>Sign in</html>', 'application/pdf', pdfContent, /%PDF-/],
    ['an empty PDF', '', 'application/pdf', pdfContent, /%PDF-/],
    ['invalid JSON', '{"resourceType":', 'application/fhir+json', content({ contentType: 'application/fhir+json' }), /JSON/],
    ['a JSON array', '[]', 'application/json', content({ contentType: 'application/json' }), /resourceType/],
    ['JSON without resourceType', '{"id":"x"}', 'application/fhir+json', content({ contentType: 'application/fhir+json' }), /resourceType/],
    ['a numeric resourceType', '{"resourceType":7}', 'application/fhir+json', content({ contentType: 'application/fhir+json' }), /resourceType/],
    [
      'an OperationOutcome with status 200',
      '{"resourceType":"OperationOutcome","issue":[]}',
      'application/fhir+json',
      content({ contentType: 'application/fhir+json' }),
      /OperationOutcome/,
    ],
  ])('treats %s as malformed', async (_label, body, type, item, detail) => {
    sspReplies(body, { 'Content-Type': type });
    await expectFailure(documents.getDocument(pointer, item, testContext()), 'ssp', { name: '', reply: () => new HttpResponse(), kind: 'malformed', detail });
  });
});

describe('getDocument: other routes', () => {
  it('refuses contact-details content: that page is read by the contact page client (§2.2)', async () => {
    const contact = content({ contentType: 'text/html', url: 'https://www.rx4.nhs.uk/contact', formatCode: FORMAT_RECORD_CONTACT, retrievalMechanism: 'Direct' });
    await expectFailure(documents.getDocument(pointer, contact, testContext()), 'ssp', { name: '', reply: () => new HttpResponse(), kind: 'unsupported' });
    const viaSsp = content({ contentType: 'text/html', url: 'ssp://www.rx4.nhs.uk/contact', formatCode: FORMAT_RECORD_CONTACT });
    await expectFailure(documents.getDocument(pointer, viaSsp, testContext()), 'ssp', { name: '', reply: () => new HttpResponse(), kind: 'unsupported' });
  });

  it('names the content type it cannot show, and still fetches one with parameters it can', async () => {
    const error = await expectFailure(documents.getDocument(pointer, content({ contentType: 'Image/TIFF; q=1' }), testContext()), 'ssp', {
      name: '',
      reply: () => new HttpResponse(),
      kind: 'unsupported',
    });
    expect(error.detail).toBe('content type image/tiff cannot be shown in this app');
    sspReplies(PDF_BYTES, { 'Content-Type': 'application/pdf' });
    await expect(documents.getDocument(pointer, content({ contentType: 'application/pdf; charset=binary' }), testContext())).resolves.toMatchObject({ kind: 'pdf' });
  });

  it('fetches a Direct https document with a plain GET and no Ssp headers', async () => {
    const seen: Request[] = [];
    server.use(
      http.get('https://records.rx4.nhs.uk/plans/abc.pdf', ({ request }) => {
        seen.push(request);
        return new HttpResponse(PDF_BYTES, { headers: { 'Content-Type': 'application/pdf' } });
      }),
    );
    const direct = content({ url: 'https://records.rx4.nhs.uk/plans/abc.pdf', retrievalMechanism: 'Direct' });
    const context = testContext();
    await expect(documents.getDocument(pointer, direct, context)).resolves.toMatchObject({ kind: 'pdf' });
    const headerNames = [...seen[0]!.headers.keys()];
    expect(headerNames.filter((name) => name.startsWith('ssp-'))).toEqual([]);
    expect(seen[0]!.headers.has('X-Correlation-ID')).toBe(false);
    expect(context.sent[0]).toMatchObject({ service: 'ssp', url: 'https://records.rx4.nhs.uk/plans/abc.pdf', requestId: undefined });
  });

  it.each<[string, Partial<PointerContent>]>([
    ['LDR', { url: 'https://ndr.nhs.uk/doc/1', retrievalMechanism: 'LDR' }],
    ['InContext', { url: 'https://gmcr.nhs.uk/launch', retrievalMechanism: 'InContext' }],
    ['https without a mechanism', { url: 'https://records.rx4.nhs.uk/plans/abc.pdf', retrievalMechanism: undefined }],
    ['https marked SSP (producers must use ssp://)', { url: 'https://records.rx4.nhs.uk/plans/abc.pdf', retrievalMechanism: 'SSP' }],
    ['plain http marked Direct', { url: 'http://records.rx4.nhs.uk/plans/abc.pdf', retrievalMechanism: 'Direct' }],
    // NRL allows any attachment type (consumer.yaml `Attachment.contentType`); the app shows PDF, HTML and FHIR JSON.
    ['an SSP image the app cannot show', { contentType: 'image/tiff' }],
    ['an SSP XML document', { contentType: 'application/xml' }],
    ['a Direct Word document', { contentType: 'application/msword', url: 'https://records.rx4.nhs.uk/plans/abc.doc', retrievalMechanism: 'Direct' }],
  ])('refuses %s as unsupported without a request', async (_label, overrides) => {
    const context = testContext();
    const error = await documents.getDocument(pointer, content(overrides), context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: 'ssp', kind: 'unsupported' });
    expect(context.sent).toHaveLength(0);
  });
});

describe('getDocument: failures', () => {
  const quick = createDocumentClient({ transport: fetchTransport, sspBaseUrl: SSP, timeoutMs: TEST_TIMEOUT_MS });
  const cases: FailureCase[] = [...TRANSPORT_AND_STATUS_FAILURES];
  it.each(cases)('$name → $kind', async (failure) => {
    server.use(http.get(`${SSP}/:target`, () => failure.reply()));
    await expectFailure(quick.getDocument(pointer, pdfContent, testContext()), 'ssp', failure);
  });

  it.each(cases)('Direct: $name → $kind', async (failure) => {
    server.use(http.get('https://records.rx4.nhs.uk/plans/abc.pdf', () => failure.reply()));
    const direct = content({ url: 'https://records.rx4.nhs.uk/plans/abc.pdf', retrievalMechanism: 'Direct' });
    await expectFailure(quick.getDocument(pointer, direct, testContext()), 'ssp', failure);
  });
});
