import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { NhsNumber } from '../domain/nhs-number';
import type { Patient } from '../domain/patient';
import type { Pointer, PointerContent, PointerSearch } from '../domain/pointer';
import type { NationalServices } from '../services/national-services';
import { ServiceError } from '../services/service-error';
import { buildSnapshot, MARIGOLD, MARIGOLD_OLD, pdfBytes } from '../test-support/storage';
import { contactDetailsQuery, documentQuery, newLookup, organisationQuery, patientQuery, pointersQuery, type Lookup } from './lookup-queries';

const saved = buildSnapshot();
const [crisis] = saved.search.pointers as [Pointer, Pointer, Pointer];

interface Held<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function held<T>(): Held<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Services whose PDS and NRL answers the test releases, one at a time; the rest answer at once. */
function heldServices() {
  const patient = held<Patient>();
  const searches = new Map<NhsNumber, Held<PointerSearch>>();
  const searchFor = (nhsNumber: NhsNumber) => {
    let search = searches.get(nhsNumber);
    if (!search) searches.set(nhsNumber, (search = held()));
    return search;
  };
  const searchPointers = vi.fn((nhsNumber: NhsNumber) => searchFor(nhsNumber).promise);
  const getDocument = vi.fn(async (_pointer: Pointer, _content: PointerContent, _context: unknown, _samePerson?: readonly NhsNumber[]) => ({
    kind: 'pdf' as const,
    bytes: pdfBytes(),
    contentType: 'application/pdf',
  }));
  const getContactDetails = vi.fn(async (url: string) => ({ sourceUrl: url, teamName: 'Team', numbers: [] }));
  const getOrganisation = vi.fn(async (ods: string) => ({ odsCode: ods, name: `Org ${ods}`, switchboard: undefined }));
  const services = {
    pds: { getPatient: vi.fn(() => patient.promise) },
    nrl: { searchPointers },
    documents: { getDocument },
    contactPages: { getContactDetails },
    ods: { getOrganisation },
  } as unknown as NationalServices;
  return { services, patient, searchFor, searchPointers, getDocument, getContactDetails, getOrganisation };
}

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** As the lookup screen asks: PDS and the typed number's locator search at once, with a viewer to warm. */
function screenAsks(queryClient: QueryClient, services: NationalServices, lookup: Lookup, warm: (content: PointerContent) => void) {
  void queryClient.fetchQuery(patientQuery(services, lookup, warm)).catch(() => undefined);
  void queryClient.fetchQuery(pointersQuery(services, lookup, lookup.nhsNumber, warm)).catch(() => undefined);
}

describe('the record the screen will open is fetched straight from the answers (issue 13 point 1)', () => {
  it('asks SSP for the first record, its contact page and its owner as soon as PDS and NRL have both answered, and warms its viewer', async () => {
    const s = heldServices();
    const queryClient = client();
    const lookup = newLookup(MARIGOLD);
    const warm = vi.fn();
    screenAsks(queryClient, s.services, lookup, warm);

    s.searchFor(MARIGOLD).resolve(saved.search);
    await settle();
    // The locator has answered but PDS has not confirmed who this is: nothing clinical is fetched.
    expect(s.getDocument).not.toHaveBeenCalled();
    expect(warm).not.toHaveBeenCalled();

    s.patient.resolve(saved.patient);
    await settle();
    expect(s.getDocument).toHaveBeenCalledTimes(1);
    expect(s.getDocument.mock.calls[0]![0].id).toBe(crisis.id);
    expect(s.getDocument.mock.calls[0]![3]).toEqual([MARIGOLD, MARIGOLD]);
    expect(warm).toHaveBeenCalledWith(expect.objectContaining({ contentType: 'application/pdf' }));
    expect(s.getContactDetails).toHaveBeenCalledTimes(1);
    expect(s.getOrganisation).toHaveBeenCalledWith('RX4', expect.anything());

    // The screen's own queries find the answers in the cache: nothing is fetched twice.
    const pdfContent = crisis.contents[0]!;
    await queryClient.fetchQuery(documentQuery(s.services, lookup, crisis, pdfContent, MARIGOLD));
    await queryClient.fetchQuery(contactDetailsQuery(s.services, lookup, crisis.contents[1]!.url));
    await queryClient.fetchQuery(organisationQuery(s.services, lookup, 'RX4'));
    expect(s.getDocument).toHaveBeenCalledTimes(1);
    expect(s.getContactDetails).toHaveBeenCalledTimes(1);
    expect(s.getOrganisation).toHaveBeenCalledTimes(1);
  });

  it('fetches from whichever answer comes last, PDS or NRL', async () => {
    const s = heldServices();
    const queryClient = client();
    const warm = vi.fn();
    screenAsks(queryClient, s.services, newLookup(MARIGOLD), warm);
    s.patient.resolve(saved.patient);
    await settle();
    expect(s.getDocument).not.toHaveBeenCalled();
    s.searchFor(MARIGOLD).resolve(saved.search);
    await settle();
    expect(s.getDocument).toHaveBeenCalledTimes(1);
  });

  it('fetches nothing ahead when PDS fails or a search fails, and nothing without a viewer to warm', async () => {
    const failedPds = heldServices();
    screenAsks(client(), failedPds.services, newLookup(MARIGOLD), vi.fn());
    failedPds.searchFor(MARIGOLD).resolve(saved.search);
    failedPds.patient.reject(new ServiceError({ service: 'pds', kind: 'not-found', detail: 'HTTP 404' }));
    await settle();
    expect(failedPds.getDocument).not.toHaveBeenCalled();

    const failedNrl = heldServices();
    screenAsks(client(), failedNrl.services, newLookup(MARIGOLD), vi.fn());
    failedNrl.patient.resolve(saved.patient);
    failedNrl.searchFor(MARIGOLD).reject(new ServiceError({ service: 'nrl', kind: 'unavailable', detail: 'HTTP 503' }));
    await settle();
    expect(failedNrl.getDocument).not.toHaveBeenCalled();

    // The queued-lookup runner and the device save ask without one: they fetch what they need themselves.
    const plain = heldServices();
    const queryClient = client();
    const lookup = newLookup(MARIGOLD);
    void queryClient.fetchQuery(patientQuery(plain.services, lookup));
    void queryClient.fetchQuery(pointersQuery(plain.services, lookup, MARIGOLD));
    plain.patient.resolve(saved.patient);
    plain.searchFor(MARIGOLD).resolve(saved.search);
    await settle();
    expect(plain.getDocument).not.toHaveBeenCalled();
  });

  it('with no record to open (no pointers), fetches no document and warms nothing', async () => {
    const s = heldServices();
    const warm = vi.fn();
    screenAsks(client(), s.services, newLookup(MARIGOLD), warm);
    s.patient.resolve(saved.patient);
    s.searchFor(MARIGOLD).resolve({ pointers: [], skippedEntries: 0 });
    await settle();
    expect(s.getDocument).not.toHaveBeenCalled();
    expect(warm).not.toHaveBeenCalled();
  });

  it('a number PDS replaced: the current number is searched straight from PDS, and the record waits for both searches', async () => {
    const superseded = buildSnapshot({ nhsNumber: MARIGOLD, requestedNhsNumber: MARIGOLD_OLD });
    const s = heldServices();
    const queryClient = client();
    const lookup = newLookup(MARIGOLD_OLD);
    screenAsks(queryClient, s.services, lookup, vi.fn());
    s.patient.resolve(superseded.patient);
    await settle();
    expect(s.searchPointers.mock.calls.map(([nhsNumber]) => nhsNumber)).toEqual([MARIGOLD_OLD, MARIGOLD]);

    s.searchFor(MARIGOLD_OLD).resolve({ pointers: [], skippedEntries: 0 });
    await settle();
    expect(s.getDocument).not.toHaveBeenCalled();
    s.searchFor(MARIGOLD).resolve(superseded.search);
    await settle();
    expect(s.getDocument).toHaveBeenCalledTimes(1);
    // A FHIR plan may name either number as its patient (document-client.ts).
    expect(s.getDocument.mock.calls[0]![3]).toEqual([MARIGOLD_OLD, MARIGOLD]);
  });
});
