/** Dates as NHS staff read them (en-GB, UK time). Pure formatting, no I/O. */

const UK_TIME_ZONE = 'Europe/London';

/** "22 October 2010" for a FHIR date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export function formatFhirDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  if (!year) return value;
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat('en-GB', options).format(date);
}

/** "1 June 2025" for an instant, in UK time. */
export function formatInstantDate(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: UK_TIME_ZONE }).format(date);
}

/** Whole years between a FHIR birth date and `now`, or undefined for a partial date. */
export function ageInYears(birthDate: string, now: Date): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  let age = now.getUTCFullYear() - y;
  const beforeBirthday = now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}

/**
 * "4 March 2025, 14:02:10 GMT" for an instant, in UK time with its zone (GMT or BST): an access
 * history needs the seconds, and a time read months later, or by someone abroad, must say which
 * clock it is on (issue 9 point 8).
 */
export function formatInstantDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: UK_TIME_ZONE }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: UK_TIME_ZONE, timeZoneName: 'short' }).format(date);
  return `${day}, ${time}`;
}

/**
 * "2025-06-01T00:30:00+01:00": ISO 8601 in UK time with its offset, for files a spreadsheet or
 * an audit tool reads (the instant is exact, and the clock time is the one the crew saw).
 */
export function formatInstantIso(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZone: UK_TIME_ZONE,
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // "GMT" alone is a zero offset; otherwise "GMT+01:00".
  const offset = part('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${offset}`;
}
