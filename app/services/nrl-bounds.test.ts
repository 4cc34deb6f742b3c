import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { OVER_LARGE_BUNDLE_ENTRIES } from '../../mocks/data/scenarios/locator-over-large';
import { createHandlers } from '../../mocks/handlers';
import { chunkedResponse, type ChunkedBody } from '../../mocks/http/chunked-response';
import { TEST_SERVICE_BASES } from '../../mocks/service-bases';
import type { NhsNumber } from '../domain/nhs-number';
import { MAX_POINTERS, createNrlClient } from './nrl-client';
import { describeServiceError } from './service-error-messages';
import { REPLY_BYTE_LIMITS } from './service-request';
import { testContext, serviceFailure as failure } from '../test-support/services';
import type { Transport } from './transport';

const handlers = createHandlers(TEST_SERVICE_BASES);

/** The shared mocks' NRL, its reply re-sent in 64 KB chunks so the bytes the client pulled can be counted. */
function mockedLocator(edit?: (bundle: Record<string, unknown>) => Record<string, unknown>) {
  const replies: { full: number; body: ChunkedBody }[] = [];
  const transport: Transport = async (request) => {
    const answer = await getResponse(handlers, request);
    if (!answer) throw new Error(`no mock for ${request.url}`);
    const bytes = edit
      ? new TextEncoder().encode(JSON.stringify(edit((await answer.json()) as Record<string, unknown>)))
      : new Uint8Array(await answer.arrayBuffer());
    const body = chunkedResponse(bytes, { status: answer.status, headers: answer.headers });
    replies.push({ full: bytes.byteLength, body });
    return body.response;
  };
  const nrl = createNrlClient({ transport, baseUrl: TEST_SERVICE_BASES.nrl, organisationOds: () => 'RX8', timeoutMs: 10_000 });
  return { nrl, replies };
}

const number = (name: keyof typeof SCENARIOS) => SCENARIOS[name].nhsNumber as NhsNumber;

/** `count` copies of the Bundle's first entry under new ids. */
function withEntries(count: number) {
  return (bundle: Record<string, unknown>) => {
    const [first] = bundle['entry'] as { resource: Record<string, unknown> }[];
    const entry = Array.from({ length: count }, (_, i) => ({ resource: { ...first!.resource, id: `RW5-copy-${i}` } }));
    return { ...bundle, total: count, entry };
  };
}

describe('NRL search: bounds on the Bundle (issue 7 point 5)', () => {
  it('refuses a 10,000-entry Bundle within its byte limit, without reading it whole', async () => {
    const { nrl, replies } = mockedLocator();
    const error = await failure(nrl.searchPointers(number('locatorOverLarge'), testContext()));
    expect(error).toMatchObject({ service: 'nrl', kind: 'too-large', limitBytes: REPLY_BYTE_LIMITS.nrl });
    const [{ full, body }] = replies as [(typeof replies)[number]];
    expect(full).toBeGreaterThan(5 * REPLY_BYTE_LIMITS.nrl);
    expect(body.seen.cancelled).toBe(true);
    expect(body.seen.bytesPulled).toBeLessThanOrEqual(REPLY_BYTE_LIMITS.nrl + 64 * 1024);
    expect(describeServiceError(error)).toMatch(/not known whether this patient has a crisis plan/);
    expect(OVER_LARGE_BUNDLE_ENTRIES).toBe(10_000);
  });

  it('refuses a Bundle with more pointers than it may read, and says how many there were', async () => {
    const { nrl } = mockedLocator(withEntries(MAX_POINTERS + 1));
    const error = await failure(nrl.searchPointers(number('planPdf'), testContext()));
    expect(error).toMatchObject({ kind: 'too-large', recordCount: MAX_POINTERS + 1 });
    expect(describeServiceError(error)).toBe(
      'The National Record Locator returned 101 records for this person, more than this app can check at once, so it is not known whether this patient has a crisis plan. If it keeps happening, tell your service desk.',
    );
  });

  it('reads a Bundle of exactly as many pointers as it may', async () => {
    const { nrl } = mockedLocator(withEntries(MAX_POINTERS));
    const search = await nrl.searchPointers(number('planPdf'), testContext());
    expect(search.pointers.length + search.skippedEntries).toBe(MAX_POINTERS);
  });

  it('refuses a Bundle whose total says it holds fewer entries than there are, with the count', async () => {
    const { nrl } = mockedLocator();
    const error = await failure(nrl.searchPointers(number('locatorPartial'), testContext()));
    expect(error).toMatchObject({ service: 'nrl', kind: 'incomplete', recordCount: 4 });
    expect(describeServiceError(error)).toBe(
      'The National Record Locator says it holds 4 records for this person but sent only some of them, so it is not known whether this patient has a crisis plan. Tell your service desk.',
    );
  });

  it('refuses a Bundle with a next link even when its total matches what it holds', async () => {
    const { nrl } = mockedLocator((bundle) => ({ ...bundle, total: (bundle['entry'] as unknown[]).length }));
    const error = await failure(nrl.searchPointers(number('locatorPartial'), testContext()));
    expect(error.kind).toBe('incomplete');
    expect(error.detail).toMatch(/next link/);
  });

  it('refuses a next link with no total, without a count', async () => {
    const { nrl } = mockedLocator(({ total: _total, ...bundle }) => bundle);
    const error = await failure(nrl.searchPointers(number('locatorPartial'), testContext()));
    expect(error).toMatchObject({ kind: 'incomplete', recordCount: undefined });
    expect(describeServiceError(error)).toMatch(/sent only some of the records it holds for this person, so it is not known/);
  });
});
