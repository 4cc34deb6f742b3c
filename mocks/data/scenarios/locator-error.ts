import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000093';

export const locatorError: Scenario = {
  name: 'locatorError',
  label: 'Record locator fails',
  description: 'The national record locator fails: the crew sees “Could not check for a crisis plan”, never “No crisis plan found”, and can try again.',
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
