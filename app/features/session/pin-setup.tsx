import { useId, useRef, useState, type FormEvent } from 'react';
import { pinProblem } from '../../domain/shift-pin';
import { ErrorSummary } from '../../ui/error-summary';
import { normalisePin, PinField, ShowPinToggle } from './pin-field';
import { pinWords as words } from './pin-words';

type Field = 'pin' | 'again';

interface Problem {
  readonly field: Field;
  readonly message: string;
}

/**
 * "Set a shift PIN", after sign-in (issue 11 point 1). The PIN is checked here (domain/shift-pin)
 * and typed twice; problems go in the NHS.UK error summary and inline, as on the other forms.
 * Only a PIN that passes reaches `onSetPin`, without spaces (normalisePin).
 */
export function PinSetup({
  personName,
  lockAfterMinutes,
  busy = false,
  error,
  onSetPin,
}: {
  /** For password managers (a hidden user name next to the new PIN) and nothing else. */
  personName?: string;
  /** Said in the lead, so the crew know when it will lock. */
  lockAfterMinutes?: number;
  /** Set from outside while the PIN is being set (the form also knows while onSetPin runs). */
  busy?: boolean;
  /** A failure the caller wants shown (setting a PIN that rejects shows words.setPinFailed anyway). */
  error?: string;
  /** Wraps the device key with the PIN. A rejection is shown as "could not be set". */
  onSetPin: (pin: string) => Promise<void>;
}) {
  const id = useId();
  const fieldId = (field: Field) => `${id}-${field}`;
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [shown, setShown] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [failed, setFailed] = useState(false);
  const [working, setWorking] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const busyNow = busy || working;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busyNow) return;
    const first = normalisePin(pin);
    const second = normalisePin(again);
    const found: Problem[] = [];
    const kind = pinProblem(first);
    const problem = first === '' ? words.pinEmpty : kind ? words.pinProblem[kind] : undefined;
    if (problem) found.push({ field: 'pin', message: problem });
    else if (second === '') found.push({ field: 'again', message: words.pinAgainEmpty });
    else if (second !== first) found.push({ field: 'again', message: words.pinMismatch });
    setProblems(found);
    setFailed(false);
    if (found.length > 0) {
      // Move focus to the summary, as the NHS.UK error summary pattern asks.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setWorking(true);
    try {
      await onSetPin(first);
    } catch {
      setFailed(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setWorking(false);
    }
  }

  const problemFor = (field: Field) => problems.find((p) => p.field === field)?.message;
  const failure = error ?? (failed ? words.setPinFailed : undefined);
  const summary = [
    ...problems.map((problem) => ({ fieldId: fieldId(problem.field), message: problem.message })),
    ...(failure && problems.length === 0 ? [{ fieldId: fieldId('pin'), message: failure }] : []),
  ];

  return (
    <div className="crl-session-page">
      <form onSubmit={submit} noValidate className="crl-pin-form" aria-labelledby={`${id}-title`}>
        {summary.length > 0 && <ErrorSummary id={`${id}-summary`} title={words.pinErrorSummaryTitle} problems={summary} ref={summaryRef} />}
        <h1 className="nhsuk-heading-l" id={`${id}-title`}>
          {words.pinSetupTitle}
        </h1>
        <p className="nhsuk-body-l">{words.pinSetupLead(lockAfterMinutes)}</p>
        <p className="nhsuk-body">{words.pinSetupRemember}</p>
        {personName !== undefined && <input type="text" name="username" autoComplete="username" value={personName} readOnly hidden />}
        <PinField
          id={fieldId('pin')}
          name="new-pin"
          label={words.pinLabel}
          hint={words.pinHint}
          error={problemFor('pin')}
          value={pin}
          shown={shown}
          autoComplete="new-password"
          onChange={setPin}
        />
        <PinField
          id={fieldId('again')}
          name="new-pin-again"
          label={words.pinAgainLabel}
          error={problemFor('again')}
          value={again}
          shown={shown}
          autoComplete="new-password"
          onChange={setAgain}
        />
        <ShowPinToggle shown={shown} controls={`${fieldId('pin')} ${fieldId('again')}`} onToggle={() => setShown(!shown)} />
        <div>
          <button type="submit" className="nhsuk-button crl-big-button" disabled={busyNow} aria-disabled={busyNow}>
            {busyNow ? words.settingPin : words.setPinButton}
          </button>
        </div>
      </form>
    </div>
  );
}
