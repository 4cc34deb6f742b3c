import { CENTRAL_LANCASHIRE_CRISIS_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

/** The number the crew has (from an old letter); PDS replaced it with `currentNhsNumber`. */
const nhsNumber = '9990000069';
const currentNhsNumber = '9990000077';

const patient = buildPatient({
  nhsNumber: currentNhsNumber,
  versionId: '9',
  confidentiality: 'U',
  prefix: 'Mr',
  given: ['Samuel'],
  family: 'Ketteridge',
  gender: 'male',
  birthDate: '1988-09-17',
  since: '2024-11-20',
  address: ['5 Illustration Close', 'Chorley', 'PR7 0ZZ'],
  mobile: '07700900669',
  gpOds: 'Y99005',
});

// NRL does not follow supersession (§7): the plan sits under the new number only.
const plan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-d04a9c',
  patient,
  team,
  date: '2026-03-02T10:00:00Z',
  path: 'crisis-plans/cp-d04a9c.pdf',
  reviewBy: '2026-09-02',
  withContactPage: true,
  plan: {
    triggers: ['Running out of money before payday.', 'Being refused access to see his children.'],
    warningSigns: ['Drinks heavily and goes missing overnight.', 'Texts his brother goodbye messages.'],
    whatHelps: ['Call his brother Mark first: he can usually talk Sam round.', 'Practical help with the next step, not a lecture.'],
    whatDoesNotHelp: ['Being told he is wasting ambulance time.'],
    otherContacts: ['Brother, Mark Ketteridge: 07700 900 670'],
    physicalHealth: ['No regular medication. Previous overdose of paracetamol (2024).'],
  },
});

export const superseded: Scenario & { readonly currentNhsNumber: string } = {
  name: 'superseded',
  label: 'Replaced NHS number',
  description: 'NHS number 999 000 0069 was replaced by 999 000 0077, and the plan is under the new one: the app shows the new number and finds the plan.',
  nhsNumber,
  currentNhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
