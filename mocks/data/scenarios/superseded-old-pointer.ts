import { LEEDS_CRISIS_ASSESSMENT_SERVICE as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

/** The number on the crew's paperwork; PDS replaced it with `currentNhsNumber`. */
const nhsNumber = '9990000700';
const currentNhsNumber = '9990000719';

const patient = buildPatient({
  nhsNumber: currentNhsNumber,
  versionId: '4',
  confidentiality: 'U',
  prefix: 'Mrs',
  given: ['Rosalind'],
  family: 'Ashdown',
  gender: 'female',
  birthDate: '1979-05-08',
  since: '2025-06-30',
  address: ['9 Sample Terrace', 'Armley', 'Leeds', 'LS12 0ZZ'],
  mobile: '07700900700',
  gpOds: 'Y99008',
});

// The trust never updated its pointer after PDS replaced the number (issue 7 point 2): the plan
// is filed under the old number only, so a search under the current number alone finds nothing.
const plan = crisisPlanRecord({
  id: 'RGD-lyp-mhcp-70e1b2',
  patient,
  filedUnder: nhsNumber,
  team,
  date: '2025-04-14T09:00:00Z',
  path: 'crisis-plans/cp-70e1b2.pdf',
  reviewBy: '2025-10-14',
  withContactPage: true,
  plan: {
    triggers: ['Night shifts back to back.', 'Her daughter not answering the phone.'],
    warningSigns: ['Stops sleeping and cleans the house through the night.', 'Says the neighbours are watching her.'],
    whatHelps: ['A calm voice and time to answer.', 'Her husband Tom sitting with her.'],
    whatDoesNotHelp: ['Several people talking at once.'],
    otherContacts: ['Husband, Tom Ashdown: 07700 900 701'],
    physicalHealth: ['Type 2 diabetes: metformin 500 mg twice daily.'],
  },
});

export const supersededOldPointer: Scenario & { readonly currentNhsNumber: string } = {
  name: 'supersededOldPointer',
  label: 'Replaced NHS number, plan under the old one',
  description: 'NHS number 999 000 0700 was replaced by 999 000 0719, but the plan is still under the old one: the app finds it and says so.',
  nhsNumber,
  currentNhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
