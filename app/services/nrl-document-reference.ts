import * as z from 'zod/mini';
import type { NhsNumber } from '../domain/nhs-number';
import { isOdsCode } from '../domain/organisation';
import type { Coding, Pointer, PointerContent, RetrievalMechanism } from '../domain/pointer';
import { recordTypeFor, SNOMED_SYSTEM } from '../domain/record-types';
import { documentTypeOf, mediaTypeOf } from './media-types';
import { summariseIssues } from './schema-issues';

/** docs/national-apis.md §1.5 */
export const CONTENT_STABILITY_URL = 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-ContentStability';
export const RETRIEVAL_MECHANISM_URL = 'https://fhir.nhs.uk/England/StructureDefinition/Extension-England-NRLRetrievalMechanism';
export const SPINE_ASID_SYSTEM = 'https://fhir.nhs.uk/Id/nhsSpineASID';

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

/** `type/subtype`, as RFC 9110 spells a media type, after parameters are dropped. */
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/**
 * One `content[]` item we can act on: where the record is, what it is, and whether it is a
 * contact page (format code). Judged item by item (`toPointer`), so one unusable item costs only
 * itself, not the pointer.
 */
const Content = z.object({
  attachment: z.object({
    // consumer.yaml `components/schemas/Attachment.contentType` is free text that "includes mime
    // type parameters such as charset where appropriate"; there is no enum. Kept as its media type
    // (lower case, parameters dropped). A type the app cannot show is carried through and refused
    // at retrieval (document-client, kind 'unsupported') so the crew still learns the record exists.
    contentType: z.pipe(
      z.pipe(z.string(), z.transform((value: string) => mediaTypeOf(value) ?? '')),
      z.string().check(z.regex(MEDIA_TYPE, 'must be a media type such as application/pdf')),
    ),
    url: z.string().check(z.minLength(1)),
    title: z.optional(z.string()),
    creation: z.optional(z.string()),
  }),
  // Compared by code only: displays vary in case and old IHE systems linger (§1.5). Without a
  // code we cannot tell a contact page from the record, so such an item is not usable.
  format: FhirCoding,
  // Read one by one in `extensionCode`: an odd extension must not cost the content item.
  extension: z.optional(z.array(z.unknown())),
});

/**
 * The parts of an NRL DocumentReference a consumer uses (§1.5). Tolerates what legacy pointers
 * migrated from NRL v2 lack: author, context, practiceSetting and the retrieval mechanism.
 * `content` items are checked one at a time by `toPointer`.
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
  content: z.array(z.unknown()).check(z.minLength(1)),
  context: z.optional(
    z.object({
      practiceSetting: z.optional(CodeableConcept),
      related: z.optional(z.array(z.object({ identifier: z.optional(z.partial(Identifier)) }))),
    }),
  ),
});
export type NrlDocumentReference = z.infer<typeof NrlDocumentReference>;

/** A `content[]` item left out of a pointer, for the client's log: its position and why, never its values. */
export interface DroppedContent {
  readonly index: number;
  readonly issues: string;
}

export interface MappedPointer {
  /** Undefined when no content item is usable: there is nothing to show or fetch. */
  readonly pointer: Pointer | undefined;
  readonly droppedContents: readonly DroppedContent[];
}

/** Maps a parsed pointer; the caller has already checked that its subject is the searched patient. */
export function toPointer(resource: NrlDocumentReference, subject: NhsNumber): MappedPointer {
  const contents: PointerContent[] = [];
  const droppedContents: DroppedContent[] = [];
  resource.content.forEach((raw, index) => {
    const parsed = Content.safeParse(raw);
    if (parsed.success) contents.push(toContent(parsed.data));
    else droppedContents.push({ index, issues: summariseIssues(parsed.error) });
  });
  if (contents.length === 0) return { pointer: undefined, droppedContents };

  // consumer.yaml `TypeCategoryCoding.system` allows SNOMED CT only; should a producer send more
  // than one coding, the SNOMED one is the one that names the record type.
  const type = resource.type.coding.find((c) => c.system === SNOMED_SYSTEM) ?? resource.type.coding[0]!;
  const setting = resource.context?.practiceSetting?.coding[0];
  return {
    pointer: {
      id: resource.id,
      subjectNhsNumber: subject,
      recordType: recordTypeFor({ system: type.system, code: type.code, display: type.display }),
      date: resource.date,
      authorOds: authorOdsCode(resource.author?.[0]?.identifier?.value),
      custodianOds: resource.custodian.identifier.value,
      practiceSetting: setting ? ({ code: setting.code, display: setting.display } satisfies Coding) : undefined,
      providerAsid: resource.context?.related?.find((r) => r.identifier?.system === SPINE_ASID_SYSTEM)?.identifier?.value,
      // Callers open the first document content, so one the app can show goes before one it
      // cannot (a stable sort: otherwise the producer's order stands).
      contents: contents.sort((a, b) => Number(canShow(b)) - Number(canShow(a))),
    },
    droppedContents,
  };
}

/**
 * The author's ODS code, or undefined so that `owningOrganisationOds` falls back to the custodian.
 * consumer.yaml `OdsCodeIdentifier.value` is free text described as "The ODS code of the
 * organisation", yet the spec's own read example (`GET /DocumentReference/{id}`, 200) sends
 * `author[0].identifier.value: Organization/Y05868` beside custodian `Y05868`: a FHIR reference
 * written where the bare code belongs. We read the code out of that form; any other value that is
 * not an ODS code is never sent to ODS (which would refuse it, leaving no switchboard number).
 */
export function authorOdsCode(value: string | undefined): string | undefined {
  const code = value?.trim().replace(/^Organization\//i, '');
  return code !== undefined && isOdsCode(code) ? code : undefined;
}

function canShow(content: PointerContent): boolean {
  return documentTypeOf(content.contentType) !== undefined;
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

/**
 * Matched by URL, then by code; the system is not checked because consumer.yaml's own examples
 * spell it `…/England-NRLContentStability,` (trailing comma). An unreadable extension is ignored.
 */
function extensionCode(extensions: readonly unknown[] | undefined, url: string): string | undefined {
  for (const raw of extensions ?? []) {
    const extension = Extension.safeParse(raw);
    if (!extension.success || extension.data.url !== url) continue;
    return extension.data.valueCodeableConcept?.coding?.find((c) => c.code)?.code;
  }
  return undefined;
}
