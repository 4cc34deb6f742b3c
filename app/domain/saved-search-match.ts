import type { Gender } from './patient';
import type { SearchDetails } from './patient-search';

/**
 * A search by details over the plans saved on this device (issue 12 point 5): the same rules as
 * PDS's non-fuzzy search as far as a device can follow them, so a crew with no signal finds the
 * person they would have found with it. Pure; the device decrypts each person in memory and asks.
 */

/** What a saved plan's sealed summary holds about its person. */
export interface SavedPerson {
  readonly family: string | undefined;
  readonly given: readonly string[];
  /** FHIR date: `YYYY-MM-DD`, or partial (`YYYY`, `YYYY-MM`). */
  readonly birthDate: string | undefined;
  readonly gender: Gender | undefined;
  /** Never held for a restricted person. */
  readonly postcode: string | undefined;
  readonly restricted: boolean;
}

/** Case, accents, spacing and apostrophe styles ignored, as PDS does for names. */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** `*` matches any run of characters; the rest must match whole. */
function wildcardMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'u').test(value);
}

function birthDateMatches(search: SearchDetails['birthDate'], birthDate: string | undefined): boolean {
  if (birthDate === undefined) return false;
  const from = search.kind === 'on' ? search.date : search.from;
  const to = search.kind === 'on' ? search.date : search.to;
  // A partial date (PDS may hold a year only) matches when it overlaps the range asked for.
  return from.slice(0, birthDate.length) <= birthDate && birthDate <= to.slice(0, birthDate.length);
}

export function savedPersonMatches(details: SearchDetails, person: SavedPerson): boolean {
  if (person.family === undefined || !wildcardMatches(fold(details.family), fold(person.family))) return false;
  if (details.given !== undefined) {
    const pattern = fold(details.given);
    // PDS matches the first given name; a compound one ("John Paul") may be kept as one or two.
    const candidates = [person.given[0], person.given.join(' ')].filter((g): g is string => g !== undefined && g !== '');
    if (!candidates.some((given) => wildcardMatches(pattern, fold(given)))) return false;
  }
  if (!birthDateMatches(details.birthDate, person.birthDate)) return false;
  if (details.gender !== undefined && person.gender !== details.gender) return false;
  if (details.postcode !== undefined) {
    // PDS never returns a restricted person to a search by postcode; neither does the device.
    if (person.restricted || person.postcode === undefined) return false;
    const bare = (value: string) => value.toUpperCase().replace(/\s+/g, '');
    if (!wildcardMatches(bare(details.postcode), bare(person.postcode))) return false;
  }
  return true;
}
