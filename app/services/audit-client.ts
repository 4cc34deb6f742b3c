import * as z from 'zod/mini';
import type { AccessEvent } from '../domain/access-event';
import type { AccessHistoryFilters } from '../domain/access-record';
import type { AccessHistoryPageResult } from './audit-history-search';
import { toAuditEventResource } from './audit-event-resource';
import { isJsonMediaType } from './media-types';
import { summariseIssues } from './schema-issues';
import { callService, kindForStatus, serviceUrl, type ServiceReply } from './service-request';
import { ServiceError, type ServiceErrorKind } from './service-error';
import { spineHeaders } from './spine-headers';
import { newRequestId, type Transport } from './transport';

export interface AuditClient {
  /**
   * Resolves only once the audit service has answered 200 or 201 with the stored AuditEvent
   * naming the event's own id; until then the event stays in the outbox. Throws ServiceError (service 'audit'); a cancelled signal rejects
   * with its reason.
   */
  deliver(event: AccessEvent, context?: { readonly signal?: AbortSignal }): Promise<void>;
  /**
   * Several events in one request: a FHIR `batch` Bundle POSTed to the audit base, each entry the
   * same update-as-create `deliver` sends (R4 http.html#transaction; a batch, not a transaction,
   * so one refused event does not hold back the rest). Per event, in order: undefined when the
   * service answered 200 or 201 naming its id (the stored AuditEvent, or its location), else
   * the ServiceError for that entry. `{ taken: false }` when the service takes no batch at its
   * base (it refused the request as such: 400, 404, 405, 413, 415, 422 or 501): send each on its own.
   * Throws ServiceError when the request as a whole failed (no answer, 401, 403, 429, 5xx, a reply
   * that is no batch-response for these entries): nothing is known to be stored.
   */
  deliverBatch(events: readonly AccessEvent[], context?: { readonly signal?: AbortSignal }): Promise<BatchDelivery>;
  /**
   * The accesses the audit service holds that match `filters`, newest first: the clinical leads'
   * access history. Throws ServiceError (service 'audit'); a cancelled signal rejects with its
   * reason. Entries it cannot read are counted, not shown.
   *
   * One page at a time: with `next` (the previous page's `next` link, as given) it reads the page
   * after, checked against the same `filters`. A `next` link to anywhere but under the audit
   * service's own base path is refused as 'malformed' without a request, so a reply cannot send
   * the app (and its gateway credentials) elsewhere, not even to another service on the gateway.
   */
  searchAccessHistory(
    filters: AccessHistoryFilters,
    context?: { readonly signal?: AbortSignal; readonly next?: string | undefined },
  ): Promise<AccessHistoryPageResult>;
}

export type BatchDelivery = { readonly taken: false } | { readonly taken: true; readonly results: readonly (ServiceError | undefined)[] };

/** Statuses with which a server refuses a batch as such (no batch at its base), not an event in it. */
const BATCH_NOT_TAKEN = new Set([400, 404, 405, 413, 415, 422, 501]);

/** FHIR R4 `id`: the audit service would refuse anything else, so it is not sent. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function createAuditClient(o: {
  transport: Transport;
  baseUrl: string;
  /** This system as the AuditEvent's observer (`source.observer.display`). */
  observer: { readonly name: string };
  timeoutMs?: number;
}): AuditClient {
  return {
    async deliver(event, context = {}) {
      if (!FHIR_ID.test(event.id)) {
        throw new ServiceError({ service: 'audit', kind: 'rejected', detail: 'Access event id is not a FHIR id (not sent)' });
      }
      const requestId = newRequestId();
      // The event's own correlation id, so the audit record and the calls it describes share one.
      // No onRequest: delivering an audit record is not itself an access to record.
      const requestContext = { correlationId: event.correlationId, ...(context.signal ? { signal: context.signal } : {}) };
      // Update-as-create with the event's own id (FHIR RESTful "update"): if the reply to an
      // earlier attempt was lost, the retry overwrites the same AuditEvent rather than storing a
      // second one, so the outbox can simply send again until it hears 200 or 201.
      await callService({
        service: 'audit',
        transport: o.transport,
        context: requestContext,
        timeoutMs: o.timeoutMs,
        method: 'PUT',
        url: serviceUrl(o.baseUrl, `AuditEvent/${event.id}`),
        headers: {
          ...spineHeaders({ requestId, context: requestContext }),
          'Content-Type': 'application/fhir+json',
          // The stored resource, with its id, is the only reply that confirms this event was stored.
          Prefer: 'return=representation',
        },
        body: JSON.stringify(toAuditEventResource(event, o.observer)),
        requestId,
        read: (reply) => confirmStored(reply, event.id),
      });
    },

    async deliverBatch(events, context = {}) {
      const notFhirId = new ServiceError({ service: 'audit', kind: 'rejected', detail: 'Access event id is not a FHIR id (not sent)' });
      const sent = events.filter((event) => FHIR_ID.test(event.id));
      if (sent.length === 0) return { taken: true, results: events.map(() => notFhirId) };
      const requestId = newRequestId();
      // One correlation id for the batch: each AuditEvent inside still carries its own calls' id.
      const requestContext = { correlationId: newRequestId(), ...(context.signal ? { signal: context.signal } : {}) };
      const bundle = {
        resourceType: 'Bundle',
        type: 'batch',
        entry: sent.map((event) => ({
          resource: toAuditEventResource(event, o.observer),
          request: { method: 'PUT', url: `AuditEvent/${event.id}` },
        })),
      };
      let answers: readonly (ServiceError | undefined)[];
      try {
        answers = await callService({
          service: 'audit',
          transport: o.transport,
          context: requestContext,
          timeoutMs: o.timeoutMs,
          method: 'POST',
          // The base itself, written with its trailing slash: FHIR servers take a batch at either,
          // and a deployment's CSP names each service base as a path prefix ("…/R4/"), which the
          // bare base would fall outside (docs/deployment.md).
          url: serviceUrl(o.baseUrl, ''),
          headers: {
            ...spineHeaders({ requestId, context: requestContext }),
            'Content-Type': 'application/fhir+json',
            Prefer: 'return=representation',
          },
          body: JSON.stringify(bundle),
          requestId,
          read: (reply) => readBatchResponse(reply, sent.map((event) => event.id)),
        });
      } catch (error) {
        if (error instanceof ServiceError && error.status !== undefined && BATCH_NOT_TAKEN.has(error.status)) return { taken: false };
        throw error;
      }
      const byId = new Map(sent.map((event, index) => [event.id, answers[index]]));
      return { taken: true, results: events.map((event) => (FHIR_ID.test(event.id) ? byId.get(event.id) : notFhirId)) };
    },

    async searchAccessHistory(filters, context = {}) {
      const requestId = newRequestId();
      // Reading the audit log is not itself an access to a patient's record, so no onRequest and
      // no access is recorded; the gateway logs who asked (docs/deployment.md).
      const requestContext = { correlationId: newRequestId(), ...(context.signal ? { signal: context.signal } : {}) };
      // Loaded on first use: only the clinical leads' screen searches, and the crew's first
      // screen (which builds this client) should not carry the reading of AuditEvents.
      const { accessHistoryQuery, readAccessHistory } = await import('./audit-history-search');
      // A GET, as FHIR search usually is, so an NHS number filter is in the URL (unlike the NRL
      // search, which POSTs it): the gateway's logs hold it (docs/deployment.md). A later page
      // is the server's own `next` link, followed as given (FHIR paging), but only to the audit service.
      const url = context.next === undefined ? `${serviceUrl(o.baseUrl, 'AuditEvent')}?${accessHistoryQuery(filters).toString()}` : underBase(context.next, o.baseUrl);
      return callService({
        service: 'audit',
        transport: o.transport,
        context: requestContext,
        timeoutMs: o.timeoutMs,
        method: 'GET',
        url,
        headers: spineHeaders({ requestId, context: requestContext }),
        requestId,
        read: (reply) => readAccessHistory(reply, filters),
      });
    },
  };
}

/**
 * `next` unchanged when it is an absolute URL under the audit base: same origin and the base's
 * path or below it (HAPI pages at the base itself: `{base}?_getpages=…`). The gateway serves
 * other services on the same origin (PDS, NRL), so the origin alone is not enough. The URL parser
 * has already resolved `..` and `%2e%2e` segments, so they cannot climb out of the base.
 */
function underBase(next: string, base: string): string {
  const parse = (url: string) => {
    try {
      return new URL(url);
    } catch {
      return undefined;
    }
  };
  const link = parse(next);
  const root = parse(base);
  const basePath = root?.pathname.replace(/\/+$/, '') ?? '';
  const inside =
    link !== undefined &&
    root !== undefined &&
    link.origin !== 'null' &&
    link.origin === root.origin &&
    link.username === '' &&
    link.password === '' &&
    (link.pathname === basePath || link.pathname === `${basePath}/` || link.pathname.startsWith(`${basePath}/`));
  if (!inside) {
    // The link itself is not quoted: it may carry the patient's NHS number.
    throw new ServiceError({ service: 'audit', kind: 'malformed', detail: 'The next page link is not under the audit service’s base (not sent)' });
  }
  return next;
}

/** The stored resource a FHIR update returns under `Prefer: return=representation`. */
const StoredAuditEvent = z.object({ resourceType: z.literal('AuditEvent'), id: z.string() });

/**
 * 200 (updated) and 201 (created) are the only confirmations FHIR update gives, and only the
 * stored AuditEvent carrying the event's own id says it is this event that was stored: an empty
 * body, an OperationOutcome or another resource could come from a gateway or a sign-in page that
 * never reached the server, and must never mark an event delivered (issue 7 point 9).
 */
async function confirmStored(reply: ServiceReply, id: string): Promise<void> {
  const { status } = reply.response;
  if (status !== 200 && status !== 201) throw reply.malformed(`Expected 200 or 201 from a FHIR update but got HTTP ${status}`);
  const text = await reply.text();
  if (text.trim() === '') throw reply.malformed(`HTTP ${status} with no body: the stored AuditEvent was asked for (Prefer: return=representation)`);
  if (!isJsonMediaType(reply.mediaType)) throw reply.malformed(`Expected a FHIR JSON reply but got ${reply.mediaType ?? 'no content type'}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    // The parser's message quotes the body: keep it out of logs.
    throw reply.malformed('Reply is not valid JSON', cause);
  }
  const parsed = StoredAuditEvent.safeParse(body);
  if (!parsed.success) throw reply.malformed(`Reply is not the stored AuditEvent: ${summariseIssues(parsed.error)}`, parsed.error);
  if (parsed.data.id !== id) throw reply.malformed('Reply is an AuditEvent with a different id');
}

const BatchResponse = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('batch-response'),
  entry: z.array(
    z.object({
      resource: z.optional(z.unknown()),
      response: z.object({ status: z.string(), location: z.optional(z.string()) }),
    }),
  ),
});

/**
 * A batch-response: one entry per event sent, in the order sent (R4 Bundle.entry). An entry
 * confirms its event only with 200 or 201 and the event's own id, in the stored AuditEvent or in
 * its location (`AuditEvent/{id}/_history/n`); anything less leaves the event waiting. The reply
 * as a whole must be a batch-response for exactly these entries, or nothing is confirmed.
 */
async function readBatchResponse(reply: ServiceReply, ids: readonly string[]): Promise<(ServiceError | undefined)[]> {
  const { status } = reply.response;
  if (status !== 200) throw reply.malformed(`Expected 200 with a batch-response but got HTTP ${status}`);
  if (!isJsonMediaType(reply.mediaType)) throw reply.malformed(`Expected a FHIR JSON reply but got ${reply.mediaType ?? 'no content type'}`);
  let body: unknown;
  try {
    body = JSON.parse(await reply.text());
  } catch (cause) {
    throw reply.malformed('Reply is not valid JSON', cause);
  }
  const parsed = BatchResponse.safeParse(body);
  if (!parsed.success) throw reply.malformed(`Reply is not a batch-response: ${summariseIssues(parsed.error)}`, parsed.error);
  const entries = parsed.data.entry;
  if (entries.length !== ids.length) throw reply.malformed(`The batch-response has ${entries.length} entries for ${ids.length} sent`);
  return entries.map(({ resource, response }, index) => {
    const id = ids[index]!;
    const code = Number(/^\s*(\d{3})\b/.exec(response.status)?.[1]);
    const fail = (kind: ServiceErrorKind, detail: string) => new ServiceError({ service: 'audit', kind, detail, status: Number.isNaN(code) ? undefined : code, requestId: reply.requestId });
    if (Number.isNaN(code)) return fail('malformed', 'A batch entry has no HTTP status');
    if (code !== 200 && code !== 201) return code >= 200 && code < 300 ? fail('malformed', `Batch entry answered HTTP ${code}, not 200 or 201`) : fail(kindForStatus(code), `Batch entry answered HTTP ${code}`);
    const stored = StoredAuditEvent.safeParse(resource);
    const named = (stored.success && stored.data.id === id) || locationNames(response.location, id);
    return named ? undefined : fail('malformed', 'Batch entry answered without the stored AuditEvent or its location for this id');
  });
}

/** `…/AuditEvent/{id}` or `…/AuditEvent/{id}/_history/{version}`, relative or absolute. */
function locationNames(location: string | undefined, id: string): boolean {
  if (location === undefined) return false;
  const path = location.split(/[?#]/)[0]!;
  // Ids are FHIR ids (letters, digits, '-' and '.'): only the dot needs escaping.
  return new RegExp(`(^|/)AuditEvent/${id.replace(/\./g, '\\.')}(/_history/[^/]+)?$`).test(path);
}
