import type { Patient } from './fhir/fhir-types';
import type { SpineIssue } from './http/operation-outcome';

/**
 * PDS search by details, healthcare worker access (`GET {pds}/Patient?…`), following
 * `specification/components/paths/patient-search.yaml` in NHSDigital/personal-demographics-service-api
 * and the validation of its sandbox (`karate-tests/.../mocks/sandbox/get-patient-search.js`):
 *
 * - no parameters: 400 UNSUPPORTED_SERVICE; an unknown one: 400 ADDITIONAL_PROPERTIES; a date
 *   not `[eq|ge|le]YYYY-MM-DD`, a gender outside the four, `_max-results` outside 1 to 50: 400
 *   INVALID_VALUE; no `birthdate`: 400 MISSING_VALUE; below the minimum (non-fuzzy: family name
 *   and date of birth; fuzzy: the three combinations), both postcode parameters, a wildcard in
 *   the first two characters or in a fuzzy search: 400 INVALID_SEARCH_DATA.
 * - names and postcodes case-insensitive, postcodes without spaces; `*` matches any run of
 *   characters from the start of the value; a fuzzy search strips accents and punctuation and
 *   matches Soundex homophones (Smith, Smythe) and transposed names, and allows no wildcards.
 * - each match scored: 1 when every detail matched exactly, less for wildcard, homophone and
 *   transposed matches; best first. `_exact-match=true` keeps only score 1.
 * - restricted patients come without address, telecom and GP, and never match a search by postcode.
 * - a superseded number is never returned: only the record that replaced it.
 * - more matches than `_max-results` (default 50): 200 TOO_MANY_MATCHES. None: an empty
 *   searchset with no `entry`.
 *
 * Real PDS's scoring is its own; these scores only rank the way the spec describes.
 */

export type SearchAnswer =
  | { readonly kind: 'error'; readonly status: 400; readonly issue: Omit<SpineIssue, 'system' | 'version'> }
  | { readonly kind: 'too-many-matches' }
  | { readonly kind: 'searchset'; readonly matches: readonly { readonly patient: Patient; readonly score: number }[] };

const KNOWN_PARAMETERS = new Set([
  '_fuzzy-match',
  '_exact-match',
  '_history',
  '_max-results',
  'family',
  'given',
  'gender',
  'birthdate',
  'death-date',
  'address-postcode',
  'address-postalcode',
  'general-practitioner',
  'email',
  'phone',
]);

const GENDERS = new Set(['male', 'female', 'other', 'unknown']);
const DATE_CRITERION = /^(eq|ge|le)?(\d{4}-\d{2}-\d{2})$/;

const invalidValue = (value: string, field: string): SearchAnswer => ({
  kind: 'error',
  status: 400,
  issue: { code: 'INVALID_VALUE', display: 'Provided value is invalid', issueCode: 'value', diagnostics: `Invalid value - '${value}' in field '${field}'` },
});

const invalidSearchData = (why: string): SearchAnswer => ({
  kind: 'error',
  status: 400,
  issue: { code: 'INVALID_SEARCH_DATA', display: 'Search data is invalid', issueCode: 'value', diagnostics: `Invalid search data provided - '${why}'` },
});

const BELOW_MINIMUM = 'No searches were performed as the search criteria did not meet the minimum requirements';

function isRealDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  return utc.getUTCFullYear() === y && utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
}

/** American Soundex, as PDS's fuzzy search uses it for homophones. */
export function soundex(name: string): string {
  const letters = plain(name);
  if (letters === '') return '';
  const codes: Record<string, string> = { B: '1', F: '1', P: '1', V: '1', C: '2', G: '2', J: '2', K: '2', Q: '2', S: '2', X: '2', Z: '2', D: '3', T: '3', L: '4', M: '5', N: '5', R: '6' };
  let result = letters[0]!;
  let previous = codes[letters[0]!] ?? '';
  for (const letter of letters.slice(1)) {
    const code = codes[letter] ?? '';
    // H and W do not separate letters of one code; vowels do.
    if (letter === 'H' || letter === 'W') continue;
    if (code !== '' && code !== previous) result += code;
    previous = code;
    if (result.length === 4) break;
  }
  return result.padEnd(4, '0');
}

/** Upper case, accents and everything but letters dropped: `Kociński` → `KOCINSKI`. */
function plain(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

const postcodeKey = (value: string) => value.toUpperCase().replace(/\s+/g, '');

/**
 * How well `value` matches a non-fuzzy `pattern`: 1 exactly (case aside), less for a wildcard
 * match, the less the more of the value the wildcard stood for; 0 for no match.
 */
function literalQuality(pattern: string, value: string): number {
  const p = pattern.toUpperCase();
  const v = value.toUpperCase();
  if (!p.includes('*')) return p === v ? 1 : 0;
  const regex = new RegExp(`^${p.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'u');
  if (!regex.test(v)) return 0;
  const fixed = p.replaceAll('*', '').length;
  return Math.min(0.95, 0.6 + (0.4 * fixed) / Math.max(v.length, 1));
}

/** Fuzzy: the same letters (accents, case and punctuation aside) 1; a Soundex homophone 0.85. */
function fuzzyQuality(wanted: string, value: string): number {
  if (plain(wanted) !== '' && plain(wanted) === plain(value)) return 1;
  return soundex(wanted) !== '' && soundex(wanted) === soundex(value) ? 0.85 : 0;
}

interface Criteria {
  readonly family: string | undefined;
  readonly given: readonly string[];
  readonly gender: string | undefined;
  readonly birthdate: readonly { readonly op: 'eq' | 'ge' | 'le'; readonly date: string }[];
  readonly postcode: string | undefined;
  readonly fuzzy: boolean;
}

function currentName(patient: Patient) {
  const names = patient.name ?? [];
  return names.find((n) => n.use === 'usual') ?? names[0];
}

function namesQuality(criteria: Criteria, family: string, given: readonly string[]): number {
  const quality = criteria.fuzzy ? fuzzyQuality : literalQuality;
  let score = 1;
  if (criteria.family !== undefined) score *= quality(criteria.family, family);
  criteria.given.forEach((wanted, i) => {
    const value = given[i];
    score *= value === undefined ? 0 : quality(wanted, value);
  });
  return score;
}

function scoreFor(criteria: Criteria, patient: Patient): number {
  const restricted = patient.meta.security.some((label) => label.code === 'R');
  if (criteria.gender !== undefined && patient.gender !== criteria.gender) return 0;
  for (const { op, date } of criteria.birthdate) {
    const born = patient.birthDate;
    if ((op === 'eq' && born !== date) || (op === 'ge' && born < date) || (op === 'le' && born > date)) return 0;
  }
  let score = 1;
  if (criteria.postcode !== undefined) {
    // The spec: with a postcode in the search, no restricted patient is returned.
    if (restricted) return 0;
    const postcodes = (patient.address ?? []).map((a) => postcodeKey(a.postalCode ?? ''));
    const wanted = postcodeKey(criteria.postcode);
    score *= Math.max(0, ...postcodes.map((p) => (criteria.fuzzy ? (p === wanted ? 1 : 0) : literalQuality(wanted, p))));
  }
  const name = currentName(patient);
  if (name === undefined) return criteria.family === undefined && criteria.given.length === 0 ? score : 0;
  const given = name.given ?? [];
  let names = namesQuality(criteria, name.family ?? '', given);
  if (criteria.fuzzy && names === 0 && criteria.family !== undefined && criteria.given.length > 0) {
    // Transposed names (the spec's `Adam Thomas` for `Thomas Adam`), matched a little lower.
    names = 0.8 * namesQuality({ ...criteria, family: criteria.given[0], given: [criteria.family] }, name.family ?? '', given);
  }
  return Math.round(score * names * 10_000) / 10_000;
}

/**
 * The answer to one search over `people` (current records only: a superseded number is not a
 * record of its own). Parameters read as PDS reads them; URLSearchParams has already decoded
 * `%2A` to `*`.
 */
export function answerPatientSearch(params: URLSearchParams, people: readonly Patient[]): SearchAnswer {
  const names = [...new Set(params.keys())];
  if (names.length === 0) {
    return { kind: 'error', status: 400, issue: { code: 'UNSUPPORTED_SERVICE', display: 'Unsupported Service', issueCode: 'processing' } };
  }
  const unknown = names.filter((name) => !KNOWN_PARAMETERS.has(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `'${name}'`).join(', ');
    return {
      kind: 'error',
      status: 400,
      issue: {
        code: 'ADDITIONAL_PROPERTIES',
        display: 'Additional properties are not allowed',
        issueCode: 'value',
        diagnostics: `Invalid request with error - Additional properties are not allowed (${list} ${unknown.length === 1 ? 'was' : 'were'} unexpected)`,
      },
    };
  }

  const birthdate: { op: 'eq' | 'ge' | 'le'; date: string }[] = [];
  for (const value of params.getAll('birthdate')) {
    const match = DATE_CRITERION.exec(value);
    if (!match || !isRealDate(match[2]!)) return invalidValue(value, 'birthdate');
    birthdate.push({ op: (match[1] as 'eq' | 'ge' | 'le' | undefined) ?? 'eq', date: match[2]! });
  }
  for (const value of params.getAll('death-date')) if (!DATE_CRITERION.test(value)) return invalidValue(value, 'death-date');
  const gender = params.get('gender') ?? undefined;
  if (gender !== undefined && !GENDERS.has(gender)) return invalidValue(gender, 'gender');
  for (const flag of ['_fuzzy-match', '_exact-match', '_history']) {
    const value = params.get(flag);
    if (value !== null && value !== 'true' && value !== 'false') return invalidValue(value, flag);
  }
  const maxText = params.get('_max-results');
  const maxResults = maxText === null ? 50 : Number(maxText);
  if (maxText !== null && (!/^\d+$/.test(maxText) || maxResults < 1 || maxResults > 50)) return invalidValue(maxText, '_max-results');

  if (params.has('address-postcode') && params.has('address-postalcode')) return invalidSearchData('Both address-postcode and address-postalcode were provided');
  if (birthdate.length === 0) {
    return {
      kind: 'error',
      status: 400,
      issue: { code: 'MISSING_VALUE', display: 'Required value is missing', issueCode: 'required', diagnostics: "Missing value - 'birth_date/birth_date_range_start/birth_date_range_end'" },
    };
  }

  const fuzzy = params.get('_fuzzy-match') === 'true';
  const criteria: Criteria = {
    family: params.get('family') ?? undefined,
    given: params.getAll('given'),
    gender,
    birthdate,
    postcode: params.get('address-postalcode') ?? params.get('address-postcode') ?? undefined,
    fuzzy,
  };
  const texts = [criteria.family, ...criteria.given, criteria.postcode].filter((text): text is string => text !== undefined);
  if (texts.some((text) => text.includes('*') && text.indexOf('*') < 2)) return invalidSearchData('Wildcards must be preceded by at least two characters');
  if (fuzzy && texts.some((text) => text.includes('*'))) return invalidSearchData('Wildcards are not allowed in a fuzzy search');
  const has = { family: criteria.family !== undefined, given: criteria.given.length > 0, gender: gender !== undefined, postcode: criteria.postcode !== undefined };
  const enough = fuzzy
    ? (has.given && has.family) || (has.family && has.gender && has.postcode) || (has.given && has.gender && has.postcode)
    : has.family;
  if (!enough) return invalidSearchData(BELOW_MINIMUM);

  const exactOnly = params.get('_exact-match') === 'true';
  const matches = people
    .map((patient) => ({ patient, score: scoreFor(criteria, patient) }))
    .filter(({ score }) => score > 0 && (!exactOnly || score === 1))
    .sort((a, b) => b.score - a.score || a.patient.id.localeCompare(b.patient.id));
  if (matches.length > maxResults) return { kind: 'too-many-matches' };
  return { kind: 'searchset', matches };
}
