/**
 * PDS search replies as the published contract shows them (issue 12: "works against any server
 * that follows the published PDS search contract"), written for our tests from what
 * NHSDigital/personal-demographics-service-api publishes: `specification/components/examples/
 * PatientSearch.json`, `Sensitive_PatientSearch.json` and `Minimal_PatientSearch.json` (the
 * 200 example of `paths/patient-search.yaml`), the sandbox's search handler
 * (`karate-tests/.../mocks/sandbox/get-patient-search.js`, `stubs.js`: EMPTY_SEARCHSET,
 * WILDCARD_SEARCH) and its `TOO_MANY_MATCHES.json` and error bodies.
 *
 * Unlike our own mocks, these carry every field the real service sends that this app does not
 * read (identifier extensions, suffix, multipleBirthInteger, telecom, contact, generalPractitioner,
 * address keys, death notification status), and periods that have already ended: a reader with
 * a strict schema, or one that needs a current name, would fail on them.
 */

const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const SPINE_CODES = 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode';
const SANDBOX_BASE = 'https://api.service.nhs.uk/personal-demographics/FHIR/R4/Patient/';

/** The sandbox's periods: started in 2024, ended at the end of 2025. */
const ENDED = { start: '2024-01-01', end: '2025-12-31' };

function identifier(nhsNumber: string): object[] {
  return [
    {
      system: NHS_NUMBER_SYSTEM,
      value: nhsNumber,
      extension: [
        {
          url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus',
          valueCodeableConcept: {
            coding: [{ system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus', version: '1.0.0', code: '01', display: 'Number present and verified' }],
          },
        },
      ],
    },
  ];
}

function meta(code: 'U' | 'R'): object {
  return { versionId: '2', security: [{ system: CONFIDENTIALITY, code, display: code === 'U' ? 'unrestricted' : 'restricted' }] };
}

function deathNotification(at: string): object[] {
  return [
    {
      url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-DeathNotificationStatus',
      extension: [
        {
          url: 'deathNotificationStatus',
          valueCodeableConcept: {
            coding: [
              {
                system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-DeathNotificationStatus',
                version: '1.0.0',
                code: '2',
                display: 'Formal - death notice received from Registrar of Deaths',
              },
            ],
          },
        },
        { url: 'systemEffectiveDate', valueDateTime: at },
      ],
    },
  ];
}

function addressKey(type: 'PAF' | 'UPRN', value: string): object {
  return {
    url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AddressKey',
    extension: [
      { url: 'type', valueCoding: { system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-AddressKeyType', code: type } },
      { url: 'value', valueString: value },
    ],
  };
}

/** The spec's search example: Jane Smith, 9000000009, unrestricted, every field PDS returns on a search. */
export function publishedJaneSmith(): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: '9000000009',
    identifier: identifier('9000000009'),
    meta: meta('U'),
    name: [{ id: '123', use: 'usual', period: ENDED, given: ['Jane'], family: 'Smith', prefix: ['Mrs'], suffix: ['MBE'] }],
    gender: 'female',
    birthDate: '2010-10-22',
    multipleBirthInteger: 1,
    deceasedDateTime: '2010-10-22T00:00:00+00:00',
    address: [
      {
        id: '456',
        period: ENDED,
        use: 'home',
        line: ['1 Trevelyan Square', 'Boar Lane', 'City Centre', 'Leeds', 'West Yorkshire'],
        postalCode: 'LS1 6AE',
        extension: [addressKey('PAF', '12345678'), addressKey('UPRN', '123456789012')],
      },
    ],
    telecom: [
      { id: '789', period: ENDED, system: 'phone', value: '01632960587', use: 'home' },
      { id: '790', period: { start: '2019-01-01', end: '2022-12-31' }, system: 'email', value: 'jane.smith@example.com', use: 'home' },
      {
        id: 'OC789',
        period: ENDED,
        system: 'other',
        value: '01632960587',
        use: 'home',
        extension: [
          {
            url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-OtherContactSystem',
            valueCoding: { system: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-OtherContactSystem', code: 'textphone', display: 'Minicom (Textphone)' },
          },
        ],
      },
    ],
    contact: [
      {
        id: 'C123',
        period: ENDED,
        relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C', display: 'Emergency Contact' }] }],
        telecom: [{ system: 'phone', value: '01632960587' }],
      },
    ],
    generalPractitioner: [
      { id: '254406A3', type: 'Organization', identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'Y12345', period: ENDED } },
    ],
    extension: deathNotification('2010-10-22T00:00:00+00:00'),
  };
}

/** The sandbox's second Smith-like person (9000000017, Jayne Smyth), as its wildcard search returns her. */
export function publishedJayneSmyth(): Record<string, unknown> {
  return {
    ...publishedJaneSmith(),
    id: '9000000017',
    identifier: identifier('9000000017'),
    name: [{ id: '123', use: 'usual', period: ENDED, given: ['Jayne'], family: 'Smyth', prefix: ['Mrs'], suffix: ['MBE'] }],
  };
}

/**
 * The spec's restricted example (Janet Smythe, 9000000025): security label R, and no address,
 * telecom, contact or generalPractitioner at all.
 */
export function publishedRestrictedJanetSmythe(): Record<string, unknown> {
  return {
    resourceType: 'Patient',
    id: '9000000025',
    identifier: identifier('9000000025'),
    meta: meta('R'),
    name: [{ id: '123', use: 'usual', period: ENDED, given: ['Janet'], family: 'Smythe', prefix: ['Mrs'], suffix: ['MBE'] }],
    gender: 'female',
    birthDate: '2005-06-16',
    multipleBirthInteger: 1,
    deceasedDateTime: '2005-06-16T00:00:00+00:00',
    extension: deathNotification('2005-06-16T00:00:00+00:00'),
  };
}

/** The spec's minimal example (9000000033): only id, identifier and meta. */
export function publishedMinimalPatient(): Record<string, unknown> {
  return { resourceType: 'Patient', id: '9000000033', identifier: identifier('9000000033'), meta: meta('U') };
}

export function publishedEntry(resource: Record<string, unknown>, score: number): Record<string, unknown> {
  return { fullUrl: `${SANDBOX_BASE}${String(resource['id'])}`, search: { score }, resource };
}

/** The spec's searchset: a timestamp, `total` and the entries. */
export function publishedSearchset(...entries: Record<string, unknown>[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'searchset', timestamp: '2019-12-25T12:00:00+00:00', total: entries.length, entry: entries };
}

/** The sandbox's searchsets built in its handler: no timestamp. */
export function sandboxSearchset(...entries: Record<string, unknown>[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'searchset', total: entries.length, entry: entries };
}

/** The sandbox's EMPTY_SEARCHSET: `total: 0` and no `entry` at all. */
export const SANDBOX_EMPTY_SEARCHSET = { resourceType: 'Bundle', type: 'searchset', total: 0 };

/** The sandbox's TOO_MANY_MATCHES.json, sent with HTTP 200. */
export const PUBLISHED_TOO_MANY_MATCHES = {
  issue: [
    {
      code: 'multiple-matches',
      details: { coding: [{ code: 'TOO_MANY_MATCHES', display: 'Too Many Matches', system: SPINE_CODES, version: '1' }] },
      severity: 'information',
    },
  ],
  resourceType: 'OperationOutcome',
};

/** The sandbox's answer (HTTP 200) to a search it has no example for: no search was done. */
export const SANDBOX_NOT_SUPPORTED = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'warning', code: 'not-supported', diagnostics: 'This mock endpoint has no example response for this combination of search parameters' }],
};

/** A 4XX body as the sandbox's error stubs shape it (issue code `value` or `invalid`, Spine coding with version 1). */
export function publishedSearchError(code: string, display: string, diagnostics?: string, issueCode = 'value'): Record<string, unknown> {
  return {
    issue: [
      {
        code: issueCode,
        details: { coding: [{ code, display, system: SPINE_CODES, version: '1' }] },
        ...(diagnostics === undefined ? {} : { diagnostics }),
        severity: 'error',
      },
    ],
    resourceType: 'OperationOutcome',
  };
}

// --- The request: what the spec allows a search to send ------------------------------------

/** `personal-demographics.yaml` parameters of `GET /Patient` (patient-search.yaml `parameters`). */
const PUBLISHED_PARAMETERS = new Set([
  '_fuzzy-match',
  '_exact-match',
  '_history',
  '_max-results',
  'family',
  'given',
  'gender',
  'birthdate',
  'death-date',
  'address-postalcode',
  'address-postcode',
  'general-practitioner',
  'email',
  'phone',
]);
const BOOLEAN_PARAMETERS = ['_fuzzy-match', '_exact-match', '_history'];
/** `Birthdate`: "`<eq|ge|le>yyyy-mm-dd`"; a range is `ge…` and `le…`. */
const BIRTHDATE = /^(eq|ge|le)(\d{4}-\d{2}-\d{2})$/;
const GENDERS = ['male', 'female', 'other', 'unknown'];

function isRealDay(day: string): boolean {
  const at = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === day;
}

/**
 * Every way `url` breaks the published search contract, in words; empty when it follows it.
 * Written from the spec's text (`paths/patient-search.yaml`, the `personal-demographics.yaml`
 * parameters), independently of `patientSearchParams` and of `mocks/`.
 */
export function publishedSearchContractBreaches(url: string): string[] {
  const breaches: string[] = [];
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/Patient')) breaches.push(`path ${parsed.pathname}`);
  const raw = parsed.search.replace(/^\?/, '');
  // Family/Given: "a wildcard must be encoded as `%2A`".
  if (raw.includes('*')) breaches.push('a wildcard sent as a bare *');
  const params: [string, string][] = raw.split('&').map((pair) => {
    const [key = '', value = ''] = pair.split('=');
    return [decodeURIComponent(key), decodeURIComponent(value.replaceAll('+', ' '))];
  });
  const all = (name: string) => params.filter(([key]) => key === name).map(([, value]) => value);
  const one = (name: string) => all(name)[0];

  for (const [key] of params) if (!PUBLISHED_PARAMETERS.has(key)) breaches.push(`unpublished parameter ${key} (ADDITIONAL_PROPERTIES)`);
  for (const name of PUBLISHED_PARAMETERS) {
    if (name !== 'given' && name !== 'birthdate' && all(name).length > 1) breaches.push(`${name} repeated`);
  }
  for (const name of BOOLEAN_PARAMETERS) {
    const value = one(name);
    if (value !== undefined && value !== 'true' && value !== 'false') breaches.push(`${name}=${value} is not a boolean`);
  }
  const fuzzy = one('_fuzzy-match') === 'true';

  const family = one('family');
  const given = all('given');
  const postcode = one('address-postalcode') ?? one('address-postcode');
  if (one('address-postalcode') !== undefined && one('address-postcode') !== undefined) breaches.push('both postcode parameters');
  for (const [name, value] of [['family', family], ...given.map((g) => ['given', g] as const), ['postcode', postcode]] as const) {
    if (value === undefined) continue;
    if (name !== 'postcode' && value.length > 35) breaches.push(`${name} over 35 characters`);
    if (value.trim() === '') breaches.push(`${name} empty`);
    const star = value.indexOf('*');
    // "Use `*` as a wildcard but not in the first two characters and not in fuzzy search mode."
    if (star !== -1 && star < 2) breaches.push(`${name} has a wildcard in its first two characters`);
    if (star !== -1 && fuzzy) breaches.push(`${name} has a wildcard in a fuzzy search`);
  }

  const dates = all('birthdate');
  const ops = dates.map((date) => BIRTHDATE.exec(date));
  ops.forEach((match, i) => {
    if (!match) breaches.push(`birthdate ${dates[i]} is not <eq|ge|le>yyyy-mm-dd (INVALID_VALUE)`);
    else if (!isRealDay(match[2]!)) breaches.push(`birthdate ${dates[i]} is no real day`);
  });
  const opList = ops.map((m) => m?.[1]).sort().join(',');
  if (dates.length === 0) breaches.push('no birthdate (MISSING_VALUE)');
  else if (opList !== 'eq' && opList !== 'ge,le' && opList !== 'ge' && opList !== 'le') breaches.push(`birthdate operators ${opList}`);
  if (opList === 'ge,le') {
    const from = ops.find((m) => m?.[1] === 'ge')![2]!;
    const to = ops.find((m) => m?.[1] === 'le')![2]!;
    if (from > to) breaches.push(`birthdate range ${from} to ${to} is empty`);
  }

  const gender = one('gender');
  if (gender !== undefined && !GENDERS.includes(gender)) breaches.push(`gender ${gender} (INVALID_VALUE)`);
  const max = one('_max-results');
  if (max !== undefined && !(/^\d+$/.test(max) && Number(max) >= 1 && Number(max) <= 50)) breaches.push(`_max-results ${max} outside 1 to 50 for a healthcare worker`);
  const wildcard = [family, ...given, postcode].some((value) => value?.includes('*'));
  if (one('_exact-match') === 'true' && (fuzzy || wildcard)) breaches.push('_exact-match with a fuzzy or wildcard search');

  // The minimum combinations (INVALID_SEARCH_DATA below them).
  if (!fuzzy && family === undefined) breaches.push('non-fuzzy search without a family name');
  if (fuzzy) {
    const hasGiven = given.length > 0;
    const combos = [
      hasGiven && family !== undefined,
      family !== undefined && gender !== undefined && postcode !== undefined,
      hasGiven && gender !== undefined && postcode !== undefined,
    ];
    if (!combos.some(Boolean)) breaches.push('fuzzy search outside the three published combinations');
  }
  return breaches;
}
