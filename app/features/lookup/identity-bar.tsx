import './identity-bar.css';
import { useEffect, useState, type RefObject } from 'react';
import { ageInYears, formatFhirDate } from '../../domain/dates';
import { formatNhsNumber } from '../../domain/nhs-number';
import { displayName, type Patient } from '../../domain/patient';
import { describeAge, isStale } from '../../domain/staleness';
import { lookupWords } from './lookup-words';
import { DemoTag } from './demo-tag';

const words = lookupWords.identityBar;

/** When the answer shown is the copy saved on this device: when it was retrieved. */
export interface SavedCopy {
  readonly retrievedAt: string;
  readonly staleAfterHours: number;
}

/**
 * Who this is, kept in view while the crew scrolls the plan and the team card (issue 9 point 1):
 * name, date of birth with age, NHS number and, for a saved copy, its age. Drawn from the very
 * `patient` the full banner shows, inside the same answer (keyed by lookup), so it can never name
 * anyone else (DESIGN.md safety rule 1). No address: restricted patients never show one (rule 4),
 * and the bar is for recognising the person, not for finding them.
 *
 * A sticky strip of no height sits just above the banner; the bar hangs from it and shows only
 * while the banner's name is scrolled out of view, so nothing on the page moves when it appears.
 */
export function IdentityBar({ patient, shown, savedCopy, demo = false, now = new Date() }: { patient: Patient; shown: boolean; savedCopy?: SavedCopy | undefined; demo?: boolean; now?: Date }) {
  const age = patient.birthDate ? ageInYears(patient.birthDate, now) : undefined;
  const stale = savedCopy ? isStale(savedCopy.retrievedAt, now, savedCopy.staleAfterHours) : false;
  return (
    <div className="crl-identity-sticky">
      <div className="crl-identity-bar" role="group" aria-label={words.label} hidden={!shown}>
        {demo && <DemoTag />}
        <strong className="crl-identity-bar__name">{displayName(patient)}</strong>
        <span className="crl-identity-bar__fact">
          {words.born}{' '}
          <b>
            {patient.birthDate ? formatFhirDate(patient.birthDate) : words.birthDateUnknown}
            {age !== undefined && (
              <>
                {' '}
                <span aria-hidden="true">{words.age(age)}</span>
                <span className="nhsuk-u-visually-hidden">{words.ageSpoken(age)}</span>
              </>
            )}
          </b>
        </span>
        <span className="crl-identity-bar__fact">
          {words.nhsNumber} <b className="crl-nhs-number">{formatNhsNumber(patient.nhsNumber)}</b>
        </span>
        {savedCopy && (
          <strong className={stale ? 'crl-identity-bar__saved crl-identity-bar__saved--stale' : 'crl-identity-bar__saved'}>
            {(stale ? words.savedCopyStale : words.savedCopy)(describeAge(savedCopy.retrievedAt, now))}
          </strong>
        )}
      </div>
    </div>
  );
}

/**
 * True once `ref`'s element has scrolled up out of the viewport (not when it is still below it):
 * the moment the banner's name can no longer be read and the bar must show it instead.
 */
export function useScrolledAbove(ref: RefObject<Element | null>): boolean {
  const [above, setAbove] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    // The viewport stretched far downwards: "in view" means "not yet above the top". With the
    // plain viewport, a name below the screen that a jump (Read the plan, a fling, End) carried
    // straight to above it never intersected, so no entry came and the bar stayed hidden (seen
    // on a saved copy scrolled back to the top, whose name starts below the fold at 1024×768).
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setAbove(!entry.isIntersecting && entry.boundingClientRect.top < 0);
      },
      { rootMargin: '0px 0px 100000px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return above;
}
