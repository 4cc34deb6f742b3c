import { describe, expect, it } from 'vitest';
import { isNhsNumber } from '../../app/domain/nhs-number';
import { isValidNhsNumber } from './nhs-number-check';

describe("the mocks' own NHS-number check", () => {
  it('accepts issued numbers and the 999 test range', () => {
    for (const n of ['9434765919', '9990000018', '9990000026', '4010232137']) expect(isValidNhsNumber(n)).toBe(true);
  });

  it('refuses a wrong check digit, a check digit of 10, all zeros, and anything but ten digits', () => {
    // 999000001x: 9990000018 is valid, so every other last digit is wrong.
    expect(isValidNhsNumber('9990000017')).toBe(false);
    // 999000000: Modulus 11 gives 10, so no number starts so.
    expect(isValidNhsNumber('9990000000')).toBe(false);
    expect(isValidNhsNumber('0000000000')).toBe(false);
    for (const n of ['', '999000001', '99900000188', '999 000 0018', '999000001a']) expect(isValidNhsNumber(n)).toBe(false);
  });

  it("agrees with the app's check on every number of a sweep (two independent implementations)", () => {
    for (let i = 0; i < 20_000; i += 1) {
      const n = String(9_990_000_000 + i * 7919).slice(0, 10);
      expect(isValidNhsNumber(n), n).toBe(isNhsNumber(n));
    }
  });
});
