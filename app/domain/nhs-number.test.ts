import { describe, expect, it } from 'vitest';
import { checkDigitFor, formatNhsNumber, isNhsNumber, parseNhsNumber, type NhsNumber } from './nhs-number';

describe('parseNhsNumber', () => {
  it.each(['9434765919', '943 476 5919', '943-476-5919', ' 943 476 5919 ', '9434 765 919'])(
    'accepts %j',
    (input) => {
      expect(parseNhsNumber(input)).toEqual({ ok: true, value: '9434765919' });
    },
  );

  it.each([
    ['9990000018'],
    ['9990000050'], // check value 11 gives digit 0
    ['9000000009'],
    ['9999999999'],
  ])('accepts the valid synthetic number %s', (input) => {
    expect(parseNhsNumber(input).ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['943476591', 'wrong-length'],
    ['94347659190', 'wrong-length'],
    ['943476591X', 'not-digits'],
    ['943.476.5919', 'not-digits'],
    ['9434765918', 'checksum'],
    ['9876544321', 'checksum'],
    ['9000000000', 'checksum'],
    ['9495456001', 'checksum'],
    ['0000000000', 'checksum'],
  ] as const)('rejects %j as %s', (input, problem) => {
    expect(parseNhsNumber(input)).toEqual({ ok: false, problem });
  });

  it('rejects every number whose prefix gives check value 10', () => {
    expect(checkDigitFor('999000000')).toBeUndefined();
    expect(checkDigitFor('999123456')).toBeUndefined();
    for (let d = 0; d <= 9; d += 1) expect(parseNhsNumber(`999000000${d}`).ok).toBe(false);
  });
});

describe('formatNhsNumber', () => {
  it('shows 3-3-4 digits', () => {
    expect(formatNhsNumber('9434765919' as NhsNumber)).toBe('943 476 5919');
  });
});

describe('isNhsNumber', () => {
  it('takes only ten bare digits that pass Modulus 11', () => {
    expect(isNhsNumber('9434765919')).toBe(true);
    expect(isNhsNumber('943 476 5919')).toBe(false);
    expect(isNhsNumber('9434765918')).toBe(false);
  });
});
