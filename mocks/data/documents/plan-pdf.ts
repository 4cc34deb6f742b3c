import type { Patient } from '../../fhir/fhir-types';
import { writePdf, type PdfBlock } from '../../pdf/pdf-writer';
import type { CareTeam } from '../care-teams';
import { documentName, longDate, spacedNhsNumber } from './document-dates';

export interface PlanSection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly bullets?: readonly string[];
  /** Start this section on a new page (plans run to two pages, like real ones). */
  readonly newPage?: boolean;
}

export interface PlanPdfSpec {
  /** e.g. "Mental Health Crisis Plan". */
  readonly title: string;
  readonly team: CareTeam;
  /** The patient as PDS holds them: the document prints PDS's current NHS number. */
  readonly patient: Patient;
  readonly writtenOn: string;
  readonly reviewBy: string;
  readonly sections: readonly PlanSection[];
}

/**
 * A trust document as a real PDF: identity block first (name, date of birth, NHS number, so a
 * crew can check it is the right person), then the plan's sections. Names print as
 * "given family", the way trust letters do.
 */
export function planPdf(spec: PlanPdfSpec): Uint8Array<ArrayBuffer> {
  const blocks: PdfBlock[] = [
    { kind: 'title', text: spec.title },
    { kind: 'paragraph', text: `${spec.team.organisationName} - ${spec.team.name}` },
    { kind: 'field', label: 'Name', value: documentName(spec.patient) },
    { kind: 'field', label: 'Date of birth', value: longDate(spec.patient.birthDate) },
    { kind: 'field', label: 'NHS number', value: spacedNhsNumber(spec.patient.id) },
    { kind: 'field', label: 'Plan written', value: longDate(spec.writtenOn) },
    { kind: 'field', label: 'Review by', value: longDate(spec.reviewBy) },
  ];
  for (const section of spec.sections) {
    if (section.newPage) blocks.push({ kind: 'page-break' });
    blocks.push({ kind: 'heading', text: section.heading });
    for (const text of section.paragraphs ?? []) blocks.push({ kind: 'paragraph', text });
    for (const text of section.bullets ?? []) blocks.push({ kind: 'bullet', text });
  }
  return writePdf({
    title: `${spec.title}: ${documentName(spec.patient)}`,
    footer: `SYNTHETIC TEST DATA - not a real patient. ${spec.team.organisationName}.`,
    createdAt: spec.writtenOn,
    blocks,
  });
}
