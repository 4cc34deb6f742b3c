import { NORTH_MANCHESTER_CMHT as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990004005';

/** The plan's own two pages, then this many pages of progress notes: 400 pages in all. */
const PROGRESS_NOTE_PAGES = 398;

const patient = buildPatient({
  nhsNumber,
  versionId: '2',
  confidentiality: 'U',
  prefix: 'Mr',
  given: ['Tomasz'],
  family: 'Wieczorek',
  gender: 'male',
  birthDate: '1979-08-22',
  since: '2016-02-10',
  address: ['3 Example Mews', 'Harpurhey', 'Manchester', 'M9 0ZZ'],
  mobile: '07700900141',
  gpOds: 'Y99001',
});

const plan = crisisPlanRecord({
  id: 'RXV-gmmh-mhcp-400p1a',
  patient,
  team,
  date: '2025-10-20T15:40:00Z',
  path: 'crisis-plans/cp-400p1a.pdf',
  reviewBy: '2026-04-20',
  plan: {
    triggers: ['Letters about his benefits being stopped.', 'Anniversary of his brother’s death in March.'],
    warningSigns: ['Stops taking his medication and stays in bed.', 'Says he has "sorted things out" and gives away his tools.'],
    whatHelps: ['Talking about his allotment and his dog, Bruno.', 'A crew member sitting down at his level.'],
    whatDoesNotHelp: ['Being told to calm down.', 'Several people talking at once.'],
    physicalHealth: ['Type 2 diabetes: metformin 500 mg twice a day.', 'No known allergies.'],
    progressNotePages: PROGRESS_NOTE_PAGES,
  },
});

export const planPdfLong: Scenario = {
  name: 'planPdfLong',
  label: 'Crisis plan (400-page PDF)',
  description: 'A crisis plan exported with the whole record, 400 pages long: the app shows the first pages and says how many more there are.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
