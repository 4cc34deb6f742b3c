import * as z from 'zod/mini';
import { ACCESS_SESSIONS, type AccessAction, type AccessSession } from '../domain/access-event';
import type { AccessHistory, AccessHistoryFilters, AccessPerson, AccessRecord, AccessRecordOutcome } from '../domain/access-record';
import { ukDayBounds } from '../domain/calendar-days';
import { isNhsNumber, NHS_NUMBER_SYSTEM } from '../domain/nhs-number';
import {
  ACTIONS,
  INFORMATION_RECIPIENT,
  ODS_CODE_SYSTEM,
  PATIENT_ROLE,
  SDS_JOB_ROLE_CODE_SYSTEM,
  SDS_ROLE_PROFILE_ID_SYSTEM,
  SESSION_DETAIL,
  type Coding,
} from './audit-event-resource';
import { ServiceError } from './service-error';
import type { ServiceReply } from './service-request';

/**
 * The clinical leads' access history: FHIR R4 AuditEvent search parameters, and the searchset
 * Bundle read back into access records by the same table the events are written with
 * (`audit-event-resource.ts`). Loaded lazily by the audit client's `searchAccessHistory`.
 */

/**
 * How many records one search asks for. The rest come a page at a time, by the Bundle's `next`
 * link, when a lead asks for more.
 */
export const ACCESS_HISTORY_PAGE_SIZE = 100;

/** One page of the access history, with the way to the next one when the audit service gave it. */
export interface AccessHistoryPageResult extends AccessHistory {
  /** The Bundle's `link[relation=next].url`, exactly as given (FHIR paging: never rebuilt). */
  readonly next?: string | undefined;
}

/**
 * FHIR R4 AuditEvent search parameters for `filters` (hl7.org/fhir/R4/auditevent.html#search):
 * `date` is `AuditEvent.recorded`, bounded by the first and last millisecond of the UK days as
 * instants with a zone (a bare date would be read in the server's own zone); the patient by NHS
 * number as a token; the kind of access by type, subtype and entity role; one person by `altid`
 * (token on `AuditEvent.agent.altId`, where their CIS2 UUID is written); newest first.
 */
export function accessHistoryQuery(filters: AccessHistoryFilters): URLSearchParams {
  const from = ukDayBounds(filters.fromDate);
  const to = ukDayBounds(filters.toDate);
  if (!from || !to) throw new ServiceError({ service: 'audit', kind: 'rejected', detail: 'Access history dates are not calendar days (not sent)' });
  const query = new URLSearchParams();
  query.append('date', `ge${from.start}`);
  query.append('date', `le${to.end}`);
  if (filters.nhsNumber) query.append('patient:identifier', `${NHS_NUMBER_SYSTEM}|${filters.nhsNumber}`);
  if (filters.action) for (const [name, value] of accessActionSearch(filters.action)) query.append(name, value);
  if (filters.personId) query.append('altid', filters.personId);
  query.append('_sort', '-date');
  query.append('_count', String(ACCESS_HISTORY_PAGE_SIZE));
  return query;
}

/** A searchset Bundle; its entries are read one by one, so one odd entry cannot hide the rest. */
const AuditSearchBundle = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.optional(z.number().check(z.int(), z.nonnegative())),
  link: z.optional(z.array(z.object({ relation: z.string(), url: z.optional(z.string()) }))),
  entry: z.optional(z.array(z.unknown())),
});

/** A searchset may carry an OperationOutcome about the search itself (R4 `search.mode` "outcome"). */
const SearchOutcomeEntry = z.object({
  resource: z.object({ resourceType: z.literal('OperationOutcome') }),
  search: z.object({ mode: z.literal('outcome') }),
});

export async function readAccessHistory(reply: ServiceReply, filters: AccessHistoryFilters): Promise<AccessHistoryPageResult> {
  const bundle = await reply.json(AuditSearchBundle);
  const entries = (bundle.entry ?? []).filter((entry) => !SearchOutcomeEntry.safeParse(entry).success);
  const records: AccessRecord[] = [];
  for (const entry of entries) {
    const resource = typeof entry === 'object' && entry !== null ? (entry as { resource?: unknown }).resource : undefined;
    const record = accessRecordFrom(resource);
    if (!record) continue;
    // A server that ignored a filter would show a lead other patients' records as this one's:
    // the whole answer is then not trusted (DESIGN.md rule 1, wrong patient).
    if (
      (filters.nhsNumber && record.nhsNumber !== filters.nhsNumber) ||
      (filters.action && record.action !== filters.action) ||
      (filters.personId && record.person?.id !== filters.personId)
    ) {
      throw reply.malformed('Reply holds records the search did not ask for (a search parameter was ignored)');
    }
    records.push(record);
  }
  // Newest first even from a server that ignored _sort (within the page it sent).
  records.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  const next = (bundle.link ?? []).find((link) => link.relation === 'next' && link.url)?.url;
  const more = (bundle.link ?? []).some((link) => link.relation === 'next') || (bundle.total !== undefined && bundle.total > entries.length);
  return { records, unreadable: entries.length - records.length, more, next };
}

/**
 * R4 AuditEvent search parameters that select one kind of access: its `type`, `subtype` and the
 * role of the request entity, from the table the events are written with, so the two cannot
 * drift apart. Token values are `system|code`.
 */
export function accessActionSearch(action: AccessAction): readonly (readonly [name: string, value: string])[] {
  const mapping = ACTIONS[action];
  const token = (coding: Coding) => `${coding.system}|${coding.code}`;
  return [
    ['type', token(mapping.type)],
    ...(mapping.subtype ? [['subtype', token(mapping.subtype)] as const] : []),
    ['entity-role', token(mapping.role)],
  ];
}

const CodingRead = z.object({ system: z.optional(z.string()), code: z.optional(z.string()) });
const ReferenceRead = z.object({
  type: z.optional(z.string()),
  identifier: z.optional(z.object({ system: z.optional(z.string()), value: z.optional(z.string()) })),
  display: z.optional(z.string()),
});
const ConceptRead = z.object({ coding: z.optional(z.array(CodingRead)), text: z.optional(z.string()) });
const AgentRead = z.object({
  type: z.optional(ConceptRead),
  role: z.optional(z.array(ConceptRead)),
  who: z.optional(ReferenceRead),
  altId: z.optional(z.string()),
  name: z.optional(z.string()),
  requestor: z.optional(z.boolean()),
});
type AgentRead = z.output<typeof AgentRead>;
const Instant = z.iso.datetime({ offset: true }).check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be a real instant'));

/** The parts of a stored AuditEvent the access history reads; anything else is ignored. */
const StoredAuditEvent = z.object({
  resourceType: z.literal('AuditEvent'),
  id: z.string().check(z.minLength(1)),
  type: CodingRead,
  subtype: z.optional(z.array(CodingRead)),
  period: z.optional(z.object({ start: z.optional(Instant) })),
  recorded: Instant,
  outcomeDesc: z.optional(z.string()),
  agent: z.optional(z.array(AgentRead)),
  entity: z.optional(
    z.array(
      z.object({
        what: z.optional(ReferenceRead),
        role: z.optional(CodingRead),
        detail: z.optional(z.array(z.object({ type: z.optional(z.string()), valueString: z.optional(z.string()) }))),
      }),
    ),
  ),
});

const sameCoding = (a: { readonly system?: string | undefined; readonly code?: string | undefined }, b: Coding) => a.system === b.system && a.code === b.code;

/**
 * One stored AuditEvent back as an access record (the inverse of `toAuditEventResource`), or
 * undefined when it is not one this app wrote or cannot be read: an unknown kind of access, no
 * single patient by NHS number, no time, or an outcome in other words. The history counts those
 * rather than guessing what they mean.
 */
export function accessRecordFrom(resource: unknown): AccessRecord | undefined {
  const parsed = StoredAuditEvent.safeParse(resource);
  if (!parsed.success) return undefined;
  const event = parsed.data;
  const entities = event.entity ?? [];
  const roles = entities.flatMap((entity) => (entity.role ? [entity.role] : []));
  const action = (Object.keys(ACTIONS) as AccessAction[]).find((candidate) => {
    const mapping = ACTIONS[candidate];
    return (
      sameCoding(event.type, mapping.type) &&
      (mapping.subtype === undefined ? !event.subtype?.length : (event.subtype ?? []).some((coding) => sameCoding(coding, mapping.subtype!))) &&
      roles.some((role) => sameCoding(role, mapping.role))
    );
  });
  if (!action) return undefined;

  const patients = entities.filter((entity) => entity.what?.type === 'Patient' || (entity.role && sameCoding(entity.role, PATIENT_ROLE)));
  const numbers = new Set(patients.map((entity) => (entity.what?.identifier?.system === NHS_NUMBER_SYSTEM ? entity.what.identifier.value : undefined)));
  const [nhsNumber] = numbers;
  if (ACTIONS[action].namesPatient) {
    // Exactly one patient, named by a valid NHS number: a record about someone unclear is not shown.
    if (numbers.size !== 1 || nhsNumber === undefined || !isNhsNumber(nhsNumber)) return undefined;
  } else if (patients.length > 0) {
    // A search by details names no patient; one that does is not one this app wrote.
    return undefined;
  }

  const outcome = recordOutcome(action, event.outcomeDesc);
  if (!outcome) return undefined;
  const agents = event.agent ?? [];
  const isOrganisation = (agent: AgentRead) => agent.who?.identifier?.system === ODS_CODE_SYSTEM;
  // The requestor when the organisation is (before sign-in), else the organisation the person acted for.
  const organisation = agents.find((agent) => agent.requestor === true && isOrganisation(agent)) ?? agents.find(isOrganisation);
  const sessions = entities.flatMap((entity) => (entity.detail ?? []).filter((detail) => detail.type === SESSION_DETAIL).map((detail) => detail.valueString));
  return {
    id: event.id,
    action,
    nhsNumber: nhsNumber !== undefined && isNhsNumber(nhsNumber) ? nhsNumber : undefined,
    organisationOds: organisation?.who?.identifier?.value,
    organisationName: organisation?.who?.display,
    person: personFrom(agents, sessions[0]),
    occurredAt: event.period?.start ?? event.recorded,
    outcome,
  };
}

/**
 * The person `agentsFor` writes (audit-event-resource.ts): the requestor typed information
 * recipient, with their CIS2 UUID in `altId`. Undefined when there is none (an event from before
 * sign-in, or another system's), so a record is never shown as someone's it does not name.
 */
function personFrom(agents: readonly AgentRead[], session: string | undefined): AccessPerson | undefined {
  const agent = agents.find(
    (candidate) => candidate.requestor === true && (candidate.type?.coding ?? []).some((coding) => sameCoding(coding, INFORMATION_RECIPIENT)) && candidate.altId?.trim(),
  );
  if (!agent?.altId) return undefined;
  const role = (agent.role ?? []).find((concept) => (concept.coding ?? []).some((coding) => coding.system === SDS_JOB_ROLE_CODE_SYSTEM));
  const roleCode = role?.coding?.find((coding) => coding.system === SDS_JOB_ROLE_CODE_SYSTEM)?.code;
  return {
    id: agent.altId,
    name: agent.name ?? agent.who?.display,
    roleName: role?.text,
    roleCode,
    personRoleId: agent.who?.identifier?.system === SDS_ROLE_PROFILE_ID_SYSTEM ? agent.who.identifier.value : undefined,
    session: ACCESS_SESSIONS.find((known): known is AccessSession => known === session),
  };
}

/** The inverse of the outcome descriptions `toAuditEventResource` writes. */
function recordOutcome(action: AccessAction, description: string | undefined): AccessRecordOutcome | undefined {
  if (action === 'saved-copy-view') return { kind: 'shown-from-device' };
  const answered = /^HTTP (\d{3})$/.exec(description ?? '');
  if (answered) return { kind: 'answered', status: Number(answered[1]) };
  const noAnswer = /^No answer: (network|timeout|cancelled)$/.exec(description ?? '');
  if (noAnswer) return { kind: 'no-answer', reason: noAnswer[1] as 'network' | 'timeout' | 'cancelled' };
  return undefined;
}
