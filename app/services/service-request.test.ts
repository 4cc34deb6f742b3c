import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { RecordAccess, ServiceAccess } from '../domain/access-event';
import type { NhsNumber } from '../domain/nhs-number';
import { findOutcomeSummary, normaliseSpineCode, type OutcomeSummary } from './operation-outcome';
import { isTemporary } from '../queries/offline-policy';
import { callService, ERROR_BODY_LIMIT_BYTES, kindForReply, parseRetryAfter, serviceUrl, type ServiceCall } from './service-request';
import { CORRELATION_ID, operationOutcome, testContext, serviceFailure as failure } from '../test-support/services';
import type { Transport } from './transport';

const Thing = z.object({ resourceType: z.literal('Thing'), count: z.number() });

function call(transport: Transport, overrides: Partial<ServiceCall<unknown>> = {}): Promise<unknown> {
  return callService({
    service: 'nrl',
    transport,
    context: testContext(),
    method: 'GET',
    url: 'https://gw.test/thing',
    requestId: 'req-1',
    read: (reply) => reply.json(Thing),
    ...overrides,
  });
}

const reply =
  (body: BodyInit | null, init: ResponseInit = {}): Transport =>
  async () =>
    new Response(body, init);

describe('callService', () => {
  it('returns what the reader makes of a 2xx reply', async () => {
    const json = reply(JSON.stringify({ resourceType: 'Thing', count: 2 }), { headers: { 'Content-Type': 'application/json' } });
    await expect(call(json)).resolves.toEqual({ resourceType: 'Thing', count: 2 });
  });

  it.each(['application/fhir+json;version=1', 'application/json; charset=utf-8', 'application/json+fhir'])(
    'accepts %s as JSON',
    async (contentType) => {
      const json = reply(JSON.stringify({ resourceType: 'Thing', count: 1 }), { headers: { 'Content-Type': contentType } });
      await expect(call(json)).resolves.toMatchObject({ count: 1 });
    },
  );

  it('times out even when the transport ignores the abort signal', async () => {
    const never: Transport = () => new Promise<Response>(() => undefined);
    const error = await failure(call(never, { timeoutMs: 20 }));
    expect(error).toMatchObject({ kind: 'timeout', service: 'nrl', requestId: 'req-1' });
    expect(isTemporary(error)).toBe(true);
  });

  it('times out while a slow body is still arriving', async () => {
    const slowBody: Transport = async () =>
      new Response(new ReadableStream({ start: () => undefined }), { headers: { 'Content-Type': 'application/json' } });
    expect((await failure(call(slowBody, { timeoutMs: 20 }))).kind).toBe('timeout');
  });

  it('passes an abort signal to the transport and fires it on timeout', async () => {
    let seen: AbortSignal | undefined;
    const hanging: Transport = (request) => {
      seen = request.signal;
      return new Promise<Response>(() => undefined);
    };
    await failure(call(hanging, { timeoutMs: 20 }));
    expect(seen?.aborted).toBe(true);
  });

  it('does not send at all when the context is already cancelled', async () => {
    let sent = 0;
    const counting: Transport = async () => {
      sent += 1;
      return new Response('{}');
    };
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(call(counting, { context: testContext({ signal: controller.signal }) })).rejects.toThrow('gone');
    expect(sent).toBe(0);
  });

  it('maps a thrown transport error to network, with the cause kept for the logs', async () => {
    const offline: Transport = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(call(offline));
    expect(error).toMatchObject({ kind: 'network', detail: expect.stringContaining('Failed to fetch') });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('maps a connection lost while reading the body to network', async () => {
    const broken: Transport = async () =>
      new Response(
        new ReadableStream({
          start: (controller) => controller.error(new TypeError('terminated')),
        }),
        { headers: { 'Content-Type': 'application/json' } },
      );
    expect((await failure(call(broken))).kind).toBe('network');
  });

  it('maps an unexpected exception in the reader to malformed', async () => {
    const json = reply('{}', { headers: { 'Content-Type': 'application/json' } });
    const error = await failure(
      call(json, {
        read: async () => {
          throw new RangeError('bad date');
        },
      }),
    );
    expect(error.kind).toBe('malformed');
  });

  it('summarises schema issues without quoting the values', async () => {
    const json = reply(JSON.stringify({ resourceType: 'Thing', count: 'Jane Smith' }), { headers: { 'Content-Type': 'application/json' } });
    const error = await failure(call(json));
    expect(error.kind).toBe('malformed');
    expect(error.detail).toMatch(/count: .*number/);
    expect(error.detail).not.toContain('Jane Smith');
  });

  it('keeps the body out of the detail when JSON is invalid', async () => {
    const bad = reply('{"name": "Jane Smith"', { headers: { 'Content-Type': 'application/json' } });
    const error = await failure(call(bad));
    expect(error.detail).toBe('Reply is not valid JSON');
  });

  it('treats a 2xx without a JSON content type as malformed', async () => {
    const untyped = reply(JSON.stringify({ resourceType: 'Thing', count: 1 }), { headers: { 'Content-Type': 'text/plain' } });
    expect((await failure(call(untyped))).kind).toBe('malformed');
  });

  it('puts the Spine code and diagnostics of an OperationOutcome into the error', async () => {
    const body = JSON.stringify(operationOutcome('INVALID_NHS_NUMBER', 'A valid NHS number is required to search for document references'));
    const error = await failure(call(reply(body, { status: 400, headers: { 'Content-Type': 'application/fhir+json' } })));
    expect(error).toMatchObject({
      kind: 'rejected',
      status: 400,
      code: 'INVALID_NHS_NUMBER',
      requestId: 'req-1',
      detail: 'HTTP 400 INVALID_NHS_NUMBER: A valid NHS number is required to search for document references',
    });
  });

  it('reads an OperationOutcome even when the error reply is not labelled JSON', async () => {
    const body = JSON.stringify(operationOutcome('ACCESS_DENIED'));
    const error = await failure(call(reply(body, { status: 403, headers: { 'Content-Type': 'text/plain' } })));
    expect(error.code).toBe('ACCESS_DENIED');
  });

  it('refuses to build a request for a URL that cannot be parsed, without sending', async () => {
    let sent = false;
    const error = await failure(
      call(
        async () => {
          sent = true;
          return new Response();
        },
        { url: 'not a url' },
      ),
    );
    expect(error.kind).toBe('rejected');
    expect(sent).toBe(false);
  });

  it('reports the request to the context before it is sent', async () => {
    const context = testContext();
    let reportedBeforeSend = false;
    const json: Transport = async () => {
      reportedBeforeSend = context.sent.length === 1;
      return new Response(JSON.stringify({ resourceType: 'Thing', count: 0 }), { headers: { 'Content-Type': 'application/json' } });
    };
    await call(json, { context, method: 'POST', body: '{}' });
    expect(reportedBeforeSend).toBe(true);
    expect(context.sent[0]).toMatchObject({ service: 'nrl', method: 'POST', url: 'https://gw.test/thing', requestId: 'req-1' });
    expect(Date.parse(context.sent[0]!.sentAt)).not.toBeNaN();
  });
});

describe('callService: access recorded before the reply is used (DESIGN.md rule 6)', () => {
  const NHS = '9990000018' as NhsNumber;
  const json = reply(JSON.stringify({ resourceType: 'Thing', count: 2 }), { headers: { 'Content-Type': 'application/json' } });
  const recorder = (fail = false) => {
    const recorded: ServiceAccess[] = [];
    const record: RecordAccess = async (access) => {
      if (fail) throw new Error('QuotaExceededError');
      recorded.push(access);
    };
    return { recorded, record };
  };

  it('records the answer, with its status and the request sent, before the reader runs', async () => {
    const { recorded, record } = recorder();
    let recordedWhenRead = -1;
    await call(json, {
      access: { record, action: 'pointer-search', nhsNumber: NHS },
      read: async (r) => {
        recordedWhenRead = recorded.length;
        return r.json(Thing);
      },
    });
    expect(recordedWhenRead).toBe(1);
    expect(recorded).toEqual([
      expect.objectContaining({
        action: 'pointer-search',
        nhsNumber: NHS,
        correlationId: CORRELATION_ID,
        request: { method: 'GET', url: 'https://gw.test/thing', requestId: 'req-1' },
        outcome: expect.objectContaining({ kind: 'answered', status: 200 }),
      }),
    ]);
  });

  it('records an error status once, and still reports the error', async () => {
    const { recorded, record } = recorder();
    const error = await failure(call(reply(null, { status: 503 }), { access: { record, action: 'patient-read', nhsNumber: NHS } }));
    expect(error.kind).toBe('unavailable');
    expect(recorded.map((r) => r.outcome)).toEqual([expect.objectContaining({ kind: 'answered', status: 503 })]);
  });

  it('does not use an answer whose access could not be recorded', async () => {
    const { record } = recorder(true);
    let read = false;
    const error = await failure(
      call(json, {
        access: { record, action: 'patient-read', nhsNumber: NHS },
        read: async () => {
          read = true;
          return 'data';
        },
      }),
    );
    expect(error.kind).toBe('not-recorded');
    expect(isTemporary(error)).toBe(true);
    expect(read).toBe(false);
  });

  it('records a request that got no answer', async () => {
    const { recorded, record } = recorder();
    const offline: Transport = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(call(offline, { access: { record, action: 'document-retrieval', nhsNumber: NHS, pointerId: 'RX4-1' } }));
    expect(error.kind).toBe('network');
    expect(recorded).toEqual([expect.objectContaining({ pointerId: 'RX4-1', outcome: expect.objectContaining({ kind: 'no-answer', reason: 'network' }) })]);
  });

  it('does not count a slow write on the device against the service’s time', async () => {
    const slowRecord: RecordAccess = () => new Promise((resolve) => setTimeout(resolve, 300));
    // A body that only starts to arrive once it is read, 40 ms later: a plan still downloading.
    const streaming: Transport = async () =>
      new Response(
        new ReadableStream(
          {
            async pull(controller) {
              await new Promise((resolve) => setTimeout(resolve, 40));
              controller.enqueue(new TextEncoder().encode(JSON.stringify({ resourceType: 'Thing', count: 2 })));
              controller.close();
            },
          },
          { highWaterMark: 0 },
        ),
        { headers: { 'Content-Type': 'application/json' } },
      );
    await expect(call(streaming, { timeoutMs: 200, access: { record: slowRecord, action: 'patient-read', nhsNumber: NHS } })).resolves.toEqual({
      resourceType: 'Thing',
      count: 2,
    });
  });

  it('records a timed-out request as no answer: timeout', async () => {
    const { recorded, record } = recorder();
    const never: Transport = () => new Promise(() => undefined);
    const error = await failure(call(never, { timeoutMs: 20, access: { record, action: 'patient-read', nhsNumber: NHS } }));
    expect(error.kind).toBe('timeout');
    expect(recorded.map((r) => r.outcome)).toEqual([expect.objectContaining({ kind: 'no-answer', reason: 'timeout' })]);
  });
});

describe('kindForReply', () => {
  const spine = (code: string): OutcomeSummary => ({ code, diagnostics: undefined, issueCodes: ['not-found'] });
  const hapi: OutcomeSummary = { code: undefined, diagnostics: 'HAPI-2001: Resource Organization/XXX is not known', issueCodes: ['processing'] };
  const fhirNotFound: OutcomeSummary = { code: undefined, diagnostics: undefined, issueCodes: ['not-found'] };

  it.each([
    [400, undefined, 'rejected'],
    [401, spine('ACCESS_DENIED'), 'unauthorised'],
    [403, spine('ACCESS_DENIED'), 'forbidden'],
    [405, undefined, 'rejected'],
    [408, spine('UNABLE_TO_CALL_SERVICE'), 'unavailable'],
    [409, undefined, 'rejected'],
    [429, spine('TOO_MANY_REQUESTS'), 'rate-limited'],
    [500, spine('INTERNAL_SERVER_ERROR'), 'unavailable'],
    [502, undefined, 'unavailable'],
    [503, undefined, 'unavailable'],
    [504, undefined, 'unavailable'],
  ] as const)('%i → %s whoever answers', (status, outcome, kind) => {
    for (const service of ['pds', 'nrl', 'ssp', 'ods', 'audit', 'contact-page'] as const) expect(kindForReply(service, status, outcome)).toBe(kind);
  });

  // Issue 7 point 3: only the service's own documented word means "not there".
  it.each([
    ['pds', 404, spine('RESOURCE_NOT_FOUND'), 'not-found'],
    ['pds', 404, spine('INVALIDATED_RESOURCE'), 'invalidated'],
    ['pds', 410, spine('RESOURCE_NOT_FOUND'), 'not-found'],
    ['pds', 404, undefined, 'misrouted'],
    ['pds', 404, spine('NO_RECORD_FOUND'), 'misrouted'],
    ['pds', 404, spine('FAILURE_TO_PROCESS_MESSAGE'), 'misrouted'],
    ['pds', 404, fhirNotFound, 'misrouted'],
    ['pds', 404, hapi, 'misrouted'],
    ['pds', 410, undefined, 'misrouted'],
    ['nrl', 404, spine('NO_RECORD_FOUND'), 'not-found'],
    ['nrl', 404, spine('RESOURCE_NOT_FOUND'), 'not-found'],
    ['nrl', 404, undefined, 'misrouted'],
    ['nrl', 404, spine('FAILURE_TO_PROCESS_MESSAGE'), 'misrouted'],
    ['nrl', 404, fhirNotFound, 'misrouted'],
    ['ssp', 404, spine('NO_RECORD_FOUND'), 'not-found'],
    ['ssp', 404, fhirNotFound, 'not-found'],
    ['ssp', 404, undefined, 'misrouted'],
    ['ods', 404, hapi, 'not-found'],
    ['ods', 404, fhirNotFound, 'not-found'],
    ['ods', 404, undefined, 'misrouted'],
    ['audit', 404, hapi, 'not-found'],
    ['audit', 404, undefined, 'misrouted'],
    ['contact-page', 404, undefined, 'not-found'],
    ['contact-page', 410, undefined, 'not-found'],
  ] as const)('%s %i %j → %s', (service, status, outcome, kind) => {
    expect(kindForReply(service, status, outcome)).toBe(kind);
  });
});

describe('a 404 that is not the service’s own word (issue 7 point 3)', () => {
  const notFoundOutcome = JSON.stringify(operationOutcome('RESOURCE_NOT_FOUND', 'Resource not found'));
  const pds = (transport: Transport) => failure(call(transport, { service: 'pds' }));

  it.each([
    ['a proxy’s HTML page', reply('<html><body><h1>404 Not Found</h1></body></html>', { status: 404, headers: { 'Content-Type': 'text/html' } })],
    ['an empty body', reply(null, { status: 404 })],
    ['plain text', reply('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain' } })],
    ['a gateway’s own JSON', reply('{"message":"no Route matched with those values"}', { status: 404, headers: { 'Content-Type': 'application/json' } })],
    ['PDS’s outcome sent as an HTML page', reply(notFoundOutcome, { status: 404, headers: { 'Content-Type': 'text/html' } })],
  ])('reads %s as could not be reached as set up, not as no such patient', async (_label, transport) => {
    const error = await pds(transport);
    expect(error.kind).toBe('misrouted');
    expect(isTemporary(error)).toBe(false);
    expect(error.detail).toMatch(/HTTP 404/);
  });

  it('reads PDS’s own RESOURCE_NOT_FOUND outcome as no such patient', async () => {
    const error = await pds(reply(notFoundOutcome, { status: 404, headers: { 'Content-Type': 'application/fhir+json' } }));
    expect(error).toMatchObject({ kind: 'not-found', code: 'RESOURCE_NOT_FOUND' });
  });

  it('reads no more of an endless error page than its small limit, and still goes on the status', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new TextEncoder().encode('x'.repeat(16 * 1024)));
      },
    });
    const error = await failure(call(async () => new Response(endless, { status: 503, headers: { 'Content-Type': 'text/html' } }), { timeoutMs: 5_000 }));
    expect(error).toMatchObject({ kind: 'unavailable', status: 503 });
    expect(sent).toBeLessThanOrEqual(ERROR_BODY_LIMIT_BYTES + 3 * 16 * 1024);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T03:00:00Z');
  it.each([
    ['7', 7],
    [' 120 ', 120],
    ['Wed, 25 Nov 2026 03:00:30 GMT', 30],
    ['Wed, 25 Nov 2026 02:59:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
  ] as const)('%j → %s', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
  it('is undefined without the header', () => expect(parseRetryAfter(null)).toBeUndefined());
});

describe('findOutcomeSummary', () => {
  it.each([
    'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode',
    'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode',
    'https://fhir.nhs.uk/ValueSet/Spine-ErrorOrWarningCode-1',
    'https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1',
  ])('reads the code in system %s', (system) => {
    expect(findOutcomeSummary(operationOutcome('NO_RECORD_FOUND', 'gone', system))).toEqual({ code: 'NO_RECORD_FOUND', diagnostics: 'gone', issueCodes: ['processing'] });
  });

  it('prefers a Spine coding over another one', () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [
        {
          details: {
            coding: [
              { system: 'http://example.org/local', code: 'LOCAL' },
              { system: 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode', code: 'ACCESS_DENIED' },
            ],
          },
        },
      ],
    };
    expect(findOutcomeSummary(outcome)?.code).toBe('ACCESS_DENIED');
  });

  it('reads a HAPI outcome with diagnostics and no coding', () => {
    const hapi = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics: 'HAPI-2001: Resource Organization/XXX is not known' }] };
    expect(findOutcomeSummary(hapi)).toEqual({ code: undefined, diagnostics: 'HAPI-2001: Resource Organization/XXX is not known', issueCodes: ['processing'] });
  });

  it('joins the diagnostics of several issues', () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [{ diagnostics: 'Invalid query parameter (_count: extra)' }, { diagnostics: 'Invalid query parameter (_sort: extra)' }],
    };
    expect(findOutcomeSummary(outcome)?.diagnostics).toBe('Invalid query parameter (_count: extra) | Invalid query parameter (_sort: extra)');
  });

  it.each([null, 'text', { resourceType: 'Bundle' }, { resourceType: 'OperationOutcome', issue: 'x' }])('ignores %j', (body) => {
    expect(findOutcomeSummary(body)).toBeUndefined();
  });

  it.each([
    ['ACCESS DENIED', 'ACCESS_DENIED'],
    ['ACCESS_DENIED', 'ACCESS_DENIED'],
    [' access denied ', 'ACCESS_DENIED'],
  ])('normalises %j to %s', (code, normal) => {
    expect(normaliseSpineCode(code)).toBe(normal);
  });
});

describe('serviceUrl', () => {
  it.each([
    ['https://gw.test/pds', 'Patient/1', 'https://gw.test/pds/Patient/1'],
    ['https://gw.test/pds/', 'Patient/1', 'https://gw.test/pds/Patient/1'],
    ['https://gw.test/pds//', '/Patient/1', 'https://gw.test/pds/Patient/1'],
  ])('%s + %s', (base, path, url) => {
    expect(serviceUrl(base, path)).toBe(url);
  });
});
