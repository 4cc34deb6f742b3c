import './record-panel.css';
import { Suspense, useId, useRef, type MouseEvent, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatInstantDate } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { displayName, type Patient } from '../../domain/patient';
import { stripBidiControls } from '../../domain/contact-details';
import { firstTeamCall } from '../../domain/callable-number';
import { documentContents, findContactContent, owningOrganisationOds, type Pointer } from '../../domain/pointer';
import { isCrisisPlan } from '../../domain/record-types';
import { CrisisTeamCard } from '../contacts/crisis-team-card';
import { planDocumentView } from '../plan/plan-viewers';
import { useOrganisationName } from './record-list';
import { lookupWords } from './lookup-words';
import type { Lookup } from '../../queries/lookup-queries';
import { isTemporary } from '../../queries/offline-policy';
import { describeError } from '../../ui/describe-error';
import { ProblemCard } from '../../ui/problem-card';
import { useAllowCall, useRuntime } from '../../runtime/runtime-context';
import { contactDetailsQuery, documentQuery } from '../../queries/lookup-queries';

// pdf.js and the HTML sanitiser load only when a plan is on its way (plan-viewers.ts).
const PlanDocumentView = planDocumentView.Component;

const words = lookupWords.plan;

/** One record, open: what it is, whose it is, who to call, and the document itself. */
export function RecordPanel({ lookup, patient, pointer, allPointers }: { lookup: Lookup; patient: Patient; pointer: Pointer; allPointers: readonly Pointer[] }) {
  const headingId = useId();
  const organisationName = useOrganisationName(lookup, owningOrganisationOds(pointer));
  const crisisPlan = isCrisisPlan(pointer.recordType);
  const teamCard = useRef<HTMLDivElement>(null);
  const documentHeading = useRef<HTMLHeadingElement>(null);
  return (
    <article className="crl-record" aria-labelledby={headingId}>
      <header className="crl-record__header">
        <h2 className="nhsuk-heading-l crl-record__title" id={headingId}>
          {pointer.recordType.label}
        </h2>
        <p className="nhsuk-body-l crl-record__meta">
          {lookupWords.records.from} {crisisPlan && pointer.practiceSetting?.display && <>{pointer.practiceSetting.display}, </>}
          {organisationName}
          {pointer.date && (
            <>
              {' · '}
              {lookupWords.records.updated} {formatInstantDate(pointer.date)}
            </>
          )}
        </p>
        {/* Repeated beside the document: wrong-patient mistakes are the worst this app can make. */}
        <p className="crl-record__patient">{words.forPatient(displayName(patient), formatNhsNumber(patient.nhsNumber))}</p>
        {crisisPlan && <PlanActions lookup={lookup} pointer={pointer} allPointers={allPointers} teamCard={teamCard} documentHeading={documentHeading} idPrefix={headingId} />}
      </header>
      <h3 className="nhsuk-heading-m crl-record__document-heading" ref={documentHeading} tabIndex={-1} id={`${headingId}-plan`}>
        {words.documentTitle(documentContents(pointer)[0]?.title ?? pointer.recordType.label)}
      </h3>
      <RecordDocument lookup={lookup} patient={patient} pointer={pointer} />
      {/* Below the plan, so the plan starts within one swipe of the result (issue 9); the summary
          above carries the first number and a jump here. */}
      {crisisPlan && (
        <div ref={teamCard} tabIndex={-1} className="crl-record__team" id={`${headingId}-team`}>
          <CrisisTeamCard lookup={lookup} pointer={pointer} allPointers={allPointers} />
        </div>
      )}
    </article>
  );
}

/** Moves focus to `target` and brings it into view below the identity bar (the page's scroll-padding). */
function jumpTo(target: RefObject<HTMLElement | null>) {
  return (event: MouseEvent) => {
    event.preventDefault();
    const element = target.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'start' });
  };
}

/**
 * The top of a found crisis plan, in one look (issue 9 point 2): a call to the team's first
 * number and a jump to the plan's text, so neither waits below the PDF.
 * The team card sits below the plan; "All the team's numbers" jumps to it.
 * The number is the team card's own (the same query, so nothing is fetched twice) and the
 * link is the same tap-to-call, telling the idle lock a call is under way. With no number from
 * the contact page, the jump goes to the team card, which says where else to look.
 */
function PlanActions({
  lookup,
  pointer,
  allPointers,
  teamCard,
  documentHeading,
  idPrefix,
}: {
  lookup: Lookup;
  pointer: Pointer;
  allPointers: readonly Pointer[];
  teamCard: RefObject<HTMLDivElement | null>;
  documentHeading: RefObject<HTMLHeadingElement | null>;
  idPrefix: string;
}) {
  const contactContent = findContactContent(pointer, allPointers);
  return (
    <div className="crl-plan-actions">
      {contactContent ? (
        <FirstTeamNumber lookup={lookup} url={contactContent.url} teamCard={teamCard} teamHref={`#${idPrefix}-team`} />
      ) : (
        <a href={`#${idPrefix}-team`} className="crl-plan-actions__jump" onClick={jumpTo(teamCard)}>
          {words.callTeamNumbers}
        </a>
      )}
      <a href={`#${idPrefix}-plan`} className="crl-plan-actions__jump" onClick={jumpTo(documentHeading)}>
        {words.readPlan}
      </a>
    </div>
  );
}

function FirstTeamNumber({ lookup, url, teamCard, teamHref }: { lookup: Lookup; url: string; teamCard: RefObject<HTMLDivElement | null>; teamHref: string }) {
  const { services } = useRuntime();
  const allowCall = useAllowCall();
  const contact = useQuery(contactDetailsQuery(services, lookup, url));
  // The first number the page gives for calling: never a text-only, textphone or fax line, never 999 or 111.
  const first = contact.data ? firstTeamCall(contact.data.numbers) : undefined;
  if (contact.isPending) return null;
  if (!first) {
    return (
      <a href={teamHref} className="crl-plan-actions__jump" onClick={jumpTo(teamCard)}>
        {words.callTeamNumbers}
      </a>
    );
  }
  // Bidi controls dropped, the number laid out left to right: it never shows reversed.
  return (
    <>
      <a className="crl-call crl-plan-actions__call" href={first.tel} onClick={allowCall}>
        <span className="crl-call__label">
          {words.callTeam}: {stripBidiControls(first.label)}
        </span>
        <span className="crl-call__number" dir="ltr">
          {first.display}
        </span>
      </a>
      <a href={teamHref} className="crl-plan-actions__jump" onClick={jumpTo(teamCard)}>
        {words.allTeamNumbers}
      </a>
    </>
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
      <PlanDocumentView document={document.data} title={words.documentTitle(content.title ?? pointer.recordType.label)} patient={patient} />
    </Suspense>
  );
}
