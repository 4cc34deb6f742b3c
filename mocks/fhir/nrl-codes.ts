import type { Coding } from './fhir-types';

/**
 * NRL wire values (docs/national-apis.md §1.5, §1.6), spelt out here rather than imported from
 * app/domain: the mocks are the app's independent oracle, so a typo in an app constant fails a
 * test instead of being mirrored by the mocks.
 */

export const SNOMED = 'http://snomed.info/sct';
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const ASID_SYSTEM = 'https://fhir.nhs.uk/Id/nhsSpineASID';

export const FORMAT_SYSTEM = 'https://fhir.nhs.uk/England/CodeSystem/England-NRLFormatCode';
export const STABILITY_EXTENSION = 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability';
export const STABILITY_SYSTEM = 'https://fhir.nhs.uk/England/CodeSystem/England-NRLContentStability';
export const RETRIEVAL_EXTENSION = 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-NRLRetrievalMechanism';
export const RETRIEVAL_SYSTEM = 'https://fhir.nhs.uk/England/CodeSystem/England-NRLRetrievalMechanism';

export const FORMATS = {
  unstructured: { code: 'urn:nhs-ic:unstructured', display: 'Unstructured Document' },
  structured: { code: 'urn:nhs-ic:structured', display: 'Structured Document' },
  recordContact: { code: 'urn:nhs-ic:record-contact', display: 'Contact details (HTTP Unsecured)' },
} as const;
export type FormatName = keyof typeof FORMATS;

export const RETRIEVAL_MECHANISMS = {
  SSP: 'Spine Secure Proxy',
  Direct: 'Direct',
  LDR: 'Large Document Retrieval',
  InContext: 'Direct using In-Context',
} as const;
export type RetrievalMechanismCode = keyof typeof RETRIEVAL_MECHANISMS;

export const CARE_PLAN_CATEGORY: Coding = { system: SNOMED, code: '734163000', display: 'Care plan' };

/** Record types the mocks' pointers use (§1.6), each with its exact NRL display and category. */
export const RECORD_TYPES = {
  crisisPlan: { system: SNOMED, code: '736253002', display: 'Mental health crisis plan' },
  respectForm: {
    system: SNOMED,
    code: '1382601000000107',
    display: 'ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form',
  },
  emergencyHealthCarePlan: { system: SNOMED, code: '887701000000100', display: 'Emergency health care plan' },
} as const satisfies Record<string, Coding>;
export type RecordTypeName = keyof typeof RECORD_TYPES;

/**
 * Every SNOMED record type NRL knows (§1.6) with its category: what a `type` or `category`
 * search value is checked against. The mocks treat every organisation as onboarded for all of
 * them; a real organisation sees only the types agreed at onboarding (§6.1).
 */
export const NRL_TYPE_CATEGORIES: ReadonlyMap<string, string> = new Map([
  ['736253002', '734163000'],
  ['887701000000100', '734163000'],
  ['861421000000109', '734163000'],
  ['1382601000000107', '734163000'],
  ['325691000000100', '734163000'],
  ['736373009', '734163000'],
  ['736366004', '734163000'],
  ['735324008', '734163000'],
  ['2181441000000107', '734163000'],
  ['16521000000101', '734163000'],
  ['1363501000000100', '1102421000000108'],
  ['824321000000109', '823651000000106'],
  ['749001000000101', '419891008'],
  ['887181000000106', '716931000000107'],
]);

/** Practice settings (England-PracticeSetting) the synthetic teams use, with exact displays. */
export const PRACTICE_SETTINGS = {
  crisisResolution: { system: SNOMED, code: '92151000000102', display: 'Mental health crisis resolution team' },
  homeTreatment: { system: SNOMED, code: '92221000000103', display: 'Mental health home treatment team' },
  crisisPrevention: { system: SNOMED, code: '89311000000105', display: 'Crisis prevention assessment and treatment team' },
  communityMentalHealth: { system: SNOMED, code: '89301000000108', display: 'Community mental health team' },
} as const satisfies Record<string, Coding>;
