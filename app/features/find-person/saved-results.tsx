import { useEffect, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import type { PatientSearch } from '../../domain/patient-search';
import { describeRetrievedTime } from '../../domain/staleness';
import { useRuntime } from '../../runtime/runtime-context';
import { ProblemCard } from '../../ui/problem-card';
import { findPersonWords as words } from './find-person-words';
import { bornInWords } from './match-list';

/**
 * No signal: the search by details over the plans saved on this device (issue 12 point 5),
 * labelled as such; never a national search, and never queued to run later. The summaries are
 * decrypted in memory by the plan cache and not kept once the screen moves on.
 */
export function SavedResults({ id, search, onChoose }: { id: string; search: PatientSearch; onChoose: (nhsNumber: NhsNumber) => void }) {
  const { plans } = useRuntime();
  const saved = useQuery({
    // A new key for each search: what the device holds changes as plans are saved and expire.
    queryKey: ['saved-search', id],
    queryFn: () => plans.searchSaved(search.details, new Date()),
    retry: false,
    gcTime: 0,
  });
  const now = new Date();
  // The answer's heading takes focus when it arrives, as a national search's does.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (saved.isFetched) headingRef.current?.focus();
  }, [saved.isFetched]);

  if (saved.isPending) return <p role="status">{words.device.checking}</p>;
  if (saved.isError) {
    return (
      <ProblemCard title={words.device.nothingTitle} level="warning" headingRef={headingRef}>
        <p>{words.device.readFailed}</p>
      </ProblemCard>
    );
  }
  if (saved.data.length === 0) {
    return (
      <ProblemCard title={words.device.nothingTitle} level="warning" headingRef={headingRef}>
        <p>{words.device.nothingSaved}</p>
      </ProblemCard>
    );
  }
  return (
    <section className="crl-find-person__results crl-find-person__results--device" aria-labelledby="find-person-saved">
      <h2 className="nhsuk-heading-m" id="find-person-saved" ref={headingRef} tabIndex={-1}>
        {words.device.heading}
      </h2>
      <p>{words.device.why}</p>
      <ol className="nhsuk-list crl-matches">
        {saved.data.map((plan) => {
          const born = bornInWords(plan.birthDate, now);
          return (
            <li className="crl-match" key={plan.nhsNumber}>
              <h3 className="nhsuk-heading-s crl-match__name">{plan.name}</h3>
              <dl className="crl-match__details">
                <div>
                  <dt>{words.born}</dt>
                  <dd>{born}</dd>
                </div>
                <div>
                  <dt>{words.nhsNumber}</dt>
                  <dd className="crl-nhs-number">{formatNhsNumber(plan.nhsNumber)}</dd>
                </div>
                <div>
                  <dt>{words.device.saved}</dt>
                  <dd>
                    {plan.hasCrisisPlan ? words.device.crisisPlan : words.device.noCrisisPlan}, {words.device.retrieved(describeRetrievedTime(plan.retrievedAt, now))}
                  </dd>
                </div>
              </dl>
              <button type="button" className="nhsuk-button nhsuk-button--secondary crl-match__choose" onClick={() => onChoose(plan.nhsNumber)}
                // Two people can share a name: the spoken name says which one (the visible words start it).
                aria-label={`${words.choose} ${plan.name}${words.chooseHidden(born)}`}
              >
                {words.choose} {plan.name}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
