/**
 * NRL record types (SNOMED CT) that urgent care crews act on, in the order crews need them:
 * crisis plans first (docs/national-apis.md §1.6). Codes are compared, never displays.
 */

export const SNOMED_SYSTEM = 'http://snomed.info/sct';

export const MENTAL_HEALTH_CRISIS_PLAN = '736253002';

export interface RecordType {
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

/** The record type for a SNOMED code, or a generic one carrying the pointer's own display. */
export function recordTypeFor(code: string, display: string | undefined): RecordType {
  const known = KNOWN.find((t) => t.code === code);
  if (known) return known;
  const text = display?.trim() || 'Other record';
  return { code, display: text, label: text, rank: UNKNOWN_RANK };
}

export function isCrisisPlan(type: Pick<RecordType, 'code'>): boolean {
  return type.code === MENTAL_HEALTH_CRISIS_PLAN;
}
