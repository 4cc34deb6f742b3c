import { queryOptions } from '@tanstack/react-query';
import type { NhsNumber } from '../domain/nhs-number';
import type { Pointer, PointerContent } from '../domain/pointer';
import type { NationalServices } from '../services/national-services';

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

/** Pointers for `nhsNumber`: the searched number at first, PDS's current one once known. */
export function pointersQuery(services: NationalServices, lookup: Lookup, nhsNumber: NhsNumber) {
  return queryOptions({
    queryKey: ['pointers', lookup.id, nhsNumber],
    queryFn: ({ signal }) => services.nrl.searchPointers(nhsNumber, { correlationId: lookup.id, signal }),
  });
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
