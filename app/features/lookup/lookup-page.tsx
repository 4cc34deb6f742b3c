import { lazy, Suspense, useState } from 'react';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { newLookup, type Lookup } from '../../queries/lookup-queries';
import { DemoPatientList } from '../demo/demo-patient-list';
import { QueuedResults } from '../saved/queued-results';
import { SavedOnDevice } from '../saved/saved-on-device';
import { useRuntime } from '../shell/runtime-context';
import { ScreenBoundary } from '../shell/screen-boundary';
import { LookupResult } from './lookup-result';
import { lookupWords } from './lookup-words';
import { SavedLookup, type SavedReason } from './saved-lookup';
import { SearchForm } from './search-form';

// Demo mode only, and downloaded only then: live devices never load the trainer tools.
const TrainerTools = lazy(() => import('../demo/trainer-tools').then((module) => ({ default: module.TrainerTools })));

type Shown = { readonly lookup: Lookup; readonly from: 'network' } | { readonly lookup: Lookup; readonly from: 'device'; readonly reason: SavedReason };

export function LookupPage() {
  const { mode, demoPatients, connectivity, trainer } = useRuntime();
  const [shown, setShown] = useState<Shown>();
  // Known to be offline: answer from the device at once instead of waiting for a timeout.
  const search = (nhsNumber: NhsNumber) =>
    setShown(connectivity.getSnapshot().reachable ? { lookup: newLookup(nhsNumber), from: 'network' } : { lookup: newLookup(nhsNumber), from: 'device', reason: 'offline' });
  const openSaved = (nhsNumber: NhsNumber) => setShown({ lookup: newLookup(nhsNumber), from: 'device', reason: 'opened' });

  return (
    <>
      <QueuedResults onOpen={openSaved} />
      <h1 className="nhsuk-heading-l">{lookupWords.pageTitle}</h1>
      {/* Re-keyed when a demo patient is picked, so the box shows the number searched. */}
      <SearchForm key={`search-${shown?.lookup.id ?? 'new'}`} onSearch={search} initialValue={shown ? formatNhsNumber(shown.lookup.nhsNumber) : ''} />
      {mode === 'demo' && <DemoPatientList patients={demoPatients} open={!shown} onPick={search} />}
      {shown?.from === 'network' && <LookupResult key={shown.lookup.id} lookup={shown.lookup} onShowSaved={openSaved} />}
      {shown?.from === 'device' && (
        <SavedLookup key={shown.lookup.id} lookup={shown.lookup} reason={shown.reason} onSearchAgain={() => search(shown.lookup.nhsNumber)} />
      )}
      {shown ? (
        <p>
          <button type="button" className="crl-link-button" onClick={() => setShown(undefined)}>
            {lookupWords.showSaved}
          </button>
        </p>
      ) : (
        <SavedOnDevice onOpen={openSaved} />
      )}
      {mode === 'demo' && trainer && (
        // A tools chunk that fails to load must not take the crew's screen with it.
        <ScreenBoundary>
          <Suspense fallback={null}>
            <TrainerTools trainer={trainer} onReset={() => setShown(undefined)} />
          </Suspense>
        </ScreenBoundary>
      )}
    </>
  );
}
