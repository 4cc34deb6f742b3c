import type { Scenario } from '../scenario';

export const pdsNotFound: Scenario = {
  name: 'pdsNotFound',
  label: 'Not known to PDS',
  description: 'A valid NHS number that PDS has no record of (404 RESOURCE_NOT_FOUND); NRL holds nothing for it either.',
  nhsNumber: '9990000085',
  patient: undefined,
  pointers: [],
  documents: [],
};
