import type { AccessAction } from '../../domain/access-event';
import type { NhsNumberProblem } from '../../domain/nhs-number';

/**
 * Every word on the Access history screen, in one place for clinical review. Written for the
 * clinical lead who reviews who looked at which patient's record, and for trainers in demo mode.
 */
export const historyWords = {
  pageTitle: 'Access history',
  intro: 'Each look at a patient’s record from this app, as your trust’s audit service holds it. Newest first.',
  loadingScreen: 'Opening the access history…',

  filtersLegend: 'Which records',
  fromDate: 'From',
  toDate: 'To',
  dateHint: 'Days in UK time',
  nhsNumberLabel: 'NHS number (optional)',
  nhsNumberHint: 'For one patient: 10 digits, for example 943 476 5919',
  actionLabel: 'What was done',
  anyAction: 'Anything',
  personLabel: 'Who',
  personHint: 'People in the records loaded on this screen',
  anyone: 'Anyone',
  // One option per person: their name and role, so two people with one name can be told apart.
  personOption: (name: string, role: string | undefined) => (role ? `${name} (${role})` : name),
  show: 'Show records',
  errorSummaryTitle: 'There is a problem',
  fromMissing: 'Enter the first day, as a date',
  toMissing: 'Enter the last day, as a date',
  wrongOrder: 'The first day must be the same as or before the last day',
  invalidFilters: 'No records are shown until the filters are corrected.',
  nhsNumberProblem: {
    empty: 'Enter an NHS number, or leave it empty for every patient',
    'not-digits': 'NHS number must contain only digits',
    'wrong-length': 'NHS number must be 10 digits',
    checksum: 'NHS number is not a valid NHS number: check the digits',
  } satisfies Record<NhsNumberProblem, string>,

  actions: {
    'patient-read': 'Patient details',
    'patient-search': 'Search by details',
    'pointer-search': 'Record search',
    'document-retrieval': 'Document retrieved',
    'saved-copy-view': 'Saved copy opened',
  } satisfies Record<AccessAction, string>,

  loading: 'Loading the access history from the audit service…',
  failedTitle: 'Could not load the access history',
  tryAgain: 'Try again',
  empty: 'No access recorded for these filters',
  // What the rows below answer, so a filter edited but not applied cannot be read as the result's.
  showing: (from: string, to: string, patient: string | undefined, action: string | undefined, person?: string | undefined) =>
    `Showing ${from} to ${to}, ${patient ? `NHS number ${patient}` : 'every patient'}, ${action ? action.toLowerCase() : 'anything done'}, ${person ? `by ${person}` : 'by anyone'}.`,
  caption: (count: number) => (count === 1 ? '1 access' : `${count} accesses`),
  columns: { when: 'When', what: 'What', nhsNumber: 'NHS number', person: 'Who', organisation: 'Organisation', outcome: 'Outcome' },
  outcome: {
    // What the service's HTTP status meant for the request: only a 2xx is "Answered".
    replied: (status: number) =>
      status >= 200 && status < 300
        ? `Answered (${status})`
        : status === 401 || status === 403
          ? `Refused (${status})`
          : status === 404 || status === 410
            ? `Failed: not found (${status})`
            : status === 429
              ? `Failed: service busy (${status})`
              : status >= 500 || status === 408
                ? `Failed: service error (${status})`
                : status >= 400
                  ? `Failed: request not accepted (${status})`
                  : `Failed: unexpected reply (${status})`,
    noAnswer: { network: 'No answer: no connection', timeout: 'No answer: timeout', cancelled: 'No answer: cancelled' },
    fromDevice: 'From this device',
  },
  noOrganisation: 'Not recorded',
  // A search by name and date of birth is for no one patient (the people it found are not recorded here).
  noPatient: 'None (search by details)',
  // Recorded before the app had sign-in: the record names the organisation only.
  noPerson: 'Not recorded (before sign-in)',
  unnamedPerson: 'Name not recorded',
  // Who, in one cell: name, the role they signed in with, and how they were known.
  person: (name: string, role: string | undefined, session: 'signed-in' | 'offline' | 'demo' | undefined) =>
    [name, role, session === 'offline' ? 'offline session' : session === 'demo' ? 'demo' : undefined].filter((part) => part !== undefined).join(', '),
  organisation: (ods: string, name: string | undefined) => (name ? `${name} (${ods})` : ods),
  unreadable: (count: number) =>
    count === 1
      ? 'The audit service returned 1 record this app could not read. It is not shown here; ask your audit team about it.'
      : `The audit service returned ${count} records this app could not read. They are not shown here; ask your audit team about them.`,
  // The audit service gave a next page: a lead can load it, older records below the newest.
  moreHint: 'The audit service holds older records for these filters.',
  showMore: 'Show more',
  loadingMore: 'Loading more of the access history…',
  moreFailedTitle: 'Could not load more of the access history',
  moreFailedKept: 'The records already shown are still here.',
  // More matches, but no next link to fetch them by.
  more: (shown: number) =>
    `Only the newest ${shown} are shown: there are more, but the audit service gave no way to fetch them. Choose fewer days, or add an NHS number, to see the rest.`,
  // Records still on this device are not in the audit service yet (DESIGN.md rule 6).
  waiting: (count: number) =>
    count === 0
      ? 'No records of access are waiting on this device: everything from it has been sent to the audit service.'
      : count === 1
        ? '1 record of access on this device is still waiting to be sent to the audit service, so it is not in this list yet.'
        : `${count} records of access on this device are still waiting to be sent to the audit service, so they are not in this list yet.`,

  exportCsv: 'Export CSV',
  // The export is what is loaded: after Show more, every row shown so far.
  exportHint: (count: number) =>
    `The file holds the ${count === 1 ? '1 access' : `${count} accesses`} shown here, with their NHS numbers. Keep it only as your trust’s rules allow, and delete it from this device when you are done.`,
  csvFileName: (fromDate: string, toDate: string) => `access-history-${fromDate}-to-${toDate}.csv`,
} as const;
