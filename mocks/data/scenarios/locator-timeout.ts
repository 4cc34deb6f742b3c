import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000107';

export const locatorTimeout: Scenario = {
  name: 'locatorTimeout',
  label: 'Record locator does not answer',
  description: 'The record locator never answers: after a short wait the crew sees “Could not check for a crisis plan” under the patient’s details, with Try again.',
  nhsNumber,
  patient: buildPatient({
    nhsNumber,
    versionId: '1',
    confidentiality: 'U',
    prefix: 'Mr',
    given: ['Kieran'],
    family: 'Doyle',
    gender: 'male',
    birthDate: '1999-02-27',
    since: '2017-09-12',
    address: ['31 Mock Street', 'Cheetham Hill', 'Manchester', 'M8 0ZZ'],
    mobile: '07700900107',
    gpOds: 'Y99007',
  }),
  pointers: [],
  documents: [],
  locatorFault: 'no-answer',
};
