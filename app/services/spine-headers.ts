import type { RequestContext } from './transport';

/**
 * Headers the NHS API platform asks of every PDS and NRL call (docs/national-apis.md §1.2, §3).
 * The gateway adds the credentials; it forwards these unchanged.
 */
export function spineHeaders(o: {
  readonly requestId: string;
  readonly context: RequestContext;
  readonly organisationOds?: string | undefined;
}): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/fhir+json',
    'X-Request-ID': o.requestId,
    'X-Correlation-ID': o.context.correlationId,
  };
  if (o.organisationOds !== undefined) headers['NHSD-End-User-Organisation-ODS'] = o.organisationOds;
  return headers;
}
