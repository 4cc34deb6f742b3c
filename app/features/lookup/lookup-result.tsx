import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NhsNumber } from '../../domain/nhs-number';
import { pointerSearchNumbers } from '../../domain/pointer';
import { describeRetrievedTime } from '../../domain/staleness';
import { collectLookup } from '../../sync/collect-lookup';
import { fetchPatientPointers, patientQuery, pointersQuery, type Lookup } from '../../sync/lookup-queries';
import { isNoSignal } from '../../sync/retry-policy';
import { isServiceError } from '../../services/service-error';
import { describeError, isTemporary } from '../shell/describe-error';
import { ProblemCard } from '../shell/problem-card';
import { useRuntime } from '../shell/runtime-context';
import { PatientBanner } from './patient-banner';
import { lookupWords } from './lookup-words';
import { combineSearches, RecordsOutcome } from './records-outcome';
import { SavedLookup } from './saved-lookup';
import { SAVED_ON_DEVICE_KEY } from './saved-on-device-key';

/**
 * PDS and NRL are asked at once; NRL's answer is shown only after PDS has confirmed who
 * this is. When PDS replaced the typed number, NRL is asked under the current one too and both
 * answers are shown (a plan may still be filed under the old number).
 * With no signal (PDS got no answer), the copy saved on this device is shown instead (or the
 * search is queued). Once PDS has answered, a locator failure is "Could not check" under the
 * banner, never "no signal": something answered, so the cause is the locator.
 */
export function LookupResult({ lookup, source = 'network', onShowSaved }: { lookup: Lookup; source?: 'network' | 'device'; onShowSaved?: (nhsNumber: NhsNumber) => void }) {
  const { services } = useRuntime();
  const patient = useQuery(patientQuery(services, lookup));
  // The typed number's search starts beside PDS and is kept when PDS names another number.
  const numbers = patient.data ? pointerSearchNumbers(patient.data) : [lookup.nhsNumber];
  const searches = useQueries({ queries: numbers.map((n) => pointersQuery(services, lookup, n)) });
  const search = combineSearches(numbers, searches);

  if (source === 'network' && isNoSignal(patient.error)) {
    return <SavedLookup lookup={lookup} reason="unreachable" />;
  }
  if (patient.isPending) {
    return (
      <p className="nhsuk-body-l crl-status" role="status">
        {lookupWords.checkingPatient}
      </p>
    );
  }
  if (patient.isError) {
    return (
      <>
        <ProblemCard title={lookupWords.identityFailedTitle} level="urgent">
          <p>{describeError(patient.error)}</p>
          <p>{lookupWords.identityFailedAdvice}</p>
          {isTemporary(patient.error) && (
            <button type="button" className="nhsuk-button" onClick={() => void patient.refetch()}>
              {lookupWords.tryAgain}
            </button>
          )}
        </ProblemCard>
        {source === 'network' && <ForgetUnknownPatient lookup={lookup} error={patient.error} />}
      </>
    );
  }
  return (
    <>
      {source === 'network' && (
        <p className="crl-inline-status">{lookupWords.fromNationalServices(describeRetrievedTime(new Date(patient.dataUpdatedAt).toISOString(), new Date()))}</p>
      )}
      <PatientBanner patient={patient.data} />
      {source === 'network' && search.state === 'answered' && search.failures.length === 0 && <SaveToDevice lookup={lookup} />}
      <RecordsOutcome lookup={lookup} patient={patient.data} search={search} onShowSaved={source === 'network' ? onShowSaved : undefined} />
    </>
  );
}

/**
 * Saves the answered lookup on the device as one snapshot, replacing any older copy (a plan
 * withdrawn upstream leaves the device too). Says "saved" only after the write committed.
 * A query keyed by the lookup (not an effect) runs the write exactly once per lookup, also
 * under StrictMode's double mount, and gives the screen its status.
 */
function SaveToDevice({ lookup }: { lookup: Lookup }) {
  const runtime = useRuntime();
  const queryClient = useQueryClient();
  const saved = useQuery({
    queryKey: ['save-to-device', lookup.id],
    queryFn: async () => {
      const patient = await queryClient.fetchQuery(patientQuery(runtime.services, lookup));
      const search = await fetchPatientPointers(queryClient, runtime.services, lookup, patient);
      // The copy is as old as the oldest of the answers it is built on.
      const answeredAt = [
        patientQuery(runtime.services, lookup).queryKey,
        ...pointerSearchNumbers(patient).map((n) => pointersQuery(runtime.services, lookup, n).queryKey),
      ]
        .map((queryKey) => queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? Date.now())
        .reduce((a, b) => Math.min(a, b));
      const snapshot = await collectLookup(queryClient, runtime.services, lookup, patient, search, new Date(answeredAt));
      const outcome = await runtime.plans.save(snapshot, { retentionHours: runtime.policy.retentionHours });
      void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
      void runtime.requestPersistentStorage();
      return { retrievedAt: snapshot.retrievedAt, evicted: outcome.evicted };
    },
    retry: false,
  });
  if (saved.isError) return <p className="crl-inline-status">{lookupWords.device.saveFailed}</p>;
  if (!saved.isSuccess) return null;
  return (
    <p className="crl-inline-status" role="status">
      {lookupWords.device.savedAt(describeRetrievedTime(saved.data.retrievedAt, new Date()), runtime.policy.retentionHours)}
      {saved.data.evicted > 0 && <> {lookupWords.device.savedEvicted(saved.data.evicted)}</>}
    </p>
  );
}

/** PDS says there is no such patient (or the record was invalidated): drop any saved copy. */
function ForgetUnknownPatient({ lookup, error }: { lookup: Lookup; error: unknown }) {
  const { plans } = useRuntime();
  const queryClient = useQueryClient();
  const gone = isServiceError(error) && error.service === 'pds' && (error.kind === 'not-found' || error.kind === 'invalidated');
  useQuery({
    queryKey: ['forget-patient', lookup.id],
    queryFn: async () => {
      await plans.remove(lookup.nhsNumber);
      void queryClient.invalidateQueries({ queryKey: SAVED_ON_DEVICE_KEY });
      return true;
    },
    enabled: gone,
    retry: false,
  });
  return null;
}
