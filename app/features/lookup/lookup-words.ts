import type { NhsNumberProblem } from '../../domain/nhs-number';

/**
 * Every word on the lookup screen, in one place so clinical leads can review the wording.
 * The two outcome headings are fixed: crews and trainers rely on them meaning exactly this.
 */
export const lookupWords = {
  pageTitle: 'Find a crisis plan',
  nhsNumberLabel: 'NHS number',
  nhsNumberHint: '10 digits, for example 943 476 5919',
  search: 'Search',
  /** The switch between the two ways to find a person (issue 12). */
  way: { label: 'Search by', number: 'NHS number', details: 'Name and date of birth' },
  showSaved: 'Close this result and show what is saved on this device',
  errorSummaryTitle: 'There is a problem',
  nhsNumberProblem: {
    empty: 'Enter an NHS number',
    'not-digits': 'NHS number must contain only digits',
    'wrong-length': 'NHS number must be 10 digits',
    checksum: 'NHS number is not a valid NHS number: check the digits',
  } satisfies Record<NhsNumberProblem, string>,

  fromNationalServices: (time: string) => `From the national services at ${time}.`,
  checkingPatient: 'Checking who this is on the Personal Demographics Service…',
  checkingRecords: 'Checking the National Record Locator for a crisis plan…',
  identityFailedTitle: 'Could not confirm who this is',
  // A 401: the crew's sign-in ran out; nothing is known about the patient either way. Live mode
  // then shows Sign in again at the top of the screen (service-error-messages.ts says where).
  signInAgainTitle: 'Sign in again to see this patient',
  // Demo mode has no sign-in to renew: a trainer's demo patient answers 401 on purpose.
  signInRefusedDemoTitle: 'The national services refused the sign-in',
  signInRefusedDemo:
    'This demo patient shows what a crew sees when their sign-in to NHS services has run out: no patient details, and a Sign in again button at the top of the screen. Demo mode has no sign-in to renew, so pick another demo patient to go on.',
  identityFailedAdvice: 'Records are only shown once the Personal Demographics Service confirms the patient.',
  tryAgain: 'Try again',

  noCrisisPlanTitle: 'No crisis plan found',
  noCrisisPlanBody: 'The National Record Locator answered: there is no mental health crisis plan for this person.',
  couldNotCheckTitle: 'Could not check for a crisis plan',
  couldNotCheckAdvice: 'This does not mean there is no plan. Try again, or use your usual process to contact the local crisis team.',
  // Trying again would get the same answer (a refusal, a setup fault, an unreadable entry).
  couldNotCheckAdviceFinal: 'This does not mean there is no plan. Use your usual process to contact the local crisis team.',
  searchFailedUnder: (which: 'old' | 'current', nhsNumber: string) => `The search under the ${which} NHS number ${nhsNumber} did not finish.`,
  searchIncompleteTitle: (which: 'old' | 'current', nhsNumber: string) =>
    `Could not check under the ${which} NHS number ${nhsNumber}: there may be other plans`,
  unreadableRecords: (count: number) =>
    count === 1
      ? 'The National Record Locator returned 1 record that could not be read. It may be a crisis plan.'
      : `The National Record Locator returned ${count} records that could not be read. One of them may be a crisis plan.`,
  unreadableRecordsAlongside: (count: number) =>
    count === 1
      ? '1 other record from the National Record Locator could not be read and is not shown.'
      : `${count} other records from the National Record Locator could not be read and are not shown.`,

  banner: {
    region: 'Patient details from the Personal Demographics Service',
    born: 'Born',
    age: (years: number) => `(${years} ${years === 1 ? 'year' : 'years'} old)`,
    nhsNumber: 'NHS number',
    gender: 'Gender',
    address: 'Address',
    restricted: 'Restricted record: address not shown',
    noAddress: 'Not recorded',
    deceased: (date: string) => `Recorded as deceased on ${date}. Check the patient's identity.`,
    superseded: (oldNumber: string, newNumber: string) =>
      `NHS number ${oldNumber} has been replaced by ${newNumber}. Records filed under either number are shown.`,
    genders: { male: 'Male', female: 'Female', other: 'Other', unknown: 'Not known' },
  },

  /** The compact bar that keeps the confirmed person in view while the crew scrolls. */
  demoTag: 'DEMO',
  demoTagSpoken: 'Demo: a synthetic patient, not a real person',

  identityBar: {
    label: 'Patient on this screen',
    born: 'Born',
    age: (years: number) => `(${years})`,
    ageSpoken: (years: number) => `${years} ${years === 1 ? 'year' : 'years'} old`,
    birthDateUnknown: 'not known',
    nhsNumber: 'NHS number',
    savedCopy: (age: string) => `Saved copy, ${age}`,
    savedCopyStale: (age: string) => `Saved copy, ${age}: may be out of date`,
  },

  records: {
    heading: (count: number) => (count === 1 ? '1 record found' : `${count} records found`),
    crisisPlansFound: (count: number) => (count === 1 ? 'Crisis plan found' : `${count} crisis plans found`),
    otherRecords: 'Other urgent care records',
    from: 'From',
    updated: 'Updated',
    open: 'Open',
    showing: 'Showing',
    unknownOrganisation: (ods: string) => `Organisation ${ods}`,
    filedUnder: (which: 'old' | 'current', nhsNumber: string) => `Filed under ${which} NHS number ${nhsNumber}`,
  },

  plan: {
    forPatient: (name: string, nhsNumber: string) => `For ${name}, NHS number ${nhsNumber}`,
    retrieving: 'Retrieving the plan from the organisation that holds it…',
    retrieveFailedTitle: 'The plan could not be retrieved',
    noDocument: 'This record has no document this app can open.',
    documentTitle: (label: string) => `${label} document`,
    /** The short summary at the top of a crisis plan: the call and the jump to the plan's text. */
    callTeam: 'Call the crisis team',
    callTeamNumbers: 'Numbers for the crisis team',
    readPlan: 'Read the plan',
    /** Jump to the team card below the plan: every number, the switchboard kept apart. */
    allTeamNumbers: 'All the team’s numbers',
  },

  device: {
    checking: 'Checking the plans saved on this device…',
    readFailedTitle: "Could not read this device's saved plans",
    viewNotRecordedTitle: 'The saved copy is not shown',
    viewNotRecorded:
      'This device could not record that you opened it, and every look at a patient’s record must be recorded. Try again; if it keeps happening, restart the app and tell your service desk.',
    heading: 'Saved on this device',
    retrieved: (time: string, age: string) => `Retrieved ${time}, ${age}`,
    becauseUnreachable: 'The national services could not be reached. This is the copy saved on this device; it may have changed since.',
    becauseOffline: 'No signal. This is the copy saved on this device; it may have changed since.',
    becauseOpened: 'This is the copy saved on this device; it may have changed since.',
    staleTitle: 'This plan may be out of date',
    staleBody: (hours: number) => `It was retrieved more than ${hours} hours ago. Search again when you have signal.`,
    searchAgain: 'Search again now',
    showSavedCopy: (time: string) => `Show the copy saved on this device (retrieved ${time})`,
    expired: (hours: number) => `This saved copy has been deleted: plans are kept on the device for ${hours} hours.`,
    notSaved: 'This search is not saved on this device.',
    queuedTitle: 'Could not check for a crisis plan',
    queuedBody:
      'No signal, and nothing is saved on this device for this NHS number. The search is waiting and will run by itself when the signal returns; the result will show at the top of this screen.',
    queueFailed: 'The search could not be kept to run later. Try again when you have signal.',
    savedAt: (time: string, hours: number) => `Saved on this device at ${time}, kept for ${hours} hours.`,
    savedEvicted: (count: number) =>
      count === 1 ? 'The oldest saved plan was deleted to make room.' : `The ${count} oldest saved plans were deleted to make room.`,
    saveFailed: 'This result could not be saved on this device, so it will not open without signal.',
  },

  queuedResults: {
    title: 'A search that waited for signal has finished',
    outcome: {
      'crisis-plan': 'Crisis plan found',
      'no-crisis-plan': 'No crisis plan found',
      'could-not-check': 'Could not check for a crisis plan',
      failed: 'Could not check for a crisis plan',
    },
    open: 'Open',
    dismiss: 'Dismiss',
  },
} as const;
