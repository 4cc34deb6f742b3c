import { useSyncExternalStore } from 'react';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { displayName } from '../../domain/patient';
import { lookupWords } from './lookup-words';
import { describeError } from '../../ui/describe-error';
import { NotificationBanner } from '../../ui/notification-banner';
import { useRuntime } from '../../runtime/runtime-context';

const words = lookupWords.queuedResults;

/** Tells the crew what each search that waited for signal found, with a way to open it. */
export function QueuedResults({ onOpen }: { onOpen: (nhsNumber: NhsNumber) => void }) {
  const { queuedResults } = useRuntime();
  const results = useSyncExternalStore(queuedResults.subscribe, queuedResults.getSnapshot);
  if (results.length === 0) return null;
  const dismiss = (nhsNumber: NhsNumber) => queuedResults.set(queuedResults.getSnapshot().filter((r) => r.nhsNumber !== nhsNumber));
  return (
    <NotificationBanner title={words.title} success>
      <ul className="nhsuk-list">
        {results.map((result) => (
          <li key={result.nhsNumber}>
            <p className="nhsuk-notification-banner__heading">
              <span className="crl-nhs-number">{formatNhsNumber(result.nhsNumber)}</span>
              {result.outcome !== 'failed' && <>, {displayName(result.snapshot.patient)}</>}: {words.outcome[result.outcome]}
            </p>
            {result.outcome === 'failed' && <p>{describeError(result.error)}</p>}
            {result.outcome !== 'failed' && (
              <button
                type="button"
                className="nhsuk-button"
                onClick={() => {
                  dismiss(result.nhsNumber);
                  onOpen(result.nhsNumber);
                }}
              >
                {words.open} <span className="nhsuk-u-visually-hidden">{formatNhsNumber(result.nhsNumber)}</span>
              </button>
            )}{' '}
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => dismiss(result.nhsNumber)}>
              {words.dismiss} <span className="nhsuk-u-visually-hidden">{formatNhsNumber(result.nhsNumber)}</span>
            </button>
          </li>
        ))}
      </ul>
    </NotificationBanner>
  );
}
