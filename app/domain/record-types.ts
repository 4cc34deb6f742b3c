/**
 * NRL record types (SNOMED CT) that urgent care crews act on, in the order crews need them:
 * crisis plans first (docs/national-apis.md §1.6). Codes are compared, never displays.
 */

export const SNOMED_SYSTEM = 'http://snomed.info/sct';

export const MENTAL_HEALTH_CRISIS_PLAN = '736253002';

export interface RecordType {
  /**
   * The SNOMED CT code. A coding in any other system, or with none, keeps the FHIR token form
   * `system|code` (`|code` when there is no system), so it can never equal a SNOMED code here
   * or in `isCrisisPlan`.
   */
  readonly code: string;
  /** The exact NRL display, used when the pointer's own display is missing. */
  readonly display: string;
  /** What crews call it, on screen. */
  readonly label: string;
  /** Lower sorts first. */
  readonly rank: number;
}

const KNOWN: readonly RecordType[] = [
  { code: MENTAL_HEALTH_CRISIS_PLAN, display: 'Mental health crisis plan', label: 'Mental health crisis plan', rank: 0 },
  {
    code: '1382601000000107',
    display: 'ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form',
    label: 'ReSPECT form',
    rank: 1,
  },
  { code: '887701000000100', display: 'Emergency health care plan', label: 'Emergency health care plan', rank: 2 },
  { code: '736373009', display: 'End of life care plan', label: 'End of life care plan', rank: 3 },
  {
    code: '861421000000109',
    display: 'End of life care coordination summary',
    label: 'End of life care coordination summary',
    rank: 4,
  },
  { code: '736366004', display: 'Advance care plan', label: 'Advance care plan', rank: 5 },
  { code: '735324008', display: 'Treatment escalation plan', label: 'Treatment escalation plan', rank: 6 },
  { code: '325691000000100', display: 'Contingency plan', label: 'Contingency plan', rank: 7 },
];

const UNKNOWN_RANK = 100;

/** A pointer's `type` coding as NRL sends it. */
export interface TypeCoding {
  readonly system: string | undefined;
  readonly code: string;
  readonly display: string | undefined;
}

/**
 * The record type for a pointer's type coding, or a generic one carrying the pointer's own
 * display. The table holds SNOMED CT codes, so a code is looked up only when its system is
 * SNOMED: NRL's consumer spec (`components/schemas/TypeCategoryCoding.system`) allows
 * `http://snomed.info/sct` only, and the same digits in another code system (or with no system)
 * mean something else, so they must never pass as a crisis plan.
 */
export function recordTypeFor(coding: TypeCoding): RecordType {
  const known = coding.system === SNOMED_SYSTEM ? KNOWN.find((t) => t.code === coding.code) : undefined;
  if (known) return known;
  const text = coding.display?.trim() || 'Other record';
  const code = coding.system === SNOMED_SYSTEM ? coding.code : `${coding.system ?? ''}|${coding.code}`;
  return { code, display: text, label: text, rank: UNKNOWN_RANK };
}

export function isCrisisPlan(type: Pick<RecordType, 'code'>): boolean {
  return type.code === MENTAL_HEALTH_CRISIS_PLAN;
}
