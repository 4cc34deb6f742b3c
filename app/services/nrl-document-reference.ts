import { z } from 'zod';
import type { NhsNumber } from '../domain/nhs-number';
import type { Coding, Pointer, PointerContent, RetrievalMechanism } from '../domain/pointer';
import { recordTypeFor } from '../domain/record-types';
import { mediaTypeOf } from './media-types';

/** docs/national-apis.md §1.5 */
export const CONTENT_STABILITY_URL = 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability';
export const RETRIEVAL_MECHANISM_URL = 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-NRLRetrievalMechanism';
export const SPINE_ASID_SYSTEM = 'https://fhir.nhs.uk/Id/nhsSpineASID';

/** The only attachment types NRL accepts (§1.5); compared without parameters such as charset. */
export const POINTER_CONTENT_TYPES = [
  'application/pdf',
  'text/html',
  'application/json',
  'application/fhir+json',
  'application/json+fhir',
] as const;

const RETRIEVAL_MECHANISMS: readonly RetrievalMechanism[] = ['SSP', 'Direct', 'LDR', 'InContext'];

const FhirCoding = z.object({
  system: z.string().optional(),
  code: z.string().min(1),
  display: z.string().optional(),
});

const CodeableConcept = z.object({ coding: z.array(FhirCoding).min(1) });

const Identifier = z.object({ system: z.string().optional(), value: z.string().min(1) });

const Extension = z.object({
  url: z.string(),
  valueCodeableConcept: z
    .object({ coding: z.array(z.object({ system: z.string().optional(), code: z.string().optional() })).optional() })
    .optional(),
});

const Content = z.object({
  attachment: z.object({
    contentType: z.string().transform((value) => mediaTypeOf(value) ?? '').pipe(z.enum(POINTER_CONTENT_TYPES)),
    url: z.string().min(1),
    title: z.string().optional(),
    creation: z.string().optional(),
  }),
  // Compared by code only: displays vary in case and old IHE systems linger (§1.5).
  format: FhirCoding,
  extension: z.array(Extension).optional(),
});

/**
 * The parts of an NRL DocumentReference a consumer uses (§1.5). Tolerates what legacy pointers
 * migrated from NRL v2 lack: author, context, practiceSetting and the retrieval mechanism.
 */
export const NrlDocumentReference = z.object({
  resourceType: z.literal('DocumentReference'),
  id: z.string().min(1),
  status: z.string(),
  type: CodeableConcept,
  subject: z.object({ identifier: Identifier }),
  date: z.string().optional(),
  author: z.array(z.object({ identifier: Identifier.optional() })).optional(),
  custodian: z.object({ identifier: Identifier }),
  content: z.array(Content).min(1),
  context: z
    .object({
      practiceSetting: CodeableConcept.optional(),
      related: z.array(z.object({ identifier: Identifier.partial().optional() })).optional(),
    })
    .optional(),
});
export type NrlDocumentReference = z.infer<typeof NrlDocumentReference>;

/** Maps a parsed pointer; the caller has already checked that its subject is the searched patient. */
export function toPointer(resource: NrlDocumentReference, subject: NhsNumber): Pointer {
  const type = resource.type.coding[0]!;
  const setting = resource.context?.practiceSetting?.coding[0];
  return {
    id: resource.id,
    subjectNhsNumber: subject,
    recordType: recordTypeFor(type.code, type.display),
    date: resource.date,
    authorOds: resource.author?.[0]?.identifier?.value,
    custodianOds: resource.custodian.identifier.value,
    practiceSetting: setting ? ({ code: setting.code, display: setting.display } satisfies Coding) : undefined,
    providerAsid: resource.context?.related?.find((r) => r.identifier?.system === SPINE_ASID_SYSTEM)?.identifier?.value,
    contents: resource.content.map(toContent),
  };
}

function toContent(content: z.infer<typeof Content>): PointerContent {
  const stability = extensionCode(content.extension, CONTENT_STABILITY_URL);
  const mechanism = extensionCode(content.extension, RETRIEVAL_MECHANISM_URL);
  return {
    contentType: content.attachment.contentType,
    url: content.attachment.url,
    title: content.attachment.title,
    creation: content.attachment.creation,
    formatCode: content.format.code,
    stability: stability === 'static' || stability === 'dynamic' ? stability : undefined,
    retrievalMechanism: RETRIEVAL_MECHANISMS.find((m) => m === mechanism),
  };
}

function extensionCode(extensions: z.infer<typeof Extension>[] | undefined, url: string): string | undefined {
  return extensions?.find((e) => e.url === url)?.valueCodeableConcept?.coding?.find((c) => c.code)?.code;
}
