import type { Patient } from '../fhir/fhir-types';
import { buildPatient } from './patient-builder';

/**
 * People PDS knows who have no record in NRL: they exist so a search by details (issue 12) has
 * the crowds real searches meet. Each answers `GET Patient/{nhs}` too, so picking one runs the
 * ordinary lookup (and finds no crisis plan). NHS numbers from the 999 test range, Modulus 11.
 *
 * - A second Amelia Crossley, and an Emily, born the same year as the planPdf scenario's Amelia
 *   Crossley (1991-03-14): searching by name and year of birth lists all three, and only the
 *   date of birth tells the two Amelias apart (the wrong-person hazard the results must handle).
 * - A Jordan Ellison born the same year as the restricted scenario's: one of the two has an
 *   address to show, the other's is withheld.
 * - Fourteen Whitworths born in the 1980s: a search over the decade is TOO_MANY_MATCHES.
 */

const LANCASHIRE_GP = 'Y99003';

export const SECOND_AMELIA_CROSSLEY = buildPatient({
  nhsNumber: '9990002002',
  versionId: '3',
  confidentiality: 'U',
  prefix: 'Miss',
  given: ['Amelia', 'Rose'],
  family: 'Crossley',
  gender: 'female',
  birthDate: '1991-07-02',
  since: '2019-04-11',
  address: ['41 Specimen Road', 'Blackpool', 'FY1 0ZZ'],
  mobile: '07700900201',
  gpOds: LANCASHIRE_GP,
});

export const EMILY_CROSSLEY = buildPatient({
  nhsNumber: '9990002010',
  versionId: '2',
  confidentiality: 'U',
  given: ['Emily'],
  family: 'Crossley',
  gender: 'female',
  birthDate: '1991-11-23',
  since: '2020-09-01',
  address: ['6 Example Walk', 'Fulwood', 'Preston', 'PR2 0ZY'],
  gpOds: LANCASHIRE_GP,
});

export const UNRESTRICTED_JORDAN_ELLISON = buildPatient({
  nhsNumber: '9990002029',
  versionId: '5',
  confidentiality: 'U',
  given: ['Jordan'],
  family: 'Ellison',
  gender: 'male',
  birthDate: '1995-10-30',
  since: '2022-02-14',
  address: ['19 Fixture Street', 'Kennington', 'London', 'SE11 0ZZ'],
  gpOds: 'Y99001',
});

const WHITWORTH_GIVEN = [
  ['Adam', 'male'],
  ['Beth', 'female'],
  ['Callum', 'male'],
  ['Danielle', 'female'],
  ['Ellis', 'other'],
  ['Fiona', 'female'],
  ['Gareth', 'male'],
  ['Hannah', 'female'],
  ['Imran', 'male'],
  ['Jasmine', 'female'],
  ['Kyle', 'male'],
  ['Laura', 'female'],
  ['Mohammed', 'male'],
  ['Natalie', 'female'],
] as const;

const WHITWORTH_NUMBERS = [
  '9990002037',
  '9990002045',
  '9990002053',
  '9990002061',
  '9990002088',
  '9990002096',
  '9990002118',
  '9990002126',
  '9990002134',
  '9990002142',
  '9990002150',
  '9990002169',
  '9990002177',
  '9990002185',
];

/** Fourteen Whitworths, born 1980 to 1989, a few in each year, all in Burnley. */
export const WHITWORTHS: readonly Patient[] = WHITWORTH_GIVEN.map(([given, gender], i) =>
  buildPatient({
    nhsNumber: WHITWORTH_NUMBERS[i]!,
    versionId: '1',
    confidentiality: 'U',
    given: [given],
    family: 'Whitworth',
    gender,
    birthDate: `${1980 + (i % 10)}-${String((i % 12) + 1).padStart(2, '0')}-${String(((i * 7) % 27) + 1).padStart(2, '0')}`,
    since: '2018-01-01',
    address: [`${i + 2} Sample Street`, 'Burnley', `BB${10 + (i % 3)} 0ZZ`],
  }),
);

/** Every PDS record that belongs to no scenario. */
export const SEARCH_PEOPLE: readonly Patient[] = [SECOND_AMELIA_CROSSLEY, EMILY_CROSSLEY, UNRESTRICTED_JORDAN_ELLISON, ...WHITWORTHS];

/**
 * Searches by details a trainer can walk through in demo mode (issue 12 point 6): what to type,
 * and what the crew will see. Dates of birth as the NHS.UK date input takes them.
 */
export interface SearchExample {
  readonly label: string;
  readonly description: string;
  readonly family: string;
  readonly given?: string;
  readonly birthDate: { readonly kind: 'date'; readonly day: string; readonly month: string; readonly year: string } | { readonly kind: 'year'; readonly year: string } | { readonly kind: 'age'; readonly from: string; readonly to: string };
  readonly postcode?: string;
}

export const SEARCH_EXAMPLES: readonly SearchExample[] = [
  {
    label: 'One exact match with a crisis plan',
    description: 'Amelia Crossley, born 14 March 1991: one match; confirming her opens her crisis plan.',
    family: 'Crossley',
    given: 'Amelia',
    birthDate: { kind: 'date', day: '14', month: '3', year: '1991' },
  },
  {
    label: 'Two people with one name',
    description: 'Amelia Crossley born in 1991: two Amelias, told apart only by date of birth and postcode.',
    family: 'Crossley',
    given: 'Amelia',
    birthDate: { kind: 'year', year: '1991' },
  },
  {
    label: 'Several matches, ranked',
    description: 'Family name Cro* born in 1991: three Crossleys, partial matches.',
    family: 'Cro*',
    birthDate: { kind: 'year', year: '1991' },
  },
  {
    label: 'Address withheld',
    description: 'Ellison born in 1995: one of the two is a restricted record, so the patient details service sends no address.',
    family: 'Ellison',
    birthDate: { kind: 'year', year: '1995' },
  },
  {
    label: 'Too many matches',
    description: 'Whitworth aged 30 to 60: more people than the search shows, so it asks for more details.',
    family: 'Whitworth',
    birthDate: { kind: 'age', from: '30', to: '60' },
  },
  {
    label: 'No match, then wider matching',
    description: 'Samuel Kettridge (misspelt), born 17 September 1988: no exact match; wider matching finds Samuel Ketteridge.',
    family: 'Kettridge',
    given: 'Samuel',
    birthDate: { kind: 'date', day: '17', month: '9', year: '1988' },
  },
];
