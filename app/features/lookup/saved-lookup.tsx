import './saved-lookup.css';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { describeAge, describeRetrievedTime, isStale } from '../../domain/staleness';
import type { CachedLookup } from '../../storage/plan-cache';
import type { Lookup } from '../../queries/lookup-queries';
import { snapshotServices } from '../../sync/snapshot-services';
import { ProblemCard } from '../../ui/problem-card';
import { RuntimeProvider, useRuntime } from '../../runtime/runtime-context';
import { LookupAnswer } from './lookup-answer';
import { queueLookupMutation, useWriteOnce } from '../../queries/save-lookup';
import { lookupWords } from './lookup-words';
import { useResultArrival } from './result-arrival';

const words = lookupWords.device;

class ViewNotRecorded extends Error {
  constructor(cause: unknown) {
    super('The view of a saved copy could not be recorded', { cause });
  }
}

/** Why a lookup is being answered from the device. */
export type SavedReason = 'offline' | 'unreachable' | 'opened';

/**
 * No signal, or the crew opened a saved plan: show what this device saved for the number,
 * with its age; with nothing saved, queue the search to run when the signal returns.
 */
export function SavedLookup({
  lookup,
  reason,
  onSearchAgain,
  whenNothingSaved,
}: {
  lookup: Lookup;
  reason: SavedReason;
  onSearchAgain?: () => void;
  /** Shown instead of queueing the search when nothing is saved (while the network may still answer). */
  whenNothingSaved?: ReactNode;
}) {
  const { plans, queuedResults, recordAccess } = useRuntime();
  // When this very search was queued and has now run, show what it saved in its place.
  const ranSinceQueued = useSyncExternalStore(queuedResults.subscribe, () =>
    queuedResults.getSnapshot().some((result) => result.nhsNumber === lookup.nhsNumber && result.outcome !== 'failed'),
  );
  const saved = useQuery({
    queryKey: ['saved-lookup', lookup.id, ranSinceQueued],
    queryFn: async () => {
      const found = await plans.find(lookup.nhsNumber);
      if (!found) return null;
      // Safety rule 6: the view is on record before the saved copy is shown; if it cannot be
      // recorded, the copy is not shown (the query fails and says so).
      await recordAccess({
        action: 'saved-copy-view',
        nhsNumber: found.snapshot.patient.nhsNumber,
        correlationId: lookup.id,
        pointerId: undefined,
        occurredAt: new Date().toISOString(),
        request: undefined,
        outcome: { kind: 'shown-from-device' },
      }).catch((cause: unknown) => {
        throw new ViewNotRecorded(cause);
      });
      return found;
    },
    retry: false,
  });
  if (saved.isPending) {
    return (
      <p className="nhsuk-body-l crl-status" role="status">
        {words.checking}
      </p>
    );
  }
  if (saved.error instanceof ViewNotRecorded) {
    return (
      <ProblemCard title={words.viewNotRecordedTitle} level="urgent">
        <p>{words.viewNotRecorded}</p>
        <button type="button" className="nhsuk-button" onClick={() => void saved.refetch()}>
          {lookupWords.tryAgain}
        </button>
      </ProblemCard>
    );
  }
  if (saved.isError) {
    return (
      <ProblemCard title={words.readFailedTitle} level="urgent">
        <p>{lookupWords.couldNotCheckAdvice}</p>
      </ProblemCard>
    );
  }
  if (!saved.data) {
    if (whenNothingSaved !== undefined) return whenNothingSaved;
    return reason === 'opened' ? <p className="nhsuk-body-l">{words.notSaved}</p> : <QueuedSearch lookup={lookup} />;
  }
  return <SavedLookupView lookup={lookup} cached={saved.data} reason={reason} onSearchAgain={onSearchAgain} />;
}

/** Ticks so ages ("3 h ago") and expiry stay true while a saved plan stays open. */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function SavedLookupView({ lookup, cached, reason, onSearchAgain }: { lookup: Lookup; cached: CachedLookup; reason: SavedReason; onSearchAgain: (() => void) | undefined }) {
  const runtime = useRuntime();
  const now = useNow(30_000);
  const reachable = useSyncExternalStore(runtime.connectivity.subscribe, () => runtime.connectivity.getSnapshot().reachable);
  const deviceRuntime = useMemo(() => ({ ...runtime, services: snapshotServices(cached.snapshot) }), [runtime, cached]);
  const deviceLookup = useMemo(() => ({ ...lookup, id: `${lookup.id}:device` }), [lookup]);
  const { staleAfterHours, retentionHours } = runtime.policy;
  const savedCopy = useMemo(() => ({ retrievedAt: cached.retrievedAt, staleAfterHours }), [cached.retrievedAt, staleAfterHours]);
  const notice = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const expired = now.getTime() >= new Date(cached.expiresAt).getTime();
  // A saved copy starts at its top: the notice with its Retrieved line, whatever was scrolled before.
  useResultArrival(heading, notice, !expired);

  if (expired) {
    return <p className="nhsuk-body-l">{words.expired(retentionHours)}</p>;
  }
  const reasonText = reason === 'offline' ? words.becauseOffline : reason === 'unreachable' ? words.becauseUnreachable : words.becauseOpened;
  return (
    <>
      <section className="crl-saved-notice" aria-labelledby="saved-notice-heading" ref={notice}>
        <h2 className="nhsuk-heading-m" id="saved-notice-heading" ref={heading} tabIndex={-1}>
          {words.heading}
        </h2>
        <p className="crl-saved-notice__retrieved">{words.retrieved(describeRetrievedTime(cached.retrievedAt, now), describeAge(cached.retrievedAt, now))}</p>
        <p>{reasonText}</p>
        {onSearchAgain && reachable && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onSearchAgain}>
            {words.searchAgain}
          </button>
        )}
      </section>
      {isStale(cached.retrievedAt, now, staleAfterHours) && (
        <ProblemCard title={words.staleTitle} level="urgent">
          <p>{words.staleBody(staleAfterHours)}</p>
        </ProblemCard>
      )}
      <RuntimeProvider runtime={deviceRuntime}>
        <LookupAnswer lookup={deviceLookup} source="device" savedCopy={savedCopy} now={now} />
      </RuntimeProvider>
    </>
  );
}

/** Nothing saved and no signal: keep the search to run later, and say so only once it is kept. */
function QueuedSearch({ lookup }: { lookup: Lookup }) {
  const { queue, runQueuedLookups } = useRuntime();
  const queryClient = useQueryClient();
  const queued = useMutation(queueLookupMutation({ queryClient, queue, runQueuedLookups }));
  useWriteOnce(queued.mutate, lookup.nhsNumber);
  const heading = useRef<HTMLHeadingElement>(null);
  useResultArrival(heading);
  return (
    <ProblemCard title={words.queuedTitle} level="urgent" headingRef={heading}>
      {queued.isSuccess && <p>{words.queuedBody}</p>}
      {queued.isError && <p>{words.queueFailed}</p>}
      <p>{lookupWords.couldNotCheckAdvice}</p>
    </ProblemCard>
  );
}
