import { HttpResponse } from 'msw';

/** PDS and ODS answer `application/fhir+json`; NRL declares `;version=1` (§1.1). */
export const FHIR_JSON = 'application/fhir+json';
export const NRL_FHIR_JSON = 'application/fhir+json;version=1';

/**
 * A JSON reply with an exact Content-Type. `HttpResponse.json` would force
 * `application/json`, which is not what these services send.
 */
export function jsonResponse(
  body: unknown,
  init: { readonly status?: number; readonly contentType: string; readonly headers?: Record<string, string> },
): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { ...init.headers, 'Content-Type': init.contentType },
  });
}
