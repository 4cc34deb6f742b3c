import type { Gender } from '../../domain/patient';
import type { SearchField, SearchProblemCode } from '../../domain/patient-search';

/**
 * Every word of the search by details (issue 12), in one place for clinical review. The cautions
 * (sex, wider matching, a device search) are PDS's own advice or this app's safety rules.
 */
export const findPersonWords = {
  heading: 'Search by name and date of birth',
  intro: 'Use this when the person does not know their NHS number. Check every detail with the person before you choose them.',
  familyLabel: 'Family name',
  familyHint: 'Surname. You can end it with * if you only know the start, for example Cro*',
  givenLabel: 'Given name (optional)',
  givenHint: 'First name. You can end it with * after at least 2 letters',
  birthDateLegend: 'Date of birth',
  birthDateKind: {
    date: 'Exact date of birth',
    year: 'Year of birth only',
    age: 'Age only',
  },
  dateHint: 'For example, 14 3 1991',
  day: 'Day',
  month: 'Month',
  year: 'Year',
  yearLabel: 'Year of birth',
  yearHint: 'For example, 1991',
  ageFrom: 'Age, or youngest age it could be',
  ageTo: 'Oldest age it could be (optional)',
  ageHint: 'In whole years. Give a range if you are not sure, for example 30 to 35.',
  sexLegend: 'Sex (optional)',
  // PDS's own caution: it records one gender, which may not be the one the person uses.
  sexHint:
    'Only if you are sure. The national record holds one recorded gender, which may not be the one the person uses, so a wrong choice can hide the right person.',
  sexes: { female: 'Female', male: 'Male', other: 'Other', unknown: 'Not known' } satisfies Record<Gender, string>,
  sexAny: 'Leave out',
  postcodeLabel: 'Postcode (optional)',
  postcodeHint: 'The whole postcode, or the start of one followed by *, for example LS1*',
  search: 'Search',
  errorSummaryTitle: 'There is a problem',

  problems: {
    family: {
      missing: 'Enter a family name',
      'too-long': 'Family name must be 35 characters or fewer',
      characters: 'Family name must contain only letters, spaces, hyphens, apostrophes and *',
      'wildcard-too-early': 'Family name must have at least 2 letters before *',
      'wildcard-in-wider': 'Wider matching cannot use *: enter the whole family name',
    },
    given: {
      'too-long': 'Given name must be 35 characters or fewer',
      characters: 'Given name must contain only letters, spaces, hyphens, apostrophes and *',
      'wildcard-too-early': 'Given name must have at least 2 letters before *',
      'wildcard-in-wider': 'Wider matching cannot use *: enter the whole given name',
      'wider-needs-more': 'Wider matching needs a given name (or both sex and a whole postcode)',
    },
    birthDate: {
      missing: 'Enter a date of birth, a year of birth or an age',
      'date-incomplete': 'Date of birth must include a day, month and year',
      'date-not-real': 'Date of birth must be a real date',
      'date-in-future': 'Date of birth must be in the past',
      'date-too-early': 'Date of birth must be after 1880',
      'age-not-number': 'Age must be a whole number of years',
      'age-too-high': 'Age must be 130 or under',
      'age-order': 'The youngest age must not be above the oldest age',
    },
    postcode: {
      characters: 'Postcode must contain only letters, numbers, spaces and *',
      'wildcard-too-early': 'Postcode must have at least 2 characters before *',
      'postcode-not-whole': 'Enter a whole postcode, or the start of one followed by *, for example LS1*',
      'wildcard-in-wider': 'Wider matching cannot use *: enter the whole postcode',
    },
    gender: {},
  } satisfies Record<SearchField, Partial<Record<SearchProblemCode, string>>>,
  problemFallback: 'Check this detail',

  searching: 'Searching the Personal Demographics Service…',
  resultsHeading: (count: number) => (count === 1 ? '1 person found' : `${count} people found`),
  resultsIntro: 'Best match first. Nothing about a person is opened until you choose them; check their details with them first.',
  oneMatchIntro: 'One person matches. Check their details with them before you choose them.',
  widerResults: 'Found with wider matching',
  widerResultsBody: 'These people were found by sounds-alike and swapped names, so they may not be who you are looking for. Check every detail.',
  born: 'Born',
  age: (years: number) => `(${years} ${years === 1 ? 'year' : 'years'} old)`,
  birthDateUnknown: 'Not known',
  sex: 'Sex',
  postcode: 'Postcode',
  addressWithheld: 'Address withheld',
  noPostcode: 'Not recorded',
  match: 'Match',
  matchWords: { exact: 'Exact', close: 'Close', partial: 'Partial' },
  choose: 'Choose',
  chooseHidden: (born: string) => `, born ${born}`,
  nhsNumber: 'NHS number',

  tooManyTitle: 'Too many people match',
  tooManyBody: (max: number) => `More than ${max} people match these details, so none are shown.`,
  tooManyAdd: 'Add more details and search again:',
  tooManyAddGiven: 'a given name',
  tooManyAddDate: 'an exact date of birth instead of a year or an age',
  tooManyAddPostcode: 'a postcode (the start of one with * is enough)',
  tooManyAddSex: 'sex, if you are sure of it',

  noMatchTitle: 'No one found',
  noMatchBody: 'No one on the Personal Demographics Service matches these details exactly.',
  noMatchRestricted: 'A search that includes a postcode never finds people whose address is withheld. Try without the postcode.',
  widen: 'Search with wider matching',
  widenHint: 'Wider matching also finds names that sound alike, are spelt differently or are in another order.',
  widenNeeds: 'To search with wider matching, add a given name (or both sex and a whole postcode) and take out any *.',
  widerNoMatchBody: 'No one matches these details, even with wider matching. Check the details with the person or their documents.',

  searchFailedTitle: 'The search did not finish',
  // Why it failed: services/service-error-messages.ts `describePatientSearchError`, with the other service words.
  tryAgain: 'Try again',

  device: {
    heading: 'Saved on this device, not a national search',
    why: 'No signal, so the national services could not be searched. These are the plans saved on this device that match; someone else with these details would not be listed.',
    checking: 'Checking the plans saved on this device…',
    saved: 'Saved',
    retrieved: (time: string) => `retrieved ${time}`,
    crisisPlan: 'Crisis plan',
    noCrisisPlan: 'No crisis plan',
    nothingTitle: 'A search by details needs signal',
    nothingSaved: 'Nothing saved on this device matches these details. Search again when you have signal; a search by details is not kept to run later.',
    readFailed: "Could not read this device's saved plans. Search again when you have signal.",
  },
} as const;
