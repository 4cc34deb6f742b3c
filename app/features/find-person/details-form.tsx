import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Gender } from '../../domain/patient';
import {
  validatePatientSearch,
  type BirthDateInput,
  type BirthDatePart,
  type PatientSearch,
  type SearchField,
  type SearchForm,
  type SearchProblem,
} from '../../domain/patient-search';
import { ErrorSummary } from '../../ui/error-summary';
import { findPersonWords as words } from './find-person-words';

type BirthDateKind = BirthDateInput['kind'];

/** Every box of the form as typed; the birth date kinds keep their own boxes, so switching loses nothing. */
interface FormState {
  family: string;
  given: string;
  kind: BirthDateKind;
  day: string;
  month: string;
  year: string;
  yearOnly: string;
  ageFrom: string;
  ageTo: string;
  gender: Gender | '';
  postcode: string;
}

function stateFrom(form: SearchForm | undefined): FormState {
  const birth = form?.birthDate;
  return {
    family: form?.family ?? '',
    given: form?.given ?? '',
    kind: birth?.kind ?? 'date',
    day: birth?.kind === 'date' ? birth.day : '',
    month: birth?.kind === 'date' ? birth.month : '',
    year: birth?.kind === 'date' ? birth.year : '',
    yearOnly: birth?.kind === 'year' ? birth.year : '',
    ageFrom: birth?.kind === 'age' ? birth.from : '',
    ageTo: birth?.kind === 'age' ? birth.to : '',
    gender: form?.gender ?? '',
    postcode: form?.postcode ?? '',
  };
}

function formFrom(state: FormState): SearchForm {
  const birthDate: BirthDateInput =
    state.kind === 'date'
      ? { kind: 'date', day: state.day, month: state.month, year: state.year }
      : state.kind === 'year'
        ? { kind: 'year', year: state.yearOnly }
        : { kind: 'age', from: state.ageFrom, to: state.ageTo };
  return { family: state.family, given: state.given, birthDate, gender: state.gender, postcode: state.postcode };
}

export function problemWords(problem: SearchProblem): string {
  const forField: Partial<Record<string, string>> = words.problems[problem.field];
  return forField[problem.code] ?? words.problemFallback;
}

const SEXES = ['female', 'male', 'other'] as const;

/**
 * The details a crew knows (issue 12 point 1), checked by the domain against PDS's rules before
 * anything is sent: a refused form never reaches a national service. Problems show in the NHS.UK
 * error summary and beside each field; the date input highlights only the parts at fault.
 */
export function DetailsForm({ initial, onSearch }: { initial?: SearchForm | undefined; onSearch: (search: PatientSearch) => void }) {
  const id = useId();
  const fieldId = (name: string) => `${id}-${name}`;
  const [state, setState] = useState<FormState>(() => stateFrom(initial));
  const [problems, setProblems] = useState<readonly SearchProblem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setState((previous) => ({ ...previous, [key]: value }));

  const problemFor = (field: SearchField) => problems.find((p) => p.field === field);
  const partInError = (part: BirthDatePart) => problemFor('birthDate')?.parts?.includes(part) ?? false;

  /** Where the summary's link for a problem goes: the field, or the first date part at fault. */
  function targetOf(problem: SearchProblem): string {
    if (problem.field !== 'birthDate') return fieldId(problem.field);
    const first = problem.parts?.[0];
    if (state.kind === 'date') return fieldId(first === 'month' || first === 'year' ? first : 'day');
    if (state.kind === 'year') return fieldId('year-only');
    return fieldId(first === 'to' ? 'age-to' : 'age-from');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validatePatientSearch(formFrom(state));
    if (!checked.ok) {
      setProblems(checked.problems);
      // Focus the summary, as the NHS.UK error summary pattern asks.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setProblems([]);
    onSearch(checked.search);
  }

  const textField = (o: { name: 'family' | 'given' | 'postcode'; label: string; hint: string; autoComplete: string; width: string; autoFocus?: boolean }) => {
    const problem = problemFor(o.name);
    const hintId = `${fieldId(o.name)}-hint`;
    const errorId = `${fieldId(o.name)}-error`;
    return (
      <div className={problem ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <label className="nhsuk-label" htmlFor={fieldId(o.name)}>
          {o.label}
        </label>
        <div className="nhsuk-hint" id={hintId}>
          {o.hint}
        </div>
        {problem && <ErrorMessage id={errorId}>{problemWords(problem)}</ErrorMessage>}
        <input
          className={`nhsuk-input ${o.width}${problem ? ' nhsuk-input--error' : ''}`}
          id={fieldId(o.name)}
          name={o.name}
          type="text"
          autoComplete={o.autoComplete}
          spellCheck={false}
          autoCapitalize={o.name === 'postcode' ? 'characters' : 'words'}
          aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
          value={state[o.name]}
          onChange={(event) => set(o.name)(event.target.value)}
        />
      </div>
    );
  };

  const numberBox = (o: { name: 'day' | 'month' | 'year' | 'yearOnly' | 'ageFrom' | 'ageTo'; boxId: string; label: string; part: BirthDatePart; width: string; maxLength: number }) => (
    <div className="nhsuk-date-input__item">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-date-input__label" htmlFor={fieldId(o.boxId)}>
          {o.label}
        </label>
        <input
          className={`nhsuk-input nhsuk-date-input__input ${o.width}${partInError(o.part) ? ' nhsuk-input--error' : ''}`}
          id={fieldId(o.boxId)}
          name={o.boxId}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          maxLength={o.maxLength}
          value={state[o.name]}
          onChange={(event) => set(o.name)(event.target.value)}
        />
      </div>
    </div>
  );

  const birthProblem = problemFor('birthDate');
  const birthHintId = `${fieldId('birth')}-hint`;
  const birthErrorId = `${fieldId('birth')}-error`;
  const sexHintId = `${fieldId('gender')}-hint`;

  return (
    <form onSubmit={submit} noValidate className="crl-find-person__form">
      {problems.length > 0 && (
        <ErrorSummary
          id={fieldId('summary')}
          title={words.errorSummaryTitle}
          problems={problems.map((problem) => ({ fieldId: targetOf(problem), message: problemWords(problem) }))}
          ref={summaryRef}
        />
      )}
      {textField({ name: 'family', label: words.familyLabel, hint: words.familyHint, autoComplete: 'off', width: 'nhsuk-input--width-20' })}
      {textField({ name: 'given', label: words.givenLabel, hint: words.givenHint, autoComplete: 'off', width: 'nhsuk-input--width-20' })}

      <div className={birthProblem ? 'nhsuk-form-group nhsuk-form-group--error' : 'nhsuk-form-group'}>
        <fieldset className="nhsuk-fieldset" aria-describedby={birthProblem ? `${birthHintId} ${birthErrorId}` : birthHintId}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{words.birthDateLegend}</legend>
          <div className="nhsuk-radios nhsuk-radios--inline crl-find-person__kinds">
            {(['date', 'year', 'age'] as const).map((kind) => (
              <div className="nhsuk-radios__item" key={kind}>
                <input
                  className="nhsuk-radios__input"
                  id={fieldId(`kind-${kind}`)}
                  name="birth-date-kind"
                  type="radio"
                  value={kind}
                  checked={state.kind === kind}
                  onChange={() => set('kind')(kind)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={fieldId(`kind-${kind}`)}>
                  {words.birthDateKind[kind]}
                </label>
              </div>
            ))}
          </div>
          <div className="nhsuk-hint" id={birthHintId}>
            {state.kind === 'date' ? words.dateHint : state.kind === 'year' ? words.yearHint : words.ageHint}
          </div>
          {birthProblem && <ErrorMessage id={birthErrorId}>{problemWords(birthProblem)}</ErrorMessage>}
          <div className="nhsuk-date-input">
            {state.kind === 'date' && (
              <>
                {numberBox({ name: 'day', boxId: 'day', label: words.day, part: 'day', width: 'nhsuk-input--width-2', maxLength: 2 })}
                {numberBox({ name: 'month', boxId: 'month', label: words.month, part: 'month', width: 'nhsuk-input--width-2', maxLength: 2 })}
                {numberBox({ name: 'year', boxId: 'year', label: words.year, part: 'year', width: 'nhsuk-input--width-4', maxLength: 4 })}
              </>
            )}
            {state.kind === 'year' && numberBox({ name: 'yearOnly', boxId: 'year-only', label: words.yearLabel, part: 'year', width: 'nhsuk-input--width-4', maxLength: 4 })}
            {state.kind === 'age' && (
              <>
                {numberBox({ name: 'ageFrom', boxId: 'age-from', label: words.ageFrom, part: 'from', width: 'nhsuk-input--width-3', maxLength: 3 })}
                {numberBox({ name: 'ageTo', boxId: 'age-to', label: words.ageTo, part: 'to', width: 'nhsuk-input--width-3', maxLength: 3 })}
              </>
            )}
          </div>
        </fieldset>
      </div>

      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset" aria-describedby={sexHintId}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{words.sexLegend}</legend>
          <div className="nhsuk-hint" id={sexHintId}>
            {words.sexHint}
          </div>
          <div className="nhsuk-radios nhsuk-radios--inline">
            {(['', ...SEXES] as const).map((sex) => (
              <div className="nhsuk-radios__item" key={sex || 'any'}>
                <input
                  className="nhsuk-radios__input"
                  id={fieldId(sex === '' ? 'gender' : `gender-${sex}`)}
                  name="gender"
                  type="radio"
                  value={sex}
                  checked={state.gender === sex}
                  onChange={() => set('gender')(sex)}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={fieldId(sex === '' ? 'gender' : `gender-${sex}`)}>
                  {sex === '' ? words.sexAny : words.sexes[sex]}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>

      {textField({ name: 'postcode', label: words.postcodeLabel, hint: words.postcodeHint, autoComplete: 'off', width: 'nhsuk-input--width-10' })}

      <button type="submit" className="nhsuk-button crl-find-person__search">
        {words.search}
      </button>
    </form>
  );
}

function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span className="nhsuk-error-message" id={id}>
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {children}
    </span>
  );
}
