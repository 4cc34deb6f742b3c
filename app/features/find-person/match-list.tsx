import { ageInYears, formatFhirDate } from '../../domain/dates';
import { formatNhsNumber, type NhsNumber } from '../../domain/nhs-number';
import { displayName } from '../../domain/patient';
import { postcodeOf } from '../../domain/patient-postcode';
import type { PatientMatch } from '../../domain/patient-search';
import { findPersonWords as words } from './find-person-words';

/** PDS's score in words (issue 12 point 3): 1 is every detail matched exactly. */
export function matchInWords(score: number): string {
  if (score === 1) return words.matchWords.exact;
  if (score >= 0.8) return words.matchWords.close;
  return words.matchWords.partial;
}

/** The date of birth, with the age today; no age for someone recorded as deceased (`deceasedAt`). */
export function bornInWords(birthDate: string | undefined, now: Date, deceasedAt?: string): string {
  if (birthDate === undefined) return words.birthDateUnknown;
  if (deceasedAt !== undefined) return formatFhirDate(birthDate);
  const years = ageInYears(birthDate, now);
  return years === undefined ? formatFhirDate(birthDate) : `${formatFhirDate(birthDate)} ${words.age(years)}`;
}

/**
 * The people a search found, best match first, each with what tells them apart and a Choose
 * button. Nothing about a person is fetched until one is chosen; choosing runs the ordinary
 * NHS-number lookup, so the PDS banner confirms the choice. Even one exact match is chosen, never
 * opened by itself.
 */
export function MatchList({ matches, onChoose, now = new Date() }: { matches: readonly PatientMatch[]; onChoose: (nhsNumber: NhsNumber) => void; now?: Date }) {
  return (
    <ol className="nhsuk-list crl-matches">
      {matches.map(({ patient, score }) => {
        const name = displayName(patient);
        const born = bornInWords(patient.birthDate, now, patient.deceasedAt);
        // PDS returns death on a search: a record of someone who has died is told apart at once.
        const died = patient.deceasedAt === undefined ? undefined : formatFhirDate(patient.deceasedAt.slice(0, 10));
        const postcode = postcodeOf(patient);
        return (
          <li className="crl-match" key={patient.nhsNumber}>
            <h3 className="nhsuk-heading-s crl-match__name">{name}</h3>
            <dl className="crl-match__details">
              <div>
                <dt>{words.born}</dt>
                <dd>{born}</dd>
              </div>
              {died !== undefined && (
                <div>
                  <dt>{words.died}</dt>
                  <dd>
                    <strong>{words.diedOn(died)}</strong>
                  </dd>
                </div>
              )}
              <div>
                <dt>{words.sex}</dt>
                <dd>{words.sexes[patient.gender]}</dd>
              </div>
              <div>
                <dt>{words.postcode}</dt>
                {/* Safety rule 4: a restricted person's location is never shown; PDS sends none. */}
                <dd>{patient.restricted ? <strong>{words.addressWithheld}</strong> : (postcode ?? words.noPostcode)}</dd>
              </div>
              <div>
                <dt>{words.nhsNumber}</dt>
                <dd className="crl-nhs-number">{formatNhsNumber(patient.nhsNumber)}</dd>
              </div>
              <div>
                <dt>{words.match}</dt>
                <dd>{matchInWords(score)}</dd>
              </div>
            </dl>
            <button type="button" className="nhsuk-button nhsuk-button--secondary crl-match__choose" onClick={() => onChoose(patient.nhsNumber)}
              // Two people can share a name: the spoken name says which one (the visible words start it).
              aria-label={`${words.choose} ${name}${words.chooseHidden(born)}${died === undefined ? '' : words.chooseHiddenDied(died)}`}
            >
              {words.choose} {name}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
