import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000093';

export const locatorError: Scenario = {
  name: 'locatorError',
  label: 'Locator error',
  description: 'NRL fails with 500 INTERNAL_SERVER_ERROR: the app must say it could not check for a plan, never "no plan".',
  nhsNumber,
  patient: buildPatient({
    nhsNumber,
    versionId: '6',
    confidentiality: 'U',
    prefix: 'Mrs',
    given: ['Margaret', 'Ann'],
    family: 'Thistlewood',
    gender: 'female',
    birthDate: '1949-12-05',
    since: '1998-05-01',
    address: ['9 Model Gardens', 'Lancaster', 'LA1 0ZZ'],
    gpOds: 'Y99006',
  }),
  pointers: [],
  documents: [],
  locatorFault: 'internal-error',
};
