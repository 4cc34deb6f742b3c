import * as z from 'zod/mini';
import { snapshotNhsNumbers, type LookupSnapshot } from '../domain/lookup-snapshot';
import { isNhsNumber, type NhsNumber } from '../domain/nhs-number';

/**
 * The shape of a LookupSnapshot, checked before it is written (never store a malformed record)
 * and again after it is decrypted (a record from an older app version may differ). Unknown
 * fields are stripped, so only what the domain defines is ever kept on the device.
 */

/**
 * A field that is always present in the domain type but may hold undefined. Accepts a missing
 * key too, so a record written without it still reads.
 */
export function maybe<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(z.optional(schema), z.transform((value: z.output<T> | undefined) => value));
}

export const NhsNumberField = z.custom<NhsNumber>((value) => typeof value === 'string' && isNhsNumber(value), 'must be a valid NHS number');
const Instant = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO instant'));

const Patient = z.object({
  nhsNumber: NhsNumberField,
  requestedNhsNumber: NhsNumberField,
  name: maybe(z.object({ prefix: maybe(z.string()), given: z.array(z.string()), family: z.string() })),
  birthDate: maybe(z.string()),
  gender: z.enum(['male', 'female', 'other', 'unknown']),
  restricted: z.boolean(),
  address: maybe(z.array(z.string())),
  deceasedAt: maybe(z.string()),
});

const PointerContent = z.object({
  contentType: z.string(),
  url: z.string(),
  title: maybe(z.string()),
  creation: maybe(z.string()),
  formatCode: z.string(),
  stability: maybe(z.enum(['static', 'dynamic'])),
  retrievalMechanism: maybe(z.enum(['SSP', 'Direct', 'LDR', 'InContext'])),
});

const Pointer = z.object({
  id: z.string(),
  subjectNhsNumber: NhsNumberField,
  recordType: z.object({ code: z.string(), display: z.string(), label: z.string(), rank: z.number() }),
  date: maybe(z.string()),
  authorOds: maybe(z.string()),
  custodianOds: z.string(),
  practiceSetting: maybe(z.object({ code: z.string(), display: maybe(z.string()) })),
  providerAsid: maybe(z.string()),
  contents: z.array(PointerContent),
});

const PlanDocument = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pdf'), bytes: z.instanceof(Uint8Array), contentType: z.string() }),
  z.object({ kind: z.literal('html'), html: z.string(), contentType: z.string() }),
  z.object({ kind: z.literal('fhir'), resource: z.record(z.string(), z.unknown()), contentType: z.string() }),
]);

const ContactDetails = z.object({
  sourceUrl: z.string(),
  teamName: maybe(z.string()),
  numbers: z.array(z.object({ label: z.string(), display: z.string(), tel: z.string() })),
  moreNumbers: maybe(z.number().check(z.int(), z.nonnegative())),
  hours: maybe(z.string()),
});

const Organisation = z.object({ odsCode: z.string(), name: z.string(), switchboard: maybe(z.string()) });

export const StoredSnapshot = z.object({
  patient: Patient,
  search: z.object({ pointers: z.array(Pointer), skippedEntries: z.number().check(z.int(), z.nonnegative()) }),
  documents: z.record(z.string(), PlanDocument),
  contacts: z.record(z.string(), ContactDetails),
  organisations: z.record(z.string(), Organisation),
  retrievedAt: Instant,
});

export type SnapshotParse = { readonly ok: true; readonly snapshot: LookupSnapshot } | { readonly ok: false; readonly reason: string };

/** A LookupSnapshot (the compiler checks the schema's output against the domain type), or why not. */
export function parseSnapshot(value: unknown): SnapshotParse {
  const parsed = StoredSnapshot.safeParse(value);
  if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error) };
  const snapshot: LookupSnapshot = parsed.data;
  // Safety rule 1, on the way in and out: a pointer may be filed under the number typed or the
  // one PDS holds now (the same person, confirmed by PDS), never under any other.
  const numbers = snapshotNhsNumbers(snapshot);
  if (snapshot.search.pointers.some((pointer) => !numbers.includes(pointer.subjectNhsNumber))) {
    return { ok: false, reason: 'search.pointers: a pointer for another patient' };
  }
  return { ok: true, snapshot };
}

/** Log-safe reasons a record failed its schema: paths and issue codes, never values. */
export function describeIssues(error: z.core.$ZodError, shown = 3): string {
  const listed = error.issues.slice(0, shown).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`);
  const more = error.issues.length - listed.length;
  return more > 0 ? `${listed.join('; ')}; and ${more} more` : listed.join('; ');
}
