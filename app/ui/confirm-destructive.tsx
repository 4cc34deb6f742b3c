import { useEffect, useId, useRef } from 'react';

/**
 * A destructive action behind an NHS.UK warning card: the first press only asks; the warning
 * button does it. Used by Clear this device and Reset demo, so both ask the same way.
 */
export function ConfirmDestructive({
  confirming,
  onAsk,
  onCancel,
  onConfirm,
  busy,
  words,
}: {
  confirming: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
  words: { readonly action: string; readonly title: string; readonly body: string; readonly confirm: string; readonly cancel: string };
}) {
  const titleId = useId();
  const card = useRef<HTMLDivElement>(null);
  // The question opens where the button was, often at the foot of the screen: bring all of it,
  // both buttons included, into view, so the crew answers it without hunting (issue 9).
  useEffect(() => {
    if (confirming) card.current?.scrollIntoView?.({ block: 'nearest' });
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onAsk}>
        {words.action}
      </button>
    );
  }
  return (
    <div className="nhsuk-card nhsuk-card--warning" role="group" aria-labelledby={titleId} ref={card}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" id={titleId}>
          {words.title}
        </h3>
        <p>{words.body}</p>
        {/* The NHS.UK button group keeps the two buttons apart for a gloved hand (issue 9). */}
        <div className="nhsuk-button-group">
          <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={onConfirm} disabled={busy}>
            {words.confirm}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
            {words.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
