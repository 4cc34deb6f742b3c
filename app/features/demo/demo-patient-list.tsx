import './demo-patient-list.css';
import { parseNhsNumber, formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import type { SearchForm } from '../../domain/patient-search';
import type { DemoPatientEntry, DemoSearchExample } from '../../runtime/runtime-context';
import { ageInYears } from '../../domain/dates';
import { demoWords } from './demo-words';

const words = demoWords.patients;

/** Today's age, from the date of birth, each time the list is shown. */
const age = (birthDate: string | undefined) => (birthDate === undefined ? undefined : ageInYears(birthDate, new Date()));

/** Demo mode: the synthetic patients and what each one shows, for trainers. */
export function DemoPatientList({
  patients,
  searchExamples = [],
  open,
  onPick,
  onTryDetails,
}: {
  patients: readonly DemoPatientEntry[];
  /** Searches by details to try (issue 12 point 6): each fills in the details form. */
  searchExamples?: readonly DemoSearchExample[];
  open: boolean;
  onPick: (nhsNumber: NhsNumber) => void;
  onTryDetails?: (form: SearchForm) => void;
}) {
  return (
    <details className="nhsuk-details crl-demo-patients" open={open}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">{words.heading}</span>
      </summary>
      <div className="nhsuk-details__text">
        <p>{words.intro}</p>
        <ul className="nhsuk-list crl-demo-patients__list">
          {patients.map((patient) => {
            const parsed = parseNhsNumber(patient.nhsNumber);
            if (!parsed.ok) return null;
            const years = age(patient.birthDate);
            return (
              <li key={patient.nhsNumber}>
                <button type="button" className="nhsuk-button nhsuk-button--secondary crl-demo-patients__button" onClick={() => onPick(parsed.value)}>
                  <span className="crl-nhs-number">{formatNhsNumber(parsed.value)}</span> {patient.title}
                </button>
                <span className="nhsuk-body-s crl-demo-patients__description">
                  {years !== undefined && <>{words.age(years)} </>}
                  {patient.description}
                </span>
              </li>
            );
          })}
        </ul>
        {onTryDetails && searchExamples.length > 0 && (
          <>
            <h3 className="nhsuk-heading-s">{words.searchHeading}</h3>
            <p>{words.searchIntro}</p>
            <ul className="nhsuk-list crl-demo-patients__list">
              {searchExamples.map((example) => (
                <li key={example.label}>
                  <button type="button" className="nhsuk-button nhsuk-button--secondary crl-demo-patients__button" onClick={() => onTryDetails(example.form)}>
                    {example.label}
                  </button>
                  <span className="nhsuk-body-s crl-demo-patients__description">{example.description}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </details>
  );
}
