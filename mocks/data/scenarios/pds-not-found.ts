import type { Scenario } from '../scenario';

export const pdsNotFound: Scenario = {
  name: 'pdsNotFound',
  label: 'NHS number not known',
  description: 'A valid NHS number that belongs to nobody: the crew is told no patient was found and to check the number.',
  nhsNumber: '9990000085',
  patient: undefined,
  pointers: [],
  documents: [],
};
