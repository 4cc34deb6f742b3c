import type { QueryClient } from '@tanstack/react-query';
import { documentKey, type LookupSnapshot } from '../domain/lookup-snapshot';
import type { Patient } from '../domain/patient';
import { documentContents, findContactContent, isRecordPointer, owningOrganisationOds, type PointerSearch } from '../domain/pointer';
import { isCrisisPlan } from '../domain/record-types';
import type { NationalServices } from '../services/national-services';
import { contactDetailsQuery, documentQuery, organisationQuery, type Lookup } from './lookup-queries';

/** At most this many requests at once while saving: a crew's tablet on one weak link, and the trusts' servers. */
export const SAVE_CONCURRENCY = 3;

/**
 * Gathers what a crew will open offline for one answered lookup into one LookupSnapshot: each
 * crisis plan's document, its team's contact page and its organisation (the name and the
 * switchboard). Other records are not fetched: every retrieval is recorded as an access to the
 * patient's record, so the app retrieves only what a crew will read (issue 7 point 5); opened
 * offline they say they were not saved. Pieces already fetched for the screen come from the query
 * cache; the rest are fetched now, at most SAVE_CONCURRENCY at a time. A piece that fails is left
 * out, and the screen will say it was not retrieved; identity and pointers are always in.
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
  const crisisPlans = search.pointers.filter((pointer) => isRecordPointer(pointer) && isCrisisPlan(pointer.recordType));
  const documentJobs = crisisPlans.flatMap((pointer) => {
    const content = documentContents(pointer)[0];
    return content
      ? [{ key: documentKey(pointer.id, content.url), fetch: () => queryClient.fetchQuery(documentQuery(services, lookup, pointer, content, patient.nhsNumber)) }]
      : [];
  });
  const contactUrls = [...new Set(crisisPlans.flatMap((pointer) => findContactContent(pointer, search.pointers)?.url ?? []))];
  const odsCodes = [...new Set(crisisPlans.map(owningOrganisationOds))];

  const gate = concurrencyGate(SAVE_CONCURRENCY);
  const [documents, contacts, organisations] = await Promise.all([
    settle(documentJobs, gate),
    settle(
      contactUrls.map((url) => ({ key: url, fetch: () => queryClient.fetchQuery(contactDetailsQuery(services, lookup, url)) })),
      gate,
    ),
    settle(
      odsCodes.map((code) => ({ key: code, fetch: () => queryClient.fetchQuery(organisationQuery(services, lookup, code)) })),
      gate,
    ),
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

type Gate = <T>(run: () => Promise<T>) => Promise<T>;

/** Runs at most `limit` of the functions given to it at once, the rest in the order given. */
function concurrencyGate(limit: number): Gate {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (run) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await run();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

async function settle<T>(jobs: readonly { key: string; fetch: () => Promise<T> }[], gate: Gate): Promise<Record<string, T>> {
  const results = await Promise.allSettled(jobs.map((job) => gate(job.fetch)));
  const settled: Record<string, T> = {};
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') settled[jobs[index]!.key] = result.value;
  });
  return settled;
}
