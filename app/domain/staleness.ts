/**
 * How old saved clinical data is, in words crews read at a glance (DESIGN.md safety rule 2):
 * "Retrieved 14:02, 3 h ago". Past the threshold the screen warns prominently.
 */

export const DEFAULT_STALE_AFTER_HOURS = 12;
export const DEFAULT_RETENTION_HOURS = 24;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export function ageMs(retrievedAt: string, now: Date): number {
  return Math.max(0, now.getTime() - new Date(retrievedAt).getTime());
}

export function isStale(retrievedAt: string, now: Date, staleAfterHours: number): boolean {
  return ageMs(retrievedAt, now) >= staleAfterHours * HOUR_MS;
}

/** "just now", "25 min ago", "3 h ago", "1 day ago". */
export function describeAge(retrievedAt: string, now: Date): string {
  const age = ageMs(retrievedAt, now);
  if (age < MINUTE_MS) return 'just now';
  if (age < HOUR_MS) return `${Math.floor(age / MINUTE_MS)} min ago`;
  if (age < 48 * HOUR_MS) return `${Math.floor(age / HOUR_MS)} h ago`;
  return `${Math.floor(age / (24 * HOUR_MS))} days ago`;
}

// Made once: building an Intl formatter costs far more than formatting with it, and the saved
// list formats every row (issue 13).
let formatters: { readonly time: Intl.DateTimeFormat; readonly day: Intl.DateTimeFormat; readonly date: Intl.DateTimeFormat } | undefined;
function ukFormatters() {
  formatters ??= {
    time: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }),
    day: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone: 'Europe/London' }),
    date: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/London' }),
  };
  return formatters;
}

/** "14:02" in UK time, with the date when it was not today. */
export function describeRetrievedTime(retrievedAt: string, now: Date): string {
  const { time, day, date } = ukFormatters();
  const at = new Date(retrievedAt);
  if (day.format(at) === day.format(now)) return time.format(at);
  return `${time.format(at)} on ${date.format(at)}`;
}

export function expiresAt(retrievedAt: string, retentionHours: number): string {
  return new Date(new Date(retrievedAt).getTime() + retentionHours * HOUR_MS).toISOString();
}
