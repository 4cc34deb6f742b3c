import type { SignInFailureKind } from '../../services/sign-in-service';
import { NotificationBanner } from '../../ui/notification-banner';
import { sessionWords } from './session-words';

/**
 * The token ends soon or has ended (or a service said 401): sign in again in a window of its
 * own, so the screen the crew is on stays (issue 10 point 4).
 */
export function SignInAgainBanner({
  state,
  busy,
  failure,
  onSignInAgain,
}: {
  state: 'expiring' | 'expired';
  busy: boolean;
  failure: SignInFailureKind | undefined;
  onSignInAgain: () => void;
}) {
  return (
    <NotificationBanner title={state === 'expiring' ? sessionWords.expiringTitle : sessionWords.expiredTitle} className="crl-sign-in-again">
      <p className="nhsuk-body">{state === 'expiring' ? sessionWords.expiringLead : sessionWords.expiredLead}</p>
      {failure && (
        <p className="nhsuk-error-message" role="alert">
          {sessionWords.signInFailed[failure]}
        </p>
      )}
      <button type="button" className="nhsuk-button crl-big-button" onClick={onSignInAgain} disabled={busy} aria-disabled={busy}>
        {busy ? sessionWords.signingIn : sessionWords.signInAgain}
      </button>
    </NotificationBanner>
  );
}
