import { NORTH_MANCHESTER_CMHT as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000131';

const patient = buildPatient({
  nhsNumber,
  versionId: '11',
  confidentiality: 'U',
  prefix: 'Mrs',
  given: ['Bernadette'],
  family: 'Quinlan',
  gender: 'female',
  birthDate: '1963-08-08',
  since: '2003-10-14',
  address: ['11 Pattern Street', 'Moston', 'Manchester', 'M40 0ZZ'],
  gpOds: 'Y99010',
});

const plan = crisisPlanRecord({
  id: 'RXV-gmmh-mhcp-000417',
  patient,
  team,
  date: '2025-03-14T12:00:00Z',
  path: 'docs/000417.pdf',
  reviewBy: '2025-09-14',
  legacy: true,
  plan: {
    triggers: ['Christmas and New Year.', 'Changes of care coordinator.'],
    warningSigns: ['Believes her medication is being poisoned.', 'Wanders at night in her nightclothes.'],
    whatHelps: ['Her daughter Siobhan, who lives two streets away.', 'Tea with two sugars and time to talk.'],
    whatDoesNotHelp: ['Contradicting her beliefs head on.'],
    otherContacts: ['Daughter, Siobhan Quinlan: 0161 496 0417'],
    physicalHealth: ['Clozapine 300 mg daily: check for constipation and fever.', 'Type 2 diabetes, on metformin.'],
  },
});

export const legacyPointer: Scenario = {
  name: 'legacyPointer',
  label: 'Older record format',
  description: 'A record filed in the locator’s older format: it names no crisis team, shows as “Unstructured document”, and its trust lists no switchboard number.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
