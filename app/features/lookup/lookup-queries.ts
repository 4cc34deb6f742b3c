import { queryOptions } from '@tanstack/react-query';
import type { NhsNumber } from '../../domain/nhs-number';
import type { NationalServices } from '../../services/national-services';

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
