import { sspTargetUrl } from '../../ssp-url';
import { LEEDS_CRISIS_ASSESSMENT_SERVICE as team, sspDocumentUrl } from '../care-teams';
import { crisisPlanHtml } from '../documents/crisis-plan-html';
import { buildPatient } from '../patient-builder';
import { buildPointer } from '../pointer-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000026';
const planUrl = sspDocumentUrl(team, 'plans/export/8830d1.html');

const patient = buildPatient({
  nhsNumber,
  versionId: '5',
  confidentiality: 'U',
  prefix: 'Mr',
  given: ['Thomas', 'James'],
  family: 'Ashworth',
  gender: 'male',
  birthDate: '1978-11-02',
  since: '2016-02-10',
  address: ['7 Sample Terrace', 'Armley', 'Leeds', 'LS12 0ZZ'],
  mobile: '07700900202',
  gpOds: 'Y99002',
});

export const planHtml: Scenario = {
  name: 'planHtml',
  label: 'Crisis plan (web page)',
  description: 'A Leeds crisis plan sent as a web page with hidden code and tracking in it: the crew reads the plan as normal, and none of that code runs.',
  nhsNumber,
  patient,
  pointers: [
    {
      // Plan and contact page as two contents of one pointer: the other shape producers use.
      kind: 'valid',
      resource: buildPointer({
        id: 'RGD-lypft-mhcp-8830d1',
        nhsNumber,
        type: 'crisisPlan',
        date: '2026-02-17T14:30:00Z',
        authorOds: team.ods,
        practiceSetting: team.practiceSetting,
        providerAsid: team.providerAsid,
        contents: [
          {
            contentType: 'text/html',
            url: planUrl,
            title: 'Crisis and contingency plan',
            creation: '2026-02-17T14:22:00Z',
            format: 'structured',
            stability: 'static',
            retrieval: 'SSP',
          },
          {
            contentType: 'text/html',
            url: team.contactPageUrl,
            title: 'Contact the crisis assessment service',
            format: 'recordContact',
            stability: 'dynamic',
            retrieval: 'Direct',
          },
        ],
      }),
    },
  ],
  documents: [
    {
      url: sspTargetUrl(planUrl),
      providerAsid: team.providerAsid,
      contentType: 'text/html; charset=utf-8',
      body: () => crisisPlanHtml({ team, patient, writtenOn: '2026-02-17', reviewBy: '2026-08-17' }),
    },
  ],
};
