import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { NhsNumber } from '../domain/nhs-number';
import type { Patient } from '../domain/patient';
import {
  documentContents,
  findContactContent,
  isRecordPointer,
  mergePointerSearches,
  owningOrganisationOds,
  pointerSearchNumbers,
  type Pointer,
  type PointerContent,
  type PointerSearch,
} from '../domain/pointer';
import { isCrisisPlan } from '../domain/record-types';
import type { NationalServices } from '../services/national-services';
import { isServiceError } from '../services/service-error';
import { isNoSignal } from './offline-policy';

const isNotRecorded = (error: unknown) => isServiceError(error) && error.kind === 'not-recorded';

/**
 * One query-options factory per national-service operation (STYLE.md §2): each owns its key
 * and calls the service client. Screens spread them into `useQuery`; the device cache and the
 * queued-lookup runner call the same ones through `queryClient.fetchQuery`, so a piece already
 * fetched for the screen is never fetched twice.
 */

/**
 * One search by a crew. Its id is the X-Correlation-ID of every request it makes, kept on
 * retries; a new search gets a new id, so it never reuses an earlier answer.
 */
export interface Lookup {
  readonly id: string;
  readonly nhsNumber: NhsNumber;
}

export function newLookup(nhsNumber: NhsNumber): Lookup {
  return { id: crypto.randomUUID(), nhsNumber };
}

/**
 * The screen's lookup asks for the record it will open as soon as the answers allow (issue 13
 * point 1), not after React has drawn them: `warmViewer` is told the document's content so the
 * code that shows it can load while it is fetched. Without it (the queued-lookup runner, the
 * device save) nothing is fetched ahead.
 */
export type WarmViewer = (content: PointerContent) => void;

export function patientQuery(services: NationalServices, lookup: Lookup, warmViewer?: WarmViewer) {
  return queryOptions({
    queryKey: ['patient', lookup.id, lookup.nhsNumber],
    queryFn: async ({ signal, client }) => {
      const patient = await services.pds.getPatient(lookup.nhsNumber, { correlationId: lookup.id, signal });
      if (warmViewer) fetchOpenedRecordAhead(client, services, lookup, warmViewer, { patient });
      return patient;
    },
  });
}

/**
 * Pointers for `nhsNumber`: the typed number (asked at once, beside PDS) and, when PDS has
 * replaced it, the current one too. Both answers are kept (`fetchPatientPointers`).
 */
export function pointersQuery(services: NationalServices, lookup: Lookup, nhsNumber: NhsNumber, warmViewer?: WarmViewer) {
  return queryOptions({
    queryKey: ['pointers', lookup.id, nhsNumber],
    queryFn: async ({ signal, client }) => {
      const search = await services.nrl.searchPointers(nhsNumber, { correlationId: lookup.id, signal });
      if (warmViewer) fetchOpenedRecordAhead(client, services, lookup, warmViewer, { search: { nhsNumber, search } });
      return search;
    },
  });
}

/**
 * Called as each of PDS's and NRL's answers arrives (with that answer, which is not yet in the
 * cache): once PDS has confirmed the person and the locator has answered under every number
 * searched, fetches what the screen will open, so the SSP request leaves straight from the last
 * answer instead of after the renders and device writes that follow it. That is the first record
 * (the screen opens it: records-outcome.tsx), its crisis team's contact page and its owner's ODS
 * name, each through the screen's own query, so nothing is fetched twice and every access is
 * still recorded by the client that makes it. A number PDS replaced is searched under the current
 * one straight from PDS's answer too. Nothing is fetched before PDS has confirmed who this is, and
 * nothing when a search failed (the screen then says what it could not check).
 */
function fetchOpenedRecordAhead(
  client: QueryClient,
  services: NationalServices,
  lookup: Lookup,
  warmViewer: WarmViewer,
  answered: { readonly patient?: Patient; readonly search?: { readonly nhsNumber: NhsNumber; readonly search: PointerSearch } },
): void {
  const patient = answered.patient ?? client.getQueryData(patientQuery(services, lookup).queryKey);
  if (!patient) return;
  const searches: PointerSearch[] = [];
  for (const nhsNumber of pointerSearchNumbers(patient)) {
    const search = answered.search?.nhsNumber === nhsNumber ? answered.search.search : client.getQueryData(pointersQuery(services, lookup, nhsNumber).queryKey);
    if (search) searches.push(search);
    else if (client.getQueryState(pointersQuery(services, lookup, nhsNumber).queryKey)?.status !== 'error') {
      void client.prefetchQuery(pointersQuery(services, lookup, nhsNumber, warmViewer));
    }
  }
  if (searches.length < pointerSearchNumbers(patient).length) return;
  const { pointers } = mergePointerSearches(searches);
  const opened = pointers.find(isRecordPointer);
  if (!opened) return;
  const content = documentContents(opened)[0];
  if (content) {
    warmViewer(content);
    void client.prefetchQuery(documentQuery(services, lookup, opened, content, patient.nhsNumber));
  }
  const contact = isCrisisPlan(opened.recordType) ? findContactContent(opened, pointers) : undefined;
  if (contact) void client.prefetchQuery(contactDetailsQuery(services, lookup, contact.url));
  void client.prefetchQuery(organisationQuery(services, lookup, owningOrganisationOds(opened)));
}

/**
 * Every pointer for a PDS-confirmed person: the locator searched under the typed number and,
 * if PDS replaced it, under the current number too, merged. Answers already fetched for the
 * screen are reused. All or nothing, for what is saved on the device: any search that failed
 * fails the whole. The failure reported is one that lets a queued search wait and run again (no
 * signal, or not recorded on the device) when there is one, so it is never dropped for the other.
 */
export async function fetchPatientPointers(queryClient: QueryClient, services: NationalServices, lookup: Lookup, patient: Patient): Promise<PointerSearch> {
  const settled = await Promise.allSettled(pointerSearchNumbers(patient).map((n) => queryClient.fetchQuery(pointersQuery(services, lookup, n))));
  const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length > 0) throw failures.find(isNoSignal) ?? failures.find(isNotRecorded) ?? failures[0];
  return mergePointerSearches(settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])));
}

/**
 * `currentNhsNumber` is the number PDS holds now: with the searched one, the numbers a FHIR
 * document may name as its patient (document-client.ts). Both are fixed by the lookup, so the key
 * does not need it.
 */
export function documentQuery(services: NationalServices, lookup: Lookup, pointer: Pointer, content: PointerContent, currentNhsNumber?: NhsNumber) {
  const samePerson = currentNhsNumber ? [lookup.nhsNumber, currentNhsNumber] : [lookup.nhsNumber];
  return queryOptions({
    queryKey: ['document', lookup.id, pointer.id, content.url],
    queryFn: ({ signal }) => services.documents.getDocument(pointer, content, { correlationId: lookup.id, signal }, samePerson),
  });
}

export function contactDetailsQuery(services: NationalServices, lookup: Lookup, url: string) {
  return queryOptions({
    queryKey: ['contact-details', lookup.id, url],
    queryFn: ({ signal }) => services.contactPages.getContactDetails(url, { correlationId: lookup.id, signal }),
  });
}

export function organisationQuery(services: NationalServices, lookup: Lookup, odsCode: string) {
  return queryOptions({
    queryKey: ['organisation', lookup.id, odsCode],
    queryFn: ({ signal }) => services.ods.getOrganisation(odsCode, { correlationId: lookup.id, signal }),
    retry: false,
  });
}
