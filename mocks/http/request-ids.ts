/**
 * Request tracing headers shared by PDS and NRL (docs/national-apis.md §1.2, §3): the client
 * sends `X-Request-ID` (a UUID) and optionally `X-Correlation-ID`; both come back as
 * `X-Request-Id` / `X-Correlation-Id`.
 */

/**
 * Any UUID layout, any version: NRL's proxy pattern (§1.2), and the PDS sandbox's too
 * (personal-demographics-service-api `karate-tests/src/test/java/mocks/sandbox/supporting-functions.js`
 * `isValidUUID`). PDS's spec only asks for a UUID, "ideally version 4".
 */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Response headers that echo the caller's ids. (CORS headers are the trust gateway's job, not
 * the national services', so the mocks add none.)
 */
export function traceHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  const requestId = request.headers.get('X-Request-ID');
  const correlationId = request.headers.get('X-Correlation-ID');
  if (requestId !== null) headers['X-Request-Id'] = requestId;
  if (correlationId !== null) headers['X-Correlation-Id'] = correlationId;
  return headers;
}
