import type { NhsNumber } from './nhs-number';
import type { Patient } from './patient';
import type { RecordType } from './record-types';

/** NRL format codes (England-NRLFormatCode), compared by code (docs/national-apis.md §1.5). */
export const FORMAT_UNSTRUCTURED = 'urn:nhs-ic:unstructured';
export const FORMAT_STRUCTURED = 'urn:nhs-ic:structured';
export const FORMAT_RECORD_CONTACT = 'urn:nhs-ic:record-contact';

export type RetrievalMechanism = 'SSP' | 'Direct' | 'LDR' | 'InContext';

/** One `content[]` item of a pointer: where one rendition of the record lives. */
export interface PointerContent {
  readonly contentType: string;
  readonly url: string;
  readonly title: string | undefined;
  /** ISO date-time the document was created, when the producer says. */
  readonly creation: string | undefined;
  readonly formatCode: string;
  readonly stability: 'static' | 'dynamic' | undefined;
  readonly retrievalMechanism: RetrievalMechanism | undefined;
}

export interface Coding {
  readonly code: string;
  readonly display: string | undefined;
}

/** A parsed NRL DocumentReference. */
export interface Pointer {
  readonly id: string;
  readonly subjectNhsNumber: NhsNumber;
  readonly recordType: RecordType;
  /** When the pointer was created or last updated (ISO instant). */
  readonly date: string | undefined;
  /** The organisation that authored the record (the owning team's): a plain ODS code, else undefined. */
  readonly authorOds: string | undefined;
  /** The organisation that maintains the pointer (may be a proxy). */
  readonly custodianOds: string;
  /** The team (e.g. "Mental health crisis resolution team"); legacy pointers may lack it. */
  readonly practiceSetting: Coding | undefined;
  /** Provider ASID from `context.related`, used as `Ssp-To`. */
  readonly providerAsid: string | undefined;
  readonly contents: readonly PointerContent[];
}

/** What the locator answered for one NHS number. */
export interface PointerSearch {
  readonly pointers: readonly Pointer[];
  /**
   * Entries the locator returned that are not in `pointers`: unreadable or not a
   * DocumentReference, another patient's, or not current. Non-zero means "some records could not
   * be shown", which the screen must not present as "no record".
   */
  readonly skippedEntries: number;
}

/**
 * The organisation to look up in ODS for a pointer's owner: author first, then custodian. The
 * mapping leaves `authorOds` undefined when the author value is not a plain ODS code, so this
 * falls back to the custodian then (services/nrl-document-reference.ts `authorOdsCode`).
 */
export function owningOrganisationOds(pointer: Pointer): string {
  return pointer.authorOds ?? pointer.custodianOds;
}

/** The renditions of the record itself (everything except contact-details pages). */
export function documentContents(pointer: Pointer): PointerContent[] {
  return pointer.contents.filter((c) => c.formatCode !== FORMAT_RECORD_CONTACT);
}

export function contactContents(pointer: Pointer): PointerContent[] {
  return pointer.contents.filter((c) => c.formatCode === FORMAT_RECORD_CONTACT);
}

/** Crisis plans first, then by record type rank, then newest first. */
export function comparePointers(a: Pointer, b: Pointer): number {
  if (a.recordType.rank !== b.recordType.rank) return a.recordType.rank - b.recordType.rank;
  return (b.date ?? '').localeCompare(a.date ?? '');
}

/**
 * The contact-details page for a record's owning team: the pointer's own contact content,
 * else a sibling contact pointer from the same organisation (same team first). NRL has no
 * structured phone field; the page is the only source of the team's number (§2.2).
 */
export function findContactContent(pointer: Pointer, all: readonly Pointer[]): PointerContent | undefined {
  const own = contactContents(pointer)[0];
  if (own) return own;
  const owner = owningOrganisationOds(pointer);
  const team = pointer.practiceSetting?.code;
  const siblings = all
    .filter((p) => p !== pointer && owningOrganisationOds(p) === owner && contactContents(p).length > 0)
    .sort((a, b) => Number(b.practiceSetting?.code === team) - Number(a.practiceSetting?.code === team));
  return siblings.flatMap(contactContents)[0];
}

/** Pointers that locate a record to read (not only a contact page). */
export function isRecordPointer(pointer: Pointer): boolean {
  return documentContents(pointer).length > 0;
}

/**
 * The numbers to search the locator under for one PDS-confirmed person: the one typed first,
 * then, if PDS replaced it, the one it holds now. A trust that never updated its pointer still
 * files the plan under the old number, and both are this person (issue 7 point 2).
 */
export function pointerSearchNumbers(patient: Pick<Patient, 'nhsNumber' | 'requestedNhsNumber'>): NhsNumber[] {
  return patient.nhsNumber === patient.requestedNhsNumber ? [patient.nhsNumber] : [patient.requestedNhsNumber, patient.nhsNumber];
}

/**
 * One answer from the locator's answers for the same person under several numbers: each pointer
 * once (by id), in the usual order. Skipped entries add up: any of them may have been the plan.
 */
export function mergePointerSearches(searches: readonly PointerSearch[]): PointerSearch {
  const byId = new Map<string, Pointer>();
  for (const search of searches) for (const pointer of search.pointers) if (!byId.has(pointer.id)) byId.set(pointer.id, pointer);
  return {
    pointers: [...byId.values()].sort(comparePointers),
    skippedEntries: searches.reduce((sum, search) => sum + search.skippedEntries, 0),
  };
}
