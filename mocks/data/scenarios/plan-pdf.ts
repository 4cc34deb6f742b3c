import { CENTRAL_LANCASHIRE_CRISIS_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import { buildPointer } from '../pointer-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000018';

const patient = buildPatient({
  nhsNumber,
  versionId: '3',
  confidentiality: 'U',
  prefix: 'Ms',
  given: ['Amelia'],
  family: 'Crossley',
  gender: 'female',
  birthDate: '1991-03-14',
  since: '2019-06-01',
  address: ['14 Example Row', 'Ashton-on-Ribble', 'Preston', 'PR2 0ZZ'],
  mobile: '07700900101',
  gpOds: 'Y99001',
});

const plan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-4f1c2a',
  patient,
  team,
  date: '2025-11-04T09:12:00Z',
  path: 'crisis-plans/cp-4f1c2a.pdf',
  reviewBy: '2026-05-04',
  plan: {
    triggers: [
      'Contact with her ex-partner, or news that he has been released.',
      'Loud arguments in the flat upstairs late at night.',
      'Being kept waiting without explanation, for example in A&E.',
    ],
    warningSigns: [
      'Stops replying to messages from her mother for more than a day.',
      'Talks about being a burden; gives away her cat.',
      'Cuts to forearms (she will usually tell you if asked directly).',
    ],
    whatHelps: [
      'A calm female clinician where possible; explain what you are doing before you do it.',
      'Sitting with her outside or by an open window rather than in a small room.',
      "Reminding her of her daughter's name (Ella) and that Ella is safe with her grandmother.",
      'Her grounding card, kept in the kitchen drawer: breathing 4-7-8.',
    ],
    whatDoesNotHelp: [
      'Being restrained or held without warning: she has a history of trauma.',
      'Lights and sirens on arrival if it can be avoided.',
    ],
    otherContacts: ['Mother, Susan Crossley: 07700 900 112'],
    physicalHealth: ['Sertraline 100 mg each morning. Allergic to penicillin (rash).', 'Asthma: blue inhaler usually in her handbag.'],
  },
});

export const planPdf: Scenario = {
  name: 'planPdf',
  label: 'Crisis plan (PDF)',
  description: 'The usual case: a two-page crisis plan from Lancashire, with the crisis team’s phone numbers from its contact page.',
  nhsNumber,
  patient,
  pointers: [
    plan.pointer,
    {
      // The sibling "contact details" pointer (§2.2): same record type, only the public page.
      kind: 'valid',
      resource: buildPointer({
        id: 'RW5-lscft-contact-c7d210',
        nhsNumber,
        type: 'crisisPlan',
        date: '2025-11-04T09:12:30Z',
        authorOds: team.ods,
        practiceSetting: team.practiceSetting,
        contents: [
          {
            contentType: 'text/html',
            url: team.contactPageUrl,
            title: 'Crisis team contact details',
            format: 'recordContact',
            stability: 'dynamic',
            retrieval: 'Direct',
          },
        ],
      }),
    },
  ],
  documents: [plan.document],
};
