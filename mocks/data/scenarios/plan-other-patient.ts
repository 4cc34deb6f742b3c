import { sspTargetUrl } from '../../ssp-url';
import { LEEDS_CRISIS_ASSESSMENT_SERVICE as team, sspDocumentUrl } from '../care-teams';
import { crisisPlanCarePlan } from '../documents/crisis-plan-care-plan';
import { buildPatient } from '../patient-builder';
import { buildPointer } from '../pointer-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000824';

/** The person the provider's document is really about: known to no PDS record here. */
export const OTHER_PATIENT_NHS_NUMBER = '9990000832';

const planUrl = sspDocumentUrl(team, 'fhir/CarePlan/cp-90c4e1');

const patient = buildPatient({
  nhsNumber,
  versionId: '1',
  confidentiality: 'U',
  prefix: 'Ms',
  given: ['Priya'],
  family: 'Hollingworth',
  gender: 'female',
  birthDate: '1994-07-22',
  since: '2020-01-06',
  address: ['2 Sample Gardens', 'Headingley', 'Leeds', 'LS6 0ZZ'],
  gpOds: 'Y99015',
});

/** Whose plan the provider actually sends: a different patient (a filing error at the trust). */
const otherPatient = buildPatient({
  nhsNumber: OTHER_PATIENT_NHS_NUMBER,
  versionId: '1',
  confidentiality: 'U',
  prefix: 'Mx',
  given: ['Robin'],
  family: 'Aldersey',
  gender: 'other',
  birthDate: '2009-10-31',
  since: '2023-06-01',
});

/**
 * The pointer is filed under this patient, but the FHIR CarePlan it leads to names another
 * patient as its subject. The app must refuse the document, never show another person's plan
 * under this patient's banner (DESIGN.md safety rule 1).
 */
export const planOtherPatient: Scenario = {
  name: 'planOtherPatient',
  label: 'Plan about another patient',
  description: 'The trust sends a plan that names a different patient: the app refuses to show it and says why.',
  nhsNumber,
  patient,
  pointers: [
    {
      kind: 'valid',
      resource: buildPointer({
        id: 'RGD-lypft-mhcp-90c4e1',
        nhsNumber,
        type: 'crisisPlan',
        date: '2026-03-02T10:40:00Z',
        authorOds: team.ods,
        practiceSetting: team.practiceSetting,
        providerAsid: team.providerAsid,
        contents: [
          {
            contentType: 'application/fhir+json',
            url: planUrl,
            title: 'Crisis plan',
            creation: '2026-03-02T10:35:00Z',
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
      body: () => crisisPlanCarePlan({ id: 'cp-90c4e1', team, patient: otherPatient, writtenOn: '2026-03-02', reviewBy: '2026-09-02' }),
    },
  ],
};
