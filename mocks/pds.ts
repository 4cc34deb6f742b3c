import { http, type RequestHandler } from 'msw';
import { isNhsNumber } from '../app/domain/nhs-number';
import { ALL_SCENARIOS } from './data/catalogue';
import type { Patient } from './fhir/fhir-types';
import { FHIR_JSON, jsonResponse } from './http/fhir-response';
import { operationOutcome, PDS_ERROR_SYSTEM, spineIssue, type SpineIssue } from './http/operation-outcome';
import { isUuid, traceHeaders } from './http/request-ids';

/**
 * PDS FHIR R4 patient read (docs/national-apis.md §3): `GET {pds}/Patient/{nhsNumber}`.
 * A superseded number answers 200 with the new record (its `id` differs from the number asked
 * for); a restricted record (security label R) comes without address, telecom and GP.
 */

function pdsError(request: Request, status: number, issue: Omit<SpineIssue, 'system' | 'version'>) {
  return jsonResponse(operationOutcome(spineIssue({ ...issue, system: PDS_ERROR_SYSTEM, version: '1' })), {
    status,
    contentType: FHIR_JSON,
    headers: traceHeaders(request),
  });
}

/** PDS's own rule, applied again here so no restricted location data can leave the mock. */
function asReturned(patient: Patient): Patient {
  if (!patient.meta.security.some((label) => label.code === 'R')) return patient;
  const { address: _address, telecom: _telecom, generalPractitioner: _gp, ...rest } = patient;
  return rest;
}

export function pdsHandlers(base: string): RequestHandler[] {
  // Each record answers to its own number and, when superseded, to the number it replaced.
  const byNumber = new Map<string, Patient>();
  for (const scenario of ALL_SCENARIOS) {
    if (scenario.patient === undefined) continue;
    byNumber.set(scenario.patient.id, scenario.patient);
    byNumber.set(scenario.nhsNumber, scenario.patient);
  }

  const unsupported = ({ request }: { request: Request }) =>
    pdsError(request, 400, { code: 'UNSUPPORTED_SERVICE', display: 'Unsupported Service', issueCode: 'processing' });

  return [
    http.get(`${base}/Patient/:id`, ({ request, params }) => {
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
      const id = String(params.id);
      if (!isNhsNumber(id)) {
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
