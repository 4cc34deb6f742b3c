import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { NhsNumber } from '../domain/nhs-number';
import type { Patient } from '../domain/patient';
import { mergePointerSearches, pointerSearchNumbers, type Pointer, type PointerContent, type PointerSearch } from '../domain/pointer';
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

export function patientQuery(services: NationalServices, lookup: Lookup) {
  return queryOptions({
    queryKey: ['patient', lookup.id, lookup.nhsNumber],
    queryFn: ({ signal }) => services.pds.getPatient(lookup.nhsNumber, { correlationId: lookup.id, signal }),
  });
}

/**
 * Pointers for `nhsNumber`: the typed number (asked at once, beside PDS) and, when PDS has
 * replaced it, the current one too. Both answers are kept (`fetchPatientPointers`).
 */
export function pointersQuery(services: NationalServices, lookup: Lookup, nhsNumber: NhsNumber) {
  return queryOptions({
    queryKey: ['pointers', lookup.id, nhsNumber],
    queryFn: ({ signal }) => services.nrl.searchPointers(nhsNumber, { correlationId: lookup.id, signal }),
  });
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
