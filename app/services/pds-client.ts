import type { RecordAccess } from '../domain/access-event';
import * as z from 'zod/mini';
import { isNhsNumber, type NhsNumber } from '../domain/nhs-number';
import type { Patient, PatientName } from '../domain/patient';
import {
  patientSearchQueryString,
  sortMatches,
  type PatientMatch,
  type PatientSearch,
  type PatientSearchOutcome,
  type SearchQueryOptions,
} from '../domain/patient-search';
import { findOutcomeSummary, OperationOutcome } from './operation-outcome';
import { callService, serviceUrl, type ServiceReply } from './service-request';
import { spineHeaders } from './spine-headers';
import { newRequestId, type RequestContext, type Transport } from './transport';

export interface PdsClient {
  /** Throws ServiceError (service 'pds'): not-found, invalidated, rejected, … */
  getPatient(nhsNumber: NhsNumber, context: RequestContext): Promise<Patient>;
  /**
   * PDS search by details (`GET Patient?family=…`, issue 12): the people who match, best first,
   * or no match, or too many. The search is recorded as an access (its terms, not the people
   * found) before anything in the answer is read. Throws ServiceError (service 'pds') otherwise:
   * rejected (400: INVALID_SEARCH_DATA, MISSING_VALUE, INVALID_VALUE…), unauthorised, forbidden,
   * rate-limited, unavailable, malformed (including a 200 OperationOutcome other than
   * TOO_MANY_MATCHES: the server did not search, which is never "no match"), network, timeout.
   */
  searchPatients(search: PatientSearch, context: RequestContext, options?: SearchQueryOptions): Promise<PatientSearchOutcome>;
}

const Period = z.object({ start: z.optional(z.string()), end: z.optional(z.string()) });

const PdsName = z.object({
  use: z.optional(z.string()),
  period: z.optional(Period),
  prefix: z.optional(z.array(z.string())),
  given: z.optional(z.array(z.string())),
  family: z.optional(z.string()),
});

const PdsAddress = z.object({
  use: z.optional(z.string()),
  period: z.optional(Period),
  line: z.optional(z.array(z.string())),
  city: z.optional(z.string()),
  district: z.optional(z.string()),
  postalCode: z.optional(z.string()),
});

/** The parts of a PDS Patient we use (docs/national-apis.md §3). */
export const PdsPatient = z.object({
  resourceType: z.literal('Patient'),
  id: z.string(),
  meta: z.optional(z.object({ security: z.optional(z.array(z.object({ system: z.optional(z.string()), code: z.optional(z.string()) }))) })),
  // PDS `components/schemas/Patient.yaml` requires only `id`: `name` "may not appear if the patient
  // is tagged as restricted", and the sandbox's Minimal_Patient (9000000033) has no name, gender or
  // birthDate. A missing or empty list becomes "Name withheld" on a restricted record, else "Name not available" (displayName); the NHS number still identifies.
  name: z.optional(z.array(PdsName)),
  gender: z.optional(z.enum(['male', 'female', 'other', 'unknown'])),
  birthDate: z.optional(z.string().check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'))),
  deceasedDateTime: z.optional(z.string()),
  address: z.optional(z.array(PdsAddress)),
});
export type PdsPatient = z.infer<typeof PdsPatient>;

/**
 * Security labels that withhold location data. PDS strips address for `R` (§3); `V` (very
 * restricted) is stricter still, so it gets the same treatment.
 */
const RESTRICTED_LABELS = new Set(['R', 'V', 'REDACTED']);

export function createPdsClient(o: {
  transport: Transport;
  baseUrl: string;
  /**
   * The crew's organisation, sent as `NHSD-End-User-Organisation-ODS`: the signed-in person's
   * selected role's `org_code` (issue 10), read at each request, since the person can change.
   */
  organisationOds: () => string;
  timeoutMs?: number;
  /** Records each read of a patient before it is used (DESIGN.md rule 6). */
  recordAccess?: RecordAccess;
}): PdsClient {
  return {
    getPatient(nhsNumber, context) {
      const requestId = newRequestId();
      return callService({
        service: 'pds',
        transport: o.transport,
        context,
        timeoutMs: o.timeoutMs,
        method: 'GET',
        url: serviceUrl(o.baseUrl, `Patient/${encodeURIComponent(nhsNumber)}`),
        headers: spineHeaders({ requestId, context, organisationOds: o.organisationOds() }),
        requestId,
        access: o.recordAccess && { record: o.recordAccess, action: 'patient-read', nhsNumber },
        read: (reply) => readPatient(reply, nhsNumber),
      });
    },

    searchPatients(search, context, options) {
      const requestId = newRequestId();
      const query = patientSearchQueryString(search, options);
      return callService({
        service: 'pds',
        transport: o.transport,
        context,
        timeoutMs: o.timeoutMs,
        method: 'GET',
        url: `${serviceUrl(o.baseUrl, 'Patient')}?${query}`,
        headers: spineHeaders({ requestId, context, organisationOds: o.organisationOds() }),
        requestId,
        access: o.recordAccess && { record: o.recordAccess, action: 'patient-search', nhsNumber: undefined, query },
        read: readSearchReply,
      });
    },
  };
}

/** A searchset entry (PDS `components/schemas/PatientSearch.yaml`): every match carries a score. */
const PdsSearchEntry = z.object({
  fullUrl: z.optional(z.string()),
  search: z.object({ score: z.number().check(z.gte(0), z.lte(1)) }),
  resource: PdsPatient,
});

/** An empty search has no `entry` at all (the PDS sandbox's EMPTY_SEARCHSET: `total: 0`). */
const PdsSearchBundle = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  total: z.optional(z.number()),
  entry: z.optional(z.array(PdsSearchEntry)),
});

const PdsSearchReply = z.discriminatedUnion('resourceType', [PdsSearchBundle, OperationOutcome]);

/**
 * A 200 to a search is a searchset, or an OperationOutcome coded TOO_MANY_MATCHES (the spec's 200
 * response; the sandbox's TOO_MANY_MATCHES.json, severity `information`, issue `multiple-matches`).
 */
async function readSearchReply(reply: ServiceReply): Promise<PatientSearchOutcome> {
  const body = await reply.json(PdsSearchReply);
  if (body.resourceType === 'OperationOutcome') {
    const outcome = findOutcomeSummary(body);
    if (outcome?.code === 'TOO_MANY_MATCHES') return { kind: 'too-many' };
    // The PDS sandbox answers a combination it has no example for with a 200 `not-supported`
    // warning: no search was done, so it must never read as "no one matched".
    throw reply.malformed(`Search answered 200 with an OperationOutcome (${outcome?.code ?? outcome?.issueCodes.join(', ') ?? 'no code'}), not a searchset`);
  }
  const best = new Map<NhsNumber, PatientMatch>();
  for (const entry of body.entry ?? []) {
    if (!isNhsNumber(entry.resource.id)) throw reply.malformed('A search entry’s Patient.id is not a valid NHS number');
    const nhsNumber = entry.resource.id;
    const { score } = entry.search;
    const match: PatientMatch = { patient: toPatient(entry.resource, nhsNumber, nhsNumber), score, exact: score === 1 };
    // One person twice (a server listing a merged record under both numbers would give its
    // successor's id both times): listed once, at the better score.
    const seen = best.get(nhsNumber);
    if (!seen || seen.score < score) best.set(nhsNumber, match);
  }
  if (best.size === 0) return { kind: 'no-match' };
  return { kind: 'matches', matches: sortMatches([...best.values()]) };
}

async function readPatient(reply: ServiceReply, requested: NhsNumber): Promise<Patient> {
  const resource = await reply.json(PdsPatient);
  // A superseded number answers 200 with the new record; its id is the number to use from now on (§3).
  if (!isNhsNumber(resource.id)) throw reply.malformed('Patient.id is not a valid NHS number');
  return toPatient(resource, resource.id, requested);
}

export function toPatient(resource: PdsPatient, nhsNumber: NhsNumber, requested: NhsNumber, now: Date = new Date()): Patient {
  const restricted = (resource.meta?.security ?? []).some((label) => label.code !== undefined && RESTRICTED_LABELS.has(label.code));
  return {
    nhsNumber,
    requestedNhsNumber: requested,
    name: resource.name?.length ? toName(chooseName(resource.name, now.getTime())) : undefined,
    birthDate: resource.birthDate,
    gender: resource.gender ?? 'unknown',
    restricted,
    // Never carried further for restricted patients, even if a reply wrongly includes it (DESIGN.md rule 4).
    address: restricted ? undefined : homeAddress(resource.address ?? [], now.getTime()),
    deceasedAt: resource.deceasedDateTime,
  };
}

type Name = z.infer<typeof PdsName>;
type Address = z.infer<typeof PdsAddress>;

/** Usual and current first, then any current name that is not `old`, then any usual, then the first. */
function chooseName(names: readonly Name[], now: number): Name {
  const current = names.filter((n) => isCurrent(n.period, now));
  return (
    current.find((n) => n.use === 'usual') ??
    current.find((n) => n.use !== 'old') ??
    names.find((n) => n.use === 'usual') ??
    names[0]!
  );
}

/** Undefined when the chosen name has neither a given nor a family part: there is nothing to show. */
function toName(name: Name): PatientName | undefined {
  const given = (name.given ?? []).map((g) => g.trim()).filter(Boolean);
  const family = name.family?.trim() ?? '';
  if (given.length === 0 && family === '') return undefined;
  return { prefix: name.prefix?.find((p) => p.trim())?.trim(), given, family };
}

function homeAddress(addresses: readonly Address[], now: number): string[] | undefined {
  const home = addresses.find((a) => a.use === 'home' && isCurrent(a.period, now));
  if (!home) return undefined;
  const lines = (home.line ?? []).map((l) => l.trim()).filter(Boolean);
  for (const extra of [home.city, home.district]) {
    const text = extra?.trim();
    if (text && !lines.includes(text)) lines.push(text);
  }
  const postcode = home.postalCode?.trim();
  if (postcode) lines.push(postcode);
  return lines.length > 0 ? lines : undefined;
}

const DAY_MS = 86_400_000;

/** A period is current when it has started and not ended; a date-only end lasts the whole day. */
function isCurrent(period: z.infer<typeof Period> | undefined, now: number): boolean {
  const start = period?.start ? Date.parse(period.start) : Number.NaN;
  const endText = period?.end;
  const end = endText ? Date.parse(endText) + (endText.length === 10 ? DAY_MS : 0) : Number.NaN;
  return !(start > now) && !(end <= now);
}
