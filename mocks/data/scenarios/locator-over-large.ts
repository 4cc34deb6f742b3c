import { CENTRAL_LANCASHIRE_CRISIS_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000808';

/** How many copies of the stored pointer the locator sends: about 17 MB of JSON. */
export const OVER_LARGE_BUNDLE_ENTRIES = 10_000;

const patient = buildPatient({
  nhsNumber,
  versionId: '1',
  confidentiality: 'U',
  prefix: 'Mrs',
  given: ['Harriet'],
  family: 'Lindqvist',
  gender: 'female',
  birthDate: '1983-02-07',
  since: '2015-09-14',
  address: ['5 Placeholder Street', 'Chorley', 'PR7 0ZZ'],
  gpOds: 'Y99013',
});

const plan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-7a0d19',
  patient,
  team,
  date: '2026-02-10T11:00:00Z',
  path: 'crisis-plans/cp-7a0d19.pdf',
  reviewBy: '2026-08-10',
  plan: {
    triggers: ['Not a plan a crew should ever see: the locator’s answer is refused before it is read.'],
    warningSigns: ['None recorded.'],
    whatHelps: ['None recorded.'],
    whatDoesNotHelp: ['None recorded.'],
    otherContacts: [],
    physicalHealth: [],
  },
});

/**
 * A locator (or a gateway in front of it) that sends the patient's one pointer 10,000 times
 * (`locatorFault: 'over-large-bundle'`): the app must stop reading at its byte limit and say it
 * could not check, never parse it all or show a part of it.
 */
export const locatorOverLarge: Scenario = {
  name: 'locatorOverLarge',
  label: 'Record locator sends 10,000 records',
  description: 'Far more records than anyone could check arrive for one person: the app stops reading and says it could not check, rather than guess.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
  locatorFault: 'over-large-bundle',
};
