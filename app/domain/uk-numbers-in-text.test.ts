import { describe, expect, it } from 'vitest';
import { ukNumbersInText } from './uk-numbers-in-text';

const numbers = (text: string) => ukNumbersInText(text).map(({ written, display }) => [written, display]);

describe('ukNumbersInText', () => {
  it('finds numbers written in the usual ways, and where they sit', () => {
    const text = 'Call the crisis line on 01632 960001 (24 hours) or the team base on +44 (0)113 496 0000.';
    const found = ukNumbersInText(text);
    expect(found.map((n) => n.display)).toEqual(['01632 960 001', '0113 496 0000']);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('01632 960001');
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('+44 (0)113 496 0000');
  });

  it('reads brackets, hyphens and mobiles', () => {
    expect(numbers('Tel: (01632) 960-001, mobile 07700-900-123')).toEqual([
      ['(01632) 960-001', '01632 960 001'],
      ['07700-900-123', '07700 900 123'],
    ]);
  });

  it('splits two numbers side by side', () => {
    expect(numbers('01632 960001 0113 4960000').map(([, d]) => d)).toEqual(['01632 960 001', '0113 496 0000']);
    expect(numbers('01632 960001/0113 4960000').map(([, d]) => d)).toEqual(['01632 960 001', '0113 496 0000']);
  });

  it('never takes an NHS number for a phone number', () => {
    expect(numbers('NHS number 943 476 5919')).toEqual([]);
    expect(numbers('Patient 943 476 5919 seen today')).toEqual([]);
    expect(numbers('NHS No: 0123456789')).toEqual([]);
  });

  it('never takes a CHI number for a phone number', () => {
    expect(numbers('CHI 0101501234')).toEqual([]);
    expect(numbers('ref 0101501234 on file')).toEqual([]);
  });

  it('never takes dates, times, 999 or 111 alone', () => {
    expect(numbers('Seen 01/02/2024 at 10:30, review 2024-02-01')).toEqual([]);
    expect(numbers('In an emergency call 999; for advice call 111.')).toEqual([]);
    expect(numbers('Dose 0.5 mg, 1000 mg max, 12 tablets')).toEqual([]);
    expect(numbers('Version 1.0163296000 of the form')).toEqual([]);
  });

  it('leaves out brackets around the whole number', () => {
    expect(numbers('the team (01632 960001) will')).toEqual([['01632 960001', '01632 960 001']]);
  });

  it('reads a number straight after a colon', () => {
    expect(numbers('Tel:01632960001')).toEqual([['01632960001', '01632 960 001']]);
  });

  it('leaves an extension outside the number', () => {
    const found = ukNumbersInText('Ward 6: 01632 960001 ext 214');
    expect(found.map((n) => n.written)).toEqual(['01632 960001']);
  });
});
