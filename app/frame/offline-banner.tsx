import { useSyncExternalStore } from 'react';
import { describeRetrievedTime } from '../domain/staleness';
import { useRuntime } from '../runtime/runtime-context';
import { frameWords } from './frame-words';

/** Shown while the national services cannot be reached, on every screen. */
export function OfflineBanner() {
  const { connectivity } = useRuntime();
  const state = useSyncExternalStore(connectivity.subscribe, connectivity.getSnapshot);
  if (state.reachable) return null;
  return (
    <div className="crl-offline-banner" role="region" aria-label={frameWords.offlineTitle}>
      <p className="crl-offline-banner__text" role="status">
        <strong className="crl-offline-banner__tag">{frameWords.offlineTitle}</strong> {frameWords.offlineBody}
        {state.lastReachedAt && <> {frameWords.offlineLastReached(describeRetrievedTime(state.lastReachedAt, new Date()))}</>}
      </p>
    </div>
  );
}
