import { http, type RequestHandler } from 'msw';
import { ORGANISATIONS } from './data/organisations';
import { FHIR_JSON, jsonResponse } from './http/fhir-response';
import { operationOutcome } from './http/operation-outcome';

/**
 * ODS "Organisation Data Terminology" FHIR R4 API (docs/national-apis.md §4B): read one
 * Organization by ODS code. Errors come from its HAPI server: a plain OperationOutcome with no
 * Spine coding.
 */

function hapiError(status: number, code: string, diagnostics: string) {
  return jsonResponse(operationOutcome({ severity: 'error', code, diagnostics }), { status, contentType: FHIR_JSON });
}

export function odsHandlers(base: string): RequestHandler[] {
  const byCode = new Map(ORGANISATIONS.map((organisation) => [organisation.id, organisation]));

  const unsupported = ({ request }: { request: Request }) =>
    hapiError(404, 'not-supported', `The mock ODS service answers only GET Organization/{code}, not ${request.method} ${new URL(request.url).pathname}`);

  return [
    http.get(`${base}/Organization/:code`, ({ params }) => {
      const code = String(params.code);
      const organisation = byCode.get(code);
      if (organisation === undefined) return hapiError(404, 'processing', `HAPI-2001: Resource Organization/${code} is not known`);
      return jsonResponse(organisation, { contentType: FHIR_JSON });
    }),
    http.all(base, unsupported),
    http.all(`${base}/*`, unsupported),
  ];
}
