import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000190';

/**
 * PDS confirms the patient, but NRL refuses the search because the crew's organisation is not
 * onboarded for any record type (NRLF's 403, docs/national-apis.md §1.7 backend table).
 */
export const locatorForbidden: Scenario = {
  name: 'locatorForbidden',
  label: 'Record locator refuses the trust',
  description: 'The record locator refuses this ambulance trust: “Could not check”, no Try again, and the crew is told to contact the crisis team the usual way.',
  nhsNumber,
  patient: buildPatient({
    nhsNumber,
    versionId: '4',
    confidentiality: 'U',
    prefix: 'Mr',
    given: ['Declan', 'Francis'],
    family: 'Oakridge',
    gender: 'male',
    birthDate: '1968-08-19',
    since: '2004-11-02',
    address: ['17 Template Lane', 'Burnley', 'BB11 0ZZ'],
    gpOds: 'Y99012',
  }),
  pointers: [],
  documents: [],
  locatorFault: 'organisation-not-permitted',
};
