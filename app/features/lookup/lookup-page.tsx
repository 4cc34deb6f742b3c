import './lookup-page.css';
import { useMemo, useState, type ReactNode } from 'react';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { newLookup, type Lookup } from '../../queries/lookup-queries';
import { useRuntime } from '../../runtime/runtime-context';
import { LookupResult } from './lookup-result';
import { lookupWords } from './lookup-words';
import { QueuedResults } from './queued-results';
import { newResultArrival, ResultArrivalProvider } from './result-arrival';
import { SavedLookup, type SavedReason } from './saved-lookup';
import { SearchForm } from './search-form';

type Shown = { readonly lookup: Lookup; readonly from: 'network' } | { readonly lookup: Lookup; readonly from: 'device'; readonly reason: SavedReason };

/**
 * What other features put on the lookup screen, composed by the app frame (lookup-screen.tsx),
 * so that the lookup never imports them: features point one way.
 */
export interface LookupPageParts {
  /** When no patient is shown: what is saved on this device (features/saved). */
  readonly saved: (onOpen: (nhsNumber: NhsNumber) => void) => ReactNode;
  /** Numbers to pick from under the search box (demo mode's synthetic patients). */
  readonly picker?: ((o: { readonly open: boolean; readonly onPick: (nhsNumber: NhsNumber) => void }) => ReactNode) | undefined;
  /** At the foot of the screen (demo mode's trainer tools); `onReset` clears the patient shown. */
  readonly tools?: ((onReset: () => void) => ReactNode) | undefined;
}

export function LookupPage({ saved, picker, tools }: LookupPageParts) {
  const { connectivity } = useRuntime();
  const [shown, setShown] = useState<Shown>();
  // Known to be offline: answer from the device at once instead of waiting for a timeout.
  const search = (nhsNumber: NhsNumber) =>
    setShown(connectivity.getSnapshot().reachable ? { lookup: newLookup(nhsNumber), from: 'network' } : { lookup: newLookup(nhsNumber), from: 'device', reason: 'offline' });
  const openSaved = (nhsNumber: NhsNumber) => setShown({ lookup: newLookup(nhsNumber), from: 'device', reason: 'opened' });
  // Each lookup brings its first heading to the crew once (result-arrival.tsx).
  const shownId = shown?.lookup.id;
  const arrival = useMemo(() => (shownId ? newResultArrival() : undefined), [shownId]);

  return (
    <>
      <QueuedResults onOpen={openSaved} />
      <h1 className="nhsuk-heading-l">{lookupWords.pageTitle}</h1>
      {/* Re-keyed when a demo patient is picked, so the box shows the number searched. */}
      {/* The box has focus when nothing is shown yet: the first thing a crew does is type the number. */}
      <SearchForm key={`search-${shown?.lookup.id ?? 'new'}`} onSearch={search} initialValue={shown ? formatNhsNumber(shown.lookup.nhsNumber) : ''} autoFocus={!shown} />
      {picker?.({ open: !shown, onPick: search })}
      {shown && (
        // At least a screen tall, so the answer's heading can be scrolled to the top while the
        // parts below it are still arriving.
        <div className="crl-lookup-result">
          <ResultArrivalProvider value={arrival}>
            {shown.from === 'network' && <LookupResult key={shown.lookup.id} lookup={shown.lookup} onShowSaved={openSaved} />}
            {shown.from === 'device' && (
              <SavedLookup key={shown.lookup.id} lookup={shown.lookup} reason={shown.reason} onSearchAgain={() => search(shown.lookup.nhsNumber)} />
            )}
          </ResultArrivalProvider>
        </div>
      )}
      {shown ? (
        <p>
          <button type="button" className="crl-link-button" onClick={() => setShown(undefined)}>
            {lookupWords.showSaved}
          </button>
        </p>
      ) : (
        saved(openSaved)
      )}
      {tools?.(() => setShown(undefined))}
    </>
  );
}
