/**
 * Every failure of a national service becomes a ServiceError: a kind the offline policy
 * (queries/offline-policy.ts) and the screens act on, plus technical detail for logs. Words for
 * crews: service-error-messages.ts.
 */

export type ServiceName = 'pds' | 'nrl' | 'ods' | 'ssp' | 'contact-page' | 'audit';

export type ServiceErrorKind =
  /** No answer: offline, DNS, connection refused, CORS. */
  | 'network'
  /** No answer in time. */
  | 'timeout'
  /**
   * 404 or 410 with the service's own documented "not there" (for PDS: an OperationOutcome coded
   * RESOURCE_NOT_FOUND): no such patient / pointer / organisation. See `kindForReply`.
   */
  | 'not-found'
  /** 404 INVALIDATED_RESOURCE from PDS: the record was invalidated and not superseded. */
  | 'invalidated'
  /**
   * 404 or 410 without the service's own "not there": a proxy's or gateway's page, a non-FHIR
   * body, a wrong base URL. The service could not be reached as set up; it said nothing about
   * the patient, so nothing is deleted and it is no reason to think there is no record.
   */
  | 'misrouted'
  /** 400: the service rejected what we sent (a bug or a config problem, not the crew's fault). */
  | 'rejected'
  /** 401: credentials missing or expired at the gateway. */
  | 'unauthorised'
  /** 403: this organisation or user may not see it. */
  | 'forbidden'
  /** 429: slow down. */
  | 'rate-limited'
  /** 5xx or 408. */
  | 'unavailable'
  /** A 2xx reply we could not read: bad JSON, wrong shape, wrong content type. */
  | 'malformed'
  /** We cannot retrieve this kind of record here (e.g. a retrieval mechanism we do not support). */
  | 'unsupported'
  /** A 2xx reply over this app's limit (bytes per service, or NRL pointers): not read, not used. */
  | 'too-large'
  /** A 2xx reply that says it holds less than the whole answer (an NRL Bundle's `total` or `next`). */
  | 'incomplete'
  /** A document that names another patient than the one searched for (DESIGN.md safety rule 1). */
  | 'wrong-patient'
  /**
   * The service answered, but this device could not record the access, so the answer is not
   * used (DESIGN.md safety rule 6: access is recorded before data is shown).
   */
  | 'not-recorded';

export interface ServiceErrorInit {
  readonly service: ServiceName;
  readonly kind: ServiceErrorKind;
  /** What happened, for logs and support: status, OperationOutcome code, diagnostics. */
  readonly detail: string;
  readonly status?: number | undefined;
  /** Spine error code from the OperationOutcome (e.g. INVALID_NHS_NUMBER), when there is one. */
  readonly code?: string | undefined;
  readonly requestId?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
  /** 'too-large': the limit passed, in bytes. */
  readonly limitBytes?: number | undefined;
  /** 'too-large' or 'incomplete' from NRL: how many records the locator says it has, when known. */
  readonly recordCount?: number | undefined;
  readonly cause?: unknown;
}

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly service: ServiceName;
  readonly kind: ServiceErrorKind;
  readonly detail: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly limitBytes: number | undefined;
  readonly recordCount: number | undefined;

  constructor(init: ServiceErrorInit) {
    super(`${init.service} ${init.kind}: ${init.detail}`, { cause: init.cause });
    this.service = init.service;
    this.kind = init.kind;
    this.detail = init.detail;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.limitBytes = init.limitBytes;
    this.recordCount = init.recordCount;
  }
}

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceError;
}
