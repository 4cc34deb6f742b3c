import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { documentKey } from '../domain/lookup-snapshot';
import type { NhsNumber } from '../domain/nhs-number';
import type { Pointer, PointerContent } from '../domain/pointer';
import type { NationalServices } from '../services/national-services';
import { ServiceError } from '../services/service-error';
import { buildSnapshot, MARIGOLD, MARIGOLD_OLD, pdfBytes } from '../test-support/storage';
import { collectLookup, SAVE_CONCURRENCY } from './collect-lookup';
import { newLookup } from './lookup-queries';

const saved = buildSnapshot();
const [crisis, respect, carePlan] = saved.search.pointers as [Pointer, Pointer, Pointer];

/** Services that answer at once, or when `hold` is set only when released, counting what is in flight. */
function fakeServices(o: { failDocumentFor?: string } = {}) {
  const inFlight = { now: 0, most: 0 };
  const track = async <T,>(value: () => T): Promise<T> => {
    inFlight.now += 1;
    inFlight.most = Math.max(inFlight.most, inFlight.now);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight.now -= 1;
    return value();
  };
  const getDocument = vi.fn(async (pointer: Pointer, _content: PointerContent, _context: unknown, _samePerson?: readonly NhsNumber[]) =>
    track(() => {
      if (pointer.id === o.failDocumentFor) throw new ServiceError({ service: 'ssp', kind: 'unavailable', detail: 'HTTP 504' });
      return { kind: 'pdf' as const, bytes: pdfBytes(), contentType: 'application/pdf' };
    }),
  );
  const getContactDetails = vi.fn(async (url: string) => track(() => ({ sourceUrl: url, teamName: 'Team', numbers: [] })));
  const getOrganisation = vi.fn(async (ods: string) => track(() => ({ odsCode: ods, name: `Org ${ods}`, switchboard: undefined })));
  const services = {
    pds: { getPatient: () => Promise.reject(new Error('unused')) },
    nrl: { searchPointers: () => Promise.reject(new Error('unused')) },
    documents: { getDocument },
    contactPages: { getContactDetails },
    ods: { getOrganisation },
  } as unknown as NationalServices;
  return { services, getDocument, getContactDetails, getOrganisation, inFlight };
}

function collect(services: NationalServices, pointers: readonly Pointer[], patient = saved.patient) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return collectLookup(queryClient, services, newLookup(patient.requestedNhsNumber), patient, { pointers, skippedEntries: 0 }, new Date());
}

/** Another crisis plan like `crisis`, from its own organisation with its own contact page. */
function crisisFrom(index: number): Pointer {
  const contents = crisis.contents.map((content) =>
    content.contentType === 'text/html' ? { ...content, url: `https://team-${index}.example/contact` } : { ...content, url: `${content.url}-${index}` },
  );
  return { ...crisis, id: `R${index}X-crisis-${index}`, authorOds: `R${index}X`, custodianOds: `R${index}X`, contents };
}

describe('collectLookup: saving a lookup (issue 7 point 5)', () => {
  it('retrieves only the crisis plans and their contact pages, never the other records', async () => {
    const { services, getDocument, getContactDetails } = fakeServices();
    const snapshot = await collect(services, [crisis, respect, carePlan]);
    expect(getDocument.mock.calls.map(([pointer]) => pointer.id)).toEqual([crisis.id]);
    expect(getContactDetails).toHaveBeenCalledTimes(1);
    expect(Object.keys(snapshot.documents)).toEqual([documentKey(crisis.id, crisis.contents[0]!.url)]);
    // The pointers are all kept, so the saved copy can say the others were not saved.
    expect(snapshot.search.pointers).toHaveLength(3);
  });

  it('never has more than a few requests in flight at once, and still fetches them all', async () => {
    const { services, getDocument, getContactDetails, getOrganisation, inFlight } = fakeServices();
    const pointers = Array.from({ length: 6 }, (_, i) => crisisFrom(i));
    const snapshot = await collect(services, pointers);
    expect(SAVE_CONCURRENCY).toBe(3);
    expect(inFlight.most).toBe(SAVE_CONCURRENCY);
    expect(getDocument).toHaveBeenCalledTimes(6);
    expect(getContactDetails).toHaveBeenCalledTimes(6);
    expect(getOrganisation).toHaveBeenCalledTimes(6);
    expect(Object.keys(snapshot.documents)).toHaveLength(6);
  });

  it('keeps in the snapshot only what was retrieved', async () => {
    const second = crisisFrom(1);
    const { services } = fakeServices({ failDocumentFor: second.id });
    const snapshot = await collect(services, [crisis, second]);
    expect(Object.keys(snapshot.documents)).toEqual([documentKey(crisis.id, crisis.contents[0]!.url)]);
  });

  it('tells the document client both numbers PDS confirmed for a replaced number', async () => {
    const { services, getDocument } = fakeServices();
    const patient = { ...saved.patient, nhsNumber: MARIGOLD, requestedNhsNumber: MARIGOLD_OLD };
    await collect(services, [crisis], patient);
    expect(getDocument.mock.calls[0]![3]).toEqual([MARIGOLD_OLD, MARIGOLD]);
  });
});
