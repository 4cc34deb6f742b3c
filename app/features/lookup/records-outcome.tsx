import { useState } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { isSuperseded, type Patient } from '../../domain/patient';
import { isRecordPointer, mergePointerSearches, type Pointer, type PointerSearch } from '../../domain/pointer';
import { isCrisisPlan } from '../../domain/record-types';
import { describeRetrievedTime } from '../../domain/staleness';
import { RecordPanel } from './record-panel';
import { describeError } from '../../ui/describe-error';
import { ProblemCard } from '../../ui/problem-card';
import { useRuntime } from '../../runtime/runtime-context';
import type { Lookup } from '../../queries/lookup-queries';
import { lookupWords } from './lookup-words';
import { RecordList } from './record-list';
import { SAVED_ON_DEVICE_KEY } from '../../queries/saved-on-device-key';
import { isTemporary } from '../../queries/offline-policy';

/** A locator search under one number that did not answer. */
export interface SearchFailure {
  readonly nhsNumber: NhsNumber;
  readonly error: unknown;
}

/**
 * What the locator said about one person, under every number searched: pending until every
 * search has settled, then the answers merged plus the searches that failed.
 */
export type RecordSearch =
  | { readonly state: 'pending' }
  | {
      readonly state: 'answered';
      readonly search: PointerSearch;
      readonly failures: readonly SearchFailure[];
      readonly retrying: boolean;
      /** Asks again under the numbers whose search failed. */
      readonly retry: () => void;
    };

export function combineSearches(numbers: readonly NhsNumber[], queries: readonly UseQueryResult<PointerSearch>[]): RecordSearch {
  if (queries.some((query) => query.isPending)) return { state: 'pending' };
  const failed = queries.flatMap((query, index) => (query.isError ? [{ query, nhsNumber: numbers[index]! }] : []));
  return {
    state: 'answered',
    search: mergePointerSearches(queries.flatMap((query) => (query.isSuccess ? [query.data] : []))),
    failures: failed.map(({ query, nhsNumber }) => ({ nhsNumber, error: query.error })),
    retrying: queries.some((query) => query.isFetching),
    retry: () => failed.forEach(({ query }) => void query.refetch()),
  };
}

/**
 * The answer to "is there a crisis plan?". "No crisis plan found" only when the locator
 * answered under every number searched and every entry could be read; anything less is
 * "Could not check" (safety rule 3).
 */
export function RecordsOutcome({
  lookup,
  patient,
  search,
  onShowSaved,
}: {
  lookup: Lookup;
  patient: Patient;
  search: RecordSearch;
  /** Offered beside "Could not check" when this device holds a saved copy for the patient. */
  onShowSaved?: ((nhsNumber: NhsNumber) => void) | undefined;
}) {
  if (search.state === 'pending') {
    return (
      <p className="nhsuk-body-l crl-status" role="status">
        {lookupWords.checkingRecords}
      </p>
    );
  }

  const { pointers: all, skippedEntries } = search.search;
  const { failures } = search;
  const records = all.filter(isRecordPointer);
  const crisisPlans = records.filter((p) => isCrisisPlan(p.recordType));
  // Both numbers are in play: say under which each record was filed.
  const severalNumbers = isSuperseded(patient) || all.some((p) => p.subjectNhsNumber !== patient.nhsNumber);
  const filedUnder = severalNumbers ? (pointer: Pointer) => lookupWords.records.filedUnder(whichNumber(patient, pointer.subjectNhsNumber), formatNhsNumber(pointer.subjectNhsNumber)) : undefined;
  const failureTexts = failures.map((failure) => (
    <p key={failure.nhsNumber}>
      {isSuperseded(patient) && <>{lookupWords.searchFailedUnder(whichNumber(patient, failure.nhsNumber), formatNhsNumber(failure.nhsNumber))} </>}
      {describeError(failure.error)}
    </p>
  ));

  if (crisisPlans.length === 0) {
    return (
      <>
        {failures.length > 0 || skippedEntries > 0 ? (
          <CouldNotCheck
            retry={failures.some((failure) => isTemporary(failure.error)) ? { onRetry: search.retry, retrying: search.retrying } : undefined}
            saved={failures.length > 0 && onShowSaved ? { patient, onShowSaved } : undefined}>
            {failureTexts}
            {skippedEntries > 0 && <p>{lookupWords.unreadableRecords(skippedEntries)}</p>}
          </CouldNotCheck>
        ) : (
          <section className="nhsuk-card crl-outcome" aria-labelledby="no-plan-heading">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading" id="no-plan-heading">
                {lookupWords.noCrisisPlanTitle}
              </h2>
              <p className="nhsuk-card__description">{lookupWords.noCrisisPlanBody}</p>
            </div>
          </section>
        )}
        {records.length > 0 && <FoundRecords lookup={lookup} patient={patient} records={records} all={all} title={lookupWords.records.otherRecords} filedUnder={filedUnder} />}
      </>
    );
  }

  return (
    <>
      {failures.map((failure) => (
        // A plan was found under one number, but the other could not be searched: there may be more.
        <ProblemCard key={failure.nhsNumber} title={lookupWords.searchIncompleteTitle(whichNumber(patient, failure.nhsNumber), formatNhsNumber(failure.nhsNumber))} level="warning">
          <p>{describeError(failure.error)}</p>
          {isTemporary(failure.error) && <RetryButton onRetry={search.retry} retrying={search.retrying} />}
        </ProblemCard>
      ))}
      {skippedEntries > 0 && (
        <ProblemCard title={lookupWords.unreadableRecordsAlongside(skippedEntries)} level="warning">
          <p>{lookupWords.couldNotCheckAdviceFinal}</p>
        </ProblemCard>
      )}
      <FoundRecords lookup={lookup} patient={patient} records={records} all={all} title={lookupWords.records.crisisPlansFound(crisisPlans.length)} filedUnder={filedUnder} />
    </>
  );
}

function whichNumber(patient: Patient, nhsNumber: NhsNumber): 'old' | 'current' {
  return nhsNumber === patient.nhsNumber ? 'current' : 'old';
}

function RetryButton({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  return (
    <button type="button" className="nhsuk-button" onClick={onRetry} disabled={retrying} aria-disabled={retrying}>
      {lookupWords.tryAgain}
    </button>
  );
}

/**
 * Try again only where asking again may change the answer (offline policy): a refused
 * organisation, a misrouted request or an unreadable entry stays as it is however often the
 * crew presses it (issue 9 point 6).
 */
function CouldNotCheck({
  children,
  retry,
  saved,
}: {
  children: React.ReactNode;
  retry: { onRetry: () => void; retrying: boolean } | undefined;
  saved: { patient: Patient; onShowSaved: (nhsNumber: NhsNumber) => void } | undefined;
}) {
  return (
    <ProblemCard title={lookupWords.couldNotCheckTitle} level="urgent">
      {children}
      <p>{retry ? lookupWords.couldNotCheckAdvice : lookupWords.couldNotCheckAdviceFinal}</p>
      {retry && <RetryButton onRetry={retry.onRetry} retrying={retry.retrying} />}
      {saved && <SavedCopyOffer patient={saved.patient} onShowSaved={saved.onShowSaved} />}
    </ProblemCard>
  );
}

/**
 * The locator failed but this device holds an earlier copy for the same person: offer it as a
 * second choice. The primary message stays "Could not check" (the copy may be out of date).
 */
function SavedCopyOffer({ patient, onShowSaved }: { patient: Patient; onShowSaved: (nhsNumber: NhsNumber) => void }) {
  const { plans } = useRuntime();
  const saved = useQuery({
    queryKey: [...SAVED_ON_DEVICE_KEY, 'offer', patient.requestedNhsNumber, patient.nhsNumber],
    queryFn: async () => {
      for (const nhsNumber of new Set([patient.nhsNumber, patient.requestedNhsNumber])) {
        const found = await plans.find(nhsNumber);
        if (found) return { nhsNumber, retrievedAt: found.retrievedAt };
      }
      return null;
    },
    retry: false,
  });
  if (!saved.data) return null;
  const { nhsNumber, retrievedAt } = saved.data;
  return (
    <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onShowSaved(nhsNumber)}>
      {lookupWords.device.showSavedCopy(describeRetrievedTime(retrievedAt, new Date()))}
    </button>
  );
}

/** The records list (when more than one) and the open record, the first crisis plan by default. */
function FoundRecords({
  lookup,
  patient,
  records,
  all,
  title,
  filedUnder,
}: {
  lookup: Lookup;
  patient: Patient;
  records: readonly Pointer[];
  all: readonly Pointer[];
  title: string;
  filedUnder: ((pointer: Pointer) => string) | undefined;
}) {
  const [selectedId, setSelectedId] = useState(records[0]!.id);
  const selected = records.find((p) => p.id === selectedId) ?? records[0]!;
  return (
    <>
      <h2 className="nhsuk-heading-m crl-records-heading">{title}</h2>
      {records.length > 1 && <RecordList lookup={lookup} records={records} selectedId={selected.id} onSelect={setSelectedId} filedUnder={filedUnder} />}
      {filedUnder && <p className="nhsuk-body crl-filed-under">{filedUnder(selected)}</p>}
      <RecordPanel key={selected.id} lookup={lookup} patient={patient} pointer={selected} allPointers={all} />
    </>
  );
}
