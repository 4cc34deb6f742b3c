import { getResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { SCENARIOS } from '../../mocks/data/catalogue';
import { OTHER_PATIENT_NHS_NUMBER } from '../../mocks/data/scenarios/plan-other-patient';
import { createHandlers } from '../../mocks/handlers';
import { TEST_SERVICE_BASES } from '../../mocks/service-bases';
import { DEMO_CONSUMER } from '../../mocks/demo-consumer';
import type { NhsNumber } from '../domain/nhs-number';
import { FORMAT_STRUCTURED, type Pointer, type PointerContent } from '../domain/pointer';
import { recordTypeFor, SNOMED_SYSTEM } from '../domain/record-types';
import { createDocumentClient } from './document-client';
import { createNrlClient } from './nrl-client';
import { ServiceError } from './service-error';
import { describeServiceError } from './service-error-messages';
import { testContext } from '../test-support/services';
import type { Transport } from './transport';

const SEARCHED = '9990000018' as NhsNumber;
const CURRENT = '9990000026' as NhsNumber;
const SOMEONE_ELSE = '9990000034';
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';

const content: PointerContent = {
  contentType: 'application/fhir+json',
  url: 'ssp://nrl-rx4.supplier.thirdparty.nhs.uk/RX4/fhir/CarePlan/1',
  title: 'Crisis plan',
  creation: undefined,
  formatCode: FORMAT_STRUCTURED,
  stability: 'dynamic',
  retrievalMechanism: 'SSP',
};

const pointer: Pointer = {
  id: 'RX4-mhcp-000123',
  subjectNhsNumber: SEARCHED,
  recordType: recordTypeFor({ system: SNOMED_SYSTEM, code: '736253002', display: 'Mental health crisis plan' }),
  date: '2025-06-01T10:00:00Z',
  authorOds: 'RX4',
  custodianOds: 'RX4',
  practiceSetting: undefined,
  providerAsid: '200000000610',
  contents: [content],
};

function serving(resource: object) {
  const log = vi.fn<(message: string, detail?: unknown) => void>();
  const transport: Transport = async () => new Response(JSON.stringify(resource), { headers: { 'content-type': 'application/fhir+json' } });
  const documents = createDocumentClient({ transport, sspBaseUrl: 'https://gw.test/ssp', timeoutMs: 2_000, log });
  return { documents, log };
}

const carePlanAbout = (nhsNumber: string, extra: object = {}) => ({
  resourceType: 'CarePlan',
  id: 'cp-1',
  status: 'active',
  subject: { identifier: { system: NHS, value: nhsNumber } },
  ...extra,
});

async function refusal(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

describe('document client: a FHIR plan names its own patient (issue 7 point 4)', () => {
  it('refuses a plan whose subject is another NHS number, says so, and logs where without the number', async () => {
    const { documents, log } = serving(carePlanAbout(SOMEONE_ELSE));
    const error = await refusal(documents.getDocument(pointer, content, testContext()));
    expect(error).toMatchObject({ service: 'ssp', kind: 'wrong-patient', status: 200 });
    expect(describeServiceError(error)).toBe(
      'The document sent by the owning organisation’s system names a different patient, so it is not shown. Call the team that owns the plan. If it keeps happening, tell your service desk.',
    );
    expect(log).toHaveBeenCalledWith('SSP document: refused a FHIR document that names another patient', { pointerId: pointer.id, where: 'CarePlan.subject' });
    expect(JSON.stringify(log.mock.calls)).not.toContain(SOMEONE_ELSE);
    expect(error.detail).not.toContain(SOMEONE_ELSE);
  });

  it('refuses a plan whose contained Patient is someone else, even when its subject is right', async () => {
    const contained = [{ resourceType: 'Patient', id: 'p1', identifier: [{ system: NHS, value: '999 000 0034' }] }];
    const { documents } = serving(carePlanAbout(SEARCHED, { contained }));
    const error = await refusal(documents.getDocument(pointer, content, testContext()));
    expect(error.kind).toBe('wrong-patient');
    expect(error.detail).toMatch(/contained\[0\] Patient\.identifier/);
  });

  it('refuses a FHIR document (Bundle) whose Patient or Composition names someone else', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'document',
      entry: [
        { resource: { resourceType: 'Composition', subject: { identifier: { system: NHS, value: SEARCHED } }, text: { div: '<div>Plan</div>' } } },
        { resource: { resourceType: 'Patient', identifier: [{ system: NHS, value: SOMEONE_ELSE }] } },
      ],
    };
    const { documents } = serving(bundle);
    expect((await refusal(documents.getDocument(pointer, content, testContext()))).kind).toBe('wrong-patient');
  });

  it('shows a plan naming the searched patient', async () => {
    const contained = [{ resourceType: 'Patient', identifier: [{ system: NHS, value: SEARCHED }] }];
    const { documents, log } = serving(carePlanAbout(SEARCHED, { contained }));
    await expect(documents.getDocument(pointer, content, testContext())).resolves.toMatchObject({ kind: 'fhir' });
    expect(log).not.toHaveBeenCalled();
  });

  it('shows a plan naming the number PDS holds now, when it is told both are this person', async () => {
    const { documents } = serving(carePlanAbout(CURRENT));
    await expect(refusal(documents.getDocument(pointer, content, testContext()))).resolves.toMatchObject({ kind: 'wrong-patient' });
    await expect(documents.getDocument(pointer, content, testContext(), [SEARCHED, CURRENT])).resolves.toMatchObject({ kind: 'fhir' });
  });

  it('shows a plan that names no NHS number (it cannot be checked this way; the banner is the check)', async () => {
    const { documents } = serving({ resourceType: 'CarePlan', status: 'active', subject: { reference: 'Patient/123' } });
    await expect(documents.getDocument(pointer, content, testContext())).resolves.toMatchObject({ kind: 'fhir' });
  });

  it('refuses the planOtherPatient scenario’s document from the shared mocks', async () => {
    const handlers = createHandlers(TEST_SERVICE_BASES);
    const transport: Transport = async (request) => (await getResponse(handlers, request)) ?? Response.error();
    const nrl = createNrlClient({ transport, baseUrl: TEST_SERVICE_BASES.nrl, organisationOds: () => DEMO_CONSUMER.organisationOds });
    const documents = createDocumentClient({ transport, sspBaseUrl: TEST_SERVICE_BASES.ssp, fromAsid: DEMO_CONSUMER.asid, log: () => undefined });
    const nhsNumber = SCENARIOS.planOtherPatient.nhsNumber as NhsNumber;
    const [plan] = (await nrl.searchPointers(nhsNumber, testContext())).pointers;
    const error = await refusal(documents.getDocument(plan!, plan!.contents[0]!, testContext(), [nhsNumber]));
    expect(error.kind).toBe('wrong-patient');
    expect(OTHER_PATIENT_NHS_NUMBER).not.toBe(nhsNumber);
  });
});
