import { describe, expect, it } from 'vitest';
import { numberUseOf } from './number-use';

describe('numberUseOf', () => {
  it.each([
    ['Crisis line (24 hours)', 'call'],
    ['Call or text', 'call'],
    ['Phone', 'call'],
    ['', 'call'],
    ['Text only', 'text-only'],
    ['SMS', 'text-only'],
    ['Text us', 'text-only'],
    ['Crisis text line (not for calls)', 'text-only'],
    ['Textphone', 'textphone'],
    ['Text phone', 'textphone'],
    ['Minicom', 'textphone'],
    ['Relay UK: 18001 01632 960 001', 'textphone'],
    ['Crisis line via Relay UK', 'textphone'],
    ['Fax', 'fax'],
    ['Fax number', 'fax'],
    ['Appointments', 'other'],
    ['PALS', 'other'],
    ['Complaints', 'other'],
  ] as const)('%j is %s', (label, use) => {
    expect(numberUseOf(label)).toBe(use);
  });

  it('does not take "context" or "texture" for a text-only line', () => {
    expect(numberUseOf('Context: crisis line')).toBe('call');
  });
});
