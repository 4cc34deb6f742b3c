import type { Patient } from '../../fhir/fhir-types';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "14 March 1991", the way UK clinical letters print dates. */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "999 000 0018". */
export function spacedNhsNumber(nhsNumber: string): string {
  return `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
}

/** "Amelia Crossley": how a trust's own document names the patient. */
export function documentName(patient: Patient): string {
  // Documents are written from the trust's own record, which always has the name.
  const name = patient.name?.[0];
  if (name === undefined) throw new Error(`No name to print for ${patient.id}: pass the record the trust holds`);
  return [...name.given, name.family].join(' ');
}
