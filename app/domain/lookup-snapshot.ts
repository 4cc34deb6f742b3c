import type { ContactDetails } from './contact-details';
import type { NhsNumber } from './nhs-number';
import type { Organisation } from './organisation';
import type { Patient } from './patient';
import type { PlanDocument } from './plan-document';
import type { PointerSearch } from './pointer';

/**
 * Everything one successful lookup learned, as one unit: who (PDS), what records exist (NRL),
 * the documents and team contacts retrieved for them, and when. The device cache stores and
 * replaces it whole, never piece by piece (DHIS2's lesson: no silently partial caches).
 */
export interface LookupSnapshot {
  /** PDS's answer. For restricted patients `address` is undefined (safety rule 4). */
  readonly patient: Patient;
  /** NRL's answer for `patient.nhsNumber`. */
  readonly search: PointerSearch;
  /** Retrieved documents, keyed by `documentKey(pointerId, contentUrl)`. A missing key: not retrieved. */
  readonly documents: Readonly<Record<string, PlanDocument>>;
  /** Contact-details pages read, keyed by URL. */
  readonly contacts: Readonly<Record<string, ContactDetails>>;
  /** ODS organisations, keyed by ODS code. */
  readonly organisations: Readonly<Record<string, Organisation>>;
  /** When the national services gave this answer (ISO instant). */
  readonly retrievedAt: string;
}

export function documentKey(pointerId: string, contentUrl: string): string {
  return `${pointerId} ${contentUrl}`;
}

/** The NHS numbers a snapshot answers for: the one typed and, if superseded, the current one. */
export function snapshotNhsNumbers(snapshot: LookupSnapshot): NhsNumber[] {
  const { nhsNumber, requestedNhsNumber } = snapshot.patient;
  return nhsNumber === requestedNhsNumber ? [nhsNumber] : [nhsNumber, requestedNhsNumber];
}
