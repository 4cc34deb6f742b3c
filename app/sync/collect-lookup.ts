import type { QueryClient } from '@tanstack/react-query';
import { documentKey, type LookupSnapshot } from '../domain/lookup-snapshot';
import type { Patient } from '../domain/patient';
import { documentContents, findContactContent, isRecordPointer, owningOrganisationOds, type PointerSearch } from '../domain/pointer';
import type { NationalServices } from '../services/national-services';
import { contactDetailsQuery, documentQuery, organisationQuery, type Lookup } from './lookup-queries';

/**
 * Gathers everything a crew may need offline for one answered lookup (every record's document,
 * the owning teams' contact pages and organisations) into one LookupSnapshot. Pieces already
 * fetched for the screen come from the query cache; the rest are fetched now. A piece that fails
 * is left out, and the screen will say it was not retrieved; identity and pointers are always in.
 */
export async function collectLookup(
  queryClient: QueryClient,
  services: NationalServices,
  lookup: Lookup,
  patient: Patient,
  search: PointerSearch,
  /** When PDS and NRL answered: the age crews see counts from here, not from when collecting ended. */
  retrievedAt: Date,
): Promise<LookupSnapshot> {
  const records = search.pointers.filter(isRecordPointer);
  const documentJobs = records.flatMap((pointer) => {
    const content = documentContents(pointer)[0];
    return content ? [{ key: documentKey(pointer.id, content.url), fetch: () => queryClient.fetchQuery(documentQuery(services, lookup, pointer, content)) }] : [];
  });
  const contactUrls = [...new Set(records.flatMap((pointer) => findContactContent(pointer, search.pointers)?.url ?? []))];
  const odsCodes = [...new Set(records.map(owningOrganisationOds))];

  const [documents, contacts, organisations] = await Promise.all([
    settle(documentJobs),
    settle(contactUrls.map((url) => ({ key: url, fetch: () => queryClient.fetchQuery(contactDetailsQuery(services, lookup, url)) }))),
    settle(odsCodes.map((code) => ({ key: code, fetch: () => queryClient.fetchQuery(organisationQuery(services, lookup, code)) }))),
  ]);
  return {
    patient,
    search,
    documents,
    contacts,
    organisations,
    retrievedAt: retrievedAt.toISOString(),
  };
}

async function settle<T>(jobs: readonly { key: string; fetch: () => Promise<T> }[]): Promise<Record<string, T>> {
  const results = await Promise.allSettled(jobs.map((job) => job.fetch()));
  const settled: Record<string, T> = {};
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') settled[jobs[index]!.key] = result.value;
  });
  return settled;
}
