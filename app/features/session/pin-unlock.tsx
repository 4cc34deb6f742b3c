import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../ui/error-summary';
import { normalisePin, PinField, ShowPinToggle } from './pin-field';
import { pinWords as words } from './pin-words';

export type UnlockResult = 'unlocked' | 'wrong' | 'wiped';

/**
 * "Enter your shift PIN": the locked screen, and an offline start before saved copies open
 * (issue 11 points 2 and 5). It says who is signed in and how many tries are left before the
 * saved plans are removed; a wrong PIN says so and leaves the person signed in. "Forgotten your
 * PIN?" offers Sign out (which removes the saved plans, as the words say).
 */
export function PinUnlock({
  personName,
  triesLeft,
  context = 'locked',
  signingOut = false,
  onUnlock,
  onWiped,
  onSignOut,
}: {
  personName: string;
  /** Wrong PINs still allowed before the saved clinical data is wiped (from the PIN store). */
  triesLeft: number;
  /** The app locked in use, or is starting with no signal for saved copies only. */
  context?: 'locked' | 'offline-start';
  signingOut?: boolean;
  /** Checks the PIN (no network). */
  onUnlock: (pin: string) => Promise<UnlockResult>;
  /** The last try was wrong and the saved plans were wiped: show the wiped page. */
  onWiped?: () => void;
  /** Forgotten PIN: sign out, which removes the saved plans. */
  onSignOut: () => void;
}) {
  const id = useId();
  const fieldId = `${id}-pin`;
  const [pin, setPin] = useState('');
  const [shown, setShown] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [checking, setChecking] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  function refuse(message: string) {
    setProblem(message);
    // Move focus to the summary, as the NHS.UK error summary pattern asks.
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (checking) return;
    const entered = normalisePin(pin);
    if (entered === '') return refuse(words.unlockEmpty);
    setChecking(true);
    let result: UnlockResult;
    try {
      result = await onUnlock(entered);
    } catch {
      setChecking(false);
      return refuse(words.unlockFailed);
    }
    setChecking(false);
    if (result === 'unlocked') return;
    setPin('');
    if (result === 'wiped') return onWiped?.();
    // The store has counted this try; the next render's triesLeft says what is left, and so does this.
    refuse(words.wrongPin(Math.max(0, triesLeft - 1)));
  }

  return (
    <div className="crl-session-page">
      <form onSubmit={submit} noValidate className="crl-pin-form" aria-labelledby={`${id}-title`}>
        {problem && <ErrorSummary id={`${id}-summary`} title={words.pinErrorSummaryTitle} problems={[{ fieldId, message: problem }]} ref={summaryRef} />}
        <h1 className="nhsuk-heading-l" id={`${id}-title`}>
          {words.unlockTitle}
        </h1>
        <p className="nhsuk-body-l">{context === 'locked' ? words.unlockLockedLead(personName) : words.unlockOfflineLead(personName)}</p>
        <input type="text" name="username" autoComplete="username" value={personName} readOnly hidden />
        <PinField
          id={fieldId}
          name="pin"
          label={words.unlockLabel}
          hint={words.triesLeft(triesLeft)}
          error={problem}
          value={pin}
          shown={shown}
          autoComplete="current-password"
          autoFocus
          onChange={setPin}
        />
        <ShowPinToggle shown={shown} controls={fieldId} onToggle={() => setShown(!shown)} />
        <div>
          <button type="submit" className="nhsuk-button crl-big-button" disabled={checking} aria-disabled={checking}>
            {checking ? words.unlocking : words.unlockButton}
          </button>
        </div>
      </form>
      <details className="nhsuk-details crl-pin-forgotten">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{words.forgottenPin}</span>
        </summary>
        <div className="nhsuk-details__text">
          <p>{words.forgottenPinLead}</p>
          <button type="button" className="nhsuk-button nhsuk-button--warning crl-big-button" onClick={onSignOut} disabled={signingOut} aria-disabled={signingOut}>
            {signingOut ? words.signingOut : words.forgottenPinSignOut}
          </button>
        </div>
      </details>
    </div>
  );
}
