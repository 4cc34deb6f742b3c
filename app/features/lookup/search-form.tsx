import './search-form.css';
import { useId, useRef, useState, type FormEvent } from 'react';
import { parseNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { ErrorSummary } from '../../ui/error-summary';
import { lookupWords } from './lookup-words';

/**
 * NHS number entry. Invalid input never reaches a national service: it is caught here and
 * shown in the NHS.UK error summary and inline error patterns.
 */
export function SearchForm({ onSearch, initialValue = '', autoFocus = false }: { onSearch: (nhsNumber: NhsNumber) => void; initialValue?: string; autoFocus?: boolean }) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const [value, setValue] = useState(initialValue);
  const [error, setError] = useState<string | undefined>();
  const summaryRef = useRef<HTMLDivElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseNhsNumber(value);
    if (!parsed.ok) {
      setError(lookupWords.nhsNumberProblem[parsed.problem]);
      // Move focus to the summary, as the NHS.UK error summary pattern asks.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setError(undefined);
    onSearch(parsed.value);
  }

  return (
    <form onSubmit={submit} noValidate className="crl-search">
      {error && <ErrorSummary id={`${inputId}-summary`} title={lookupWords.errorSummaryTitle} problems={[{ fieldId: inputId, message: error }]} ref={summaryRef} />}
      <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <label className="nhsuk-label nhsuk-label--m" htmlFor={inputId}>
          {lookupWords.nhsNumberLabel}
        </label>
        <div className="nhsuk-hint" id={hintId}>
          {lookupWords.nhsNumberHint}
        </div>
        {error && (
          <span className="nhsuk-error-message" id={errorId}>
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {error}
          </span>
        )}
        <div className="crl-search__row">
          <input
            className={error ? 'nhsuk-input nhsuk-input--error crl-search__input' : 'nhsuk-input crl-search__input'}
            id={inputId}
            name="nhs-number"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            autoFocus={autoFocus}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <button type="submit" className="nhsuk-button crl-search__button">
            {lookupWords.search}
          </button>
        </div>
      </div>
    </form>
  );
}
