import { queryOptions } from '@tanstack/react-query';
import type { PatientSearch } from '../domain/patient-search';
import type { NationalServices } from '../services/national-services';

/**
 * One search by details (issue 12). Its id is the X-Correlation-ID of its request, kept on the
 * automatic retry; every new search (widening one included) gets a new id, so it never reuses
 * an earlier answer. Picking a person from the results starts an ordinary `newLookup` by their
 * NHS number: the search's own Patient is never what the banner shows.
 */
export interface DetailsSearch {
  readonly id: string;
  readonly search: PatientSearch;
}

export function newDetailsSearch(search: PatientSearch): DetailsSearch {
  return { id: crypto.randomUUID(), search };
}

/**
 * The search's answer: matches best first, no match, or too many (PdsClient.searchPatients).
 * Retries follow the query client's offline policy: only a temporary failure (no connection,
 * 5xx, 429) gets one more try; a 400 (the details PDS refused), 401 or 403 never does. Each try
 * is recorded as an access before its answer is read.
 */
export function patientSearchQuery(services: NationalServices, detailsSearch: DetailsSearch) {
  return queryOptions({
    queryKey: ['patient-search', detailsSearch.id],
    queryFn: ({ signal }) => services.pds.searchPatients(detailsSearch.search, { correlationId: detailsSearch.id, signal }),
  });
}
