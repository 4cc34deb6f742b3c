import { describe, expect, it } from 'vitest';
import { pinProblem } from './shift-pin';

describe('pinProblem (issue 11 point 1)', () => {
  it.each([
    ['', 'too-short'],
    ['12345', 'too-short'],
    ['1234567890123', 'too-long'],
    ['12a456', 'not-digits'],
    [' 284619', 'not-digits'],
    ['000000', 'all-same'],
    ['7777777', 'all-same'],
    ['123456', 'simple-run'],
    ['654321', 'simple-run'],
    ['890123', 'simple-run'],
    ['3210987', 'simple-run'],
  ])('%j is refused as %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });

  it.each(['284619', '112358', '135790', '0000001', '123457'])('%j is accepted', (pin) => {
    expect(pinProblem(pin)).toBeUndefined();
  });
});
