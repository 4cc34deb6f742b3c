import { sspTargetUrl } from '../../ssp-url';
import { PRACTICE_SETTINGS } from '../../fhir/nrl-codes';
import { CENTRAL_LANCASHIRE_CRISIS_TEAM as lancashire, LAMBETH_HOME_TREATMENT_TEAM as lambeth, sspDocumentUrl } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { planPdf } from '../documents/plan-pdf';
import { buildPatient } from '../patient-builder';
import { buildPointer } from '../pointer-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000034';
const respectUrl = sspDocumentUrl(lambeth, 'respect/r-55c0fa.pdf');
const ehcpUrl = sspDocumentUrl(lancashire, 'ehcp/ehcp-77d2b9.pdf');

const patient = buildPatient({
  nhsNumber,
  versionId: '7',
  confidentiality: 'U',
  prefix: 'Ms',
  given: ['Leah'],
  family: 'Morrigan',
  gender: 'female',
  birthDate: '1968-07-23',
  since: '2025-09-01',
  address: ['Flat 3', '21 Placeholder Road', 'London', 'SE11 0ZZ'],
  mobile: '07700900303',
  gpOds: 'Y99003',
});

const whatDoesNotHelp = ['Being asked the same questions by several people.', 'Talk of hospital admission before options at home are tried.'];
const physicalHealth = [
  'Epilepsy (tonic-clonic seizures): see her emergency health care plan.',
  'Lamotrigine 200 mg twice daily; quetiapine 150 mg at night.',
];

const currentPlan = crisisPlanRecord({
  id: 'RV5-slam-mhcp-a91e07',
  patient,
  team: lambeth,
  date: '2026-01-20T11:00:00Z',
  path: 'mhcp/2026/a91e07.pdf',
  reviewBy: '2026-07-20',
  withContactPage: true,
  plan: {
    triggers: ['Court letters about her housing case.', "The anniversary of her son's death (12 February)."],
    warningSigns: ["Hearing her son's voice telling her to join him.", 'Not eating; leaving the gas on.'],
    whatHelps: [
      'Her neighbour Mrs Patel (flat 4) can sit with her.',
      'Talking about her allotment and her grandchildren.',
      'Agreeing a plan for the next 24 hours before you leave.',
    ],
    whatDoesNotHelp,
    otherContacts: ['Neighbour, Mrs Patel: 020 7946 0381'],
    physicalHealth,
  },
});

const olderPlan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-19b7e4',
  patient,
  team: lancashire,
  date: '2025-04-10T15:45:00Z',
  path: 'crisis-plans/cp-19b7e4.pdf',
  reviewBy: '2025-10-10',
  plan: {
    triggers: ['Moving house and losing her support network.', 'Alcohol, especially at weekends.'],
    warningSigns: ['Stops taking her anti-epileptic medication.', 'Calls the crisis line several times a night.'],
    whatHelps: ['Her son-in-law David can usually come over within an hour.', 'A warm drink and a quiet room.'],
    whatDoesNotHelp,
    physicalHealth,
  },
});

export const severalPointers: Scenario = {
  name: 'severalPointers',
  label: 'Several records, two trusts',
  description: 'Four records from London and Lancashire: a current and an older crisis plan, a ReSPECT form and an emergency health care plan.',
  nhsNumber,
  patient,
  // Deliberately not in date or type order: NRL promises no order, the app sorts.
  pointers: [
    {
      kind: 'valid',
      resource: buildPointer({
        id: 'RW5-lscft-ehcp-77d2b9',
        nhsNumber,
        type: 'emergencyHealthCarePlan',
        date: '2025-06-18T08:30:00Z',
        authorOds: lancashire.ods,
        practiceSetting: PRACTICE_SETTINGS.communityMentalHealth,
        providerAsid: lancashire.providerAsid,
        contents: [
          {
            contentType: 'application/pdf',
            url: ehcpUrl,
            title: 'Emergency health care plan: epilepsy',
            creation: '2025-06-18T08:21:00Z',
            format: 'unstructured',
            stability: 'static',
            retrieval: 'SSP',
          },
        ],
      }),
    },
    currentPlan.pointer,
    olderPlan.pointer,
    {
      kind: 'valid',
      resource: buildPointer({
        id: 'RV5-slam-respect-55c0fa',
        nhsNumber,
        type: 'respectForm',
        date: '2025-11-03T10:20:00Z',
        authorOds: lambeth.ods,
        practiceSetting: PRACTICE_SETTINGS.communityMentalHealth,
        providerAsid: lambeth.providerAsid,
        contents: [
          {
            contentType: 'application/pdf',
            url: respectUrl,
            title: 'ReSPECT form',
            creation: '2025-11-03T10:02:00Z',
            format: 'unstructured',
            stability: 'static',
            retrieval: 'SSP',
          },
        ],
      }),
    },
  ],
  documents: [
    currentPlan.document,
    olderPlan.document,
    {
      url: sspTargetUrl(respectUrl),
      providerAsid: lambeth.providerAsid,
      contentType: 'application/pdf',
      body: () =>
        planPdf({
          title: 'ReSPECT - Recommended Summary Plan for Emergency Care and Treatment',
          team: lambeth,
          patient,
          writtenOn: '2025-11-03',
          reviewBy: '2026-11-03',
          sections: [
            {
              heading: 'Shared understanding of my health and current condition',
              paragraphs: ['Epilepsy since childhood; recurrent depression with psychotic features; COPD (moderate).'],
            },
            {
              heading: 'What I most value',
              paragraphs: ['Staying at home near my grandchildren. I would rather be treated at home if that is safe.'],
            },
            {
              heading: 'Clinical recommendations for emergency care and treatment',
              bullets: ['Prioritise sustaining life: for hospital admission and ward-based treatment if needed.', 'For attempted CPR.'],
            },
            { heading: 'Capacity and representation', paragraphs: ['Has capacity to take part in making this plan.'] },
          ],
        }),
    },
    {
      url: sspTargetUrl(ehcpUrl),
      providerAsid: lancashire.providerAsid,
      contentType: 'application/pdf',
      body: () =>
        planPdf({
          title: 'Emergency Health Care Plan',
          team: lancashire,
          patient,
          writtenOn: '2025-06-18',
          reviewBy: '2026-06-18',
          sections: [
            { heading: 'Condition', paragraphs: ['Epilepsy with generalised tonic-clonic seizures, usually lasting 2 to 3 minutes.'] },
            {
              heading: 'In an emergency',
              bullets: [
                'If a seizure lasts more than 5 minutes, give buccal midazolam 10 mg (kept in the bedside drawer).',
                'Call 999 if a second seizure follows without recovery in between.',
                'Recovery position; she is usually confused for about 30 minutes afterwards.',
              ],
            },
          ],
        }),
    },
  ],
};
