import { useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Patient } from '../../domain/patient';
import { isRecordPointer, type Pointer } from '../../domain/pointer';
import { isCrisisPlan } from '../../domain/record-types';
import type { PointerSearch } from '../../domain/pointer';
import { RecordPanel } from '../plan/record-panel';
import { describeError } from '../shell/describe-error';
import { ProblemCard } from '../shell/problem-card';
import type { Lookup } from '../../sync/lookup-queries';
import { lookupWords } from './lookup-words';
import { RecordList } from './record-list';

/**
 * The answer to "is there a crisis plan?". "No crisis plan found" only when the locator
 * answered and every entry could be read; anything less is "Could not check" (safety rule 3).
 */
export function RecordsOutcome({
  lookup,
  patient,
  pointers,
}: {
  lookup: Lookup;
  patient: Patient;
  pointers: UseQueryResult<PointerSearch>;
}) {
  if (pointers.isPending) {
    return (
      <p className="nhsuk-body-l crl-status" role="status">
        {lookupWords.checkingRecords}
      </p>
    );
  }
  if (pointers.isError) {
    return (
      <CouldNotCheck onRetry={() => void pointers.refetch()} retrying={pointers.isFetching}>
        <p>{describeError(pointers.error)}</p>
      </CouldNotCheck>
    );
  }

  const { pointers: all, skippedEntries } = pointers.data;
  const records = all.filter(isRecordPointer);
  const crisisPlans = records.filter((p) => isCrisisPlan(p.recordType));

  if (crisisPlans.length === 0) {
    return (
      <>
        {skippedEntries > 0 ? (
          <CouldNotCheck onRetry={() => void pointers.refetch()} retrying={pointers.isFetching}>
            <p>{lookupWords.unreadableRecords(skippedEntries)}</p>
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
        {records.length > 0 && <FoundRecords lookup={lookup} patient={patient} records={records} all={all} title={lookupWords.records.otherRecords} />}
      </>
    );
  }

  return (
    <>
      {skippedEntries > 0 && (
        <ProblemCard title={lookupWords.unreadableRecordsAlongside(skippedEntries)} level="warning">
          <p>{lookupWords.couldNotCheckAdvice}</p>
        </ProblemCard>
      )}
      <FoundRecords lookup={lookup} patient={patient} records={records} all={all} title={lookupWords.records.crisisPlansFound(crisisPlans.length)} />
    </>
  );
}

function CouldNotCheck({ children, onRetry, retrying }: { children: React.ReactNode; onRetry: () => void; retrying: boolean }) {
  return (
    <ProblemCard title={lookupWords.couldNotCheckTitle} level="urgent">
      {children}
      <p>{lookupWords.couldNotCheckAdvice}</p>
      <button type="button" className="nhsuk-button" onClick={onRetry} disabled={retrying} aria-disabled={retrying}>
        {lookupWords.tryAgain}
      </button>
    </ProblemCard>
  );
}

/** The records list (when more than one) and the open record, the first crisis plan by default. */
function FoundRecords({
  lookup,
  patient,
  records,
  all,
  title,
}: {
  lookup: Lookup;
  patient: Patient;
  records: readonly Pointer[];
  all: readonly Pointer[];
  title: string;
}) {
  const [selectedId, setSelectedId] = useState(records[0]!.id);
  const selected = records.find((p) => p.id === selectedId) ?? records[0]!;
  return (
    <>
      <h2 className="nhsuk-heading-m crl-records-heading">{title}</h2>
      {records.length > 1 && <RecordList lookup={lookup} records={records} selectedId={selected.id} onSelect={setSelectedId} />}
      <RecordPanel key={selected.id} lookup={lookup} patient={patient} pointer={selected} allPointers={all} />
    </>
  );
}
