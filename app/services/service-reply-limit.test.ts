import { describe, expect, it } from 'vitest';
import { describeServiceError } from './service-error-messages';
import { callService, REPLY_BYTE_LIMITS, type ServiceCall } from './service-request';
import { testContext, serviceFailure as failure } from '../test-support/services';
import type { Transport } from './transport';

const CHUNK = 64 * 1024;

/** Far more than any limit tested here (so a reader with no limit reads it all and the test fails). */
const HUGE = 32 * 1024 * 1024;

/** A 32 MB body made as it is pulled, counting what the reader pulled and whether it was cancelled. */
function endlessBody(headers: HeadersInit = { 'content-type': 'application/json' }) {
  const seen = { bytesPulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.bytesPulled >= HUGE) {
        controller.close();
        return;
      }
      seen.bytesPulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const transport: Transport = async () => new Response(stream, { headers });
  return { seen, transport };
}

function call<T>(transport: Transport, read: ServiceCall<T>['read'], overrides: Partial<ServiceCall<T>> = {}): Promise<T> {
  return callService({ service: 'ssp', transport, context: testContext(), method: 'GET', url: 'https://gw.test/doc', read, ...overrides });
}

describe('ServiceReply byte limit', () => {
  it('stops reading a body as soon as it passes the limit, cancels it, and says it is too large', async () => {
    const { seen, transport } = endlessBody();
    const error = await failure(call(transport, (reply) => reply.bytes(), { maxBytes: 256 * 1024 }));
    expect(error.kind).toBe('too-large');
    expect(error.limitBytes).toBe(256 * 1024);
    expect(seen.cancelled).toBe(true);
    // Never more than one chunk past the limit was pulled (the stream may queue one ahead).
    expect(seen.bytesPulled).toBeLessThanOrEqual(256 * 1024 + 2 * CHUNK);
    expect(describeServiceError(error)).toMatch(/larger than this device can safely open/);
  });

  it.each([
    ['text', (reply: Parameters<ServiceCall<unknown>['read']>[0]) => reply.text()],
    ['jsonValue', (reply: Parameters<ServiceCall<unknown>['read']>[0]) => reply.jsonValue()],
  ] as const)('applies the same limit to %s', async (_name, read) => {
    const { seen, transport } = endlessBody();
    const error = await failure(call(transport, read, { maxBytes: 128 * 1024 }));
    expect(error.kind).toBe('too-large');
    expect(seen.cancelled).toBe(true);
  });

  it('uses the service’s own limit when the call sets none', async () => {
    const { seen, transport } = endlessBody();
    const error = await failure(call(transport, (reply) => reply.bytes(), { service: 'pds' }));
    expect(error).toMatchObject({ service: 'pds', kind: 'too-large', limitBytes: REPLY_BYTE_LIMITS.pds });
    expect(seen.bytesPulled).toBeLessThanOrEqual(REPLY_BYTE_LIMITS.pds + 2 * CHUNK);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const { seen, transport } = endlessBody({ 'content-type': 'application/pdf', 'content-length': String(50 * 1024 * 1024) });
    const error = await failure(call(transport, (reply) => reply.bytes(), { maxBytes: 1024 * 1024 }));
    expect(error.kind).toBe('too-large');
    expect(error.detail).toMatch(/Content-Length/);
    expect(seen.cancelled).toBe(true);
    // Only what the stream queued on creation, if anything: nothing was read.
    expect(seen.bytesPulled).toBeLessThanOrEqual(CHUNK);
  });

  it('reads a body in many chunks up to the limit whole and in order', async () => {
    const parts = ['{"resourceType":', '"Thing",', '"count":', '3}'];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    });
    const exact = parts.join('').length;
    const value = await call(async () => new Response(stream, { headers: { 'content-type': 'application/json' } }), (reply) => reply.jsonValue(), {
      maxBytes: exact,
    });
    expect(value).toEqual({ resourceType: 'Thing', count: 3 });
  });

  it('drops a byte-order mark from text, as Response.text() does', async () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>Crisis line</p>')]);
    const text = await call(async () => new Response(body, { headers: { 'content-type': 'text/html' } }), (reply) => reply.text());
    expect(text).toBe('<p>Crisis line</p>');
  });
});
