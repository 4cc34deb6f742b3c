import { addCalendarDays, isCalendarDay, ukCalendarDay } from './calendar-days';
import type { Gender, Patient } from './patient';

/**
 * Finding a person by their details with PDS's search (`GET Patient?…`, healthcare worker
 * access), as `specification/components/paths/patient-search.yaml` in
 * NHSDigital/personal-demographics-service-api publishes it (docs/national-apis.md §8). Pure:
 * what a crew typed becomes a checked search, and a checked search becomes the query PDS reads.
 * Nothing here sends anything.
 */

declare const searchBrand: unique symbol;

/** A date of birth as PDS can search it: one day (`eq`), or a range of days, both ends included (`ge` and `le`). */
export type BirthDateSearch =
  | { readonly kind: 'on'; /** `YYYY-MM-DD` */ readonly date: string }
  | { readonly kind: 'between'; /** `YYYY-MM-DD` */ readonly from: string; /** `YYYY-MM-DD` */ readonly to: string };

/** What a search asks PDS, tidied (spaces collapsed, postcode in capitals). */
export interface SearchDetails {
  /** Family name; may hold `*` wildcards (never in its first two characters). */
  readonly family: string;
  /** First given name (a compound one such as `John Paul` is one name); may hold `*`. */
  readonly given: string | undefined;
  readonly birthDate: BirthDateSearch;
  /** PDS's recorded gender. PDS advises against searching by it: it may not be the one the person uses. */
  readonly gender: Gender | undefined;
  /** Whole (`LS1 6AE`) or the start of one and a wildcard (`LS1*`). */
  readonly postcode: string | undefined;
}

/**
 * A search that passed `validatePatientSearch` (and, for wider matching, `widenPatientSearch`):
 * only those make one, so nothing unchecked reaches PDS.
 */
export type PatientSearch = {
  readonly details: SearchDetails;
  /**
   * PDS's fuzzy search (`_fuzzy-match=true`): homophones, transposed names, history. The spec
   * asks for it only after a non-fuzzy search found no one, because it matches more people.
   */
  readonly wider: boolean;
} & { readonly [searchBrand]: true };

/** A date of birth as the crew can give it: a whole date, a year, or an age (or range of ages) in whole years. */
export type BirthDateInput =
  | { readonly kind: 'date'; readonly day: string; readonly month: string; readonly year: string }
  | { readonly kind: 'year'; readonly year: string }
  /** `to` empty means the one age `from`. */
  | { readonly kind: 'age'; readonly from: string; readonly to: string };

/** The search form as typed. */
export interface SearchForm {
  readonly family: string;
  readonly given: string;
  readonly birthDate: BirthDateInput;
  readonly gender: Gender | '';
  readonly postcode: string;
}

export type SearchField = 'family' | 'given' | 'birthDate' | 'gender' | 'postcode';

/** Which part of a date-of-birth input to highlight (the NHS.UK date input error pattern). */
export type BirthDatePart = 'day' | 'month' | 'year' | 'from' | 'to';

/** Why a field stops the search; the screen turns each into words. */
export type SearchProblemCode =
  /** Family name or date of birth left empty (PDS's minimum search is both). */
  | 'missing'
  /** Over PDS's 35 characters (names). */
  | 'too-long'
  /** A character no name (or postcode) has. */
  | 'characters'
  /** `*` among the first two characters: PDS needs at least two before it. */
  | 'wildcard-too-early'
  /** `*` in a wider (fuzzy) search: PDS does not allow wildcards there. */
  | 'wildcard-in-wider'
  /** Some parts of a date filled in, not all (`parts` says which are missing). */
  | 'date-incomplete'
  /** Day, month and year that make no date (31 February), or a year not of four digits. */
  | 'date-not-real'
  | 'date-in-future'
  /** Before 1880: no one alive was born then; most likely a typing slip. */
  | 'date-too-early'
  /** An age that is not a whole number of years. */
  | 'age-not-number'
  /** An age over 130. */
  | 'age-too-high'
  /** An age range whose first age is above its last. */
  | 'age-order'
  /** A postcode that is neither whole nor the start of one with `*`. */
  | 'postcode-not-whole'
  /**
   * Wider matching needs more (PDS's fuzzy minimum): a given name, or both gender and a whole
   * postcode, beside the family name and date of birth.
   */
  | 'wider-needs-more';

export interface SearchProblem {
  readonly field: SearchField;
  readonly code: SearchProblemCode;
  /** For the date of birth: the parts to highlight. */
  readonly parts?: readonly BirthDatePart[];
}

export type SearchValidation =
  | { readonly ok: true; readonly search: PatientSearch }
  | { readonly ok: false; readonly problems: readonly SearchProblem[] };

/** PDS: "Max 35 characters" for `family` and `given`. */
export const MAX_NAME_LENGTH = 35;
export const EARLIEST_BIRTH_DATE = '1880-01-01';
export const MAX_AGE = 130;

/**
 * How many matches a search asks for (`_max-results`). PDS allows up to 50 for a healthcare
 * worker, and records an access to every patient it returns: a crew cannot safely tell apart
 * more than a handful on a tablet at the roadside, so more than this is TOO_MANY_MATCHES and
 * the crew is asked for more details instead (issue 12, the spec's privacy section).
 */
export const DEFAULT_MAX_RESULTS = 10;
export const PDS_MAX_RESULTS = 50;

// Letters of any alphabet and their accents, spaces, hyphens, apostrophes and full stops (O'Reilly,
// Smith-Jones, St. John, Kociński), and the wildcard.
const NAME_CHARACTERS = /^[\p{L}\p{M}' .\-*]+$/u;
const POSTCODE_CHARACTERS = /^[A-Z0-9 *]+$/;
/** A whole UK postcode, with or without its space. */
const WHOLE_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/;

function tidyName(value: string): string {
  return value.normalize('NFC').replace(/[\u2018\u2019`]/g, "'").replace(/\s+/g, ' ').trim();
}

function tidyPostcode(value: string): string {
  return value.toUpperCase().replace(/\s+/g, ' ').trim();
}

/** PDS: a wildcard "not in the first two characters". */
function wildcardTooEarly(value: string): boolean {
  const at = value.indexOf('*');
  return at !== -1 && at < 2;
}

export function hasWildcard(value: string | undefined): boolean {
  return value?.includes('*') ?? false;
}

function nameProblem(value: string): SearchProblemCode | undefined {
  if (value.length > MAX_NAME_LENGTH) return 'too-long';
  if (!NAME_CHARACTERS.test(value) || !/\p{L}/u.test(value)) return 'characters';
  if (wildcardTooEarly(value)) return 'wildcard-too-early';
  return undefined;
}

function postcodeProblem(value: string): SearchProblemCode | undefined {
  if (!POSTCODE_CHARACTERS.test(value)) return 'characters';
  if (wildcardTooEarly(value)) return 'wildcard-too-early';
  if (!hasWildcard(value) && !WHOLE_POSTCODE.test(value)) return 'postcode-not-whole';
  return undefined;
}

/** Whole years before `day` (`YYYY-MM-DD`); 29 February becomes 28 February in other years. */
function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const WHOLE_NUMBER = /^\d{1,3}$/;

/**
 * Born on a day, in a year, or aged between two ages on `today` (UK calendar day). Ages become
 * the dates of birth that give them: aged 30 to 32 today is born after the day 33 years ago, up
 * to and including the day 30 years ago.
 */
function birthDateFrom(input: BirthDateInput, today: string): { search?: BirthDateSearch; problem?: SearchProblem } {
  const problem = (code: SearchProblemCode, parts: readonly BirthDatePart[]) => ({ problem: { field: 'birthDate' as const, code, parts } });
  switch (input.kind) {
    case 'date': {
      const parts = { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() };
      const empty = (Object.keys(parts) as ('day' | 'month' | 'year')[]).filter((part) => parts[part] === '');
      if (empty.length === 3) return problem('missing', ['day', 'month', 'year']);
      if (empty.length > 0) return problem('date-incomplete', empty);
      if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
        return problem('date-not-real', ['day', 'month', 'year']);
      }
      const date = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
      if (!isCalendarDay(date)) return problem('date-not-real', ['day', 'month', 'year']);
      if (date > today) return problem('date-in-future', ['day', 'month', 'year']);
      if (date < EARLIEST_BIRTH_DATE) return problem('date-too-early', ['year']);
      return { search: { kind: 'on', date } };
    }
    case 'year': {
      const year = input.year.trim();
      if (year === '') return problem('missing', ['year']);
      if (!/^\d{4}$/.test(year)) return problem('date-not-real', ['year']);
      if (`${year}-01-01` > today) return problem('date-in-future', ['year']);
      if (year < EARLIEST_BIRTH_DATE.slice(0, 4)) return problem('date-too-early', ['year']);
      // PDS records a year-only birth as 1 January (its spec, "Date of birth and death"): inside the range.
      const to = `${year}-12-31` > today ? today : `${year}-12-31`;
      return { search: { kind: 'between', from: `${year}-01-01`, to } };
    }
    case 'age': {
      const fromText = input.from.trim();
      const toText = input.to.trim() === '' ? fromText : input.to.trim();
      if (fromText === '') return problem('missing', ['from']);
      const bad = (['from', 'to'] as const).filter((part) => !WHOLE_NUMBER.test(part === 'from' ? fromText : toText));
      if (bad.length > 0) return problem('age-not-number', bad);
      const youngest = Number(fromText);
      const oldest = Number(toText);
      const tooHigh = (['from', 'to'] as const).filter((part) => (part === 'from' ? youngest : oldest) > MAX_AGE);
      if (tooHigh.length > 0) return problem('age-too-high', tooHigh);
      if (youngest > oldest) return problem('age-order', ['from', 'to']);
      return { search: { kind: 'between', from: addCalendarDays(yearsBefore(today, oldest + 1), 1), to: yearsBefore(today, youngest) } };
    }
  }
}

/**
 * The form checked against PDS's rules for a non-fuzzy search (its minimum: family name and date
 * of birth; wildcards only after two characters) and against the calendar (a real date, not in
 * the future). `now` decides "today" as a UK calendar day. Every problem is reported at once, in
 * the form's order, for the NHS.UK error summary.
 */
export function validatePatientSearch(form: SearchForm, now: Date = new Date()): SearchValidation {
  const today = ukCalendarDay(now);
  const problems: SearchProblem[] = [];

  const family = tidyName(form.family);
  if (family === '') problems.push({ field: 'family', code: 'missing' });
  else {
    const code = nameProblem(family);
    if (code) problems.push({ field: 'family', code });
  }

  const givenText = tidyName(form.given);
  const given = givenText === '' ? undefined : givenText;
  if (given !== undefined) {
    const code = nameProblem(given);
    if (code) problems.push({ field: 'given', code });
  }

  const birth = birthDateFrom(form.birthDate, today);
  if (birth.problem) problems.push(birth.problem);

  const postcodeText = tidyPostcode(form.postcode);
  const postcode = postcodeText === '' ? undefined : postcodeText;
  if (postcode !== undefined) {
    const code = postcodeProblem(postcode);
    if (code) problems.push({ field: 'postcode', code });
  }

  if (problems.length > 0 || !birth.search) return { ok: false, problems };
  const details: SearchDetails = { family, given, birthDate: birth.search, gender: form.gender === '' ? undefined : form.gender, postcode };
  return { ok: true, search: { details, wider: false } as PatientSearch };
}

/**
 * Why this search cannot be widened to PDS's fuzzy matching, or nothing: fuzzy search allows no
 * wildcards, and needs a given name, or both gender and a postcode, beside family name and date
 * of birth (the spec's three combinations, with family name always present here).
 */
export function widerSearchProblems(search: PatientSearch): readonly SearchProblem[] {
  const { family, given, gender, postcode } = search.details;
  const problems: SearchProblem[] = [];
  if (hasWildcard(family)) problems.push({ field: 'family', code: 'wildcard-in-wider' });
  if (hasWildcard(given)) problems.push({ field: 'given', code: 'wildcard-in-wider' });
  if (hasWildcard(postcode)) problems.push({ field: 'postcode', code: 'wildcard-in-wider' });
  if (given === undefined && (gender === undefined || postcode === undefined)) problems.push({ field: 'given', code: 'wider-needs-more' });
  return problems;
}

/** The same details with wider (fuzzy) matching, when PDS allows it for them. */
export function widenPatientSearch(search: PatientSearch): SearchValidation {
  const problems = widerSearchProblems(search);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, search: { details: search.details, wider: true } as PatientSearch };
}

export interface SearchQueryOptions {
  /** `_max-results`, 1 to 50; DEFAULT_MAX_RESULTS when not set. */
  readonly maxResults?: number;
  /** `_history=true`: previous names and addresses too. A wider search always includes history. */
  readonly history?: boolean;
  /**
   * `_exact-match=true`: only matches scoring 1. PDS says it does not work with wildcards or
   * fuzzy search, so asking for it with either is a programming error.
   */
  readonly exactOnly?: boolean;
}

/**
 * The query PDS reads, with the published parameter names, in a fixed order: `family`, `given`,
 * `birthdate` (once with `eq`, or twice with `ge` and `le`), `gender`, `address-postalcode`,
 * then `_fuzzy-match`, `_history`, `_exact-match`, `_max-results`.
 */
export function patientSearchParams(search: PatientSearch, options: SearchQueryOptions = {}): URLSearchParams {
  const { details, wider } = search;
  const maxResults = options.maxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > PDS_MAX_RESULTS) {
    throw new RangeError(`_max-results must be a whole number from 1 to ${PDS_MAX_RESULTS}, got ${maxResults}`);
  }
  const wildcards = [details.family, details.given, details.postcode].some(hasWildcard);
  if (options.exactOnly && (wider || wildcards)) throw new RangeError('_exact-match cannot be combined with fuzzy search or wildcards');
  if (wider && widerSearchProblems(search).length > 0) throw new RangeError('This search cannot be widened (see widerSearchProblems)');

  const params = new URLSearchParams();
  params.append('family', details.family);
  if (details.given !== undefined) params.append('given', details.given);
  if (details.birthDate.kind === 'on') params.append('birthdate', `eq${details.birthDate.date}`);
  else {
    params.append('birthdate', `ge${details.birthDate.from}`);
    params.append('birthdate', `le${details.birthDate.to}`);
  }
  if (details.gender !== undefined) params.append('gender', details.gender);
  if (details.postcode !== undefined) params.append('address-postalcode', details.postcode);
  if (wider) params.append('_fuzzy-match', 'true');
  // Fuzzy search always includes history (the spec): the flag would change nothing there.
  else if (options.history) params.append('_history', 'true');
  if (options.exactOnly) params.append('_exact-match', 'true');
  params.append('_max-results', String(maxResults));
  return params;
}

/**
 * The query string as sent. PDS asks for the wildcard encoded as `%2A`; URLSearchParams leaves
 * `*` bare (it is safe in a form encoding), so it is encoded here. Spaces go as `+`, which PDS
 * accepts.
 */
export function patientSearchQueryString(search: PatientSearch, options: SearchQueryOptions = {}): string {
  return patientSearchParams(search, options).toString().replaceAll('*', '%2A');
}

/**
 * PDS never returns a restricted (sensitive) patient to a search that includes a postcode (the
 * spec's "Restricted patients"): a screen should say so when such a search finds no one.
 */
export function searchExcludesRestricted(search: PatientSearch): boolean {
  return search.details.postcode !== undefined;
}

/** One person a search found: the Patient the banner shows, and how well PDS says they matched. */
export interface PatientMatch {
  readonly patient: Patient;
  /** PDS `search.score`, 0 to 1. */
  readonly score: number;
  /** Score 1: every detail matched exactly. Anything less is a partial match. */
  readonly exact: boolean;
}

/** What a search found. TOO_MANY_MATCHES and no match are answers, not failures. */
export type PatientSearchOutcome =
  /** Best match first; never empty. */
  | { readonly kind: 'matches'; readonly matches: readonly PatientMatch[] }
  | { readonly kind: 'no-match' }
  /** More people match than `_max-results`: PDS returned none of them; add details. */
  | { readonly kind: 'too-many' };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base' });

/**
 * Best match first (PDS's own order, which the spec advises showing), then by family name, given
 * names, date of birth and NHS number, so equal scores always list in the same order.
 */
export function compareMatches(a: PatientMatch, b: PatientMatch): number {
  if (a.score !== b.score) return b.score - a.score;
  const name = (m: PatientMatch) => m.patient.name;
  return (
    collator.compare(name(a)?.family ?? '', name(b)?.family ?? '') ||
    collator.compare(name(a)?.given.join(' ') ?? '', name(b)?.given.join(' ') ?? '') ||
    (a.patient.birthDate ?? '').localeCompare(b.patient.birthDate ?? '') ||
    a.patient.nhsNumber.localeCompare(b.patient.nhsNumber)
  );
}

export function sortMatches(matches: readonly PatientMatch[]): PatientMatch[] {
  return [...matches].sort(compareMatches);
}
