import { CENTRAL_LANCASHIRE_CRISIS_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000166';

// The trust that wrote the plan knows his name, so its document prints it.
const asTheTrustHoldsIt = buildPatient({
  nhsNumber,
  versionId: '2',
  confidentiality: 'R',
  prefix: 'Mr',
  given: ['Declan'],
  family: 'Ashworth',
  gender: 'male',
  birthDate: '1983-11-27',
  since: '2022-08-15',
});

// PDS sends no name for this restricted record: `components/schemas/Patient.yaml` requires only
// `id`, and `name` "may not appear if the patient is tagged as restricted". Like every R record it
// has no address, telecom or GP either (§3). The app shows "Name withheld" and the NHS number.
const { name: _name, ...patient } = asTheTrustHoldsIt;

const plan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-5e07b3',
  patient: asTheTrustHoldsIt,
  team,
  date: '2026-01-19T15:40:00Z',
  path: 'crisis-plans/cp-5e07b3.pdf',
  reviewBy: '2026-07-19',
  withContactPage: true,
  plan: {
    triggers: ['Being asked for his home address or who he lives with.', 'Police officers arriving before health staff.'],
    warningSigns: ['Sleeps in his car and stops answering the phone.', 'Says people are reading his post.'],
    whatHelps: [
      'Do not read out his name or address on the radio: his record is restricted.',
      'Speak to him on his own first, away from the door.',
      'Offer to phone the crisis team together on speaker.',
    ],
    whatDoesNotHelp: ['Several people talking at once.', 'Being touched without asking first.'],
    physicalHealth: ['Olanzapine 10 mg at night. Type 2 diabetes: metformin 500 mg twice a day.'],
  },
});

export const restrictedNoName: Scenario = {
  name: 'restrictedNoName',
  label: 'Restricted record, no name',
  description: 'A sensitive (restricted) record where even the name is withheld: the crew sees “Name withheld”, the NHS number and the plan, and no address.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
