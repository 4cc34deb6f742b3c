import type { ServiceName } from './service-error';

/**
 * The one seam between the app and the network (DESIGN.md "Seams"). Live: `fetch`.
 * Demo: the MSW handlers resolved in the page. Clients never call `fetch` themselves.
 */
export type Transport = (request: Request) => Promise<Response>;

export const fetchTransport: Transport = (request) => fetch(request);

/** Per-lookup context: one correlation id for every request of one lookup, kept on retries. */
export interface RequestContext {
  readonly correlationId: string;
  /** Cancels the lookup. A cancelled call rejects with the signal's reason, not a ServiceError. */
  readonly signal?: AbortSignal;
  /**
   * Told about every request just before it is sent, so the audit trail can record what went
   * out (docs/national-apis.md §6.4), including the `Ssp-TraceID` of a document retrieval.
   * Must not throw.
   */
  readonly onRequest?: (sent: SentRequest) => void;
}

/** What a service client sent: the request half of an audit record (docs/national-apis.md §6.4). */
export interface SentRequest {
  readonly service: ServiceName;
  readonly method: string;
  readonly url: string;
  /** `X-Request-ID` for PDS, NRL and ODS; `Ssp-TraceID` for SSP; undefined for public pages. */
  readonly requestId: string | undefined;
  readonly correlationId: string;
  /** ISO instant. */
  readonly sentAt: string;
}

export function newRequestId(): string {
  return crypto.randomUUID();
}
