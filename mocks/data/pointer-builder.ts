import type { Coding, DocumentReference, DocumentReferenceContent, Extension } from '../fhir/fhir-types';
import {
  ASID_SYSTEM,
  CARE_PLAN_CATEGORY,
  FORMATS,
  FORMAT_SYSTEM,
  NHS_NUMBER_SYSTEM,
  ODS_SYSTEM,
  RECORD_TYPES,
  RETRIEVAL_EXTENSION,
  RETRIEVAL_MECHANISMS,
  RETRIEVAL_SYSTEM,
  STABILITY_EXTENSION,
  STABILITY_SYSTEM,
  type FormatName,
  type RecordTypeName,
  type RetrievalMechanismCode,
} from '../fhir/nrl-codes';

export interface ContentSpec {
  readonly contentType: 'application/pdf' | 'text/html' | 'application/fhir+json';
  /** `ssp://…` for SSP documents (§2.1), `https://…` for public contact pages (§2.2). */
  readonly url: string;
  readonly title?: string;
  readonly creation?: string;
  readonly format: FormatName;
  readonly stability: 'static' | 'dynamic';
  /** Undefined for legacy pointers migrated from NRL v2, which may lack the extension (§1.5). */
  readonly retrieval: RetrievalMechanismCode | undefined;
  /** Legacy producers still send "Unstructured document" (lower-case d); clients compare codes. */
  readonly formatDisplay?: string;
}

export interface PointerSpec {
  /** `{custodianODS}-{producerId}` (§1.5). */
  readonly id: string;
  readonly nhsNumber: string;
  readonly type: RecordTypeName;
  /** When the pointer was created or last updated (FHIR instant). */
  readonly date: string;
  /** The authoring organisation: whose team owns the record. */
  readonly authorOds: string;
  /** The organisation that maintains the pointer; the author unless a proxy does it. */
  readonly custodianOds?: string;
  /** Undefined for legacy pointers whose v2 original had no context (§1.5). */
  readonly practiceSetting: Coding | undefined;
  /** Provider ASID for `Ssp-To` (§1.5 `context.related`); only for SSP documents. */
  readonly providerAsid?: string;
  readonly description?: string;
  readonly contents: readonly ContentSpec[];
}

function content(spec: ContentSpec): DocumentReferenceContent {
  const format = FORMATS[spec.format];
  const extension: Extension[] = [
    {
      url: STABILITY_EXTENSION,
      valueCodeableConcept: {
        coding: [{ system: STABILITY_SYSTEM, code: spec.stability, display: spec.stability === 'static' ? 'Static' : 'Dynamic' }],
      },
    },
  ];
  if (spec.retrieval !== undefined) {
    extension.push({
      url: RETRIEVAL_EXTENSION,
      valueCodeableConcept: {
        coding: [{ system: RETRIEVAL_SYSTEM, code: spec.retrieval, display: RETRIEVAL_MECHANISMS[spec.retrieval] }],
      },
    });
  }
  return {
    attachment: {
      contentType: spec.contentType,
      language: 'en-GB',
      url: spec.url,
      ...(spec.title === undefined ? {} : { title: spec.title }),
      ...(spec.creation === undefined ? {} : { creation: spec.creation }),
    },
    format: { system: FORMAT_SYSTEM, code: format.code, display: spec.formatDisplay ?? format.display },
    extension,
  };
}

/** A DocumentReference as NRL returns it (§1.5): every field a consumer reads, in NRL's shape. */
export function buildPointer(spec: PointerSpec): DocumentReference {
  const related = spec.providerAsid === undefined ? undefined : [{ identifier: { system: ASID_SYSTEM, value: spec.providerAsid } }];
  const context =
    spec.practiceSetting === undefined && related === undefined
      ? undefined
      : {
          ...(spec.practiceSetting === undefined ? {} : { practiceSetting: { coding: [spec.practiceSetting] } }),
          ...(related === undefined ? {} : { related }),
        };
  return {
    resourceType: 'DocumentReference',
    id: spec.id,
    status: 'current',
    docStatus: 'final',
    type: { coding: [RECORD_TYPES[spec.type]] },
    category: [{ coding: [CARE_PLAN_CATEGORY] }],
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: spec.nhsNumber } },
    date: spec.date,
    author: [{ identifier: { system: ODS_SYSTEM, value: spec.authorOds } }],
    custodian: { identifier: { system: ODS_SYSTEM, value: spec.custodianOds ?? spec.authorOds } },
    ...(spec.description === undefined ? {} : { description: spec.description }),
    content: spec.contents.map(content),
    ...(context === undefined ? {} : { context }),
  };
}
