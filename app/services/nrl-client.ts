import type { RecordAccess } from '../domain/access-event';
import * as z from 'zod/mini';
import { NHS_NUMBER_SYSTEM, type NhsNumber } from '../domain/nhs-number';
import { comparePointers, type Pointer, type PointerSearch } from '../domain/pointer';
import { NrlDocumentReference, toPointer } from './nrl-document-reference';
import { findOutcomeSummary } from './operation-outcome';
import { summariseIssues } from './schema-issues';
import { ServiceError, type ServiceErrorKind } from './service-error';
import { callService, serviceUrl, type ServiceReply } from './service-request';
import { spineHeaders } from './spine-headers';
import { newRequestId, type RequestContext, type Transport } from './transport';

export type { PointerSearch };

export interface NrlClient {
  /** Throws ServiceError (service 'nrl'). An answer with no pointers is `pointers: []`. */
  searchPointers(nhsNumber: NhsNumber, context: RequestContext): Promise<PointerSearch>;
}

export type NrlLog = (message: string, detail?: unknown) => void;

/**
 * The most pointers one search may return and still be read. A person has a handful of
 * urgent-care records; hundreds means a broken or hostile answer, and a crew cannot read them
 * anyway. Past it the answer is "Could not check", never a partial list (issue 7 point 5). The
 * byte limit (REPLY_BYTE_LIMITS.nrl, 2 MB) stops a huge Bundle before it is parsed at all.
 */
export const MAX_POINTERS = 100;

/** The Bundle itself; its entries are checked one by one so one bad pointer cannot hide the rest. */
export const NrlSearchBundle = z.object({
  resourceType: z.literal('Bundle'),
  type: z.optional(z.string()),
  total: z.optional(z.number().check(z.int(), z.nonnegative())),
  link: z.optional(z.array(z.looseObject({ relation: z.optional(z.string()) }))),
  entry: z.optional(z.array(z.unknown())),
});
export type NrlSearchBundle = z.infer<typeof NrlSearchBundle>;

const BundleEntry = z.object({ resource: z.looseObject({ resourceType: z.string(), id: z.optional(z.unknown()) }) });

export function createNrlClient(o: {
  transport: Transport;
  baseUrl: string;
  /**
   * The crew's organisation, sent as `NHSD-End-User-Organisation-ODS`: the signed-in person's
   * selected role's `org_code` (issue 10), read at each request, since the person can change.
   */
  organisationOds: () => string;
  timeoutMs?: number;
  log?: NrlLog;
  /** Records each search before its answer is used (DESIGN.md rule 6). */
  recordAccess?: RecordAccess;
}): NrlClient {
  const log: NrlLog = o.log ?? (() => undefined);
  return {
    searchPointers(nhsNumber, context) {
      const requestId = newRequestId();
      return callService({
        service: 'nrl',
        transport: o.transport,
        context,
        timeoutMs: o.timeoutMs,
        // POST keeps the NHS number out of URLs, logs and caches (docs/national-apis.md §1.3).
        method: 'POST',
        url: serviceUrl(o.baseUrl, 'DocumentReference/_search'),
        headers: { ...spineHeaders({ requestId, context, organisationOds: o.organisationOds() }), 'Content-Type': 'application/json' },
        body: JSON.stringify({ 'subject:identifier': `${NHS_NUMBER_SYSTEM}|${nhsNumber}` }),
        requestId,
        access: o.recordAccess && { record: o.recordAccess, action: 'pointer-search', nhsNumber },
        read: (reply) => readSearch(reply, nhsNumber, log),
      });
    },
  };
}

async function readSearch(reply: ServiceReply, nhsNumber: NhsNumber, log: NrlLog): Promise<PointerSearch> {
  const bundle = await reply.json(NrlSearchBundle);
  const entries = bundle.entry ?? [];
  checkWhole(reply, bundle, entries.length);
  const pointers: Pointer[] = [];
  entries.forEach((raw, index) => {
    const pointer = readEntry(raw, index, nhsNumber, log);
    if (pointer) pointers.push(pointer);
  });
  pointers.sort(comparePointers);
  return { pointers, skippedEntries: entries.length - pointers.length };
}

/**
 * Refuses a Bundle that is not the whole answer, before any entry is read: NRL sends every match
 * in one Bundle (§1.4), so a `total` above the entries held or a `next` link means pointers are
 * missing, and one of them may be the crisis plan (DESIGN.md rule 3).
 */
function checkWhole(reply: ServiceReply, bundle: NrlSearchBundle, held: number): void {
  const total = bundle.total;
  const fail = (kind: ServiceErrorKind, detail: string, recordCount: number | undefined) =>
    new ServiceError({ service: 'nrl', kind, detail, status: reply.response.status, requestId: reply.requestId, recordCount });
  if (held > MAX_POINTERS) {
    throw fail('too-large', `Bundle holds ${held} entries (total ${total ?? 'not given'}); at most ${MAX_POINTERS} are read`, Math.max(held, total ?? 0));
  }
  if (total !== undefined && total > held) {
    throw fail('incomplete', `Bundle total is ${total} but it holds ${held} entries`, total);
  }
  if (bundle.link?.some((link) => link.relation === 'next')) {
    throw fail('incomplete', `Bundle has a next link (holds ${held} entries, total ${total ?? 'not given'}); NRL does not page`, total);
  }
}

function readEntry(raw: unknown, index: number, nhsNumber: NhsNumber, log: NrlLog): Pointer | undefined {
  const entry = BundleEntry.safeParse(raw);
  if (!entry.success) {
    log('NRL search: skipped an entry without a resource', { index, issues: summariseIssues(entry.error) });
    return undefined;
  }
  const { resourceType } = entry.data.resource;
  // Since 2025 NRLF returns an OperationOutcome entry for a stored pointer it cannot parse (§1.4).
  if (resourceType !== 'DocumentReference') {
    const outcome = findOutcomeSummary(entry.data.resource);
    log(`NRL search: skipped a ${resourceType} entry`, { index, resourceType, code: outcome?.code, diagnostics: outcome?.diagnostics });
    return undefined;
  }
  const id = typeof entry.data.resource.id === 'string' ? entry.data.resource.id : undefined;
  const parsed = NrlDocumentReference.safeParse(entry.data.resource);
  if (!parsed.success) {
    log('NRL search: skipped a DocumentReference that does not match the pointer schema', {
      index,
      id,
      issues: summariseIssues(parsed.error),
    });
    return undefined;
  }
  const resource = parsed.data;
  const subject = resource.subject.identifier;
  // Wrong-patient guard (DESIGN.md rule 1): never show a pointer for anyone but the searched number.
  if (subject.value !== nhsNumber || (subject.system !== undefined && subject.system !== NHS_NUMBER_SYSTEM)) {
    log('NRL search: dropped a pointer whose subject is not the searched NHS number', { index, id });
    return undefined;
  }
  // NRL returns only current pointers (§1.5); anything else is superseded or withdrawn.
  if (resource.status !== 'current') {
    log(`NRL search: skipped a pointer with status ${resource.status}`, { index, id });
    return undefined;
  }
  const { pointer, droppedContents } = toPointer(resource, nhsNumber);
  // Content items are judged one by one (consumer.yaml `Attachment.contentType` is free text):
  // an unusable item is dropped and logged, and the pointer goes only when nothing usable is left.
  for (const dropped of droppedContents) {
    log('NRL search: dropped a content item that cannot be used', { index, id, content: dropped.index, issues: dropped.issues });
  }
  if (!pointer) {
    log('NRL search: skipped a pointer with no usable content', { index, id });
    return undefined;
  }
  return pointer;
}
