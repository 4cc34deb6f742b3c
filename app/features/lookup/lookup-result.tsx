import type { NhsNumber } from '../../domain/nhs-number';
import type { Lookup } from '../../queries/lookup-queries';
import { CheckingPatient, LookupAnswer } from './lookup-answer';
import { SavedLookup } from './saved-lookup';

/**
 * A search by a crew, answered by the national services; with no signal (PDS got no answer),
 * the copy saved on this device instead, or the search is queued. A first failure for want of
 * signal shows the saved copy at once, while PDS's automatic retry runs. The answer itself is drawn
 * by lookup-answer.tsx, which the saved copy uses too (so neither file imports the other).
 */
export function LookupResult({ lookup, onShowSaved }: { lookup: Lookup; onShowSaved?: (nhsNumber: NhsNumber) => void }) {
  return (
    <LookupAnswer
      lookup={lookup}
      source="network"
      onShowSaved={onShowSaved}
      whenNoSignal={<SavedLookup lookup={lookup} reason="unreachable" />}
      // Nothing is queued while PDS's own retry may still answer: "checking" until it has failed.
      whileRetrying={<SavedLookup lookup={lookup} reason="unreachable" whenNothingSaved={<CheckingPatient />} />}
    />
  );
}
