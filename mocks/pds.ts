import { http, type RequestHandler } from 'msw';
import { isValidNhsNumber } from './http/nhs-number-check';
import { ALL_SCENARIOS } from './data/catalogue';
import { SEARCH_PEOPLE } from './data/search-people';
import type { Scenario } from './data/scenario';
import type { Patient } from './fhir/fhir-types';
import { FHIR_JSON, jsonResponse } from './http/fhir-response';
import { operationOutcome, PDS_ERROR_SYSTEM, spineIssue, type SpineIssue } from './http/operation-outcome';
import { isUuid, traceHeaders } from './http/request-ids';
import { answerPatientSearch } from './pds-search';

/**
 * PDS FHIR R4 patient read (docs/national-apis.md §3): `GET {pds}/Patient/{nhsNumber}`.
 * A superseded number answers 200 with the new record (its `id` differs from the number asked
 * for); a restricted record (security label R) comes without address, telecom and GP.
 * Search by details (`GET {pds}/Patient?…`, issue 12): pds-search.ts.
 */

function pdsError(request: Request, status: number, issue: Omit<SpineIssue, 'system' | 'version'>) {
  return jsonResponse(operationOutcome(spineIssue({ ...issue, system: PDS_ERROR_SYSTEM, version: '1' })), {
    status,
    contentType: FHIR_JSON,
    headers: traceHeaders(request),
  });
}

/** What `Retry-After` says on the `pdsBusy` scenario's 429, in seconds (PDS spec `RetryAfter`). */
export const PDS_RETRY_AFTER_SECONDS = 30;

/**
 * Refusals by the API platform's proxy, which checks the access token and the rate limits before
 * PDS sees the request (personal-demographics-service-api `proxies/live/apiproxy/targets/ig3.xml`
 * PreFlow and FaultRules). Same coding as PDS's own errors, but the policies
 * (`AssignMessage.Errors.OAuthPolicyResponse`, `…CatchAllMessage`) send plain `application/json`,
 * and they mirror the caller's ids.
 */
function gatewayError(request: Request, status: number, issue: Omit<SpineIssue, 'system' | 'version'>, headers: Record<string, string> = {}) {
  return jsonResponse(operationOutcome(spineIssue({ ...issue, system: PDS_ERROR_SYSTEM, version: '1' })), {
    status,
    contentType: 'application/json',
    headers: { ...traceHeaders(request), ...headers },
  });
}

function gatewayRefusal(request: Request, fault: NonNullable<Scenario['pdsFault']>) {
  if (fault === 'access-token-expired') {
    // OAuthPolicyResponse: 401, issue `forbidden`; the diagnostics are Apigee's own fault string.
    return gatewayError(request, 401, {
      code: 'ACCESS_DENIED',
      display: 'Access Denied - Unauthorised',
      issueCode: 'forbidden',
      diagnostics: 'Access Token expired',
    });
  }
  // AssignMessage.Errors.ProxyRatelimitExceeded: 429, issue `value` (sic).
  return gatewayError(
    request,
    429,
    {
      code: 'TOO_MANY_REQUESTS',
      display: 'Too many requests',
      issueCode: 'value',
      diagnostics:
        'This API is currently receiving a high volume of requests and is being rate limited. Please see: https://digital.nhs.uk/developer/guides-and-documentation/reference-guide#rate-limits for more details.',
    },
    { 'Retry-After': String(PDS_RETRY_AFTER_SECONDS) },
  );
}

/** PDS's own rule, applied again here so no restricted location data can leave the mock. */
function asReturned(patient: Patient): Patient {
  if (!patient.meta.security.some((label) => label.code === 'R')) return patient;
  const { address: _address, telecom: _telecom, generalPractitioner: _gp, ...rest } = patient;
  return rest;
}

/** PDS's check of `X-Request-ID`, before anything else it does: the error to send, or none. */
function requestIdRefusal(request: Request) {
  const requestId = request.headers.get('X-Request-ID');
  if (requestId === null || requestId === '') {
    return pdsError(request, 400, {
      code: 'MISSING_VALUE',
      display: 'Required value is missing',
      issueCode: 'required',
      diagnostics: 'Invalid request with error - X-Request-ID header must be supplied to access this resource',
    });
  }
  // Any UUID version passes, as in the PDS sandbox (`isValidUUID`); v4 is only recommended.
  if (!isUuid(requestId)) {
    return pdsError(request, 400, {
      code: 'INVALID_VALUE',
      display: 'Provided value is invalid',
      issueCode: 'value',
      diagnostics: `Invalid value - '${requestId}' in header 'X-Request-ID'`,
    });
  }
  return undefined;
}

/** The sandbox's TOO_MANY_MATCHES.json: an OperationOutcome sent with status 200. */
const TOO_MANY_MATCHES = operationOutcome(
  spineIssue({ system: PDS_ERROR_SYSTEM, version: '1', code: 'TOO_MANY_MATCHES', display: 'Too Many Matches', issueCode: 'multiple-matches', severity: 'information' }),
);

export function pdsHandlers(base: string): RequestHandler[] {
  // Each record answers to its own number and, when superseded, to the number it replaced.
  const byNumber = new Map<string, Patient>();
  const faults = new Map(ALL_SCENARIOS.flatMap((scenario) => (scenario.pdsFault ? [[scenario.nhsNumber, scenario.pdsFault] as const] : [])));
  for (const scenario of ALL_SCENARIOS) {
    if (scenario.patient === undefined) continue;
    byNumber.set(scenario.patient.id, scenario.patient);
    byNumber.set(scenario.nhsNumber, scenario.patient);
  }
  for (const person of SEARCH_PEOPLE) byNumber.set(person.id, person);
  // A search sees each current record once: a superseded number is no record of its own.
  const current = [...new Map([...byNumber.values()].map((patient) => [patient.id, patient])).values()];

  const unsupported = ({ request }: { request: Request }) =>
    pdsError(request, 400, { code: 'UNSUPPORTED_SERVICE', display: 'Unsupported Service', issueCode: 'processing' });

  return [
    http.get(`${base}/Patient`, ({ request }) => {
      const refusal = requestIdRefusal(request);
      if (refusal) return refusal;
      const answer = answerPatientSearch(new URL(request.url).searchParams, current);
      const headers = traceHeaders(request);
      if (answer.kind === 'error') return pdsError(request, answer.status, answer.issue);
      if (answer.kind === 'too-many-matches') return jsonResponse(TOO_MANY_MATCHES, { contentType: FHIR_JSON, headers });
      const bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        timestamp: new Date().toISOString(),
        total: answer.matches.length,
        // An empty searchset has no `entry` at all, as PDS sends it.
        ...(answer.matches.length === 0
          ? {}
          : { entry: answer.matches.map(({ patient, score }) => ({ fullUrl: `${base}/Patient/${patient.id}`, search: { score }, resource: asReturned(patient) })) }),
      };
      return jsonResponse(bundle, { contentType: FHIR_JSON, headers });
    }),
    http.get(`${base}/Patient/:id`, ({ request, params }) => {
      // The gateway's token and rate-limit checks come before any of PDS's own.
      const fault = faults.get(String(params.id));
      if (fault !== undefined) return gatewayRefusal(request, fault);
      const refusal = requestIdRefusal(request);
      if (refusal) return refusal;
      const id = String(params.id);
      if (!isValidNhsNumber(id)) {
        return pdsError(request, 400, { code: 'INVALID_RESOURCE_ID', display: 'Resource Id is invalid', issueCode: 'value' });
      }
      const patient = byNumber.get(id);
      if (patient === undefined) {
        // The PDS mocks send this one at severity "information" (§3).
        return pdsError(request, 404, {
          code: 'RESOURCE_NOT_FOUND',
          display: 'Resource not found',
          issueCode: 'not-found',
          severity: 'information',
        });
      }
      return jsonResponse(asReturned(patient), {
        contentType: FHIR_JSON,
        headers: { ...traceHeaders(request), ETag: `W/"${patient.meta.versionId}"` },
      });
    }),
    http.all(base, unsupported),
    http.all(`${base}/*`, unsupported),
  ];
}
