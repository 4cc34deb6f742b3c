import { delay, http, type RequestHandler } from 'msw';
import { isValidNhsNumber } from './http/nhs-number-check';
import { ALL_SCENARIOS } from './data/catalogue';
import { OVER_LARGE_BUNDLE_ENTRIES } from './data/scenarios/locator-over-large';
import { PARTIAL_BUNDLE_MISSING } from './data/scenarios/locator-partial';
import type { StoredPointer } from './data/scenario';
import type { OperationOutcomeIssue } from './fhir/fhir-types';
import { CARE_PLAN_CATEGORY, NRL_TYPE_CATEGORIES, SNOMED } from './fhir/nrl-codes';
import { jsonResponse, NRL_FHIR_JSON } from './http/fhir-response';
import { NRL_ERROR_SYSTEM, operationOutcome, spineIssue, type SpineIssue } from './http/operation-outcome';
import { isUuid, traceHeaders } from './http/request-ids';

/**
 * NRL consumer API (docs/national-apis.md §1): search by POST body or GET query, and read by id.
 * Two layers answer, as in the real service: the API proxy checks headers first (§1.7 proxy
 * table, plain `application/json`), then the backend validates and searches (§1.7 backend
 * table, `application/fhir+json;version=1`). Every organisation is treated as onboarded for
 * every record type, except in the `locatorForbidden` scenario (onboarded for none).
 */

const SEARCH_KEYS = ['subject:identifier', 'custodian:identifier', 'type', 'category', '_summary'] as const;
type SearchKey = (typeof SEARCH_KEYS)[number];
type SearchParams = Partial<Record<SearchKey, string>>;

// Pydantic's wording, which NRL puts in its diagnostics.
const SUBJECT_PATTERN = '^https\\:\\/\\/fhir\\.nhs\\.uk\\/Id\\/nhs-number\\|(\\d+)$';
const CUSTODIAN_PATTERN = '^https\\:\\/\\/fhir\\.nhs\\.uk\\/Id\\/ods-organization-code\\|(\\w+)$';
const SUBJECT = /^https:\/\/fhir\.nhs\.uk\/Id\/nhs-number\|(\d+)$/;
const CUSTODIAN = /^https:\/\/fhir\.nhs\.uk\/Id\/ods-organization-code\|(\w+)$/;

const KNOWN_CATEGORIES = new Set([...NRL_TYPE_CATEGORIES.values()].map((code) => `${SNOMED}|${code}`));

type Spine = Omit<SpineIssue, 'system' | 'version'>;

/** consumer.yaml's 4XX examples give the backend's coding `version: "1"`; the proxy's have none. */
function backendError(request: Request, status: number, ...issues: Spine[]) {
  return jsonResponse(operationOutcome(...issues.map((issue) => spineIssue({ ...issue, system: NRL_ERROR_SYSTEM, version: '1' }))), {
    status,
    contentType: NRL_FHIR_JSON,
    headers: traceHeaders(request),
  });
}

function proxyError(request: Request, status: number, issue: Spine) {
  return jsonResponse(operationOutcome(spineIssue({ ...issue, system: NRL_ERROR_SYSTEM })), {
    status,
    contentType: 'application/json',
    headers: traceHeaders(request),
  });
}

/** The Apigee proxy's header checks, which run before NRL itself sees the request. */
function checkProxyHeaders(request: Request) {
  const requestId = request.headers.get('X-Request-ID');
  if (requestId === null || !isUuid(requestId)) {
    return proxyError(request, 400, {
      issueCode: 'invalid',
      code: 'MISSING_OR_INVALID_HEADER',
      display: 'There is a required header missing or invalid',
      diagnostics: 'The X-Request-Id header is missing or invalid',
    });
  }
  if (!request.headers.get('NHSD-End-User-Organisation-ODS')) {
    return proxyError(request, 400, {
      issueCode: 'required',
      code: 'PRECONDITION_FAILED',
      display: 'Precondition failed',
      diagnostics: 'The NHSD-End-User-Organisation-ODS header is missing or invalid',
    });
  }
  return undefined;
}

/** One issue per problem, worded as NRL words pydantic's complaints (§1.7). */
function parameterProblems(raw: ReadonlyMap<string, unknown>): { problems: Array<[string, string]>; params: SearchParams } {
  const problems: Array<[string, string]> = [];
  const params: SearchParams = {};
  if (!raw.has('subject:identifier')) problems.push(['subject:identifier', 'Field required']);
  for (const [key, value] of raw) {
    if (!(SEARCH_KEYS as readonly string[]).includes(key)) {
      problems.push([key, 'Extra inputs are not permitted']);
    } else if (typeof value !== 'string') {
      problems.push([key, 'Input should be a valid string']);
    } else if (key === 'subject:identifier' && !SUBJECT.test(value)) {
      problems.push([key, `String should match pattern '${SUBJECT_PATTERN}'`]);
    } else if (key === 'custodian:identifier' && !CUSTODIAN.test(value)) {
      problems.push([key, `String should match pattern '${CUSTODIAN_PATTERN}'`]);
    } else if (key === '_summary' && value !== 'count') {
      problems.push([key, "Input should be 'count'"]);
    } else {
      params[key as SearchKey] = value;
    }
  }
  return { problems, params };
}

function issuesFor(problems: Array<[string, string]>, wrapper: string, code: string, display: string): Spine[] {
  return problems.map(([key, message]) => ({
    issueCode: 'invalid',
    code,
    display,
    diagnostics: `${wrapper} (${key}: ${message})`,
    expression: [key],
  }));
}

function matchesFilters(pointer: StoredPointer, nhsNumber: string, params: SearchParams): boolean {
  const subject = pointer.kind === 'valid' ? pointer.resource.subject.identifier.value : pointer.nhsNumber;
  const custodian = pointer.kind === 'valid' ? pointer.resource.custodian.identifier.value : pointer.custodianOds;
  const type = pointer.kind === 'valid' ? pointer.resource.type.coding[0]! : { system: SNOMED, code: pointer.typeCode };
  const category = pointer.kind === 'valid' ? pointer.resource.category[0]!.coding[0]! : CARE_PLAN_CATEGORY;
  if (subject !== nhsNumber) return false;
  if (params['custodian:identifier'] !== undefined && params['custodian:identifier'].split('|')[1] !== custodian) return false;
  if (params.type !== undefined && params.type !== `${type.system}|${type.code}`) return false;
  if (params.category !== undefined && !params.category.split(',').includes(`${category.system}|${category.code}`)) return false;
  return true;
}

/** What NRL returns, since 2025, for a stored pointer it cannot parse (§1.4). */
const UNPARSEABLE_ENTRY: OperationOutcomeIssue = spineIssue({
  system: NRL_ERROR_SYSTEM,
  issueCode: 'exception',
  code: 'INTERNAL_SERVER_ERROR',
  display: 'Unexpected internal server error',
  diagnostics: 'An error occurred whilst parsing the document reference search results',
});

/** `count` pointers made from `pointers` by repeating them under new ids (the over-large fault). */
function copiesOf(pointers: readonly StoredPointer[], count: number): StoredPointer[] {
  if (pointers.length === 0) return [];
  return Array.from({ length: count }, (_, index) => {
    const pointer = pointers[index % pointers.length]!;
    return pointer.kind === 'valid'
      ? { kind: 'valid', resource: { ...pointer.resource, id: `${pointer.resource.id}-${index}` } }
      : { ...pointer, id: `${pointer.id}-${index}` };
  });
}

export function nrlHandlers(base: string): RequestHandler[] {
  const stored = ALL_SCENARIOS.flatMap((scenario) => scenario.pointers);
  const faults = new Map(ALL_SCENARIOS.flatMap((scenario) => (scenario.locatorFault ? [[scenario.nhsNumber, scenario.locatorFault] as const] : [])));

  async function search(request: Request, params: SearchParams) {
    const subject = params['subject:identifier']!;
    const nhsNumber = subject.slice(subject.indexOf('|') + 1);
    const fault = faults.get(nhsNumber);
    // After the proxy's header checks, NRL checks the token, then the organisation's permissions,
    // before it validates the search; the mock keys its faults on the number, so they apply as
    // soon as the number is known.
    if (fault === 'access-token-expired') {
      // The proxy's AssignMessage.OAuthPolicyErrorResponse; the diagnostics are Apigee's fault string.
      return proxyError(request, 401, {
        issueCode: 'forbidden',
        code: 'ACCESS_DENIED',
        display: 'Access has been denied to process this request',
        diagnostics: 'Access Token expired',
      });
    }
    if (fault === 'organisation-not-permitted') {
      // NRLF's request handler (layer/nrlf/core/decorators.py) for an organisation with no
      // permitted pointer types. The backend spells the code with a space (§1.7).
      const ods = request.headers.get('NHSD-End-User-Organisation-ODS') ?? '';
      return backendError(request, 403, {
        issueCode: 'forbidden',
        code: 'ACCESS DENIED',
        display: 'Access has been denied to process this request',
        diagnostics: `Your organisation '${ods}' does not have permission to access this resource. Contact the onboarding team.`,
      });
    }
    if (!isValidNhsNumber(nhsNumber)) {
      return backendError(request, 400, {
        issueCode: 'invalid',
        code: 'INVALID_NHS_NUMBER',
        display: 'Invalid NHS number',
        diagnostics: 'A valid NHS number is required to search for document references',
        expression: ['subject:identifier'],
      });
    }
    const type = params.type;
    if (type !== undefined && !(type.startsWith(`${SNOMED}|`) && NRL_TYPE_CATEGORIES.has(type.slice(SNOMED.length + 1)))) {
      return backendError(request, 400, {
        issueCode: 'code-invalid',
        code: 'INVALID_CODE_SYSTEM',
        display: 'Invalid code system',
        diagnostics: 'Invalid query parameter (The provided type does not match the allowed types for this organisation)',
        expression: ['type'],
      });
    }
    if (params.category !== undefined && !params.category.split(',').every((value) => KNOWN_CATEGORIES.has(value))) {
      return backendError(request, 400, {
        issueCode: 'code-invalid',
        code: 'INVALID_CODE_SYSTEM',
        display: 'Invalid code system',
        diagnostics: 'Invalid query parameter (The provided category is not valid)',
        expression: ['category'],
      });
    }

    if (fault === 'no-answer') {
      // Never resolves: the client's own timeout has to fire.
      await delay('infinite');
    }
    if (fault === 'internal-error') {
      return backendError(request, 500, {
        issueCode: 'exception',
        code: 'INTERNAL_SERVER_ERROR',
        display: 'Unexpected internal server error',
        diagnostics: 'An unexpected error occurred whilst searching for document references',
      });
    }

    // NRL rebuilds the query, unencoded, in this order: subject, custodian, type, category, _summary (§1.4).
    const query = SEARCH_KEYS.flatMap((key) => (params[key] === undefined ? [] : [`${key}=${params[key]}`])).join('&');
    const found = stored.filter((pointer) => matchesFilters(pointer, nhsNumber, params));
    const matches = fault === 'over-large-bundle' ? copiesOf(found, OVER_LARGE_BUNDLE_ENTRIES) : found;
    const partial = fault === 'partial-bundle';
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      link: [
        { relation: 'self', url: `${base}/DocumentReference?${query}` },
        // Not NRL's behaviour (it does not page): a broken gateway or a future change the app must survive.
        ...(partial ? [{ relation: 'next', url: `${base}/DocumentReference?${query}&page=2` }] : []),
      ],
      total: matches.length + (partial ? PARTIAL_BUNDLE_MISSING : 0),
      // No pagination: every match in one Bundle. Entries carry only `resource` (§1.4).
      ...(params._summary === 'count'
        ? {}
        : {
            entry: matches.map((pointer) => ({
              resource: pointer.kind === 'valid' ? pointer.resource : operationOutcome(UNPARSEABLE_ENTRY),
            })),
          }),
    };
    return jsonResponse(bundle, { contentType: NRL_FHIR_JSON, headers: traceHeaders(request) });
  }

  const endpointNotFound = ({ request }: { request: Request }) => {
    // §1.1: HEAD is not allowed anywhere; a 405 has no body to speak of.
    if (request.method === 'HEAD') return new Response(null, { status: 405, headers: traceHeaders(request) });
    return proxyError(request, 404, {
      issueCode: 'exception',
      code: 'FAILURE_TO_PROCESS_MESSAGE',
      display: 'Failure to process message',
      diagnostics: `No such endpoint: ${request.method} ${new URL(request.url).pathname}`,
    });
  };

  return [
    http.post(`${base}/DocumentReference/_search`, async ({ request }) => {
      const rejected = checkProxyHeaders(request);
      if (rejected) return rejected;
      const text = await request.text();
      if (text === '') {
        return backendError(request, 400, {
          issueCode: 'invalid',
          code: 'BAD_REQUEST',
          display: 'Bad request',
          diagnostics: 'Request body is required',
        });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return backendError(request, 400, {
          issueCode: 'invalid',
          code: 'MESSAGE_NOT_WELL_FORMED',
          display: 'Message not well formed',
          diagnostics: 'Request body could not be parsed (Invalid JSON: expected an object)',
        });
      }
      // A bad POST body is "not well formed", not an invalid parameter: NRL parses the body as
      // one model (NRLF searchPostDocumentReference feature tests).
      const { problems, params } = parameterProblems(new Map(Object.entries(body)));
      if (problems.length > 0) {
        return backendError(
          request,
          400,
          ...issuesFor(problems, 'Request body could not be parsed', 'MESSAGE_NOT_WELL_FORMED', 'Message not well formed'),
        );
      }
      return search(request, params);
    }),

    http.get(`${base}/DocumentReference`, ({ request }) => {
      const rejected = checkProxyHeaders(request);
      if (rejected) return rejected;
      const { problems, params } = parameterProblems(new Map(new URL(request.url).searchParams));
      if (problems.length > 0) {
        return backendError(request, 400, ...issuesFor(problems, 'Invalid query parameter', 'INVALID_PARAMETER', 'Invalid parameter'));
      }
      return search(request, params);
    }),

    http.get(`${base}/DocumentReference/:id`, ({ request, params }) => {
      const rejected = checkProxyHeaders(request);
      if (rejected) return rejected;
      const id = String(params.id);
      const pointer = stored.find((candidate) => (candidate.kind === 'valid' ? candidate.resource.id : candidate.id) === id);
      if (pointer === undefined) {
        // consumer.yaml `GET /DocumentReference/{id}` 4XX table: 404 RESOURCE_NOT_FOUND "Resource
        // not found". docs/national-apis.md §1.7 has NRLF's backend saying NO_RECORD_FOUND; the
        // client keys on the status either way, and the mock follows the published contract.
        return backendError(request, 404, {
          issueCode: 'not-found',
          code: 'RESOURCE_NOT_FOUND',
          display: 'Resource not found',
          diagnostics: 'The requested DocumentReference could not be found',
        });
      }
      if (pointer.kind === 'unparseable') {
        return backendError(request, 500, {
          issueCode: 'exception',
          code: 'INTERNAL_SERVER_ERROR',
          display: 'Unexpected internal server error',
          diagnostics: 'An error occurred whilst parsing the document reference',
        });
      }
      return jsonResponse(pointer.resource, { contentType: NRL_FHIR_JSON, headers: traceHeaders(request) });
    }),

    http.all(base, endpointNotFound),
    http.all(`${base}/*`, endpointNotFound),
  ];
}
