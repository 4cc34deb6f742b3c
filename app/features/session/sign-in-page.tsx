import type { SignInFailureKind } from '../../services/sign-in-service';
import { sessionWords } from './session-words';
import { signInWords } from './sign-in-words';

/**
 * The first screen in live mode while nobody is signed in on this page (tokens live in memory
 * only, so a reload starts here). With no signal and a person still within the offline session
 * (issue 10 point 8), it offers the saved copies instead.
 */
export function SignInPage({
  failure,
  busy,
  online,
  offlineAvailable,
  signedOutHere,
  onSignIn,
  onContinueOffline,
  onSignOut,
}: {
  failure: SignInFailureKind | undefined;
  busy: boolean;
  online: boolean;
  /** The name of the person an offline session can resume, when there is one. */
  /** Saved copies that the shift PIN can open (whose they are is sealed until then). */
  offlineAvailable: boolean;
  /** Just signed out with no signal. */
  signedOutHere: boolean;
  onSignIn: () => void;
  onContinueOffline: () => void;
  /** After a sign-in CIS2 completed but this app could not use: end that CIS2 session. */
  onSignOut: () => void;
}) {
  return (
    <div className="crl-session-page">
      <h1 className="nhsuk-heading-l">{signInWords.signInTitle}</h1>
      {failure && (
        <div className="nhsuk-error-summary" aria-labelledby="sign-in-failure-title" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="sign-in-failure-title">
            {signInWords.signInFailedTitle}
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{sessionWords.signInFailed[failure]}</p>
          </div>
          {failure === 'claims-invalid' && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary crl-big-button" onClick={onSignOut}>
              {sessionWords.signOut}
            </button>
          )}
        </div>
      )}
      {signedOutHere && (
        <p className="nhsuk-inset-text" role="status">
          {signInWords.signedOutHere}
        </p>
      )}
      {!online && !offlineAvailable && <p className="nhsuk-inset-text">{signInWords.offlineNoSession}</p>}
      {offlineAvailable && (!online || failure === 'provider-unreachable') && (
        <div className="nhsuk-card">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading nhsuk-heading-m">{signInWords.offlineTitle}</h2>
            <p className="nhsuk-card__description">{signInWords.offlineLead}</p>
            <button type="button" className="nhsuk-button crl-big-button" onClick={onContinueOffline}>
              {signInWords.offlineButton}
            </button>
          </div>
        </div>
      )}
      <p className="nhsuk-body-l">{signInWords.signInLead}</p>
      <button type="button" className="nhsuk-button crl-big-button" onClick={onSignIn} disabled={busy} aria-disabled={busy}>
        {busy ? sessionWords.signingIn : sessionWords.signInButton}
      </button>
    </div>
  );
}
