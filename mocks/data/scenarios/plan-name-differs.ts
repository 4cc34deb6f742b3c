import { CENTRAL_LANCASHIRE_CRISIS_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990008418';

const patient = buildPatient({
  nhsNumber,
  versionId: '4',
  confidentiality: 'U',
  prefix: 'Mrs',
  given: ['Niamh'],
  family: 'Brennan-Hughes',
  gender: 'female',
  birthDate: '1987-09-02',
  since: '2021-02-11',
  address: ['3 Example Court', 'Fulwood', 'Preston', 'PR2 9ZZ'],
  mobile: '07700900147',
  gpOds: 'Y99001',
});

// The trust wrote the plan before she changed her name, and never updated it: same NHS number and
// date of birth, the family name she had then. The app warns; it does not refuse the plan.
const asTheTrustHoldsIt = buildPatient({
  nhsNumber,
  versionId: '2',
  confidentiality: 'U',
  prefix: 'Miss',
  given: ['Niamh'],
  family: 'Brennan',
  gender: 'female',
  birthDate: '1987-09-02',
  since: '2021-02-11',
});

const plan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-8d41e9',
  patient: asTheTrustHoldsIt,
  team,
  date: '2025-09-22T11:05:00Z',
  path: 'crisis-plans/cp-8d41e9.pdf',
  reviewBy: '2026-03-22',
  plan: {
    triggers: ['Being left alone at night after an argument.', 'Letters from the benefits office.'],
    warningSigns: ['Stops eating and stays in her bedroom.', 'Texts her sister to say goodbye.'],
    whatHelps: ['Ask her directly about thoughts of suicide: she will answer honestly.', 'Offer to call her sister, Orla, to come over.'],
    whatDoesNotHelp: ['Being told to calm down.', 'Talking about her over her head.'],
    physicalHealth: ['Fluoxetine 20 mg each morning. No known allergies.'],
  },
});

export const planNameDiffers: Scenario = {
  name: 'planNameDiffers',
  label: 'Plan names her differently',
  description: 'A plan written before she changed her family name: it says Niamh Brennan, her record Niamh Brennan-Hughes. The crew is asked to check the name; the plan still shows.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
