import type { Request } from '@playwright/test';
import { LIVE_CONFIG, type NationalServicesRecorder } from './national-services';

const auditBase = LIVE_CONFIG.services.audit;

interface BatchResponse {
  readonly entry?: readonly { readonly response?: { readonly status?: string } }[];
}

const accepted = (status: string | number | undefined) => /^20[01]\b/.test(String(status ?? ''));

/**
 * The AuditEvents the audit service accepted, in the order sent: each single `PUT AuditEvent/{id}`
 * answered 200 or 201, and each entry of a FHIR batch POSTed to the audit base whose own
 * response says 200 or 201 (the app sends batches where the service takes them: issue 13).
 */
export async function acceptedAuditEvents<T>(services: NationalServicesRecorder): Promise<T[]> {
  const sent = services.requests.filter(
    (r: Request) => (r.method() === 'PUT' && r.url().startsWith(`${auditBase}/AuditEvent/`)) || (r.method() === 'POST' && r.url() === `${auditBase}/`),
  );
  const events = await Promise.all(
    sent.map(async (request): Promise<T[]> => {
      const response = await request.response();
      if (request.method() === 'PUT') return accepted(response?.status()) ? [request.postDataJSON() as T] : [];
      if (response?.status() !== 200) return [];
      const reply = services.replies.get(request);
      const answers = reply === undefined ? [] : ((JSON.parse(reply.toString('utf8')) as BatchResponse).entry ?? []);
      const entries = (request.postDataJSON() as { entry: { resource: T }[] }).entry;
      return entries.filter((_, index) => accepted(answers[index]?.response?.status)).map((entry) => entry.resource);
    }),
  );
  return events.flat();
}
