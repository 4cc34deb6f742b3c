import type { ServiceError, ServiceErrorKind, ServiceName } from './service-error';

/**
 * Every word a crew reads about a failed national service, in one place for clinical review.
 * Written for a paramedic at 3 a.m.: what happened, what it means for the patient, what to do.
 * Locator failures always say the answer is unknown, never that there is no plan (DESIGN.md rule 3).
 */
const SERVICE_DESK = 'If it keeps happening, tell your service desk.';

/**
 * For a failure that asking again will not change (offline-policy.ts: `final`): no "try again",
 * which the screens do not offer for these either (issue 9 point 6).
 */
const TELL_SERVICE_DESK = 'Tell your service desk.';

/**
 * A 401 from a service behind the trust's gateway ends the sign-in (main.tsx: markExpired), so
 * live mode shows *Sign in again* at the top of the screen (or *Sign in*, in an offline
 * session). Demo mode has no sign-in to renew: lookup-answer.tsx words its one 401 itself.
 */
const SIGN_IN_AGAIN = 'Sign in again with the button at the top of the screen.';

/**
 * `{wait}` in a busy (429) message: how long to wait, from the service's Retry-After when it
 * gave one, so the words never say "a few seconds" beside "about 30 seconds" (withWait).
 */
const WAIT = '{wait}';

const NOT_RECORDED = 'This device could not record that you opened this, so it is not shown (every look at a patient’s record must be recorded). Try again; if it keeps happening, restart the app and tell your service desk.';

const MESSAGES: Readonly<Record<ServiceName, Readonly<Record<ServiceErrorKind, string>>>> = {
  pds: {
    network:
      'No connection to the Personal Demographics Service, so this patient’s details could not be checked. Check this device’s signal or Wi-Fi, then try again.',
    timeout: 'The Personal Demographics Service took too long to answer. Try again in a moment.',
    'not-found':
      'No patient found with this NHS number on the Personal Demographics Service. Check the number with the patient or their documents.',
    misrouted: `The Personal Demographics Service could not be reached as set up on this device, so this patient’s details could not be checked. This does not mean the patient is unknown, and nothing saved on this device has been deleted. Tell your service desk.`,
    invalidated:
      'This NHS number is no longer in use and has no replacement on the Personal Demographics Service. Check the number with the patient or their documents.',
    rejected: `The Personal Demographics Service did not accept this NHS number. Check the number with the patient or their documents. ${SERVICE_DESK}`,
    unauthorised: `Your sign-in to NHS services has run out, so this patient’s details could not be checked. ${SIGN_IN_AGAIN}`,
    forbidden: `This device or your organisation is not allowed to look up patient details. Tell your service desk.`,
    'rate-limited': `The Personal Demographics Service is busy. ${WAIT}.`,
    unavailable: 'The Personal Demographics Service did not answer. Try again in a moment.',
    malformed: `The Personal Demographics Service sent patient details this app could not read, so they are not shown. ${TELL_SERVICE_DESK}`,
    unsupported: `This app cannot check patient details this way. Tell your service desk.`,
    'too-large': `The Personal Demographics Service sent more than this app reads for one patient, so their details are not shown. ${TELL_SERVICE_DESK}`,
    incomplete: `The Personal Demographics Service sent only part of its answer, so this patient’s details are not shown. ${TELL_SERVICE_DESK}`,
    'wrong-patient': `The Personal Demographics Service answered about a different patient, so nothing is shown. Check the number with the patient or their documents, and tell your service desk.`,
    'not-recorded': NOT_RECORDED,
  },
  nrl: {
    network:
      'No connection to the National Record Locator, so it is not known whether this patient has a crisis plan. Check this device’s signal or Wi-Fi, then try again.',
    timeout:
      'The National Record Locator took too long to answer, so it is not known whether this patient has a crisis plan. Try again in a moment.',
    'not-found': `The National Record Locator could not find what was asked for, so it is not known whether this patient has a crisis plan. ${TELL_SERVICE_DESK}`,
    misrouted: `The National Record Locator could not be reached as set up on this device, so it is not known whether this patient has a crisis plan. Tell your service desk.`,
    invalidated: `The National Record Locator says this record has been withdrawn, so it is not known whether this patient has a crisis plan. ${TELL_SERVICE_DESK}`,
    rejected: `The National Record Locator did not accept the search, so it is not known whether this patient has a crisis plan. ${SERVICE_DESK}`,
    unauthorised: `Your sign-in to NHS services has run out, so it is not known whether this patient has a crisis plan. ${SIGN_IN_AGAIN}`,
    forbidden:
      'Your organisation is not allowed to search the National Record Locator, so it is not known whether this patient has a crisis plan. Tell your service desk.',
    'rate-limited': `The National Record Locator is busy, so it is not known yet whether this patient has a crisis plan. ${WAIT}.`,
    unavailable:
      'The National Record Locator did not answer. Try again in a moment. Until it answers, it is not known whether this patient has a crisis plan.',
    malformed: `The National Record Locator sent an answer this app could not read, so it is not known whether this patient has a crisis plan. ${TELL_SERVICE_DESK}`,
    unsupported: 'This app cannot search for records this way, so it is not known whether this patient has a crisis plan. Tell your service desk.',
    'too-large': `The National Record Locator sent more records than this app can check at once, so it is not known whether this patient has a crisis plan. ${SERVICE_DESK}`,
    incomplete: `The National Record Locator sent only some of the records it holds for this person, so it is not known whether this patient has a crisis plan. ${TELL_SERVICE_DESK}`,
    'wrong-patient': `The National Record Locator answered about a different patient, so it is not known whether this patient has a crisis plan. ${TELL_SERVICE_DESK}`,
    'not-recorded': NOT_RECORDED,
  },
  ssp: {
    network:
      'No connection to the owning organisation’s system, so the crisis plan could not be fetched. Check this device’s signal or Wi-Fi, then try again, or call the team that owns the plan.',
    timeout:
      'The crisis plan could not be fetched from the owning organisation’s system: it took too long to answer. Try again, or call the team that owns the plan.',
    'not-found':
      'The crisis plan could not be fetched from the owning organisation’s system: it says the plan is not there. The plan may have been replaced. Call the team that owns the plan.',
    misrouted: `The crisis plan could not be fetched: the owning organisation’s system could not be reached as set up on this device. Call the team that owns the plan. ${SERVICE_DESK}`,
    invalidated:
      'The crisis plan could not be fetched from the owning organisation’s system: it says the plan has been withdrawn. Call the team that owns the plan.',
    rejected: `The crisis plan could not be fetched from the owning organisation’s system: it did not accept the request. Call the team that owns the plan. ${SERVICE_DESK}`,
    unauthorised: `The crisis plan could not be fetched because your sign-in to NHS services has run out. ${SIGN_IN_AGAIN} Until then, call the team that owns the plan.`,
    forbidden:
      'The crisis plan could not be fetched from the owning organisation’s system: it does not allow this device to open the plan. Call the team that owns the plan.',
    'rate-limited': `The crisis plan could not be fetched from the owning organisation’s system because it is busy. ${WAIT}, or call the team that owns the plan.`,
    unavailable:
      'The crisis plan could not be fetched from the owning organisation’s system: it did not answer. Try again in a moment, or call the team that owns the plan.',
    malformed: `The crisis plan could not be fetched from the owning organisation’s system: what it sent could not be opened. Call the team that owns the plan. ${SERVICE_DESK}`,
    unsupported:
      'This plan cannot be opened in this app: the owning organisation shares it in a way this app does not support. Call the team that owns the plan.',
    'too-large':
      'The crisis plan is larger than this device can safely open, so it was not downloaded. Call the team that owns the plan.',
    incomplete: 'The crisis plan could not be fetched from the owning organisation’s system: only part of it arrived. Call the team that owns the plan.',
    'wrong-patient': `The document sent by the owning organisation’s system names a different patient, so it is not shown. Call the team that owns the plan. ${SERVICE_DESK}`,
    'not-recorded': NOT_RECORDED,
  },
  'contact-page': {
    network:
      'No connection to the crisis team’s contact page. Use the organisation’s switchboard number instead, or try again when the signal is better.',
    timeout: 'The crisis team’s contact page took too long to open. Use the organisation’s switchboard number instead, or try again.',
    'not-found': 'The crisis team’s contact page is no longer there. Use the organisation’s switchboard number instead.',
    misrouted: 'The crisis team’s contact page could not be reached. Use the organisation’s switchboard number instead.',
    invalidated: 'The crisis team’s contact page has been withdrawn. Use the organisation’s switchboard number instead.',
    rejected: 'The crisis team’s contact page could not be opened. Use the organisation’s switchboard number instead.',
    unauthorised: 'The crisis team’s contact page asks for a sign-in this app cannot give. Use the organisation’s switchboard number instead.',
    forbidden: 'The crisis team’s contact page does not allow this device to open it. Use the organisation’s switchboard number instead.',
    'rate-limited': `The crisis team’s contact page is busy. ${WAIT}, or use the organisation’s switchboard number.`,
    unavailable: 'The crisis team’s contact page did not open. Use the organisation’s switchboard number instead, or try again in a moment.',
    malformed: 'The crisis team’s contact page could not be read. Use the organisation’s switchboard number instead.',
    unsupported: 'The crisis team’s contact page cannot be opened safely in this app. Use the organisation’s switchboard number instead.',
    'too-large': 'The crisis team’s contact page is too large to open on this device. Use the organisation’s switchboard number instead.',
    incomplete: 'Only part of the crisis team’s contact page arrived. Use the organisation’s switchboard number instead.',
    'wrong-patient': 'The crisis team’s contact page is about a different team. Use the organisation’s switchboard number instead.',
    'not-recorded': NOT_RECORDED,
  },
  ods: {
    network:
      'No connection to the NHS organisation directory, so the switchboard number could not be found. Check this device’s signal or Wi-Fi, then try again.',
    timeout: 'The NHS organisation directory took too long to answer, so the switchboard number is not shown. Try again in a moment.',
    'not-found':
      'The organisation that owns this record is not listed in the NHS organisation directory, so no switchboard number can be shown.',
    misrouted: `The NHS organisation directory could not be reached as set up on this device, so no switchboard number can be shown. ${SERVICE_DESK}`,
    invalidated: 'The organisation that owns this record is no longer listed in the NHS organisation directory, so no switchboard number can be shown.',
    rejected: `The NHS organisation directory could not look up the organisation that owns this record, so no switchboard number can be shown. ${SERVICE_DESK}`,
    unauthorised: `Your sign-in to NHS services has run out, so the switchboard number could not be found. ${SIGN_IN_AGAIN}`,
    forbidden: 'This device is not allowed to use the NHS organisation directory, so no switchboard number can be shown. Tell your service desk.',
    'rate-limited': `The NHS organisation directory is busy, so the switchboard number is not shown. ${WAIT}.`,
    unavailable: 'The NHS organisation directory did not answer, so the switchboard number is not shown. Try again in a moment.',
    malformed: `The NHS organisation directory sent an answer this app could not read, so no switchboard number is shown. ${SERVICE_DESK}`,
    unsupported: 'This app cannot look up the switchboard number for this organisation. Tell your service desk.',
    'too-large': `The NHS organisation directory sent more than this app reads, so no switchboard number is shown. ${SERVICE_DESK}`,
    incomplete: `The NHS organisation directory sent only part of its answer, so no switchboard number is shown. ${SERVICE_DESK}`,
    'wrong-patient': `The NHS organisation directory answered about a different organisation, so no switchboard number is shown. ${SERVICE_DESK}`,
    'not-recorded': NOT_RECORDED,
  },
  audit: {
    network: 'No connection to the audit service. Records of who looked at what stay on this device until it answers.',
    timeout: 'The audit service took too long to answer. Records of who looked at what stay on this device until it answers.',
    'not-found': `The audit service was not found at the address this device was given. Records of who looked at what stay on this device. ${SERVICE_DESK}`,
    misrouted: `The audit service could not be reached as set up on this device. Records of who looked at what stay on this device. ${SERVICE_DESK}`,
    invalidated: `The audit service refused the records. They stay on this device. ${SERVICE_DESK}`,
    rejected: `The audit service did not accept a record of who looked at what. It stays on this device. ${SERVICE_DESK}`,
    unauthorised: 'The audit service asked for a sign-in. Records of who looked at what stay on this device until it accepts them.',
    forbidden: `The audit service does not accept records from this device. They stay on this device. ${SERVICE_DESK}`,
    'rate-limited': 'The audit service is busy. Records of who looked at what stay on this device and are sent shortly.',
    unavailable: 'The audit service did not answer. Records of who looked at what stay on this device until it does.',
    malformed: `The audit service sent an answer this app could not read. Records of who looked at what stay on this device. ${SERVICE_DESK}`,
    unsupported: `The audit service cannot be used from this app. Records of who looked at what stay on this device. ${SERVICE_DESK}`,
    'too-large': `The audit service sent more than this app reads. Records of who looked at what stay on this device. ${SERVICE_DESK}`,
    incomplete: 'The audit service sent only part of its answer. Records of who looked at what stay on this device until it answers in full.',
    'wrong-patient': `The audit service answered about a different record. Records of who looked at what stay on this device. ${SERVICE_DESK}`,
    'not-recorded': NOT_RECORDED,
  },
};

/**
 * A failed search of the audit service for the access history, in words for the clinical lead
 * reading it. Not the delivery words above: those are about records kept on this device, and a
 * 403 here means the person may not read the log (the gateway allows clinical leads only).
 */
const ACCESS_HISTORY_MESSAGES: Readonly<Record<ServiceErrorKind, string>> = {
  network: 'No connection to the audit service, so the access history cannot be shown. Check this device’s signal or Wi-Fi, then try again.',
  timeout: 'The audit service took too long to answer. Try again in a moment, or choose fewer days.',
  'not-found': `The audit service was not found at the address this device was given, so the access history cannot be shown. ${SERVICE_DESK}`,
  misrouted: `The audit service could not be reached as set up on this device, so the access history cannot be shown. ${SERVICE_DESK}`,
  invalidated: `The audit service would not show the access history. ${SERVICE_DESK}`,
  rejected: `The audit service did not accept this search. Check the dates and the NHS number, then press Show records. ${SERVICE_DESK}`,
  unauthorised: `Your sign-in has run out, so the access history cannot be shown. ${SIGN_IN_AGAIN} Then press Show records.`,
  forbidden: 'You are not allowed to see the access history: only clinical leads can. If you should be, tell your service desk.',
  'rate-limited': `The audit service is busy. ${WAIT}.`,
  unavailable: 'The audit service did not answer, so the access history cannot be shown. Try again in a moment.',
  malformed: `The audit service sent an answer this app could not read, so the access history is not shown. ${TELL_SERVICE_DESK}`,
  unsupported: `The access history cannot be shown in this app. ${SERVICE_DESK}`,
  'not-recorded': `The access history could not be shown. Try again. ${SERVICE_DESK}`,
  'too-large': 'The audit service sent more than this app can show at once. Choose fewer days or one NHS number, then press Show records.',
  incomplete: `The audit service sent only part of the access history, so it is not shown. ${TELL_SERVICE_DESK}`,
  'wrong-patient': `The audit service answered a different search, so the access history is not shown. ${TELL_SERVICE_DESK}`,
};

/** Words for a clinical lead about a failed access-history search (service 'audit'). */
export function describeAccessHistoryError(error: ServiceError): string {
  return withWait(ACCESS_HISTORY_MESSAGES[error.kind], error);
}

/**
 * A failed PDS search by details (issue 12), in words for the crew. Not the PDS words above:
 * those speak of "this NHS number" and "this patient", and a search has neither. Every failure
 * other than a refusal of the details says the search was not done, so it can never be read as
 * "no one matches" (the wrong-person hazards H54 and H56).
 */
const NOT_NO_MATCH = 'This does not mean no one matches.';
const PATIENT_SEARCH_MESSAGES: Readonly<Record<ServiceErrorKind, string>> = {
  network: 'No connection to the Personal Demographics Service, so the search was not done. Check this device’s signal or Wi-Fi, then try again.',
  timeout: 'The Personal Demographics Service took too long to answer, so the search did not finish. Try again in a moment.',
  // PDS documents no 404 or 410 for a search: whoever said it, it is never an answer about a person.
  'not-found': `The Personal Demographics Service could not be reached as set up on this device, so the search was not done. ${NOT_NO_MATCH} ${TELL_SERVICE_DESK}`,
  misrouted: `The Personal Demographics Service could not be reached as set up on this device, so the search was not done. ${NOT_NO_MATCH} ${TELL_SERVICE_DESK}`,
  invalidated: `The Personal Demographics Service would not do this search. ${NOT_NO_MATCH} ${TELL_SERVICE_DESK}`,
  // INVALID_SEARCH_DATA, MISSING_VALUE, INVALID_VALUE, ADDITIONAL_PROPERTIES, UNSUPPORTED_SERVICE.
  rejected: `The Personal Demographics Service did not accept these details. Check them and search again. ${SERVICE_DESK}`,
  unauthorised: `Your sign-in to NHS services has run out, so the search was not done. ${SIGN_IN_AGAIN}`,
  // Includes PDS's 403 INVALID_VALUE: several results asked for in application-restricted access.
  forbidden: 'This device or your organisation is not allowed to search for patients by their details, so the search was not done. Tell your service desk.',
  'rate-limited': `The Personal Demographics Service is busy, so the search was not done. ${WAIT}.`,
  unavailable: 'The Personal Demographics Service did not answer, so the search did not finish. Try again in a moment.',
  malformed: `The Personal Demographics Service sent an answer this app could not read, so no one is listed. ${NOT_NO_MATCH} ${TELL_SERVICE_DESK}`,
  unsupported: `This app cannot search for patients this way. ${NOT_NO_MATCH} Tell your service desk.`,
  'too-large': `The Personal Demographics Service sent more than this app reads, so no one is listed. ${NOT_NO_MATCH} ${TELL_SERVICE_DESK}`,
  incomplete: `The Personal Demographics Service sent only part of its answer, so no one is listed. ${NOT_NO_MATCH} ${TELL_SERVICE_DESK}`,
  'wrong-patient': `The Personal Demographics Service answered a different search, so no one is listed. ${NOT_NO_MATCH} ${TELL_SERVICE_DESK}`,
  'not-recorded': `This device could not record your search, so its answer is not shown (every search for a patient must be recorded). Try again; if it keeps happening, restart the app and tell your service desk.`,
};

/** Words for a crew about a failed search by details (service 'pds', `searchPatients`). */
export function describePatientSearchError(error: ServiceError): string {
  return withWait(PATIENT_SEARCH_MESSAGES[error.kind], error);
}

/** Words for a crew about one failure. Technical detail stays on the error, for logs. */
export function describeServiceError(error: ServiceError): string {
  const counted = error.service === 'nrl' && error.recordCount !== undefined ? countedLocatorMessage(error.kind, error.recordCount) : undefined;
  return withWait(counted ?? MESSAGES[error.service][error.kind], error);
}

/**
 * A locator answer not used because of how many records it holds says how many (issue 7
 * point 5): the crew learns the answer is unknown, and the service desk how big it was.
 */
function countedLocatorMessage(kind: ServiceErrorKind, count: number): string | undefined {
  const records = count === 1 ? '1 record' : `${count.toLocaleString('en-GB')} records`;
  if (kind === 'too-large') {
    return `The National Record Locator returned ${records} for this person, more than this app can check at once, so it is not known whether this patient has a crisis plan. ${SERVICE_DESK}`;
  }
  if (kind === 'incomplete') {
    return `The National Record Locator says it holds ${records} for this person but sent only some of them, so it is not known whether this patient has a crisis plan. ${TELL_SERVICE_DESK}`;
  }
  return undefined;
}

/** Fills in `{wait}`: the service's own Retry-After when it gave one, else a short wait. */
function withWait(message: string, error: ServiceError): string {
  const seconds = error.retryAfterSeconds;
  const wait = seconds !== undefined && seconds > 0 ? `Try again in about ${waitInWords(seconds)}` : 'Wait a few seconds, then try again';
  return message.replace(WAIT, wait);
}

function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
