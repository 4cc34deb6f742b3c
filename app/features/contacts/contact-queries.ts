import { queryOptions } from '@tanstack/react-query';
import type { NationalServices } from '../../services/national-services';

interface LookupRef {
  readonly id: string;
}

/** Organisations are public reference data: shared across lookups, keyed by ODS code. */
export function organisationQuery(services: NationalServices, lookup: LookupRef, odsCode: string) {
  return queryOptions({
    queryKey: ['organisation', odsCode],
    queryFn: ({ signal }) => services.ods.getOrganisation(odsCode, { correlationId: lookup.id, signal }),
    retry: false,
  });
}

export function contactDetailsQuery(services: NationalServices, lookup: LookupRef, url: string) {
  return queryOptions({
    queryKey: ['contact-details', lookup.id, url],
    queryFn: ({ signal }) => services.contactPages.getContactDetails(url, { correlationId: lookup.id, signal }),
  });
}
