import './lookup-page.css';
import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import type { SearchForm as DetailsForm } from '../../domain/patient-search';
import { newLookup, type Lookup } from '../../queries/lookup-queries';
import { useRuntime } from '../../runtime/runtime-context';
import { lookupResultView, savedLookupView } from './lookup-result-views';
import { lookupWords } from './lookup-words';
import { QueuedResults } from './queued-results';
import { newResultArrival, ResultArrivalProvider } from './result-arrival';
import type { SavedReason } from './saved-lookup';
import { SearchForm } from './search-form';

type Way = 'number' | 'details';

const LookupResult = lookupResultView.Component;
const SavedLookup = savedLookupView.Component;

type Shown = { readonly lookup: Lookup; readonly from: 'network' } | { readonly lookup: Lookup; readonly from: 'device'; readonly reason: SavedReason };

/**
 * What other features put on the lookup screen, composed by the app frame (lookup-screen.tsx),
 * so that the lookup never imports them: features point one way.
 */
export interface LookupPageParts {
  /** When no patient is shown: what is saved on this device (features/saved). */
  readonly saved: (onOpen: (nhsNumber: NhsNumber) => void) => ReactNode;
  /**
   * Numbers to pick from under the search box (demo mode's synthetic patients), and details to
   * try a search by details with (`onTryDetails`).
   */
  readonly picker?:
    | ((o: { readonly open: boolean; readonly onPick: (nhsNumber: NhsNumber) => void; readonly onTryDetails: (form: DetailsForm) => void }) => ReactNode)
    | undefined;
  /**
   * The search by name and date of birth (features/find-person, issue 12), offered beside the NHS
   * number. Choosing a person runs the ordinary NHS-number lookup here, or opens the copy saved
   * on this device.
   */
  readonly findPerson?:
    | ((o: { readonly initial: DetailsForm | undefined; readonly onChoose: (nhsNumber: NhsNumber, from: 'national' | 'device') => void }) => ReactNode)
    | undefined;
  /** At the foot of the screen (demo mode's trainer tools); `onReset` clears the patient shown. */
  readonly tools?: ((onReset: () => void) => ReactNode) | undefined;
}

export function LookupPage({ saved, picker, findPerson, tools }: LookupPageParts) {
  const { connectivity } = useRuntime();
  const [shown, setShown] = useState<Shown>();
  // The answer's code loads while the crew types (lookup-result-views.ts); a failed load is tried
  // again when an answer is shown, inside the boundary below.
  useEffect(() => {
    const ignore = () => undefined;
    lookupResultView.preload().catch(ignore);
    savedLookupView.preload().catch(ignore);
  }, []);
  const [way, setWay] = useState<Way>('number');
  // Mounted from the first switch to details, then kept (hidden) so its results wait for the crew.
  const [details, setDetails] = useState<{ readonly key: number; readonly initial: DetailsForm | undefined }>();
  const showWay = (next: Way) => {
    // Never a person's record beside a search for someone else (wrong-patient hazard).
    if (next === 'details') setShown(undefined);
    setDetails((previous) => (next === 'details' && !previous ? { key: 0, initial: undefined } : previous));
    setWay(next);
  };
  const tryDetails = (form: DetailsForm) => {
    setShown(undefined);
    setDetails((previous) => ({ key: (previous?.key ?? 0) + 1, initial: form }));
    setWay('details');
  };
  // Known to be offline: answer from the device at once instead of waiting for a timeout.
  const search = (nhsNumber: NhsNumber) =>
    setShown(connectivity.getSnapshot().reachable ? { lookup: newLookup(nhsNumber), from: 'network' } : { lookup: newLookup(nhsNumber), from: 'device', reason: 'offline' });
  const openSaved = (nhsNumber: NhsNumber) => setShown({ lookup: newLookup(nhsNumber), from: 'device', reason: 'opened' });
  // The chosen person is looked up by NHS number like any other, so the PDS banner confirms them.
  const choose = (nhsNumber: NhsNumber, from: 'national' | 'device') => {
    setWay('number');
    if (from === 'national') search(nhsNumber);
    else openSaved(nhsNumber);
  };
  // Each lookup brings its first heading to the crew once (result-arrival.tsx).
  const shownId = shown?.lookup.id;
  const arrival = useMemo(() => (shownId ? newResultArrival() : undefined), [shownId]);

  return (
    <>
      <QueuedResults onOpen={openSaved} />
      <h1 className="nhsuk-heading-l">{lookupWords.pageTitle}</h1>
      {findPerson && (
        <div className="crl-search-way" role="group" aria-label={lookupWords.way.label}>
          {(['number', 'details'] as const).map((option) => (
            <button key={option} type="button" className="crl-search-way__option" aria-pressed={way === option} onClick={() => showWay(option)}>
              {lookupWords.way[option]}
            </button>
          ))}
        </div>
      )}
      {/* Re-keyed when a demo patient is picked, so the box shows the number searched. */}
      {/* The box has focus when nothing is shown yet: the first thing a crew does is type the number. */}
      {way === 'number' && (
        <SearchForm key={`search-${shown?.lookup.id ?? 'new'}`} onSearch={search} initialValue={shown ? formatNhsNumber(shown.lookup.nhsNumber) : ''} autoFocus={!shown} />
      )}
      {findPerson && details && (
        <div hidden={way !== 'details'} key={`details-${details.key}`}>
          {findPerson({ initial: details.initial, onChoose: choose })}
        </div>
      )}
      {picker?.({ open: !shown, onPick: search, onTryDetails: tryDetails })}
      {shown && (
        // At least a screen tall, so the answer's heading can be scrolled to the top while the
        // parts below it are still arriving.
        <div className="crl-lookup-result">
          <ResultArrivalProvider value={arrival}>
            <Suspense
              fallback={
                <p className="nhsuk-body-l crl-status" role="status">
                  {lookupWords.checkingPatient}
                </p>
              }>
              {shown.from === 'network' && <LookupResult key={shown.lookup.id} lookup={shown.lookup} onShowSaved={openSaved} />}
              {shown.from === 'device' && (
                <SavedLookup key={shown.lookup.id} lookup={shown.lookup} reason={shown.reason} onSearchAgain={() => search(shown.lookup.nhsNumber)} />
              )}
            </Suspense>
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
