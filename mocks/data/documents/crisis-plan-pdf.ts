import type { Patient } from '../../fhir/fhir-types';
import type { CareTeam } from '../care-teams';
import { planPdf, type PlanSection } from './plan-pdf';

export interface CrisisPlanContent {
  readonly team: CareTeam;
  readonly patient: Patient;
  readonly writtenOn: string;
  readonly reviewBy: string;
  readonly triggers: readonly string[];
  readonly warningSigns: readonly string[];
  readonly whatHelps: readonly string[];
  readonly whatDoesNotHelp: readonly string[];
  /** People besides the team, e.g. "Sister, Grace: 07700 900 112". */
  readonly otherContacts?: readonly string[];
  readonly physicalHealth: readonly string[];
  /**
   * Pages of dated progress notes after the plan, one a page: a trust system that exports the
   * whole record as "the plan" sends hundreds (the viewer's page cap, issue 7 point 6).
   */
  readonly progressNotePages?: number;
}

/** One short dated note per page, so a 400-page plan stays small (about 200 KB). */
function progressNotes(count: number): PlanSection[] {
  return Array.from({ length: count }, (_, index) => ({
    heading: `Progress note ${index + 1}`,
    newPage: true,
    paragraphs: ['Seen at home by the care coordinator. Plan reviewed with her; no changes agreed.'],
  }));
}

/**
 * A two-page mental health crisis plan. The headings are the ones crews look for ("Triggers",
 * "What helps", "Who to contact") and that e2e tests search the text layer for.
 */
export function crisisPlanPdf(plan: CrisisPlanContent): Uint8Array<ArrayBuffer> {
  return planPdf({
    title: 'Mental Health Crisis Plan',
    team: plan.team,
    patient: plan.patient,
    writtenOn: plan.writtenOn,
    reviewBy: plan.reviewBy,
    sections: [
      { heading: 'Triggers', bullets: plan.triggers },
      { heading: 'Early warning signs', bullets: plan.warningSigns },
      { heading: 'What helps', bullets: plan.whatHelps },
      { heading: 'What does not help', bullets: plan.whatDoesNotHelp },
      {
        heading: 'Who to contact',
        newPage: true,
        // Short lines, so no phone number is ever split across two lines of the text layer.
        paragraphs: [plan.team.name],
        bullets: [
          `Crisis line (24 hours): ${plan.team.crisisLine}`,
          `Team office (weekdays): ${plan.team.officeLine}`,
          ...(plan.otherContacts ?? []),
        ],
      },
      { heading: 'Physical health and medication', bullets: plan.physicalHealth },
      {
        heading: 'Agreed by',
        paragraphs: [
          'This plan was written with the person named above and their care coordinator. ' +
            'Ambulance and police colleagues may act on it and should tell the team when they have.',
        ],
      },
      ...progressNotes(plan.progressNotePages ?? 0),
    ],
  });
}
