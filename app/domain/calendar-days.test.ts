import { describe, expect, it } from 'vitest';
import { addCalendarDays, isCalendarDay, ukCalendarDay, ukDayBounds } from './calendar-days';

describe('calendar days in UK time', () => {
  it('gives a UK calendar day’s first and last millisecond, across the clock changes', () => {
    expect(ukDayBounds('2025-03-04')).toEqual({ start: '2025-03-04T00:00:00.000Z', end: '2025-03-04T23:59:59.999Z' });
    expect(ukDayBounds('2025-06-01')).toEqual({ start: '2025-05-31T23:00:00.000Z', end: '2025-06-01T22:59:59.999Z' });
    // Clocks go forward at 01:00 GMT on 30 March 2025 (a 23-hour day) and back on 26 October (25 hours).
    expect(ukDayBounds('2025-03-30')).toEqual({ start: '2025-03-30T00:00:00.000Z', end: '2025-03-30T22:59:59.999Z' });
    expect(ukDayBounds('2025-10-26')).toEqual({ start: '2025-10-25T23:00:00.000Z', end: '2025-10-26T23:59:59.999Z' });
  });

  it.each(['2025-02-30', '2025-13-01', '4/3/2025', '', '2025-3-4'])('knows %j is no calendar day', (day) => {
    expect(isCalendarDay(day)).toBe(false);
    expect(ukDayBounds(day)).toBeUndefined();
  });

  it('names the UK calendar day of an instant, and counts days', () => {
    expect(ukCalendarDay(new Date('2025-05-31T23:30:00Z'))).toBe('2025-06-01');
    expect(ukCalendarDay(new Date('2025-01-31T23:30:00Z'))).toBe('2025-01-31');
    expect(addCalendarDays('2025-03-01', -6)).toBe('2025-02-23');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
