import * as z from 'zod/mini';
import type { AccessEvent } from '../domain/access-event';
import { NhsNumberField, describeIssues, maybe } from './snapshot-schema';

/**
 * The shape of an AccessEvent, checked before it is sealed (the outbox must hold only events the
 * audit service can take) and again after it is opened (an event from an older app version may
 * differ). Unknown fields are stripped. Only what delivery needs is enforced: the action, the
 * outcome's shape and the instants. Action/outcome combinations are not: refusing an odd but
 * genuine event would lose a record of an access, which is worse than delivering it.
 */

/**
 * An audit instant must say which offset it is in: a local time without one ("14:02") would be
 * read in whatever zone the reader is in. Date.parse also rules out 25:00 and 30 February.
 */
const AuditInstant = z.iso.datetime({ offset: true }).check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real instant'));

/** It becomes the FHIR AuditEvent's id, so it must be a valid FHIR id (a UUID is). */
const FhirId = z.string().check(z.regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id'));

const AccessRequest = z.object({
  method: z.string().check(z.minLength(1)),
  url: z.string().check(z.minLength(1)),
  requestId: maybe(z.string()),
});

const AccessOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('answered'), status: z.number().check(z.int(), z.gte(100), z.lte(599)), answeredAt: AuditInstant }),
  z.object({ kind: z.literal('no-answer'), reason: z.enum(['network', 'timeout', 'cancelled']), at: AuditInstant }),
  z.object({ kind: z.literal('shown-from-device') }),
]);

/**
 * Who made the access (issue 10). Rows recorded before sign-in existed have no `actor` key and
 * read as undefined: they are delivered as they were, never dropped. A row that has an actor must
 * have all of it, so an event never names half a person.
 */
const Text = z.string().check(z.minLength(1));
const AccessActor = z.object({
  personId: Text,
  name: Text,
  personRoleId: Text,
  roleCode: Text,
  roleName: Text,
  organisationOds: Text,
  organisationName: maybe(z.string()),
  session: z.enum(['signed-in', 'offline', 'demo']),
});

export const StoredAccessEvent = z.object({
  id: FhirId,
  action: z.enum(['patient-read', 'patient-search', 'pointer-search', 'document-retrieval', 'saved-copy-view']),
  // Undefined only for a search by details, which names no patient and carries its `query` instead.
  nhsNumber: maybe(NhsNumberField),
  query: maybe(z.string().check(z.minLength(1))),
  organisationOds: z.string().check(z.minLength(1)),
  actor: maybe(AccessActor),
  asid: maybe(z.string()),
  correlationId: z.string().check(z.minLength(1)),
  pointerId: maybe(z.string()),
  occurredAt: AuditInstant,
  request: maybe(AccessRequest),
  outcome: AccessOutcome,
}).check(z.refine((event) => event.nhsNumber !== undefined || event.query !== undefined, 'must name a patient or a search'));

export type AccessEventParse = { readonly ok: true; readonly event: AccessEvent } | { readonly ok: false; readonly reason: string };

/** An AccessEvent (the compiler checks the schema's output against the domain type), or why not. */
export function parseAccessEvent(value: unknown): AccessEventParse {
  const parsed = StoredAccessEvent.safeParse(value);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const event: AccessEvent = parsed.data;
  return { ok: true, event };
}
