import * as z from 'zod/mini';
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
  system: z.optional(z.string()),
  code: z.string().check(z.minLength(1)),
  display: z.optional(z.string()),
});

const CodeableConcept = z.object({ coding: z.array(FhirCoding).check(z.minLength(1)) });

const Identifier = z.object({ system: z.optional(z.string()), value: z.string().check(z.minLength(1)) });

const Extension = z.object({
  url: z.string(),
  valueCodeableConcept: z.optional(
    z.object({ coding: z.optional(z.array(z.object({ system: z.optional(z.string()), code: z.optional(z.string()) }))) }),
  ),
});

const Content = z.object({
  attachment: z.object({
    contentType: z.pipe(
      z.pipe(z.string(), z.transform((value: string) => mediaTypeOf(value) ?? '')),
      z.enum(POINTER_CONTENT_TYPES),
    ),
    url: z.string().check(z.minLength(1)),
    title: z.optional(z.string()),
    creation: z.optional(z.string()),
  }),
  // Compared by code only: displays vary in case and old IHE systems linger (§1.5).
  format: FhirCoding,
  extension: z.optional(z.array(Extension)),
});

/**
 * The parts of an NRL DocumentReference a consumer uses (§1.5). Tolerates what legacy pointers
 * migrated from NRL v2 lack: author, context, practiceSetting and the retrieval mechanism.
 */
export const NrlDocumentReference = z.object({
  resourceType: z.literal('DocumentReference'),
  id: z.string().check(z.minLength(1)),
  status: z.string(),
  type: CodeableConcept,
  subject: z.object({ identifier: Identifier }),
  date: z.optional(z.string()),
  author: z.optional(z.array(z.object({ identifier: z.optional(Identifier) }))),
  custodian: z.object({ identifier: Identifier }),
  content: z.array(Content).check(z.minLength(1)),
  context: z.optional(
    z.object({
      practiceSetting: z.optional(CodeableConcept),
      related: z.optional(z.array(z.object({ identifier: z.optional(z.partial(Identifier)) }))),
    }),
  ),
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
