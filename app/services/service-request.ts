import type * as z from 'zod/mini';
import type { AccessAction, AccessOutcome, RecordAccess } from '../domain/access-event';
import type { NhsNumber } from '../domain/nhs-number';
import { isJsonMediaType, mediaTypeOf } from './media-types';
import { findOutcomeSummary, type OutcomeSummary } from './operation-outcome';
import { summariseIssues } from './schema-issues';
import { ServiceError, type ServiceErrorKind, type ServiceName } from './service-error';
import type { RequestContext, Transport } from './transport';

/** Long enough for a slow 3G link, short enough that a crew is not left staring at a spinner. */
export const DEFAULT_TIMEOUT_MS = 15_000;

const MB = 1024 * 1024;

/**
 * The most of a reply body read from each service; past it the body is cancelled, not buffered,
 * and the call fails 'too-large'. Each is many times a real answer: a PDS Patient or ODS
 * Organization is a few KB; an NRL Bundle is about 2 KB a pointer and is capped by count as
 * well (nrl-client.ts); crisis plans are PDFs of a few pages, scans rarely over 10 MB; a contact
 * page is an ordinary web page; an audit history page holds at most a few hundred events.
 */
export const REPLY_BYTE_LIMITS: Readonly<Record<ServiceName, number>> = {
  pds: 1 * MB,
  nrl: 2 * MB,
  ods: 1 * MB,
  ssp: 20 * MB,
  'contact-page': 2 * MB,
  audit: 8 * MB,
};

export interface ServiceCall<T> {
  readonly service: ServiceName;
  readonly transport: Transport;
  readonly context: RequestContext;
  readonly timeoutMs?: number | undefined;
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The `X-Request-ID` or `Ssp-TraceID` sent; carried on every ServiceError for tracing. */
  readonly requestId?: string | undefined;
  /** A public page fetched directly (§2.2): send no cookies and no referrer. */
  readonly anonymous?: boolean;
  /** Turns a 2xx reply into the result; throw `reply.malformed(…)` for anything unreadable. */
  readonly read: (reply: ServiceReply) => Promise<T>;
  /** Set for every call that reads a patient's data: the access is recorded before the reply is used. */
  readonly access?: AccessToRecord | undefined;
  /** The most of the reply body to read; `REPLY_BYTE_LIMITS[service]` when not set. */
  readonly maxBytes?: number | undefined;
}

/** What a client tells `callService` so the access can be recorded (DESIGN.md safety rule 6). */
export interface AccessToRecord {
  readonly record: RecordAccess;
  readonly action: AccessAction;
  /** Undefined only for a search by details ('patient-search'), which sets `query` instead. */
  readonly nhsNumber: NhsNumber | undefined;
  /** A search's terms: the query string as sent. */
  readonly query?: string | undefined;
  readonly pointerId?: string | undefined;
}

/**
 * Sends one request and turns every way it can fail into a ServiceError: no answer (network),
 * no answer in time (timeout), an error status (with the Spine code of its OperationOutcome) or
 * a 2xx that cannot be read (malformed). A cancelled context rejects with the signal's reason.
 *
 * With `access`, every answer is recorded on the device before anything in it is read, and an
 * answer whose access could not be recorded is not used ('not-recorded'): DESIGN.md rule 6.
 * A request with no answer is recorded too, as far as the device can (nothing is shown then).
 */
export async function callService<T>(call: ServiceCall<T>): Promise<T> {
  const { service, context, requestId } = call;
  const outer = context.signal;
  if (outer?.aborted) throw outer.reason;

  const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const arm = (ms: number) =>
    setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException(`No reply within ${timeoutMs} ms`, 'TimeoutError'));
    }, ms);
  const startedAt = Date.now();
  let timer = arm(timeoutMs);
  const forwardAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', forwardAbort, { once: true });

  let phase: 'send' | 'read' = 'send';
  let recordAccess: ((outcome: AccessOutcome) => Promise<void>) | undefined;
  try {
    const request = buildRequest(call, controller.signal);
    const sentAt = new Date().toISOString();
    context.onRequest?.({ service, method: call.method, url: request.url, requestId, correlationId: context.correlationId, sentAt });
    const { access } = call;
    if (access) {
      recordAccess = (outcome) =>
        access.record({
          action: access.action,
          nhsNumber: access.nhsNumber,
          ...(access.query === undefined ? {} : { query: access.query }),
          correlationId: context.correlationId,
          pointerId: access.pointerId,
          occurredAt: sentAt,
          request: { method: call.method, url: request.url, requestId },
          outcome,
        });
    }
    // Raced against the signal as well, because a transport may ignore it (the demo transport).
    const response = await untilAborted(call.transport(request), controller.signal);
    phase = 'read';
    if (recordAccess) {
      const record = recordAccess;
      // Recorded once, whatever happens next: the failure paths below must not record it again.
      recordAccess = undefined;
      // The device's own write does not count against the service's time: a slow first write
      // (storage still loading) must not turn an answer into a timeout.
      clearTimeout(timer);
      const writeStartedAt = Date.now();
      const answeredAt = new Date(writeStartedAt).toISOString();
      try {
        await record({ kind: 'answered', status: response.status, answeredAt });
        // What is left of the service's time, as it was when the write began.
        timer = arm(Math.max(timeoutMs - (writeStartedAt - startedAt), 1));
      } catch (cause) {
        void response.body?.cancel().catch(() => undefined);
        throw new ServiceError({
          service,
          kind: 'not-recorded',
          detail: `Answered HTTP ${response.status}, but the access could not be recorded on this device: ${describeCause(cause)}`,
          status: response.status,
          requestId,
          cause,
        });
      }
    }
    if (!response.ok) throw await untilAborted(errorFromReply(response, service, requestId), controller.signal);
    const reply = new ServiceReply(response, service, requestId, call.maxBytes ?? REPLY_BYTE_LIMITS[service]);
    return await untilAborted(call.read(reply), controller.signal);
  } catch (error) {
    if (recordAccess) {
      // No answer reached the app, so nothing is shown; the attempt is still recorded if it can be.
      const reason = timedOut ? 'timeout' : outer?.aborted ? 'cancelled' : 'network';
      await recordAccess({ kind: 'no-answer', reason, at: new Date().toISOString() }).catch((cause: unknown) =>
        console.warn(`${service}: an unanswered request could not be recorded: ${describeCause(cause)}`),
      );
    }
    if (timedOut) {
      throw new ServiceError({ service, kind: 'timeout', detail: `No reply within ${timeoutMs} ms`, requestId, cause: error });
    }
    if (outer?.aborted) throw outer.reason;
    if (error instanceof ServiceError) throw error;
    if (phase === 'send') {
      throw new ServiceError({ service, kind: 'network', detail: `No answer: ${describeCause(error)}`, requestId, cause: error });
    }
    throw new ServiceError({ service, kind: 'malformed', detail: `Reply could not be read: ${describeCause(error)}`, requestId, cause: error });
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forwardAbort);
  }
}

function buildRequest(call: ServiceCall<unknown>, signal: AbortSignal): Request {
  const init: RequestInit = { method: call.method, signal };
  if (call.headers) init.headers = call.headers;
  if (call.body !== undefined) init.body = call.body;
  if (call.anonymous) {
    init.credentials = 'omit';
    init.referrerPolicy = 'no-referrer';
  }
  try {
    return new Request(call.url, init);
  } catch (cause) {
    throw new ServiceError({
      service: call.service,
      kind: 'rejected',
      detail: `Request could not be built (not sent): ${describeCause(cause)}`,
      requestId: call.requestId,
      cause,
    });
  }
}

/** A 2xx reply, read with the failures it can have already classified. */
export class ServiceReply {
  readonly response: Response;
  readonly service: ServiceName;
  readonly requestId: string | undefined;
  /** The most of the body this reply will read (see REPLY_BYTE_LIMITS). */
  readonly maxBytes: number;

  constructor(response: Response, service: ServiceName, requestId: string | undefined, maxBytes: number = REPLY_BYTE_LIMITS[service]) {
    this.response = response;
    this.service = service;
    this.requestId = requestId;
    this.maxBytes = maxBytes;
  }

  /** The reply's media type without parameters, lower case. */
  get mediaType(): string | undefined {
    return mediaTypeOf(this.response.headers.get('content-type'));
  }

  malformed(detail: string, cause?: unknown): ServiceError {
    return new ServiceError({
      service: this.service,
      kind: 'malformed',
      detail,
      status: this.response.status,
      requestId: this.requestId,
      cause,
    });
  }

  /** The body as UTF-8 text (a BOM dropped, as `Response.text()` does), within `maxBytes`. */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  /**
   * The body, read chunk by chunk and cancelled as soon as it passes `maxBytes`: a hostile or
   * broken server cannot make the app hold more than the limit (issue 7 point 5).
   */
  async bytes(): Promise<Uint8Array> {
    const limit = this.maxBytes;
    const body = this.response.body;
    // Content-Length counts encoded bytes, so it only refuses early when nothing is encoded.
    const declared = this.response.headers.get('content-encoding') ? undefined : Number(this.response.headers.get('content-length') ?? NaN);
    if (declared !== undefined && Number.isFinite(declared) && declared > limit) {
      void body?.cancel().catch(() => undefined);
      throw this.tooLarge(`Content-Length ${declared} is over the limit of ${limit} bytes; the body was not read`);
    }
    if (!body) return new Uint8Array(0);
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (cause) {
        throw this.bodyLost(cause);
      }
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => undefined);
        throw this.tooLarge(`Body passed the limit of ${limit} bytes (${total} read, then cancelled)`);
      }
      chunks.push(chunk.value);
    }
    if (chunks.length === 1) return chunks[0]!;
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  }

  /** Any JSON value, from a reply that says it is JSON. */
  async jsonValue(): Promise<unknown> {
    const mediaType = this.mediaType;
    if (!isJsonMediaType(mediaType)) throw this.malformed(`Expected a JSON reply but got ${mediaType ?? 'no content type'}`);
    const text = await this.text();
    try {
      return JSON.parse(text) as unknown;
    } catch (cause) {
      // The parser's message quotes the body, which may hold patient data: keep it out of logs.
      throw this.malformed('Reply is not valid JSON', cause);
    }
  }

  /** A JSON reply checked against a schema; a mismatch is malformed with the issues summarised. */
  async json<S extends z.ZodMiniType>(schema: S): Promise<z.output<S>> {
    const value = await this.jsonValue();
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw this.malformed(`Reply does not have the expected shape: ${summariseIssues(parsed.error)}`, parsed.error);
    }
    return parsed.data;
  }

  private tooLarge(detail: string): ServiceError {
    return new ServiceError({
      service: this.service,
      kind: 'too-large',
      detail,
      status: this.response.status,
      requestId: this.requestId,
      limitBytes: this.maxBytes,
    });
  }

  private bodyLost(cause: unknown): ServiceError {
    return new ServiceError({
      service: this.service,
      kind: 'network',
      detail: `Connection lost while reading the reply: ${describeCause(cause)}`,
      status: this.response.status,
      requestId: this.requestId,
      cause,
    });
  }
}

/** The most of an error reply's body read for its OperationOutcome. */
export const ERROR_BODY_LIMIT_BYTES = 64 * 1024;

async function errorFromReply(response: Response, service: ServiceName, requestId: string | undefined): Promise<ServiceError> {
  const { status } = response;
  const mediaType = mediaTypeOf(response.headers.get('content-type'));
  let outcome: OutcomeSummary | undefined;
  try {
    // Read within a small limit too: an OperationOutcome is a few hundred bytes, and an endless
    // or huge error page must not hold the crew up or fill the tablet's memory.
    const text = await new ServiceReply(response, service, requestId, ERROR_BODY_LIMIT_BYTES).text();
    if (text.trim()) outcome = findOutcomeSummary(JSON.parse(text));
  } catch {
    // An unreadable (or over-large) error body still leaves the status to go on.
  }
  const parts = [`HTTP ${status}`];
  if (outcome?.code) parts.push(outcome.code);
  let detail = parts.join(' ');
  if (outcome?.diagnostics) detail += `: ${outcome.diagnostics}`;
  else if (!outcome) detail += mediaType ? ` (${mediaType} body, no OperationOutcome)` : ' (no OperationOutcome)';
  // Only a body that says it is JSON can be the service's own "not found": an HTML page that
  // happens to hold an OperationOutcome is a proxy's page, whatever it says (issue 7 point 3).
  const kind = kindForReply(service, status, isJsonMediaType(mediaType) ? outcome : undefined);
  if (kind === 'misrouted') detail += '; not the service’s own "not found", so read as a routing or set-up fault';
  return new ServiceError({
    service,
    kind,
    detail,
    status,
    code: outcome?.code,
    requestId,
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}

/**
 * The Spine codes each service documents for "there is no such thing" on a 404
 * (docs/national-apis.md §1.7, §3). PDS's RESOURCE_NOT_FOUND is the only word that a patient is
 * unknown, and a saved copy is deleted on it: a gateway's or proxy's own 404 never counts.
 */
const NOT_FOUND_CODES: Readonly<Record<ServiceName, readonly string[]>> = {
  pds: ['RESOURCE_NOT_FOUND'],
  nrl: ['NO_RECORD_FOUND', 'RESOURCE_NOT_FOUND'],
  ssp: ['NO_RECORD_FOUND', 'RESOURCE_NOT_FOUND'],
  ods: [],
  audit: [],
  'contact-page': [],
};

/** What a 404 or 410 means, from who said it (issue 7 point 3). */
function kindForMissing(service: ServiceName, outcome: OutcomeSummary | undefined): ServiceErrorKind {
  // A contact page is a public web page fetched directly (§2.2): its site's 404 is its own word.
  if (service === 'contact-page') return 'not-found';
  if (!outcome) return 'misrouted';
  if (service === 'pds' && outcome.code === 'INVALIDATED_RESOURCE') return 'invalidated';
  if (outcome.code !== undefined) return NOT_FOUND_CODES[service].includes(outcome.code) ? 'not-found' : 'misrouted';
  if (service === 'pds' || service === 'nrl') return 'misrouted';
  // Servers without Spine coding: a FHIR `not-found` issue, or HAPI's answer to an unknown id
  // (ODS and audit: issue `processing`, diagnostics `HAPI-2001: Resource … is not known`, §4 B).
  const hapi = outcome.diagnostics?.startsWith('HAPI-2001') ?? false;
  return outcome.issueCodes.includes('not-found') || hapi ? 'not-found' : 'misrouted';
}

/** The kind of an error reply: the status decides, except that a 404 or 410 must be the service's own word. */
export function kindForReply(service: ServiceName, status: number, outcome: OutcomeSummary | undefined): ServiceErrorKind {
  if (status === 404 || status === 410) return kindForMissing(service, outcome);
  return kindForStatus(status);
}

/** The kind of an error status other than 404 and 410 (see `kindForReply`). */
export function kindForStatus(status: number): ServiceErrorKind {
  if (status === 400) return 'rejected';
  if (status === 401) return 'unauthorised';
  if (status === 403) return 'forbidden';
  if (status === 408) return 'unavailable';
  if (status === 429) return 'rate-limited';
  if (status >= 400 && status < 500) return 'rejected';
  return 'unavailable';
}

/** `Retry-After` as seconds from now: either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Resolves or rejects with `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}

/** Joins a configured base and a path without doubling or dropping the slash. */
export function serviceUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
