import { isServiceError } from './service-error';

/**
 * A short technical account of a failed delivery for the outbox and logs, e.g. `audit
 * unavailable: HTTP 503`. Kind and status only: a server's diagnostics, and even its error
 * codes, may quote the record it refused, which names the patient.
 */
export function deliveryProblem(error: unknown): string {
  if (!isServiceError(error)) return `audit delivery failed: ${error instanceof Error ? error.name : 'unknown error'}`;
  return error.status === undefined ? `audit ${error.kind}` : `audit ${error.kind}: HTTP ${error.status}`;
}
