import { http, HttpResponse, type RequestHandler } from 'msw';
import { ALL_SCENARIOS } from './data/catalogue';
import type { ProviderDocument } from './data/scenario';
import { FHIR_JSON, jsonResponse } from './http/fhir-response';
import { NRL_ERROR_SYSTEM, operationOutcome, spineIssue } from './http/operation-outcome';
import { proxiedUrlOf } from './ssp-url';

/**
 * Spine Secure Proxy document retrieval (docs/national-apis.md §2.1):
 * `GET {ssp}/{percent-encoded https URL}` with the `Ssp-*` headers, answered with the provider's
 * raw bytes in the document's own type, never wrapped in FHIR. Failures carry an
 * OperationOutcome the client should keep for the audit trail (§6.4).
 */

const SSP_INTERACTION_ID = 'urn:nhs:names:services:nrl:DocumentReference.content.read';
const REQUIRED_HEADERS = ['Ssp-TraceID', 'Ssp-From', 'Ssp-To', 'Ssp-InteractionID'] as const;

function sspError(status: number, issueCode: string, diagnostics: string, spine?: { code: string; display: string }) {
  const issue = spine
    ? spineIssue({ system: NRL_ERROR_SYSTEM, issueCode, code: spine.code, display: spine.display, diagnostics })
    : { severity: 'error' as const, code: issueCode, diagnostics };
  return jsonResponse(operationOutcome(issue), { status, contentType: FHIR_JSON });
}

function serve(document: Extract<ProviderDocument, { body: unknown }>) {
  return new HttpResponse(document.body(), { status: 200, headers: { 'Content-Type': document.contentType } });
}

export function sspHandlers(base: string): RequestHandler[] {
  const documents = new Map(ALL_SCENARIOS.flatMap((scenario) => scenario.documents.map((document) => [document.url, document] as const)));

  // A wildcard, not `:param`, so a URL that was not percent-encoded (several segments) is seen
  // and refused here rather than falling through unanswered.
  const proxy = ({ request }: { request: Request }) => {
    if (request.method !== 'GET') {
      return sspError(405, 'not-supported', `SSP proxies only GET for ${SSP_INTERACTION_ID}`);
    }
    const missing = REQUIRED_HEADERS.filter((name) => !request.headers.get(name));
    if (missing.length > 0) {
      return sspError(400, 'required', `Missing required header(s): ${missing.join(', ')}`, {
        code: 'MISSING_OR_INVALID_HEADER',
        display: 'There is a required header missing or invalid',
      });
    }
    const interaction = request.headers.get('Ssp-InteractionID');
    if (interaction !== SSP_INTERACTION_ID) {
      return sspError(400, 'invalid', `Ssp-InteractionID must be ${SSP_INTERACTION_ID}, not ${interaction}`, {
        code: 'MISSING_OR_INVALID_HEADER',
        display: 'There is a required header missing or invalid',
      });
    }
    const target = proxiedUrlOf(request.url, base);
    if (target === undefined) {
      return sspError(400, 'invalid', 'The path must be one percent-encoded https:// URL', {
        code: 'BAD_REQUEST',
        display: 'Bad request',
      });
    }
    const document = documents.get(target);
    if (document === undefined) {
      return sspError(404, 'not-found', `No document at ${target}`, { code: 'NO_RECORD_FOUND', display: 'No record found' });
    }
    if (request.headers.get('Ssp-To') !== document.providerAsid) {
      return sspError(403, 'forbidden', `Ssp-To ${request.headers.get('Ssp-To')} is not the ASID of the system that holds ${target}`, {
        code: 'ACCESS_DENIED',
        display: 'Access has been denied to process this request',
      });
    }
    if ('failure' in document) {
      return sspError(document.failure.status, document.failure.status === 504 ? 'timeout' : 'exception', document.failure.diagnostics);
    }
    return serve(document);
  };

  return [http.all(base, proxy), http.all(`${base}/*`, proxy)];
}
