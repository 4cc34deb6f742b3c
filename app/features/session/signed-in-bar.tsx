import './signed-in-bar.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { SignedInPerson } from '../../domain/signed-in-person';
import { jobRoleName } from '../../domain/signed-in-person';
import { sessionWords } from './session-words';

/**
 * Who is holding the tablet, on every screen above any patient data (issue 10 point 3), as NHS
 * England's own clinical front ends show it: name, role, organisation; Sign out in reach. Signing
 * out removes the saved plans, so it asks first.
 */
export function SignedInBar({
  person,
  kind,
  busy,
  onSignOut,
  onChangeRole,
  onSignIn,
  actions = true,
}: {
  person: SignedInPerson;
  kind: 'signed-in' | 'offline' | 'demo';
  busy: boolean;
  onSignOut: () => void;
  onChangeRole: () => void;
  /** Offline session: sign in properly once there is signal. */
  onSignIn: () => void;
  /** False where the page itself offers Change role and Sign out (the refusal page). */
  actions?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const titleId = useId();
  const leadId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const signOutRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // The question takes focus (its safe answer, Cancel); cancelling returns it to Sign out.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) signOutRef.current?.focus();
  }, [confirming]);
  const ask = (next: boolean) => {
    asked.current = true;
    setConfirming(next);
  };
  const organisation = person.organisationName ? `${person.organisationName} (${person.role.orgCode})` : person.role.orgCode;
  return (
    <section className={`crl-signed-in crl-signed-in--${kind}`} aria-label={sessionWords.signedInLabel}>
      <div className="nhsuk-width-container crl-signed-in__row">
        <p className="crl-signed-in__who">
          <span className="nhsuk-u-visually-hidden">{sessionWords.signedInAs} </span>
          <strong>{person.name}</strong>
          <span className="crl-signed-in__role">{kind === 'demo' ? sessionWords.demoTrainer : jobRoleName(person.role.roleName)}</span>
          <span className="crl-signed-in__org">{organisation}</span>
          {kind === 'offline' && (
            <span className="crl-signed-in__offline">
              <strong className="nhsuk-tag nhsuk-tag--orange">{sessionWords.offlineSessionTag}</strong> {sessionWords.offlineSessionDetail}
            </span>
          )}
        </p>
        {kind !== 'demo' && actions && !confirming && (
          <div className="crl-signed-in__actions">
            {kind === 'signed-in' && (
              <button type="button" className="nhsuk-button nhsuk-button--secondary crl-signed-in__button" onClick={onChangeRole}>
                {sessionWords.changeRole}
              </button>
            )}
            {kind === 'offline' && (
              <button type="button" className="nhsuk-button nhsuk-button--secondary crl-signed-in__button" onClick={onSignIn}>
                {sessionWords.signInShort}
              </button>
            )}
            <button ref={signOutRef} type="button" className="nhsuk-button nhsuk-button--secondary crl-signed-in__button" onClick={() => ask(true)}>
              {sessionWords.signOut}
            </button>
          </div>
        )}
      </div>
      {confirming && (
        <div className="nhsuk-width-container">
          <div className="nhsuk-warning-callout crl-signed-in__confirm" role="alertdialog" aria-labelledby={titleId} aria-describedby={leadId}>
            <h2 className="nhsuk-warning-callout__label" id={titleId}>
              {sessionWords.signOutConfirm}
            </h2>
            <p id={leadId}>{sessionWords.signOutConfirmLead}</p>
            <div className="nhsuk-button-group">
              <button type="button" className="nhsuk-button nhsuk-button--warning crl-big-button" onClick={onSignOut} disabled={busy} aria-disabled={busy}>
                {busy ? sessionWords.signingOut : sessionWords.signOutYes}
              </button>
              <button ref={confirmRef} type="button" className="nhsuk-button nhsuk-button--secondary crl-big-button" onClick={() => ask(false)} disabled={busy}>
                {sessionWords.cancel}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
