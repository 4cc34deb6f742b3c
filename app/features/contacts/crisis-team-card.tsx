import './crisis-team-card.css';
import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isHttpsUrl, stripBidiControls } from '../../domain/contact-details';
import { firstTeamCall, shownNumber, type ShownNumber } from '../../domain/callable-number';
import { findContactContent, owningOrganisationOds, type Pointer } from '../../domain/pointer';
import type { Lookup } from '../../queries/lookup-queries';
import { describeError } from '../../ui/describe-error';
import { useAllowCall, useRuntime } from '../../runtime/runtime-context';
import { contactDetailsQuery, organisationQuery } from '../../queries/lookup-queries';
import { contactWords as words } from './contact-words';

/**
 * Who to call: the team that owns the plan (practiceSetting + author organisation), its
 * numbers from the contact-details page as tap-to-call links, and the ODS switchboard as a
 * clearly labelled fallback (ODS does not hold crisis-team lines; national-apis.md §4).
 */
export function CrisisTeamCard({ lookup, pointer, allPointers }: { lookup: Lookup; pointer: Pointer; allPointers: readonly Pointer[] }) {
  const headingId = useId();
  const { services } = useRuntime();
  const odsCode = owningOrganisationOds(pointer);
  const organisation = useQuery(organisationQuery(services, lookup, odsCode));
  const contactContent = findContactContent(pointer, allPointers);

  return (
    <section className="nhsuk-card crl-team-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading crl-team-card__heading" id={headingId}>
          {words.heading}
        </h2>
        <p className="nhsuk-body-l crl-team-card__team">{pointer.practiceSetting?.display ?? words.teamNotStated}</p>
        <p className="crl-team-card__organisation">{organisation.data?.name ?? odsCode}</p>
        {contactContent ? (
          <TeamNumbers lookup={lookup} url={contactContent.url} />
        ) : (
          <>
            <p>{words.noContactPage}</p>
            <p className="crl-team-card__no-call">{words.noNumberToCall}</p>
          </>
        )}
        <div className="crl-team-card__switchboard">
          <h3 className="nhsuk-heading-s">{words.switchboard}</h3>
          {organisation.data?.switchboard ? (
            <CallLink number={shownNumber({ label: organisation.data.name, display: organisation.data.switchboard })} secondary />
          ) : organisation.isPending ? null : (
            <p>{words.switchboardUnknown}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function TeamNumbers({ lookup, url }: { lookup: Lookup; url: string }) {
  const { services } = useRuntime();
  const contact = useQuery(contactDetailsQuery(services, lookup, url));
  // Only an https: page is offered: a javascript: URL would run in the app, an http: page can be altered on the way.
  const pageLink = isHttpsUrl(url) ? (
    <p>
      <a href={url} target="_blank" rel="noopener noreferrer">
        {words.openPage} <span className="nhsuk-u-visually-hidden">{words.opensInNewTab}</span>
      </a>
    </p>
  ) : null;
  if (contact.isPending) return <p role="status">{words.loadingNumbers}</p>;
  if (contact.isError) {
    return (
      <>
        <p>
          {words.pageFailed} {describeError(contact.error)}
        </p>
        {pageLink}
      </>
    );
  }
  const { numbers, moreNumbers = 0, hours } = contact.data;
  const noCall = firstTeamCall(numbers) === undefined ? <p className="crl-team-card__no-call">{words.noNumberToCall}</p> : null;
  return (
    <>
      {numbers.length === 0 ? (
        <>
          <p>{words.noNumbersOnPage}</p>
          {noCall}
          {pageLink}
        </>
      ) : (
        <>
          <ul className="nhsuk-list crl-call-list">
            {numbers.map((number) => (
              <li key={`${number.tel}-${number.label}`}>
                <CallLink number={shownNumber(number)} />
              </li>
            ))}
          </ul>
          {noCall}
          {moreNumbers > 0 && (
            <>
              <p>{words.moreNumbers(moreNumbers)}</p>
              {pageLink}
            </>
          )}
        </>
      )}
      {hours && (
        <p>
          <strong>{words.hours}: </strong>
          {hours}
        </p>
      )}
    </>
  );
}

/**
 * A big tap target for gloved hands: the number as written on the page, dialled as digits. Bidi
 * controls are dropped and the number laid out left to right, so it never shows reversed
 * (copies saved before the page reader dropped them, and ODS's switchboard, come here too).
 * A tap tells the idle lock the crew are going to the dialler, so the call does not lock them out.
 */
function CallLink({ number, secondary = false }: { number: ShownNumber; secondary?: boolean }) {
  const allowCall = useAllowCall();
  const label = stripBidiControls(number.label);
  const display = stripBidiControls(number.display);
  const { tel, use } = number;
  if (!tel) {
    // Not offered as a call: a text-only, textphone or fax line, or one that does not dial as a UK number.
    return (
      <p className="crl-team-card__not-call">
        {`${label}: `}
        <span dir="ltr">{display}</span>
        {use !== 'call' && <span className="crl-team-card__use"> ({words.numberUse[use]})</span>}
      </p>
    );
  }
  return (
    <a className={secondary ? 'crl-call crl-call--secondary' : 'crl-call'} href={tel} onClick={allowCall}>
      <span className="crl-call__label">
        {words.call} {label}
      </span>
      <span className="crl-call__number" dir="ltr">
        {display}
      </span>
    </a>
  );
}
