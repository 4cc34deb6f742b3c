import './pin.css';
import { pinWords } from './pin-words';

/**
 * Spaces are not part of a PIN: a PIN typed or pasted as "246 813" is 246813 (as GOV.UK asks of
 * number fields). Setup and unlock both use this, so the PIN that is set is the one that unlocks.
 */
export function normalisePin(value: string): string {
  return value.replace(/\s+/g, '');
}

/**
 * One PIN field in an NHS.UK form group: label, hint, inline error. A password field that allows
 * paste and password managers (WCAG 2.2 3.3.8: nothing here blocks either), with the numeric
 * keyboard, large for gloved fingers.
 */
export function PinField({
  id,
  name,
  label,
  hint,
  error,
  value,
  shown,
  autoComplete,
  autoFocus = false,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value: string;
  shown: boolean;
  autoComplete: 'new-password' | 'current-password';
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label className="nhsuk-label nhsuk-label--m" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <span className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      <input
        className={error ? 'nhsuk-input nhsuk-input--error crl-pin-input' : 'nhsuk-input crl-pin-input'}
        id={id}
        name={name}
        type={shown ? 'text' : 'password'}
        inputMode="numeric"
        autoComplete={autoComplete}
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        // A lock screen's one task is this field: the tablet's keyboard should be up at once.
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** Shows or hides every PIN in the form: a toggle button, told to screen readers as pressed or not. */
export function ShowPinToggle({ shown, controls, onToggle }: { shown: boolean; controls: string; onToggle: () => void }) {
  return (
    <button type="button" className="nhsuk-button nhsuk-button--secondary crl-pin-toggle" aria-pressed={shown} aria-controls={controls} onClick={onToggle}>
      {pinWords.showPin}
    </button>
  );
}
