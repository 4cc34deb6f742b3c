/**
 * Shared by the mocks' own tests (not by app code): requests resolved through the same
 * `getResponse` path the demo transport and the e2e fixture use.
 */
import { getResponse } from 'msw';
import { createHandlers } from './handlers';
import { TEST_SERVICE_BASES } from './service-bases';

export const BASES = TEST_SERVICE_BASES;
const handlers = createHandlers(TEST_SERVICE_BASES);

/** A version 4 UUID, as `crypto.randomUUID()` makes. */
export const REQUEST_ID = '3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b';
export const CORRELATION_ID = 'lookup-7d1e';
export const CREW_ODS = 'RX8';
export const CONSUMER_ASID = '200000000999';

export async function send(url: string, init?: RequestInit): Promise<Response> {
  const response = await getResponse(handlers, new Request(url, init));
  if (response === undefined) throw new Error(`No handler answered ${init?.method ?? 'GET'} ${url}`);
  return response;
}

/** What PDS and NRL both want on every call. */
export function spineHeaders(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return withOverrides(
    {
      'X-Request-ID': REQUEST_ID,
      'X-Correlation-ID': CORRELATION_ID,
      'NHSD-End-User-Organisation-ODS': CREW_ODS,
      Accept: 'application/fhir+json',
    },
    overrides,
  );
}

export function sspHeaders(providerAsid: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  return withOverrides(
    {
      'Ssp-TraceID': '9b6a1f0e-2c3d-4e5f-8a9b-1c2d3e4f5a6b',
      'Ssp-From': CONSUMER_ASID,
      'Ssp-To': providerAsid,
      'Ssp-InteractionID': 'urn:nhs:names:services:nrl:DocumentReference.content.read',
    },
    overrides,
  );
}

/** `undefined` in overrides removes a header. */
function withOverrides(headers: Record<string, string>, overrides: Record<string, string | undefined>): Record<string, string> {
  const merged = Object.entries({ ...headers, ...overrides });
  return Object.fromEntries(merged.filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export interface OutcomeSummary {
  readonly status: number;
  readonly contentType: string | null;
  readonly codes: readonly (string | undefined)[];
  readonly issueCodes: readonly string[];
  readonly diagnostics: readonly (string | undefined)[];
}

/** The parts of an OperationOutcome reply the tests compare. */
export async function outcomeOf(response: Response): Promise<OutcomeSummary> {
  const body = (await response.json()) as {
    resourceType: string;
    issue: { code: string; diagnostics?: string; details?: { coding: { code: string }[] } }[];
  };
  if (body.resourceType !== 'OperationOutcome') throw new Error(`Expected an OperationOutcome, got ${body.resourceType}`);
  return {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    codes: body.issue.map((issue) => issue.details?.coding[0]?.code),
    issueCodes: body.issue.map((issue) => issue.code),
    diagnostics: body.issue.map((issue) => issue.diagnostics),
  };
}
