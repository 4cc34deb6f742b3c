import type { Patient } from '../../domain/patient';
import { displayName } from '../../domain/patient';
import { checkPlanName, findPlanName, type PlanField } from '../../domain/plan-name-match';
import { planWords } from './plan-words';

/**
 * Above the plan when the name it labels is not the name PDS confirmed: the crew may have the
 * wrong person, or the plan may be someone else's. A warning only: the plan stays readable,
 * because names are written many ways and the crew can check the NHS number and date of birth.
 * Nothing when either name is missing (a restricted record may withhold it).
 */
export function PlanNameWarning({ fields, patient }: { fields: readonly PlanField[] | null; patient: Pick<Patient, 'name' | 'restricted'> }) {
  const check = fields === null ? null : checkPlanName(findPlanName(fields), patient.name);
  // The region is there from the start, so a warning that arrives once a PDF is read is announced.
  return (
    <div aria-live="polite" className="crl-plan-name-check">
      {check?.kind === 'different' && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span className="nhsuk-u-visually-hidden">Important:</span> {planWords.nameCheckLabel}
          </h3>
          <p>{planWords.nameDiffers(check.planName, displayName(patient))}</p>
        </div>
      )}
    </div>
  );
}
