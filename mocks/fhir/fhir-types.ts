/**
 * The slices of FHIR R4 the mocks emit, typed just enough to catch a misspelt key in the
 * synthetic data. Not a FHIR library: fields the services never send are left out.
 */

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
  readonly version?: string;
}

export interface CodeableConcept {
  readonly coding: readonly Coding[];
  readonly text?: string;
}

export interface Identifier {
  readonly system: string;
  readonly value: string;
  readonly use?: string;
  readonly extension?: readonly Extension[];
}

export interface Extension {
  readonly url: string;
  readonly valueCodeableConcept?: CodeableConcept;
  readonly valueCoding?: Coding;
  readonly valueBoolean?: boolean;
  readonly valueInteger?: number;
  readonly valueString?: string;
  readonly valuePeriod?: { readonly start?: string; readonly end?: string };
  readonly extension?: readonly Extension[];
}

export interface OperationOutcomeIssue {
  readonly severity: 'fatal' | 'error' | 'warning' | 'information';
  readonly code: string;
  readonly details?: CodeableConcept;
  readonly diagnostics?: string;
  readonly expression?: readonly string[];
}

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly OperationOutcomeIssue[];
}

export interface Attachment {
  readonly contentType: string;
  readonly url: string;
  readonly language?: string;
  readonly title?: string;
  readonly creation?: string;
}

export interface DocumentReferenceContent {
  readonly attachment: Attachment;
  readonly format: Coding;
  readonly extension: readonly Extension[];
}

export interface DocumentReference {
  readonly resourceType: 'DocumentReference';
  readonly id: string;
  readonly status: 'current';
  readonly docStatus?: 'entered-in-error' | 'amended' | 'preliminary' | 'final';
  readonly type: CodeableConcept;
  readonly category: readonly CodeableConcept[];
  readonly subject: { readonly identifier: Identifier };
  readonly date: string;
  readonly author: readonly { readonly identifier: Identifier }[];
  readonly custodian: { readonly identifier: Identifier };
  readonly description?: string;
  readonly content: readonly DocumentReferenceContent[];
  readonly context?: {
    readonly practiceSetting?: CodeableConcept;
    readonly related?: readonly { readonly identifier: Identifier }[];
  };
}

export interface HumanName {
  readonly id: string;
  readonly use: 'usual';
  readonly period: { readonly start: string };
  readonly prefix?: readonly string[];
  readonly given: readonly string[];
  readonly family: string;
}

export interface Address {
  readonly id: string;
  readonly use: 'home';
  readonly line: readonly string[];
  readonly postalCode: string;
  readonly period: { readonly start: string };
}

export interface ContactPoint {
  readonly id: string;
  readonly system: 'phone' | 'email';
  readonly value: string;
  readonly use: 'home' | 'mobile' | 'work';
}

export interface Patient {
  readonly resourceType: 'Patient';
  readonly id: string;
  readonly identifier: readonly Identifier[];
  readonly meta: { readonly versionId: string; readonly security: readonly Coding[] };
  /** PDS may leave it out: its Patient.yaml requires only `id` ("may not appear" for restricted patients). */
  readonly name?: readonly HumanName[];
  readonly gender: 'male' | 'female' | 'other' | 'unknown';
  readonly birthDate: string;
  readonly address?: readonly Address[];
  readonly telecom?: readonly ContactPoint[];
  readonly generalPractitioner?: readonly {
    readonly id: string;
    readonly type: 'Organization';
    readonly identifier: Identifier;
  }[];
}

export interface Organization {
  readonly resourceType: 'Organization';
  readonly id: string;
  readonly meta?: { readonly lastUpdated: string };
  readonly extension: readonly Extension[];
  readonly identifier: readonly Identifier[];
  readonly active: boolean;
  readonly type: readonly CodeableConcept[];
  readonly name: string;
  readonly telecom?: readonly { readonly system: 'phone' | 'url'; readonly value: string }[];
  readonly address: readonly {
    readonly line: readonly string[];
    readonly city: string;
    readonly district?: string;
    readonly postalCode: string;
    readonly country: string;
  }[];
}
