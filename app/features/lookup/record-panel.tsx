import './record-panel.css';
import { lazy, Suspense, useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatInstantDate } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { displayName, type Patient } from '../../domain/patient';
import { documentContents, owningOrganisationOds, type Pointer } from '../../domain/pointer';
import { isCrisisPlan } from '../../domain/record-types';
import { CrisisTeamCard } from '../contacts/crisis-team-card';
import { useOrganisationName } from './record-list';
import { lookupWords } from './lookup-words';
import type { Lookup } from '../../queries/lookup-queries';
import { isTemporary } from '../../queries/offline-policy';
import { describeError } from '../../ui/describe-error';
import { ProblemCard } from '../../ui/problem-card';
import { useRuntime } from '../../runtime/runtime-context';
import { documentQuery } from '../../queries/lookup-queries';

// pdf.js and the HTML sanitiser load only when a plan is opened.
const PlanDocumentView = lazy(() => import('../plan/plan-document-view').then((m) => ({ default: m.PlanDocumentView })));

const words = lookupWords.plan;

/** One record, open: what it is, whose it is, who to call, and the document itself. */
export function RecordPanel({ lookup, patient, pointer, allPointers }: { lookup: Lookup; patient: Patient; pointer: Pointer; allPointers: readonly Pointer[] }) {
  const headingId = useId();
  const organisationName = useOrganisationName(lookup, owningOrganisationOds(pointer));
  return (
    <article className="crl-record" aria-labelledby={headingId}>
      <header className="crl-record__header">
        <h2 className="nhsuk-heading-l crl-record__title" id={headingId}>
          {pointer.recordType.label}
        </h2>
        <p className="nhsuk-body-l crl-record__meta">
          {lookupWords.records.from} {organisationName}
          {pointer.date && (
            <>
              {' · '}
              {lookupWords.records.updated} {formatInstantDate(pointer.date)}
            </>
          )}
        </p>
        {/* Repeated beside the document: wrong-patient mistakes are the worst this app can make. */}
        <p className="crl-record__patient">{words.forPatient(displayName(patient), formatNhsNumber(patient.nhsNumber))}</p>
      </header>
      {isCrisisPlan(pointer.recordType) && <CrisisTeamCard lookup={lookup} pointer={pointer} allPointers={allPointers} />}
      <RecordDocument lookup={lookup} patient={patient} pointer={pointer} />
    </article>
  );
}

function RecordDocument({ lookup, patient, pointer }: { lookup: Lookup; patient: Patient; pointer: Pointer }) {
  const content = documentContents(pointer)[0];
  if (!content) return <p className="nhsuk-body-l">{words.noDocument}</p>;
  return <RetrievedDocument lookup={lookup} patient={patient} pointer={pointer} content={content} />;
}

function RetrievedDocument({ lookup, patient, pointer, content }: { lookup: Lookup; patient: Patient; pointer: Pointer; content: Pointer['contents'][number] }) {
  const { services } = useRuntime();
  const document = useQuery(documentQuery(services, lookup, pointer, content, patient.nhsNumber));
  const loading = (
    <p className="nhsuk-body-l crl-status" role="status">
      {words.retrieving}
    </p>
  );
  if (document.isPending) return loading;
  if (document.isError) {
    return (
      <ProblemCard title={words.retrieveFailedTitle} level="urgent">
        <p>{describeError(document.error)}</p>
        {isTemporary(document.error) && (
          <button type="button" className="nhsuk-button" onClick={() => void document.refetch()}>
            {lookupWords.tryAgain}
          </button>
        )}
      </ProblemCard>
    );
  }
  return (
    <Suspense fallback={loading}>
      <PlanDocumentView document={document.data} title={words.documentTitle(content.title ?? pointer.recordType.label)} />
    </Suspense>
  );
}
