import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AccessAction } from '../../domain/access-event';
import type { AccessHistoryFilters } from '../../domain/access-record';
import { isCalendarDay } from '../../domain/calendar-days';
import { formatNhsNumber, parseNhsNumber } from '../../domain/nhs-number';
import { ErrorSummary } from '../../ui/error-summary';
import { historyWords as words } from './history-words';

type Field = 'from' | 'to' | 'nhs-number';

interface Problem {
  readonly field: Field;
  readonly message: string;
}

const ACTIONS = Object.keys(words.actions) as AccessAction[];

/** A person a lead can pick: their CIS2 UUID, and how the select shows them. */
export interface PersonChoice {
  readonly id: string;
  readonly label: string;
}

/**
 * The history's filters. Only filters that pass reach the audit service: dates must be days in
 * order, and an NHS number must pass Modulus 11 (as on the lookup screen), with the NHS.UK error
 * summary and inline errors when not.
 */
export function HistoryFilters({
  initial,
  people,
  onApply,
  onInvalid,
}: {
  initial: AccessHistoryFilters;
  /** The people seen in the records loaded on this screen, to pick one from. */
  people: readonly PersonChoice[];
  onApply: (filters: AccessHistoryFilters) => void;
  /** Show records was pressed with filters that do not pass: nothing is asked for. */
  onInvalid: () => void;
}) {
  const id = useId();
  const fieldId = (field: Field) => `${id}-${field}`;
  const [fromDate, setFromDate] = useState(initial.fromDate);
  const [toDate, setToDate] = useState(initial.toDate);
  const [nhsNumber, setNhsNumber] = useState(initial.nhsNumber ? formatNhsNumber(initial.nhsNumber) : '');
  const [action, setAction] = useState<AccessAction | ''>(initial.action ?? '');
  const [personId, setPersonId] = useState(initial.personId ?? '');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!isCalendarDay(fromDate)) found.push({ field: 'from', message: words.fromMissing });
    if (!isCalendarDay(toDate)) found.push({ field: 'to', message: words.toMissing });
    // `YYYY-MM-DD` strings sort as the days they name.
    if (found.length === 0 && fromDate > toDate) found.push({ field: 'from', message: words.wrongOrder });
    const parsed = nhsNumber.trim() === '' ? undefined : parseNhsNumber(nhsNumber);
    if (parsed && !parsed.ok) found.push({ field: 'nhs-number', message: words.nhsNumberProblem[parsed.problem] });
    setProblems(found);
    if (found.length > 0) {
      onInvalid();
      // Move focus to the summary, as the NHS.UK error summary pattern asks.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onApply({
      fromDate,
      toDate,
      nhsNumber: parsed?.ok ? parsed.value : undefined,
      action: action === '' ? undefined : action,
      personId: personId === '' ? undefined : personId,
    });
  }

  const problemFor = (field: Field) => problems.find((p) => p.field === field)?.message;

  return (
    <form onSubmit={submit} noValidate className="crl-history-filters" aria-labelledby={`${id}-legend`}>
      {problems.length > 0 && (
        <ErrorSummary
          id={`${id}-summary`}
          title={words.errorSummaryTitle}
          problems={problems.map((problem) => ({ fieldId: fieldId(problem.field), message: problem.message }))}
          ref={summaryRef}
        />
      )}
      <h2 className="nhsuk-heading-s" id={`${id}-legend`}>
        {words.filtersLegend}
      </h2>
      <div className="crl-history-filters__row">
        <DateField id={fieldId('from')} name="from" label={words.fromDate} hint={words.dateHint} error={problemFor('from')} value={fromDate} onChange={setFromDate} />
        <DateField id={fieldId('to')} name="to" label={words.toDate} hint={words.dateHint} error={problemFor('to')} value={toDate} onChange={setToDate} />
        <FormGroup inputId={fieldId('nhs-number')} label={words.nhsNumberLabel} hint={words.nhsNumberHint} error={problemFor('nhs-number')}>
          {(describedBy, invalid) => (
            <input
              className={invalid ? 'nhsuk-input nhsuk-input--error crl-history-filters__nhs-number' : 'nhsuk-input crl-history-filters__nhs-number'}
              id={fieldId('nhs-number')}
              name="nhs-number"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              aria-describedby={describedBy}
              value={nhsNumber}
              onChange={(event) => setNhsNumber(event.target.value)}
            />
          )}
        </FormGroup>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-action`}>
            {words.actionLabel}
          </label>
          <select className="crl-history-select" id={`${id}-action`} name="action" value={action} onChange={(event) => setAction(event.target.value as AccessAction | '')}>
            <option value="">{words.anyAction}</option>
            {ACTIONS.map((value) => (
              <option key={value} value={value}>
                {words.actions[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${id}-person`}>
            {words.personLabel}
          </label>
          <div className="nhsuk-hint" id={`${id}-person-hint`}>
            {words.personHint}
          </div>
          <select
            className="crl-history-select"
            id={`${id}-person`}
            name="person"
            aria-describedby={`${id}-person-hint`}
            value={personId}
            onChange={(event) => setPersonId(event.target.value)}
          >
            <option value="">{words.anyone}</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="nhsuk-button crl-history-filters__button">
        {words.show}
      </button>
    </form>
  );
}

/** A day picker in an NHS.UK form group. */
function DateField(o: { id: string; name: string; label: string; hint: string; error: string | undefined; value: string; onChange: (value: string) => void }) {
  return (
    <FormGroup inputId={o.id} label={o.label} hint={o.hint} error={o.error}>
      {(describedBy, invalid) => (
        <input
          className={invalid ? 'nhsuk-input nhsuk-input--error crl-history-filters__date' : 'nhsuk-input crl-history-filters__date'}
          id={o.id}
          name={o.name}
          type="date"
          aria-describedby={describedBy}
          value={o.value}
          onChange={(event) => o.onChange(event.target.value)}
        />
      )}
    </FormGroup>
  );
}

/** An NHS.UK form group: label, hint, inline error, and the control told which of them describe it. */
function FormGroup({
  inputId,
  label,
  hint,
  error,
  children,
}: {
  inputId: string;
  label: string;
  hint: string;
  error: string | undefined;
  children: (describedBy: string, invalid: boolean) => ReactNode;
}) {
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  return (
    <div className={error ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
      <label className="nhsuk-label" htmlFor={inputId}>
        {label}
      </label>
      <div className="nhsuk-hint" id={hintId}>
        {hint}
      </div>
      {error && (
        <span className="nhsuk-error-message" id={errorId}>
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </span>
      )}
      {children(error ? `${hintId} ${errorId}` : hintId, error !== undefined)}
    </div>
  );
}
