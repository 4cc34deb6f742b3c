import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { NhsNumber } from '../../domain/nhs-number';
import {
  DEFAULT_MAX_RESULTS,
  hasWildcard,
  searchExcludesRestricted,
  widenPatientSearch,
  type PatientSearch,
  type PatientSearchOutcome,
} from '../../domain/patient-search';
import { isNoSignal, isTemporary } from '../../queries/offline-policy';
import { patientSearchQuery, type DetailsSearch } from '../../queries/patient-search-queries';
import { useRuntime } from '../../runtime/runtime-context';
import { isServiceError } from '../../services/service-error';
import { describePatientSearchError } from '../../services/service-error-messages';
import { describeError } from '../../ui/describe-error';
import { ProblemCard } from '../../ui/problem-card';
import { findPersonWords as words } from './find-person-words';
import { MatchList } from './match-list';
import { SavedResults } from './saved-results';

/** The heading of an answer takes focus when it arrives, so the crew (and a screen reader) is brought to it. */
function useArrivalFocus<T extends HTMLElement>(ready: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (ready) ref.current?.focus();
  }, [ready]);
  return ref;
}

/** A PDS search by details and its answer (issue 12 points 2 and 3). */
export function NationalResults({
  detailsSearch,
  onChoose,
  onChooseSaved,
  onWiden,
}: {
  detailsSearch: DetailsSearch;
  onChoose: (nhsNumber: NhsNumber) => void;
  onChooseSaved: (nhsNumber: NhsNumber) => void;
  onWiden: (search: PatientSearch) => void;
}) {
  const { services } = useRuntime();
  const answer = useQuery(patientSearchQuery(services, detailsSearch));
  const headingRef = useArrivalFocus<HTMLHeadingElement>(answer.isSuccess || (answer.isError && !isNoSignal(answer.error)));

  if (answer.isPending) {
    return (
      <p role="status" className="crl-find-person__searching">
        {words.searching}
      </p>
    );
  }
  if (answer.isError) {
    // No signal: the device's saved plans are the only answer there can be; nothing is queued.
    if (isNoSignal(answer.error)) return <SavedResults id={detailsSearch.id} search={detailsSearch.search} onChoose={onChooseSaved} />;
    return (
      <ProblemCard title={words.searchFailedTitle} level="warning" headingRef={headingRef}>
        {/* A search's own words: never "this NHS number", never read as no one matching. */}
        <p>{isServiceError(answer.error) ? describePatientSearchError(answer.error) : describeError(answer.error)}</p>
        {isTemporary(answer.error) && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void answer.refetch()}>
            {words.tryAgain}
          </button>
        )}
      </ProblemCard>
    );
  }
  return <Outcome outcome={answer.data} search={detailsSearch.search} headingRef={headingRef} onChoose={onChoose} onWiden={onWiden} />;
}

function Outcome({
  outcome,
  search,
  headingRef,
  onChoose,
  onWiden,
}: {
  outcome: PatientSearchOutcome;
  search: PatientSearch;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onChoose: (nhsNumber: NhsNumber) => void;
  onWiden: (search: PatientSearch) => void;
}) {
  switch (outcome.kind) {
    case 'matches':
      return (
        <section className="crl-find-person__results" aria-labelledby="find-person-results">
          <h2 className="nhsuk-heading-m" id="find-person-results" ref={headingRef} tabIndex={-1}>
            {words.resultsHeading(outcome.matches.length)}
          </h2>
          {search.wider && (
            <div className="nhsuk-warning-callout">
              <h3 className="nhsuk-warning-callout__label">{words.widerResults}</h3>
              <p>{words.widerResultsBody}</p>
            </div>
          )}
          <p>{outcome.matches.length === 1 ? words.oneMatchIntro : words.resultsIntro}</p>
          <MatchList matches={outcome.matches} onChoose={onChoose} />
        </section>
      );
    case 'too-many': {
      const { details } = search;
      const add = [
        details.given === undefined || hasWildcard(details.given) ? words.tooManyAddGiven : undefined,
        details.birthDate.kind === 'between' ? words.tooManyAddDate : undefined,
        details.postcode === undefined ? words.tooManyAddPostcode : undefined,
        details.gender === undefined ? words.tooManyAddSex : undefined,
      ].filter((line) => line !== undefined);
      return (
        <ProblemCard title={words.tooManyTitle} level="warning" headingRef={headingRef}>
          <p>{words.tooManyBody(DEFAULT_MAX_RESULTS)}</p>
          {add.length > 0 && (
            <>
              <p>{words.tooManyAdd}</p>
              <ul>
                {add.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          )}
        </ProblemCard>
      );
    }
    case 'no-match': {
      if (search.wider) {
        return (
          <ProblemCard title={words.noMatchTitle} level="warning" headingRef={headingRef}>
            <p>{words.widerNoMatchBody}</p>
          </ProblemCard>
        );
      }
      const wider = widenPatientSearch(search);
      return (
        <ProblemCard title={words.noMatchTitle} level="warning" headingRef={headingRef}>
          <p>{words.noMatchBody}</p>
          {searchExcludesRestricted(search) && <p>{words.noMatchRestricted}</p>}
          {wider.ok ? (
            <>
              <p>{words.widenHint}</p>
              <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onWiden(wider.search)}>
                {words.widen}
              </button>
            </>
          ) : (
            <p>{words.widenNeeds}</p>
          )}
        </ProblemCard>
      );
    }
  }
}
