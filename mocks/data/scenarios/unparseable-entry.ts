import { LEEDS_CRISIS_ASSESSMENT_SERVICE as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000115';

const patient = buildPatient({
  nhsNumber,
  versionId: '3',
  confidentiality: 'U',
  prefix: 'Ms',
  given: ['Chloe'],
  family: 'Fairbairn',
  gender: 'female',
  birthDate: '1984-06-11',
  since: '2012-08-30',
  address: ['2 Trial Walk', 'Headingley', 'Leeds', 'LS6 0ZZ'],
  mobile: '07700900115',
  gpOds: 'Y99008',
});

const plan = crisisPlanRecord({
  id: 'RGD-lypft-mhcp-6a2f90',
  patient,
  team,
  date: '2025-08-21T09:40:00Z',
  path: 'plans/pdf/6a2f90.pdf',
  reviewBy: '2026-02-21',
  plan: {
    triggers: ['Hospital appointments for her son.', 'Not sleeping because of night shifts.'],
    warningSigns: ['Stops going to work and stays in bed.', 'Says that her family would be better off without her.'],
    whatHelps: ['Ask directly about suicidal thoughts: she finds it a relief.', 'Her husband Lee is supportive and can stay with her.'],
    whatDoesNotHelp: ['Being left alone while waiting for the crisis team.'],
    otherContacts: ['Husband, Lee Fairbairn: 07700 900 116'],
    physicalHealth: ['Venlafaxine 150 mg daily. Hypothyroidism: levothyroxine 100 micrograms.'],
  },
});

export const unparseableEntry: Scenario = {
  name: 'unparseableEntry',
  label: 'Damaged record beside a plan',
  description: 'One record the locator sends is damaged, next to a good crisis plan: the plan shows, with a warning that one record could not be read.',
  nhsNumber,
  patient,
  pointers: [
    // First, so a client that trusts entry[0] to be a DocumentReference fails its tests.
    { kind: 'unparseable', id: 'RGD-lypft-mhcp-0bad01', nhsNumber, typeCode: '736253002', custodianOds: team.ods },
    plan.pointer,
  ],
  documents: [plan.document],
};
