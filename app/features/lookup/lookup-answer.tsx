import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, type ReactNode } from 'react';
import type { NhsNumber } from '../../domain/nhs-number';
import { pointerSearchNumbers } from '../../domain/pointer';
import { describeRetrievedTime } from '../../domain/staleness';
import { patientQuery, pointersQuery, type Lookup } from '../../queries/lookup-queries';
import { forgetPatientMutation, saveLookupMutation, useWriteOnce } from '../../queries/save-lookup';
import { isServiceError } from '../../services/service-error';
import { isNoSignal, isTemporary, failureClass } from '../../queries/offline-policy';
import { describeError } from '../../ui/describe-error';
import { ProblemCard } from '../../ui/problem-card';
import { useRuntime } from '../../runtime/runtime-context';
import { IdentityBar, useScrolledAbove, type SavedCopy } from './identity-bar';
import { PatientBanner } from './patient-banner';
import type { Patient } from '../../domain/patient';
import { useResultArrival } from './result-arrival';
import { lookupWords } from './lookup-words';
import { combineSearches, RecordsOutcome } from './records-outcome';
import { warmPlanViewer } from '../plan/plan-viewers';

/**
 * What the services (or, for `source="device"`, a saved copy) answered for a lookup.
 * PDS and NRL are asked at once; NRL's answer is shown only after PDS has confirmed who
 * this is. When PDS replaced the typed number, NRL is asked under the current one too and both
 * answers are shown (a plan may still be filed under the old number).
 * With no signal (PDS got no answer), `whenNoSignal` is shown instead (lookup-result.tsx: the
 * copy saved on this device, or the search queued), and `whileRetrying` already while PDS's
 * automatic retry is pending (a dead zone the browser calls online answers at once: issue 13). Once PDS has answered, a locator failure is
 * "Could not check" under the banner, never "no signal": something answered, so the cause is the
 * locator.
 */
export function LookupAnswer({
  lookup,
  source,
  onShowSaved,
  whenNoSignal,
  whileRetrying,
  savedCopy,
  now,
}: {
  lookup: Lookup;
  source: 'network' | 'device';
  onShowSaved?: ((nhsNumber: NhsNumber) => void) | undefined;
  whenNoSignal?: ReactNode;
  /**
   * PDS failed at once for want of signal and its automatic retry is still to come: shown
   * meanwhile (the saved copy, without waiting for the retry). The fresh answer replaces it if the
   * retry succeeds; `whenNoSignal` follows if it fails too.
   */
  whileRetrying?: ReactNode;
  /** For `source="device"`: when the copy was retrieved, for the identity bar. */
  savedCopy?: SavedCopy | undefined;
  now?: Date | undefined;
}) {
  const { services, mode } = useRuntime();
  // The answers fetch the record the screen will open as soon as they allow, and warm its viewer.
  const patient = useQuery(patientQuery(services, lookup, warmPlanViewer));
  // The typed number's search starts beside PDS and is kept when PDS names another number.
  const numbers = patient.data ? pointerSearchNumbers(patient.data) : [lookup.nhsNumber];
  const searches = useQueries({ queries: numbers.map((n) => pointersQuery(services, lookup, n, warmPlanViewer)) });
  const search = combineSearches(numbers, searches);

  if (source === 'network' && isNoSignal(patient.error)) return whenNoSignal;
  if (source === 'network' && patient.isPending && whileRetrying !== undefined && isNoSignal(patient.failureReason)) return whileRetrying;
  if (patient.isPending) return <CheckingPatient />;
  if (patient.isError) {
    return <IdentityFailed lookup={lookup} source={source} error={patient.error} demo={mode === 'demo'} onRetry={() => void patient.refetch()} />;
  }
  return (
    <>
      {source === 'network' && (
        <p className="crl-inline-status">{lookupWords.fromNationalServices(describeRetrievedTime(new Date(patient.dataUpdatedAt).toISOString(), new Date()))}</p>
      )}
      <ConfirmedPerson patient={patient.data} savedCopy={savedCopy} now={now} takesFocus={source === 'network'} demo={mode === 'demo'} />
      {source === 'network' && search.state === 'answered' && search.failures.length === 0 && <SaveToDevice lookup={lookup} />}
      <RecordsOutcome lookup={lookup} patient={patient.data} search={search} onShowSaved={source === 'network' ? onShowSaved : undefined} />
    </>
  );
}

export function CheckingPatient() {
  return (
    <p className="nhsuk-body-l crl-status" role="status">
      {lookupWords.checkingPatient}
    </p>
  );
}

/** PDS did not confirm who this is: nothing else is shown, and the crew is told so first. */
function IdentityFailed({ lookup, source, error, demo, onRetry }: { lookup: Lookup; source: 'network' | 'device'; error: unknown; demo: boolean; onRetry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useResultArrival(heading);
  // A sign-in that ran out says nothing about who the patient is: never word it as a mismatch.
  const signIn = failureClass(error) === 'sign-in';
  // Demo mode has no sign-in of its own to renew: its words must not point at a button that is not there.
  const demoSignIn = signIn && demo;
  return (
    <>
      <ProblemCard title={demoSignIn ? lookupWords.signInRefusedDemoTitle : signIn ? lookupWords.signInAgainTitle : lookupWords.identityFailedTitle} level="urgent" headingRef={heading}>
        <p>{demoSignIn ? lookupWords.signInRefusedDemo : describeError(error)}</p>
        {!signIn && <p>{lookupWords.identityFailedAdvice}</p>}
        {isTemporary(error) && (
          <button type="button" className="nhsuk-button" onClick={onRetry}>
            {lookupWords.tryAgain}
          </button>
        )}
      </ProblemCard>
      {source === 'network' && <ForgetUnknownPatient lookup={lookup} error={error} />}
    </>
  );
}

/**
 * The person PDS confirmed for this answer: the full banner, and the identity bar that keeps
 * them in view once the banner's name has scrolled away. Both draw the same `patient`.
 */
function ConfirmedPerson({ patient, savedCopy, now, takesFocus, demo }: { patient: Patient; savedCopy: SavedCopy | undefined; now: Date | undefined; takesFocus: boolean; demo: boolean }) {
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // A saved copy's own notice, above, is where its reading starts (saved-lookup.tsx).
  useResultArrival(heading, section, takesFocus);
  const nameScrolledAway = useScrolledAbove(heading);
  return (
    <>
      <IdentityBar patient={patient} shown={nameScrolledAway} savedCopy={savedCopy} demo={demo} now={now} />
      <PatientBanner patient={patient} now={now} sectionRef={section} headingRef={heading} demo={demo} />
    </>
  );
}

/**
 * Saves the answered lookup on the device as one snapshot (queries/save-lookup.ts), replacing
 * any older copy. Says "saved" only after the write committed; runs once per lookup.
 */
function SaveToDevice({ lookup }: { lookup: Lookup }) {
  const runtime = useRuntime();
  const queryClient = useQueryClient();
  const saved = useMutation(
    saveLookupMutation({
      queryClient,
      services: runtime.services,
      plans: runtime.plans,
      retentionHours: runtime.policy.retentionHours,
      requestPersistentStorage: runtime.requestPersistentStorage,
    }),
  );
  useWriteOnce(saved.mutate, lookup);
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
  const forget = useMutation(forgetPatientMutation({ queryClient, plans }));
  useWriteOnce(forget.mutate, lookup.nhsNumber, gone);
  return null;
}
