import type { NhsNumber } from './nhs-number';

export type Gender = 'male' | 'female' | 'other' | 'unknown';

/** Who PDS says this is. Built only from a parsed PDS reply. */
export interface Patient {
  /** The number PDS holds now. Differs from `requestedNhsNumber` when the old one was superseded. */
  readonly nhsNumber: NhsNumber;
  readonly requestedNhsNumber: NhsNumber;
  /**
   * PDS may leave the name out (its spec requires only `id`; restricted and minimal-data
   * records can lack it). The banner then says so and still shows the NHS number.
   */
  readonly name: PatientName | undefined;
  /** ISO date `YYYY-MM-DD` (PDS may send `YYYY` or `YYYY-MM` for partial dates). */
  readonly birthDate: string | undefined;
  readonly gender: Gender;
  /**
   * PDS security label R (restricted / sensitive patient): location data must never be shown
   * or stored (DESIGN.md safety rule 4). When true, `address` is always undefined.
   */
  readonly restricted: boolean;
  /** Home address lines with postcode last; undefined when restricted or not held. */
  readonly address: readonly string[] | undefined;
  /** ISO date-time, only when PDS records the patient as deceased. */
  readonly deceasedAt: string | undefined;
}

export interface PatientName {
  readonly prefix: string | undefined;
  readonly given: readonly string[];
  readonly family: string;
}

export function isSuperseded(patient: Pick<Patient, 'nhsNumber' | 'requestedNhsNumber'>): boolean {
  return patient.nhsNumber !== patient.requestedNhsNumber;
}

export const NAME_NOT_AVAILABLE = 'Name not available';

/**
 * A restricted record (security label R) with no name: PDS withholds it on purpose ("may not
 * appear if the patient is tagged as restricted"), so every sentence says so, the same way
 * (issue 9 point 6).
 */
export const NAME_WITHHELD = 'Name withheld';

/**
 * "Jane SMITH": family name in capitals, the NHS convention that avoids given/family mix-ups.
 * Never an empty string: a missing name is said plainly, "Name withheld" on a restricted record.
 * Takes the patient, not the name, so no caller can forget the restricted case.
 */
export function displayName(patient: Pick<Patient, 'name' | 'restricted'>): string {
  const missing = patient.restricted ? NAME_WITHHELD : NAME_NOT_AVAILABLE;
  const { name } = patient;
  if (!name) return missing;
  return [...name.given, name.family.toUpperCase()].filter(Boolean).join(' ') || missing;
}
