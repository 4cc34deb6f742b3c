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
  /**
   * `"1"` for PDS and for NRL's backend, as their specs' error examples carry it (NRL
   * consumer.yaml 4XX examples); NRL's Apigee proxy policies (RaiseFault.*.xml) send none.
   */
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
