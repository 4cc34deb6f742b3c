import type { LookupSnapshot } from '../domain/lookup-snapshot';
import type { NhsNumber } from '../domain/nhs-number';
import { isRecordPointer } from '../domain/pointer';
import { isCrisisPlan } from '../domain/record-types';
import type { Connectivity } from './connectivity';

/** What a search that waited for signal found, for the crew to be told. */
export type QueuedLookupResult =
  | { readonly nhsNumber: NhsNumber; readonly outcome: 'crisis-plan' | 'no-crisis-plan' | 'could-not-check'; readonly snapshot: LookupSnapshot }
  | { readonly nhsNumber: NhsNumber; readonly outcome: 'failed'; readonly error: unknown };

export interface QueueStore {
  list(): Promise<readonly { readonly id: string; readonly nhsNumber: NhsNumber }[]>;
  remove(id: string): Promise<void>;
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
 * What each search does (fetch and save) and which failures keep it waiting are the query
 * layer's (`queuedLookupWork` in queries/save-lookup.ts); this runner only decides when.
 */
export function startQueuedLookups(o: {
  queue: QueueStore;
  connectivity: Connectivity;
  /** Looks the number up and saves the answer on the device; resolves once the write committed. */
  run: (nhsNumber: NhsNumber) => Promise<LookupSnapshot>;
  /** The offline policy: a search that failed like this stays queued (queries/offline-policy.ts). */
  keepQueued: (error: unknown) => boolean;
  onResult: (result: QueuedLookupResult) => void;
  onQueueChanged?: () => void;
  /** Whether searches may run now: live mode needs a signed-in person with a valid token (issue 10). */
  mayRun?: () => boolean;
}): { stop: () => void; runNow: () => void } {
  const mayRun = o.mayRun ?? (() => true);
  let running = false;
  let again = false;

  async function runOne(id: string, nhsNumber: NhsNumber): Promise<'done' | 'no-signal'> {
    try {
      const snapshot = await o.run(nhsNumber);
      await o.queue.remove(id);
      o.onResult({ nhsNumber, outcome: outcomeOf(snapshot), snapshot });
      return 'done';
    } catch (error) {
      // Not recorded on the device: nothing was shown, and the search is kept to run again.
      if (o.keepQueued(error)) return 'no-signal';
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
        // Before reading the queue: while nobody may run searches the clinical keys may be shut,
        // and the sealed queue would refuse (an error in the console of every live start).
        if (!o.connectivity.getSnapshot().reachable || !mayRun()) return;
        for (const item of await o.queue.list()) {
          if (!o.connectivity.getSnapshot().reachable || !mayRun()) return;
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
      if (o.connectivity.getSnapshot().reachable && mayRun()) void drain();
    },
  };
}
