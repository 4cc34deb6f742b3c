/**
 * NHS number rules (NHS Data Dictionary, Modulus 11; docs/national-apis.md §5).
 * Pure: no I/O, no React.
 */

declare const nhsNumberBrand: unique symbol;

/** Ten digits that pass Modulus 11. Only `parseNhsNumber` makes one. */
export type NhsNumber = string & { readonly [nhsNumberBrand]: true };

/** Why a typed string is not an NHS number; the UI turns each into words. */
export type NhsNumberProblem = 'empty' | 'not-digits' | 'wrong-length' | 'checksum';

export type NhsNumberParse =
  | { readonly ok: true; readonly value: NhsNumber }
  | { readonly ok: false; readonly problem: NhsNumberProblem };

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The check digit for nine digits, or undefined where Modulus 11 gives 10 (no valid number). */
export function checkDigitFor(nineDigits: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(nineDigits[i]) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/**
 * Accepts `9434765919`, `943 476 5919` or `943-476-5919` (spaces and hyphens anywhere are
 * dropped; crews copy numbers from many sources). `0000000000` passes the arithmetic but is
 * never issued, so it is rejected as a checksum problem.
 */
export function parseNhsNumber(input: string): NhsNumberParse {
  const compact = input.replace(/[\s-]/g, '');
  if (compact === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(compact)) return { ok: false, problem: 'not-digits' };
  if (compact.length !== 10) return { ok: false, problem: 'wrong-length' };
  if (/^0+$/.test(compact)) return { ok: false, problem: 'checksum' };
  const expected = checkDigitFor(compact.slice(0, 9));
  if (expected === undefined || expected !== Number(compact[9])) {
    return { ok: false, problem: 'checksum' };
  }
  return { ok: true, value: compact as NhsNumber };
}

/** `isNhsNumber` for values from outside (service replies, stored records). */
export function isNhsNumber(value: string): value is NhsNumber {
  return /^\d{10}$/.test(value) && parseNhsNumber(value).ok;
}

/** Shown as 3-3-4 digits: `943 476 5919`. */
export function formatNhsNumber(nhsNumber: NhsNumber): string {
  return `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
}

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
