import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000042';

export const noPointers: Scenario = {
  name: 'noPointers',
  label: 'No records',
  description: 'A known patient with no records at all: the crew sees “No crisis plan found”, which is not the same as “Could not check”.',
  nhsNumber,
  patient: buildPatient({
    nhsNumber,
    versionId: '2',
    confidentiality: 'U',
    prefix: 'Mr',
    given: ['George', 'Albert'],
    family: 'Pemberton',
    gender: 'male',
    birthDate: '1956-01-30',
    since: '2008-03-17',
    address: ['22 Specimen Avenue', 'Blackburn', 'BB1 0ZZ'],
    gpOds: 'Y99004',
  }),
  pointers: [],
  documents: [],
};
