/**
 * Shared by the service clients' unit tests (never imported by app code): an MSW server per
 * test file, and the failures every client must turn into the right ServiceError.
 */
import { delay, http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ServiceError, type ServiceErrorKind, type ServiceName } from '../services/service-error';
import type { RequestContext, SentRequest } from '../services/transport';

export function startMswServer(): ReturnType<typeof setupServer> {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

export const CORRELATION_ID = 'lookup-5f0c2a51';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A context that also records what the client reported sending. */
export function testContext(overrides: Partial<RequestContext> = {}): RequestContext & { readonly sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  return { correlationId: CORRELATION_ID, onRequest: (request) => sent.push(request), ...overrides, sent };
}

export const SPINE_SYSTEM = 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode';

export function operationOutcome(code: string | undefined, diagnostics?: string, system: string = SPINE_SYSTEM): object {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: 'error',
        code: 'processing',
        ...(code ? { details: { coding: [{ system, code, display: code }] } } : {}),
        ...(diagnostics ? { diagnostics } : {}),
      },
    ],
  };
}

export function outcomeResponse(status: number, code: string | undefined, diagnostics?: string, headers?: HeadersInit): Response {
  return HttpResponse.json(operationOutcome(code, diagnostics), {
    status,
    headers: { 'Content-Type': 'application/fhir+json', ...Object.fromEntries(new Headers(headers)) },
  });
}

export function fhirJson(body: JsonBodyType, status = 200): Response {
  return HttpResponse.json(body, { status, headers: { 'Content-Type': 'application/fhir+json;version=1' } });
}

export interface FailureCase {
  readonly name: string;
  readonly reply: () => Response | Promise<Response>;
  readonly kind: ServiceErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterSeconds?: number;
  readonly detail?: RegExp;
}

/** A timeout short enough for tests; the slow reply below waits far longer. */
export const TEST_TIMEOUT_MS = 40;

/**
 * Failures every client shares: no answer, too slow, each error status with an OperationOutcome
 * in the documented spellings (§1.7, §3), and a bare gateway error.
 */
export const TRANSPORT_AND_STATUS_FAILURES: readonly FailureCase[] = [
  { name: 'network failure', reply: () => HttpResponse.error(), kind: 'network' },
  {
    name: 'no reply in time',
    reply: async () => {
      await delay(2_000);
      return fhirJson({});
    },
    kind: 'timeout',
  },
  {
    name: '400 MISSING_OR_INVALID_HEADER',
    reply: () => outcomeResponse(400, 'MISSING_OR_INVALID_HEADER', 'The X-Request-Id header is missing or invalid'),
    kind: 'rejected',
    status: 400,
    code: 'MISSING_OR_INVALID_HEADER',
    detail: /X-Request-Id header/,
  },
  {
    name: '401 ACCESS_DENIED',
    reply: () => outcomeResponse(401, 'ACCESS_DENIED', 'Invalid access token'),
    kind: 'unauthorised',
    status: 401,
    code: 'ACCESS_DENIED',
  },
  {
    name: '403 ACCESS DENIED (backend spelling)',
    reply: () => outcomeResponse(403, 'ACCESS DENIED', "Your organisation 'RX8' does not have permission"),
    kind: 'forbidden',
    status: 403,
    code: 'ACCESS_DENIED',
  },
  // Not the service's own "not there" (issue 7 point 3): a gateway or proxy could not route it.
  { name: '404 without a body', reply: () => new HttpResponse(null, { status: 404 }), kind: 'misrouted', status: 404 },
  {
    name: '404 HTML page from a proxy',
    reply: () => new HttpResponse('<html><body>Not Found</body></html>', { status: 404, headers: { 'Content-Type': 'text/html' } }),
    kind: 'misrouted',
    status: 404,
    detail: /text\/html/,
  },
  {
    name: '408 UNABLE_TO_CALL_SERVICE',
    reply: () => outcomeResponse(408, 'UNABLE_TO_CALL_SERVICE'),
    kind: 'unavailable',
    status: 408,
    code: 'UNABLE_TO_CALL_SERVICE',
  },
  {
    name: '429 TOO_MANY_REQUESTS with Retry-After',
    reply: () => outcomeResponse(429, 'TOO_MANY_REQUESTS', undefined, { 'Retry-After': '7' }),
    kind: 'rate-limited',
    status: 429,
    code: 'TOO_MANY_REQUESTS',
    retryAfterSeconds: 7,
  },
  {
    name: '500 INTERNAL_SERVER_ERROR (older ValueSet system)',
    reply: () =>
      HttpResponse.json(
        operationOutcome('INTERNAL_SERVER_ERROR', 'Unexpected internal server error', 'https://fhir.nhs.uk/ValueSet/Spine-ErrorOrWarningCode-1'),
        { status: 500 },
      ),
    kind: 'unavailable',
    status: 500,
    code: 'INTERNAL_SERVER_ERROR',
  },
  {
    name: '502 from a gateway with an HTML body',
    reply: () => new HttpResponse('<html><body>Bad gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    kind: 'unavailable',
    status: 502,
    detail: /text\/html/,
  },
  {
    name: '503 with a STU3-system FAILURE_TO_PROCESS_MESSAGE',
    reply: () =>
      HttpResponse.json(
        operationOutcome('FAILURE_TO_PROCESS_MESSAGE', undefined, 'https://fhir.nhs.uk/STU3/CodeSystem/Spine-ErrorOrWarningCode-1'),
        { status: 503 },
      ),
    kind: 'unavailable',
    status: 503,
    code: 'FAILURE_TO_PROCESS_MESSAGE',
  },
];

/** 2xx replies a JSON service cannot read. */
export const MALFORMED_JSON_REPLIES: readonly FailureCase[] = [
  {
    name: 'invalid JSON',
    reply: () => new HttpResponse('{"resourceType": "Bund', { headers: { 'Content-Type': 'application/fhir+json' } }),
    kind: 'malformed',
    detail: /not valid JSON/,
  },
  {
    name: 'the wrong resource',
    reply: () => fhirJson({ resourceType: 'Binary', id: 'x' }),
    kind: 'malformed',
    detail: /resourceType/,
  },
  {
    name: 'an HTML page with status 200 (a gateway login page)',
    reply: () => new HttpResponse('<html></html>', { headers: { 'Content-Type': 'text/html' } }),
    kind: 'malformed',
    detail: /text\/html/,
  },
];

/** The ServiceError `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function serviceFailure(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

/** Asserts that `promise` rejects with the ServiceError a case describes. */
export async function expectFailure(promise: Promise<unknown>, service: ServiceName, expected: FailureCase): Promise<ServiceError> {
  const serviceError = await serviceFailure(promise);
  expect({ service: serviceError.service, kind: serviceError.kind }).toEqual({ service, kind: expected.kind });
  if (expected.status !== undefined) expect(serviceError.status).toBe(expected.status);
  if (expected.code !== undefined) expect(serviceError.code).toBe(expected.code);
  if (expected.retryAfterSeconds !== undefined) expect(serviceError.retryAfterSeconds).toBe(expected.retryAfterSeconds);
  if (expected.detail) expect(serviceError.detail).toMatch(expected.detail);
  return serviceError;
}

/**
 * Answers `method path` with `body` (FHIR JSON) and records each request as sent, cloned so a
 * test can still read its body.
 */
export function replyWith(server: ReturnType<typeof setupServer>, method: 'get' | 'post', path: string, body: JsonBodyType): Request[] {
  const seen: Request[] = [];
  server.use(
    http[method](path, ({ request }) => {
      seen.push(request.clone());
      return fhirJson(body);
    }),
  );
  return seen;
}
