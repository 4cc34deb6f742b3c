import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { LookupSnapshot } from '../domain/lookup-snapshot';
import type { NhsNumber } from '../domain/nhs-number';
import { pointerSearchNumbers } from '../domain/pointer';
import type { NationalServices } from '../services/national-services';
import { collectLookup } from './collect-lookup';
import { fetchPatientPointers, newLookup, patientQuery, pointersQuery, type Lookup } from './lookup-queries';
import { keepsQueued } from './offline-policy';
import { SAVED_ON_DEVICE_KEY } from './saved-on-device-key';

/** Where an answered lookup is kept (storage/plan-cache.ts); `O` is what the write reports. */
export interface SnapshotStore<O> {
  save(snapshot: LookupSnapshot, options: { retentionHours: number }): Promise<O>;
}

export interface SaveLookupDeps<O> {
  readonly queryClient: QueryClient;
  readonly services: NationalServices;
  readonly plans: SnapshotStore<O>;
  readonly retentionHours: number;
}

/**
 * The one "save this lookup" step, for the screen (as a mutation) and the queued-lookup runner
 * alike: PDS, then NRL under every number the patient has had, then what a crew will open
 * offline (collect-lookup.ts), written as one snapshot that replaces any older copy (a plan
 * withdrawn upstream leaves the device too). Answers already fetched come from the query cache.
 * Resolves only after the write committed, so nothing says "saved" before it is.
 */
export async function saveLookup<O>(deps: SaveLookupDeps<O>, lookup: Lookup): Promise<{ readonly snapshot: LookupSnapshot; readonly outcome: O }> {
  const { queryClient, services } = deps;
  const patient = await queryClient.fetchQuery(patientQuery(services, lookup));
  // Under the typed number and, if PDS replaced it, the current one: a plan may sit under either.
  const search = await fetchPatientPointers(queryClient, services, lookup, patient);
  // The copy is as old as the oldest of the answers it is built on.
  const answeredAt = [patientQuery(services, lookup).queryKey, ...pointerSearchNumbers(patient).map((n) => pointersQuery(services, lookup, n).queryKey)]
    .map((queryKey) => queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? Date.now())
    .reduce((a, b) => Math.min(a, b));
  const snapshot = await collectLookup(queryClient, services, lookup, patient, search, new Date(answeredAt));
  const outcome = await deps.plans.save(snapshot, { retentionHours: deps.retentionHours });
  return { snapshot, outcome };
}

/**
 * The screen's "save this lookup": the mutation's result is only what the crew is told (when,
 * and how many older copies made room), so no patient data outlives Clear this device in it.
 */
export function saveLookupMutation(deps: SaveLookupDeps<{ readonly evicted: number }> & { readonly requestPersistentStorage: () => Promise<boolean> }) {
  return mutationOptions({
    mutationKey: ['save-lookup'],
    mutationFn: async (lookup: Lookup) => {
      const { snapshot, outcome } = await saveLookup(deps, lookup);
      return { retrievedAt: snapshot.retrievedAt, evicted: outcome.evicted };
    },
    onSuccess: () => {
      void deps.queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
      void deps.requestPersistentStorage();
    },
  });
}

/** What the queued-lookup runner (sync/queued-lookups.ts) does with each search, and when it keeps one waiting. */
export function queuedLookupWork(deps: SaveLookupDeps<unknown>) {
  return {
    run: async (nhsNumber: NhsNumber) => (await saveLookup(deps, newLookup(nhsNumber))).snapshot,
    keepQueued: keepsQueued,
  };
}

/** PDS says there is no such patient (or the record was invalidated): drop any saved copy. */
export function forgetPatientMutation(deps: { readonly queryClient: QueryClient; readonly plans: { remove(nhsNumber: NhsNumber): Promise<void> } }) {
  return mutationOptions({
    mutationKey: ['forget-patient'],
    mutationFn: (nhsNumber: NhsNumber) => deps.plans.remove(nhsNumber),
    onSuccess: () => void deps.queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY }),
  });
}

/** Nothing saved and no signal: keep the search to run when the services can be reached. */
export function queueLookupMutation<T>(deps: {
  readonly queryClient: QueryClient;
  readonly queue: { add(nhsNumber: NhsNumber): Promise<T> };
  readonly runQueuedLookups: () => void;
}) {
  return mutationOptions({
    mutationKey: ['queue-lookup'],
    mutationFn: (nhsNumber: NhsNumber) => deps.queue.add(nhsNumber),
    onSuccess: () => {
      void deps.queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
      deps.runQueuedLookups();
    },
  });
}

/**
 * Runs a screen's device write once for the screen that needs it: when it appears (or when
 * `enabled` turns true), never again on re-render, and once only under StrictMode's doubled
 * effects (React keeps the ref across that remount).
 */
export function useWriteOnce<V>(mutate: (variables: V) => void, variables: V, enabled = true): void {
  const started = useRef(false);
  useEffect(() => {
    if (!enabled || started.current) return;
    started.current = true;
    mutate(variables);
  }, [mutate, variables, enabled]);
}
