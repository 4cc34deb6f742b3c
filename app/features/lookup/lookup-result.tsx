import { useQuery } from '@tanstack/react-query';
import { describeError, isTemporary } from '../shell/describe-error';
import { ProblemCard } from '../shell/problem-card';
import { useRuntime } from '../shell/runtime-context';
import { PatientBanner } from './patient-banner';
import { patientQuery, pointersQuery, type Lookup } from '../../sync/lookup-queries';
import { lookupWords } from './lookup-words';
import { RecordsOutcome } from './records-outcome';

/**
 * PDS and NRL are asked at once; NRL's answer is shown only after PDS has confirmed who
 * this is, and only for the number PDS holds now (a superseded number is searched again).
 */
export function LookupResult({ lookup }: { lookup: Lookup }) {
  const { services } = useRuntime();
  const patient = useQuery(patientQuery(services, lookup));
  const searchNumber = patient.data?.nhsNumber ?? lookup.nhsNumber;
  const pointers = useQuery(pointersQuery(services, lookup, searchNumber));

  if (patient.isPending) {
    return (
      <p className="nhsuk-body-l crl-status" role="status">
        {lookupWords.checkingPatient}
      </p>
    );
  }
  if (patient.isError) {
    return (
      <ProblemCard title={lookupWords.identityFailedTitle} level="urgent">
        <p>{describeError(patient.error)}</p>
        <p>{lookupWords.identityFailedAdvice}</p>
        {isTemporary(patient.error) && (
          <button type="button" className="nhsuk-button" onClick={() => void patient.refetch()}>
            {lookupWords.tryAgain}
          </button>
        )}
      </ProblemCard>
    );
  }
  return (
    <>
      <PatientBanner patient={patient.data} />
      <RecordsOutcome lookup={lookup} patient={patient.data} pointers={pointers} />
    </>
  );
}
