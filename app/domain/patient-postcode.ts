import type { Patient } from './patient';

/** A whole UK postcode, with or without its space. */
const UK_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;

/**
 * The postcode of a patient's home address (PDS puts it last), or undefined: never for a
 * restricted patient (safety rule 4), and never a line that only might be one.
 */
export function postcodeOf(patient: Pick<Patient, 'address' | 'restricted'>): string | undefined {
  if (patient.restricted) return undefined;
  const last = patient.address?.at(-1)?.trim();
  return last !== undefined && UK_POSTCODE.test(last) ? last.toUpperCase() : undefined;
}
