// @vitest-environment jsdom
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { ServiceAccess } from '../domain/access-event';
import type { NhsNumber } from '../domain/nhs-number';
import type { Pointer } from '../domain/pointer';
import { recordTypeFor, SNOMED_SYSTEM } from '../domain/record-types';
import { createNationalServices } from './national-services';
import { fhirJson, testContext, startMswServer } from '../test-support/services';
import { fetchTransport } from './transport';

const bases = { pds: 'https://gw.test/pds', nrl: 'https://gw.test/nrl', ods: 'https://gw.test/ods', ssp: 'https://gw.test/ssp' };
const server = startMswServer();
const NHS = '9990000018' as NhsNumber;

describe('createNationalServices', () => {
  it('wires each client to its base, the crew’s organisation and the ASID', async () => {
    const seen: Request[] = [];
    const record = (reply: () => Response) => ({ request }: { request: Request }) => {
      seen.push(request);
      return reply();
    };
    server.use(
      http.get(`${bases.pds}/Patient/:nhs`, record(() => fhirJson({ resourceType: 'Patient', id: NHS, name: [{ family: 'Smith' }] }))),
      http.post(`${bases.nrl}/DocumentReference/_search`, record(() => fhirJson({ resourceType: 'Bundle', total: 0 }))),
      http.get(`${bases.ods}/Organization/:code`, record(() => fhirJson({ resourceType: 'Organization', name: 'RX4 TRUST' }))),
      http.get(`${bases.ssp}/:target`, record(() => new HttpResponse('<p>Plan</p>', { headers: { 'Content-Type': 'text/html' } }))),
      http.get('https://www.rx4.nhs.uk/contact', record(() => new HttpResponse('<h1>Team</h1>', { headers: { 'Content-Type': 'text/html' } }))),
    );
    const recorded: ServiceAccess[] = [];
    const recordAccess = async (access: ServiceAccess) => void recorded.push(access);
    const services = createNationalServices({ transport: fetchTransport, bases, organisationOds: () => 'RX8', asid: '200000001234', recordAccess });
    const context = testContext();
    const pointer: Pointer = {
      id: 'RX4-1',
      subjectNhsNumber: NHS,
      recordType: recordTypeFor({ system: SNOMED_SYSTEM, code: '736253002', display: undefined }),
      date: undefined,
      authorOds: 'RX4',
      custodianOds: 'RX4',
      practiceSetting: undefined,
      providerAsid: '200000000610',
      contents: [],
    };

    await services.pds.getPatient(NHS, context);
    await services.nrl.searchPointers(NHS, context);
    await services.ods.getOrganisation('RX4', context);
    await services.documents.getDocument(
      pointer,
      { contentType: 'text/html', url: 'ssp://rx4.nhs.uk/plan', title: undefined, creation: undefined, formatCode: 'urn:nhs-ic:structured', stability: undefined, retrievalMechanism: 'SSP' },
      context,
    );
    await services.contactPages.getContactDetails('https://www.rx4.nhs.uk/contact', context);

    expect(context.sent.map((s) => s.service)).toEqual(['pds', 'nrl', 'ods', 'ssp', 'contact-page']);
    const [pds, nrl, ods, ssp] = seen as [Request, Request, Request, Request, Request];
    expect(pds.headers.get('NHSD-End-User-Organisation-ODS')).toBe('RX8');
    expect(nrl.headers.get('NHSD-End-User-Organisation-ODS')).toBe('RX8');
    expect(ods.url).toBe(`${bases.ods}/Organization/RX4`);
    expect(ssp.headers.get('Ssp-From')).toBe('200000001234');
    // Patient data only: the organisation directory and public contact pages are not accesses.
    expect(recorded.map((r) => [r.action, r.nhsNumber, r.pointerId])).toEqual([
      ['patient-read', NHS, undefined],
      ['pointer-search', NHS, undefined],
      ['document-retrieval', NHS, 'RX4-1'],
    ]);
  });
});
