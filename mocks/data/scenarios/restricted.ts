import { LAMBETH_HOME_TREATMENT_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000050';

// PDS holds an address for this person, but a restricted record never carries it (§3), so the
// synthetic record has none either: nothing in the demo can leak it.
const patient = buildPatient({
  nhsNumber,
  versionId: '4',
  confidentiality: 'R',
  prefix: 'Ms',
  given: ['Jordan'],
  family: 'Ellison',
  gender: 'female',
  birthDate: '1995-05-09',
  since: '2021-01-05',
});

const plan = crisisPlanRecord({
  id: 'RV5-slam-mhcp-3be442',
  patient,
  team,
  date: '2025-09-12T13:00:00Z',
  path: 'mhcp/2025/3be442.pdf',
  reviewBy: '2026-03-12',
  plan: {
    triggers: ['Any contact from her former partner or his family.', 'Unexpected visitors at the door.'],
    warningSigns: ['Checks the locks repeatedly and will not open the door.', 'Stops eating and sleeps in her coat.'],
    whatHelps: [
      'Do not say her address aloud on the radio or in public: she is in a refuge-type placement.',
      'Announce yourselves through the door and hold your ID to the spyhole.',
      'Female crew if possible.',
    ],
    whatDoesNotHelp: ['Any mention of where she lived before.', 'Police attending unannounced.'],
    physicalHealth: ['Mirtazapine 30 mg at night. No allergies known.'],
  },
});

export const restricted: Scenario = {
  name: 'restricted',
  label: 'Restricted record',
  description: 'A sensitive (restricted) record: the crew sees the name and the plan, but no address is shown or kept on the tablet.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
