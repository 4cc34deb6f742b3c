import { sspTargetUrl } from '../../ssp-url';
import { LEEDS_CRISIS_ASSESSMENT_SERVICE as team, sspDocumentUrl } from '../care-teams';
import { crisisPlanCarePlan } from '../documents/crisis-plan-care-plan';
import { buildPatient } from '../patient-builder';
import { buildPointer } from '../pointer-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000158';
const planUrl = sspDocumentUrl(team, 'fhir/CarePlan/cp-51d8aa');

const patient = buildPatient({
  nhsNumber,
  versionId: '2',
  confidentiality: 'U',
  prefix: 'Mx',
  given: ['Robin'],
  family: 'Aldersey',
  gender: 'other',
  birthDate: '2009-10-31',
  since: '2023-06-01',
  address: ['8 Sample Crescent', 'Roundhay', 'Leeds', 'LS8 0ZZ'],
  mobile: '07700900158',
  gpOds: 'Y99011',
});

export const planFhir: Scenario = {
  name: 'planFhir',
  label: 'Crisis plan (structured data)',
  description: 'A young person’s crisis plan sent as structured data rather than a document: the app shows the plan’s text.',
  nhsNumber,
  patient,
  pointers: [
    {
      kind: 'valid',
      resource: buildPointer({
        id: 'RGD-lypft-mhcp-51d8aa',
        nhsNumber,
        type: 'crisisPlan',
        date: '2026-05-19T16:25:00Z',
        authorOds: team.ods,
        practiceSetting: team.practiceSetting,
        providerAsid: team.providerAsid,
        contents: [
          {
            contentType: 'application/fhir+json',
            url: planUrl,
            title: 'Crisis plan',
            creation: '2026-05-19T16:20:00Z',
            format: 'structured',
            stability: 'dynamic',
            retrieval: 'SSP',
          },
        ],
      }),
    },
  ],
  documents: [
    {
      url: sspTargetUrl(planUrl),
      providerAsid: team.providerAsid,
      contentType: 'application/fhir+json',
      body: () => crisisPlanCarePlan({ id: 'cp-51d8aa', team, patient, writtenOn: '2026-05-19', reviewBy: '2026-11-19' }),
    },
  ],
};
