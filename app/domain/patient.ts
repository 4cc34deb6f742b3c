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
 * "Jane SMITH": family name in capitals, the NHS convention that avoids given/family mix-ups.
 * Never an empty string: a missing name is said plainly.
 */
export function displayName(name: PatientName | undefined): string {
  if (!name) return NAME_NOT_AVAILABLE;
  return [...name.given, name.family.toUpperCase()].filter(Boolean).join(' ') || NAME_NOT_AVAILABLE;
}
