import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000107';

export const locatorTimeout: Scenario = {
  name: 'locatorTimeout',
  label: 'Locator does not answer',
  description: "NRL never answers: the app's own timeout must fire and say it could not check for a plan.",
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
