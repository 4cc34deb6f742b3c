import { useQuery, useQueryClient } from '@tanstack/react-query';
import { describeRetrievedTime } from '../../domain/staleness';
import { collectLookup } from '../../sync/collect-lookup';
import { patientQuery, pointersQuery, type Lookup } from '../../sync/lookup-queries';
import { isNoSignal } from '../../sync/retry-policy';
import { isServiceError } from '../../services/service-error';
import { describeError, isTemporary } from '../shell/describe-error';
import { ProblemCard } from '../shell/problem-card';
import { useRuntime } from '../shell/runtime-context';
import { PatientBanner } from './patient-banner';
import { lookupWords } from './lookup-words';
import { RecordsOutcome } from './records-outcome';
import { SavedLookup } from './saved-lookup';
import { SAVED_ON_DEVICE_KEY } from './saved-on-device-key';

/**
 * PDS and NRL are asked at once; NRL's answer is shown only after PDS has confirmed who
 * this is, and only for the number PDS holds now (a superseded number is searched again).
 * With no signal, the copy saved on this device is shown instead (or the search is queued).
 */
export function LookupResult({ lookup, source = 'network' }: { lookup: Lookup; source?: 'network' | 'device' }) {
  const { services } = useRuntime();
  const patient = useQuery(patientQuery(services, lookup));
  const searchNumber = patient.data?.nhsNumber ?? lookup.nhsNumber;
  const pointers = useQuery(pointersQuery(services, lookup, searchNumber));

  if (source === 'network' && (isNoSignal(patient.error) || (patient.isSuccess && isNoSignal(pointers.error)))) {
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
      {source === 'network' && pointers.isSuccess && <SaveToDevice lookup={lookup} />}
      <RecordsOutcome lookup={lookup} patient={patient.data} pointers={pointers} />
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
      const search = await queryClient.fetchQuery(pointersQuery(runtime.services, lookup, patient.nhsNumber));
      // The copy is as old as the older of the two answers it is built on.
      const answeredAt = [patientQuery(runtime.services, lookup).queryKey, pointersQuery(runtime.services, lookup, patient.nhsNumber).queryKey]
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
