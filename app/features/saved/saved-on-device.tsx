import './saved-on-device.css';
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { describeAge, describeRetrievedTime, isStale } from '../../domain/staleness';
import { SAVED_ON_DEVICE_KEY } from '../../queries/saved-on-device-key';
import { ConfirmDestructive } from '../../ui/confirm-destructive';
import { useRuntime } from '../../runtime/runtime-context';
import { AccessRecordsWaiting } from './access-records-waiting';
import { savedWords as words } from './saved-words';

/**
 * The newest this many are opened and listed at start; the rest on request, so start-up does the
 * same work however many plans a long shift saved (issue 13).
 */
export const FIRST_SAVED_SHOWN = 5;

/**
 * False until the frame that first shows this section has been painted (a task queued from an
 * animation frame runs after that frame), so the saved list's work never delays the search box
 * (issue 13).
 */
function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}

/** What a crew looked up while in signal, to open later without it; and Clear this device. */
export function SavedOnDevice({ onOpen }: { onOpen: (nhsNumber: NhsNumber) => void }) {
  const { plans, queue, policy, queuedResults } = useRuntime();
  const queryClient = useQueryClient();
  const [showAll, setShowAll] = useState(false);
  const painted = useAfterFirstPaint();
  const saved = useQuery({
    queryKey: [...SAVED_ON_DEVICE_KEY, showAll ? 'all' : 'newest'],
    queryFn: async () => {
      const now = new Date();
      const [listed, total, waiting] = await Promise.all([plans.list(now, showAll ? Infinity : FIRST_SAVED_SHOWN), plans.count(now), queue.list()]);
      return { plans: listed, total, waiting };
    },
    retry: false,
    // Storage is read once the search box is on screen: the crew can type while the list loads.
    enabled: painted,
    // The newest page stays on screen while the whole list is read.
    placeholderData: (previous) => previous,
  });
  const [confirming, setConfirming] = useState(false);
  const clear = useMutation({
    mutationFn: () => plans.clearDevice(),
    onSuccess: () => {
      // Nothing about a patient may outlive the clear in memory either.
      queuedResults.set([]);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SAVED_ON_DEVICE_KEY[0] });
    },
    onSettled: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
    },
  });
  const now = new Date();

  return (
    <section className="crl-saved" aria-labelledby="saved-heading">
      <h2 className="nhsuk-heading-m" id="saved-heading">
        {words.heading}
      </h2>
      <p>{words.intro(policy.retentionHours)}</p>
      {saved.isError && <p>{words.readFailed}</p>}
      {saved.isSuccess && saved.data.plans.length === 0 && saved.data.waiting.length === 0 && <p>{words.none}</p>}
      {saved.isSuccess && saved.data.plans.length > 0 && (
        <ul className="nhsuk-list crl-saved-list" aria-label={words.heading}>
          {saved.data.plans.map((plan) => (
            <li key={plan.nhsNumber}>
              <button type="button" className="crl-record-item" onClick={() => onOpen(plan.nhsNumber)}>
                <span className="crl-record-item__type">
                  {plan.name} <span className="crl-nhs-number">{formatNhsNumber(plan.nhsNumber)}</span>
                </span>
                <span className="crl-record-item__meta">
                  {plan.hasCrisisPlan ? words.crisisPlan : words.noCrisisPlan} · {words.retrieved(describeRetrievedTime(plan.retrievedAt, now), describeAge(plan.retrievedAt, now))}
                </span>
                {/* Stale plan (safety rule 2): flagged in the list itself, not only once opened (issue 9 point 5). */}
                {isStale(plan.retrievedAt, now, policy.staleAfterHours) && <strong className="nhsuk-tag nhsuk-tag--orange crl-record-item__stale">{words.mayBeOutOfDate}</strong>}
                <span className="crl-record-item__action">Open</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {saved.isSuccess && !showAll && saved.data.total > saved.data.plans.length && (
        <p>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setShowAll(true)}>
            {words.showAll(saved.data.total)}
          </button>
        </p>
      )}
      {saved.isSuccess && saved.data.waiting.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">{words.waitingHeading}</h3>
          <ul className="nhsuk-list" aria-label={words.waitingHeading}>
            {saved.data.waiting.map((item) => (
              <li key={item.id}>
                <span className="crl-nhs-number">{formatNhsNumber(item.nhsNumber)}</span>, {words.waitingItem(describeRetrievedTime(item.queuedAt, now))}
              </li>
            ))}
          </ul>
        </>
      )}
      <AccessRecordsWaiting />
      {clear.isSuccess && !confirming && <p role="status">{words.cleared}</p>}
      {clear.isError && <p role="alert">{words.clearFailed}</p>}
      <ConfirmDestructive
        confirming={confirming}
        onAsk={() => setConfirming(true)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => clear.mutate()}
        busy={clear.isPending}
        words={{ action: words.clear, title: words.clearConfirmTitle, body: words.clearConfirmBody, confirm: words.clearConfirm, cancel: words.clearCancel }}
      />
    </section>
  );
}
