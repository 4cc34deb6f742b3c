import type { QueryClient } from '@tanstack/react-query';
import type { LookupSnapshot } from '../domain/lookup-snapshot';
import type { NhsNumber } from '../domain/nhs-number';
import { isRecordPointer } from '../domain/pointer';
import { isCrisisPlan } from '../domain/record-types';
import type { NationalServices } from '../services/national-services';
import { isServiceError } from '../services/service-error';
import { collectLookup } from './collect-lookup';
import type { Connectivity } from './connectivity';
import { fetchPatientPointers, newLookup, patientQuery } from './lookup-queries';
import { isNoSignal } from './retry-policy';

/** What a search that waited for signal found, for the crew to be told. */
export type QueuedLookupResult =
  | { readonly nhsNumber: NhsNumber; readonly outcome: 'crisis-plan' | 'no-crisis-plan' | 'could-not-check'; readonly snapshot: LookupSnapshot }
  | { readonly nhsNumber: NhsNumber; readonly outcome: 'failed'; readonly error: unknown };

export interface QueueStore {
  list(): Promise<readonly { readonly id: string; readonly nhsNumber: NhsNumber }[]>;
  remove(id: string): Promise<void>;
}

export interface SnapshotStore {
  save(snapshot: LookupSnapshot, options: { retentionHours: number }): Promise<unknown>;
}

export function outcomeOf(snapshot: LookupSnapshot): 'crisis-plan' | 'no-crisis-plan' | 'could-not-check' {
  const records = snapshot.search.pointers.filter(isRecordPointer);
  if (records.some((pointer) => isCrisisPlan(pointer.recordType))) return 'crisis-plan';
  // Unreadable entries may have been the plan (safety rule 3).
  return snapshot.search.skippedEntries > 0 ? 'could-not-check' : 'no-crisis-plan';
}

/**
 * Runs the searches queued while there was no signal, oldest first, whenever the national
 * services become reachable. Each finished search is saved on the device before it leaves the
 * queue and before the crew is told (nothing is reported done before the write confirmed it).
 * No signal again: stop and keep the rest queued. Any other failure: tell the crew and drop it.
 */
export function startQueuedLookups(o: {
  queue: QueueStore;
  plans: SnapshotStore;
  queryClient: QueryClient;
  services: NationalServices;
  connectivity: Connectivity;
  retentionHours: number;
  onResult: (result: QueuedLookupResult) => void;
  onQueueChanged?: () => void;
}): { stop: () => void; runNow: () => void } {
  let running = false;
  let again = false;

  async function runOne(id: string, nhsNumber: NhsNumber): Promise<'done' | 'no-signal'> {
    const lookup = newLookup(nhsNumber);
    try {
      const patient = await o.queryClient.fetchQuery(patientQuery(o.services, lookup));
      // Under the typed number and, if PDS replaced it, the current one: a plan may sit under either.
      const search = await fetchPatientPointers(o.queryClient, o.services, lookup, patient);
      const answeredAt = new Date();
      const snapshot = await collectLookup(o.queryClient, o.services, lookup, patient, search, answeredAt);
      await o.plans.save(snapshot, { retentionHours: o.retentionHours });
      await o.queue.remove(id);
      o.onResult({ nhsNumber, outcome: outcomeOf(snapshot), snapshot });
      return 'done';
    } catch (error) {
      // Not recorded on the device: nothing was shown, and the search is kept to run again.
      if (isNoSignal(error) || (isServiceError(error) && error.kind === 'not-recorded')) return 'no-signal';
      await o.queue.remove(id);
      o.onResult({ nhsNumber, outcome: 'failed', error });
      return 'done';
    } finally {
      o.onQueueChanged?.();
    }
  }

  async function drain() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        for (const item of await o.queue.list()) {
          if (!o.connectivity.getSnapshot().reachable) return;
          if ((await runOne(item.id, item.nhsNumber)) === 'no-signal') return;
        }
      } while (again);
    } catch (error) {
      console.error('queued lookups failed', error);
    } finally {
      running = false;
    }
  }

  // Drain when the services become reachable, not on every reply while they already are.
  let wasReachable = o.connectivity.getSnapshot().reachable;
  const unsubscribe = o.connectivity.subscribe(() => {
    const reachable = o.connectivity.getSnapshot().reachable;
    if (reachable && !wasReachable) void drain();
    wasReachable = reachable;
  });
  if (wasReachable) void drain();
  return {
    stop: unsubscribe,
    // A search was just queued: run it at once if the services can be reached after all.
    runNow: () => {
      if (o.connectivity.getSnapshot().reachable) void drain();
    },
  };
}
