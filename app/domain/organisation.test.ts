import { describe, expect, it } from 'vitest';
import { isOdsCode } from './organisation';

describe('isOdsCode', () => {
  it.each(['RX4', 'rx4', 'Y05868', 'RY26A', '8J008', 'ABCDEF123456'])('accepts %s', (code) => {
    expect(isOdsCode(code)).toBe(true);
  });

  it.each(['', 'AB', 'ABCDEFG1234567', 'Organization/Y05868', ' RX4', 'RX-4', 'RX4\n'])('refuses %j', (code) => {
    expect(isOdsCode(code)).toBe(false);
  });
});
