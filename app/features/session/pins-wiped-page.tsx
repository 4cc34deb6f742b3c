import { pinWords as words } from './pin-words';

/**
 * After the last wrong PIN (issue 11 point 4): the saved plans are gone and the person must sign
 * in again with signal. Access records waiting for the audit service are kept, and it says so.
 */
export function PinsWipedPage({ online, busy = false, onSignIn }: { online: boolean; busy?: boolean; onSignIn: () => void }) {
  return (
    <div className="crl-session-page">
      <h1 className="nhsuk-heading-l">{words.wipedTitle}</h1>
      <p className="nhsuk-body-l" role="alert">
        {words.wipedLead}
      </p>
      <p className="nhsuk-body">{words.wipedKept}</p>
      {!online && <p className="nhsuk-inset-text">{words.wipedNoSignal}</p>}
      <button type="button" className="nhsuk-button crl-big-button" onClick={onSignIn} disabled={busy} aria-disabled={busy}>
        {busy ? words.signingIn : words.signInButton}
      </button>
    </div>
  );
}
