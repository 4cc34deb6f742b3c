/**
 * The services' own NHS-number check (NHS Data Dictionary, Modulus 11), written apart from the
 * app's `app/domain/nhs-number.ts` on purpose: the mocks stand in for PDS and NRL, so they must
 * not share a bug with the client they test (`.ci/dependency-rules.cjs`, mocks-never-import-app).
 */
export function isValidNhsNumber(value: string): boolean {
  if (!/^[0-9]{10}$/.test(value)) return false;
  // Never issued, though the arithmetic passes.
  if (value === '0000000000') return false;
  const digits = [...value].map(Number);
  const weighted = digits.slice(0, 9).reduce((sum, digit, index) => sum + digit * (10 - index), 0);
  const remainder = weighted % 11;
  // Remainder 0 gives check digit 0; remainder 1 would need check digit 10, so no number has it.
  if (remainder === 1) return false;
  const checkDigit = remainder === 0 ? 0 : 11 - remainder;
  return checkDigit === digits[9];
}
