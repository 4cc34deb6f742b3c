import { CENTRAL_LANCASHIRE_CRISIS_TEAM as lancashire, LAMBETH_HOME_TREATMENT_TEAM as lambeth } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

/** The number on the crew's paperwork; PDS replaced it with `currentNhsNumber`. */
const nhsNumber = '9990000727';
const currentNhsNumber = '9990000735';

const patient = buildPatient({
  nhsNumber: currentNhsNumber,
  versionId: '6',
  confidentiality: 'U',
  prefix: 'Mr',
  given: ['Idris'],
  family: 'Penhallow',
  gender: 'male',
  birthDate: '1972-12-01',
  since: '2025-02-11',
  address: ['44 Example Street', 'Brixton', 'London', 'SW2 0ZZ'],
  mobile: '07700900727',
  gpOds: 'Y99009',
});

const physicalHealth = ['Asthma: salbutamol inhaler as needed.'];

// Lancashire wrote a plan before the number was replaced and never updated its pointer.
const olderPlan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-72c4d8',
  patient,
  filedUnder: nhsNumber,
  team: lancashire,
  date: '2025-01-06T15:00:00Z',
  path: 'crisis-plans/cp-72c4d8.pdf',
  reviewBy: '2025-07-06',
  withContactPage: true,
  plan: {
    triggers: ['Losing his job at the depot.'],
    warningSigns: ['Sleeps in his car.', 'Stops answering his sister.'],
    whatHelps: ['Talking about his dog, Bramble.'],
    whatDoesNotHelp: ['Being rushed.'],
    otherContacts: ['Sister, Carys Penhallow: 07700 900 728'],
    physicalHealth,
  },
});

// After he moved to London, Lambeth's pointer uses the number PDS holds now.
const currentPlan = crisisPlanRecord({
  id: 'RV5-slam-mhcp-73a9f1',
  patient,
  team: lambeth,
  date: '2026-02-10T10:30:00Z',
  path: 'mhcp/2026/73a9f1.pdf',
  reviewBy: '2026-08-10',
  withContactPage: true,
  plan: {
    triggers: ['Letters from the job centre.', 'Anniversary of his father’s death (March).'],
    warningSigns: ['Gives his belongings away.', 'Walks the river path at night.'],
    whatHelps: ['His sister Carys on speaker phone.', 'A plan for the next day before you leave.'],
    whatDoesNotHelp: ['Talk of admission before options at home are tried.'],
    otherContacts: ['Sister, Carys Penhallow: 07700 900 728'],
    physicalHealth,
  },
});

export const supersededBothNumbers: Scenario & { readonly currentNhsNumber: string } = {
  name: 'supersededBothNumbers',
  label: 'Replaced NHS number, plans under both',
  description: 'NHS number 999 000 0727 was replaced by 999 000 0735, with a plan under each: both show, each saying which number it is under.',
  nhsNumber,
  currentNhsNumber,
  patient,
  pointers: [currentPlan.pointer, olderPlan.pointer],
  documents: [currentPlan.document, olderPlan.document],
};
