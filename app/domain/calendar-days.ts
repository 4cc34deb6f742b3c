/**
 * Calendar days in UK time, as `<input type="date">` gives them (`YYYY-MM-DD`): what a clinical
 * lead means by "from 4 March". Pure, no I/O.
 */

const UK_TIME_ZONE = 'Europe/London';

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day as `YYYY-MM-DD` (what `<input type="date">` gives), as UTC midnight. */
function parseCalendarDay(day: string): number | undefined {
  const match = CALENDAR_DAY.exec(day);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return utc;
}

export function isCalendarDay(day: string): boolean {
  return parseCalendarDay(day) !== undefined;
}

/** Minutes UK time is ahead of UTC at `instant` (0 in winter, 60 in summer). */
function ukOffsetMinutes(instant: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: UK_TIME_ZONE,
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The first and last millisecond of a calendar day in UK time, as ISO instants, or undefined for
 * no such day. UK clocks change at 01:00 UTC, so the offset at UTC midnight is midnight's own.
 */
export function ukDayBounds(day: string): { readonly start: string; readonly end: string } | undefined {
  const utcMidnight = parseCalendarDay(day);
  if (utcMidnight === undefined) return undefined;
  const nextUtcMidnight = utcMidnight + 86_400_000;
  const start = utcMidnight - ukOffsetMinutes(utcMidnight) * 60_000;
  const nextStart = nextUtcMidnight - ukOffsetMinutes(nextUtcMidnight) * 60_000;
  return { start: new Date(start).toISOString(), end: new Date(nextStart - 1).toISOString() };
}

/** The calendar day (`YYYY-MM-DD`) in UK time at `instant`. */
export function ukCalendarDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: UK_TIME_ZONE }).format(instant);
}

/** `day` moved by whole days (negative for earlier); `day` must be a calendar day. */
export function addCalendarDays(day: string, days: number): string {
  const utc = parseCalendarDay(day);
  if (utc === undefined) throw new RangeError(`Not a calendar day: ${day}`);
  return new Date(utc + days * 86_400_000).toISOString().slice(0, 10);
}
