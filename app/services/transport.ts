/**
 * The one seam between the app and the network (DESIGN.md "Seams"). Live: `fetch`.
 * Demo: the MSW handlers resolved in the page. Clients never call `fetch` themselves.
 */
export type Transport = (request: Request) => Promise<Response>;

export const fetchTransport: Transport = (request) => fetch(request);

/** Per-lookup context: one correlation id for every request of one lookup, kept on retries. */
export interface RequestContext {
  readonly correlationId: string;
  readonly signal?: AbortSignal;
}

export function newRequestId(): string {
  return crypto.randomUUID();
}

export function newRequestContext(signal?: AbortSignal): RequestContext {
  return signal ? { correlationId: crypto.randomUUID(), signal } : { correlationId: crypto.randomUUID() };
}
