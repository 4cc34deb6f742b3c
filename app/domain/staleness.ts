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

/** "14:02" in UK time, with the date when it was not today. */
export function describeRetrievedTime(retrievedAt: string, now: Date): string {
  const at = new Date(retrievedAt);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }).format(at);
  const day = (d: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone: 'Europe/London' }).format(d);
  if (day(at) === day(now)) return time;
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/London' }).format(at);
  return `${time} on ${date}`;
}

export function expiresAt(retrievedAt: string, retentionHours: number): string {
  return new Date(new Date(retrievedAt).getTime() + retentionHours * HOUR_MS).toISOString();
}
