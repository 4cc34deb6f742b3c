import type { Patient } from '../fhir/fhir-types';
import { sspTargetUrl } from '../ssp-url';
import { sspDocumentUrl, type CareTeam } from './care-teams';
import { crisisPlanPdf, type CrisisPlanContent } from './documents/crisis-plan-pdf';
import { buildPointer, type ContentSpec } from './pointer-builder';
import type { ProviderDocument, StoredPointer } from './scenario';

type PlanContent = Omit<CrisisPlanContent, 'team' | 'patient' | 'writtenOn' | 'reviewBy'>;
type ProviderFailure = Extract<ProviderDocument, { failure: unknown }>['failure'];

interface RecordSpec {
  /** Pointer id, `{ODS}-{producer id}`. */
  readonly id: string;
  /** Whose plan it is, as PDS holds them now. */
  readonly patient: Patient;
  /**
   * The number the pointer (and the trust's document) is filed under, when the producer never
   * updated it after PDS replaced that number; PDS's current number (`patient.id`) otherwise.
   */
  readonly filedUnder?: string;
  readonly team: CareTeam;
  /** Pointer date (FHIR instant); the plan is written the same day. */
  readonly date: string;
  /** Path of the PDF on the team's document server, without identifiers. */
  readonly path: string;
  readonly reviewBy: string;
  /** Add the team's contact page as a second content of the same pointer. */
  readonly withContactPage?: boolean;
  /**
   * Shape of a pointer migrated from NRL v2 (§1.5): no practiceSetting, no retrieval-mechanism
   * extension, and the old lower-case format display.
   */
  readonly legacy?: boolean;
}

/** Either the provider serves the plan, or it fails instead. */
export type CrisisPlanRecordSpec = RecordSpec &
  ({ readonly plan: PlanContent; readonly failure?: never } | { readonly failure: ProviderFailure; readonly plan?: never });

/** The pointer NRL holds for one PDF crisis plan, and the PDF its provider serves through SSP. */
export function crisisPlanRecord(spec: CrisisPlanRecordSpec): { pointer: StoredPointer; document: ProviderDocument } {
  const { team } = spec;
  const filedUnder = spec.filedUnder ?? spec.patient.id;
  const patient = filedUnder === spec.patient.id ? spec.patient : { ...spec.patient, id: filedUnder };
  const url = sspDocumentUrl(team, spec.path);
  const contents: ContentSpec[] = [
    {
      contentType: 'application/pdf',
      url,
      title: 'Mental health crisis plan',
      creation: spec.date,
      format: 'unstructured',
      stability: 'static',
      retrieval: spec.legacy ? undefined : 'SSP',
      ...(spec.legacy ? { formatDisplay: 'Unstructured document' } : {}),
    },
  ];
  if (spec.withContactPage) {
    contents.push({
      contentType: 'text/html',
      url: team.contactPageUrl,
      title: `${team.name}: contact details`,
      format: 'recordContact',
      stability: 'dynamic',
      retrieval: 'Direct',
    });
  }
  const pointer = buildPointer({
    id: spec.id,
    nhsNumber: patient.id,
    type: 'crisisPlan',
    date: spec.date,
    authorOds: team.ods,
    practiceSetting: spec.legacy ? undefined : team.practiceSetting,
    providerAsid: team.providerAsid,
    contents,
  });
  const target = { url: sspTargetUrl(url), providerAsid: team.providerAsid };
  if (spec.failure !== undefined) {
    return { pointer: { kind: 'valid', resource: pointer }, document: { ...target, failure: spec.failure } };
  }
  const { plan } = spec;
  const document: ProviderDocument = {
    ...target,
    contentType: 'application/pdf',
    body: () => crisisPlanPdf({ ...plan, team, patient, writtenOn: spec.date.slice(0, 10), reviewBy: spec.reviewBy }),
  };
  return { pointer: { kind: 'valid', resource: pointer }, document };
}
