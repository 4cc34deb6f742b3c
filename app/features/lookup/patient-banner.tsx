import './patient-banner.css';
import { DemoTag } from './demo-tag';
import type { Ref } from 'react';
import { ageInYears, formatFhirDate } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { displayName, isSuperseded, type Patient } from '../../domain/patient';
import { lookupWords } from './lookup-words';

const words = lookupWords.banner;

/**
 * Who this is, from PDS: shown above any record so the crew can check identity before acting
 * (DESIGN.md safety rule 1). Restricted patients never show an address (rule 4).
 */
export function PatientBanner({
  patient,
  now = new Date(),
  sectionRef,
  headingRef,
  demo = false,
}: {
  patient: Patient;
  /** Demo mode: the banner says DEMO itself (the page's demo banner may be out of view). */
  demo?: boolean;
  now?: Date;
  sectionRef?: Ref<HTMLElement>;
  /** The name heading: where focus moves when the answer appears (result-arrival.tsx). */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const age = patient.birthDate ? ageInYears(patient.birthDate, now) : undefined;
  return (
    <section className="crl-patient-banner" aria-label={words.region} ref={sectionRef}>
      {demo && <DemoTag />}
      <h2 className="crl-patient-banner__name" ref={headingRef} tabIndex={-1}>
        {displayName(patient)}
      </h2>
      <dl className="crl-patient-banner__facts">
        <div>
          <dt>{words.born}</dt>
          <dd>
            {patient.birthDate ? formatFhirDate(patient.birthDate) : words.genders.unknown}
            {age !== undefined && <> {words.age(age)}</>}
          </dd>
        </div>
        <div>
          <dt>{words.nhsNumber}</dt>
          <dd className="crl-nhs-number">{formatNhsNumber(patient.nhsNumber)}</dd>
        </div>
        <div>
          <dt>{words.gender}</dt>
          <dd>{words.genders[patient.gender]}</dd>
        </div>
        <div className="crl-patient-banner__address">
          <dt>{words.address}</dt>
          <dd>
            {patient.restricted ? (
              <strong className="nhsuk-tag nhsuk-tag--orange">{words.restricted}</strong>
            ) : patient.address ? (
              patient.address.join(', ')
            ) : (
              words.noAddress
            )}
          </dd>
        </div>
      </dl>
      {isSuperseded(patient) && (
        <p className="crl-patient-banner__notice" role="status">
          {words.superseded(formatNhsNumber(patient.requestedNhsNumber), formatNhsNumber(patient.nhsNumber))}
        </p>
      )}
      {patient.deceasedAt && (
        <p className="crl-patient-banner__notice" role="status">
          {words.deceased(formatFhirDate(patient.deceasedAt.slice(0, 10)))}
        </p>
      )}
    </section>
  );
}
