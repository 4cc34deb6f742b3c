import type { OperationOutcome, OperationOutcomeIssue } from '../fhir/fhir-types';

/**
 * Spine error code systems. Each service spells its own (docs/national-apis.md §1.7, §3), and
 * clients must key on the code, so the mocks reproduce each service's spelling rather than one.
 */
export const NRL_ERROR_SYSTEM = 'https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode';
export const PDS_ERROR_SYSTEM = 'https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode';

export interface SpineIssue {
  readonly system: string;
  readonly code: string;
  readonly display: string;
  /** FHIR issue type, e.g. `invalid`, `not-found`. */
  readonly issueCode: string;
  readonly severity?: OperationOutcomeIssue['severity'];
  readonly diagnostics?: string;
  readonly expression?: readonly string[];
  /** PDS adds `version: "1"` to its coding; NRL does not. */
  readonly version?: string;
}

export function spineIssue(issue: SpineIssue): OperationOutcomeIssue {
  const coding = {
    system: issue.system,
    ...(issue.version === undefined ? {} : { version: issue.version }),
    code: issue.code,
    display: issue.display,
  };
  return {
    severity: issue.severity ?? 'error',
    code: issue.issueCode,
    details: { coding: [coding] },
    ...(issue.diagnostics === undefined ? {} : { diagnostics: issue.diagnostics }),
    ...(issue.expression === undefined ? {} : { expression: issue.expression }),
  };
}

export function operationOutcome(...issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}
