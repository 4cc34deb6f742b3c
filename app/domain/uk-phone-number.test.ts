import { describe, expect, it } from 'vitest';
import { dialUri, formatUkNumber, isEmergencyOrAdviceNumber, nationalDigits } from './uk-phone-number';

describe('formatUkNumber', () => {
  it.each([
    ['01632960001', '01632 960 001'],
    ['01632 960001', '01632 960 001'],
    ['+44 (0)1632 960 001', '01632 960 001'],
    ['+441632960001', '01632 960 001'],
    ['0044 1632 960001', '01632 960 001'],
    ['(01632) 960-001', '01632 960 001'],
    ['0113 4960000', '0113 496 0000'],
    ['0161 496 0000', '0161 496 0000'],
    ['02079460000', '020 7946 0000'],
    ['03001234567', '0300 123 4567'],
    ['07700900123', '07700 900 123'],
    ['0800 123456', '0800 123 456'],
    ['0808 157 0192', '0808 157 0192'],
    ['01632 960001 ext. 214', '01632 960 001'],
    ['01632 960001 x214', '01632 960 001'],
    ['999', '999'],
    ['111', '111'],
  ])('%j is shown as %j', (written, shown) => {
    expect(formatUkNumber(written)).toBe(shown);
  });

  it('gives back text that is not a UK number as written', () => {
    expect(formatUkNumber(' call reception ')).toBe('call reception');
    expect(formatUkNumber('12345')).toBe('12345');
    expect(formatUkNumber('+1 202 555 0100')).toBe('+1 202 555 0100');
  });
});

describe('dialUri', () => {
  it('dials the national form', () => {
    expect(dialUri('+44 (0)1632 960 001')).toBe('tel:01632960001');
    expect(dialUri('0113 496 0000')).toBe('tel:01134960000');
    expect(dialUri('\u202E0113 496 0000')).toBe('tel:01134960000');
  });

  it('refuses nonsense', () => {
    expect(dialUri('')).toBeUndefined();
    expect(dialUri('0113')).toBeUndefined();
    expect(dialUri('01632 960 001 222')).toBeUndefined();
    expect(dialUri('04632 960001')).toBeUndefined();
    expect(dialUri('07700 90012')).toBeUndefined();
    expect(dialUri('+1 202 555 0100')).toBeUndefined();
    expect(dialUri('javascript:alert(1)')).toBeUndefined();
    expect(dialUri('0161-496-0000; drop')).toBeUndefined();
  });
});

describe('isEmergencyOrAdviceNumber', () => {
  it('knows 999, 111 and 112', () => {
    expect(isEmergencyOrAdviceNumber('999')).toBe(true);
    expect(isEmergencyOrAdviceNumber(' 111 ')).toBe(true);
    expect(isEmergencyOrAdviceNumber('112')).toBe(true);
    expect(isEmergencyOrAdviceNumber('0113 496 0000')).toBe(false);
    expect(nationalDigits('999')).toBe('999');
  });
});
