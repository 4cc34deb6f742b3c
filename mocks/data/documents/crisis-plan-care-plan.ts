import type { Patient } from '../../fhir/fhir-types';
import { NHS_NUMBER_SYSTEM, ODS_SYSTEM, RECORD_TYPES } from '../../fhir/nrl-codes';
import type { CareTeam } from '../care-teams';
import { documentName, longDate, spacedNhsNumber } from './document-dates';

export interface CarePlanContent {
  readonly id: string;
  readonly team: CareTeam;
  readonly patient: Patient;
  readonly writtenOn: string;
  readonly reviewBy: string;
}

/**
 * A crisis plan published as FHIR (`application/fhir+json`, format `urn:nhs-ic:structured`):
 * a CarePlan whose `text.div` narrative is the human-readable plan. The narrative is XHTML
 * from another system, so the app must sanitise it like any other HTML.
 */
export function crisisPlanCarePlan(plan: CarePlanContent): string {
  const { team, patient } = plan;
  const div = [
    '<div xmlns="http://www.w3.org/1999/xhtml">',
    '<h1>Mental Health Crisis Plan</h1>',
    `<p>${documentName(patient)}, born ${longDate(patient.birthDate)}, NHS number ${spacedNhsNumber(patient.id)}</p>`,
    '<h2>Triggers</h2>',
    '<ul><li>Exam pressure and being compared with older siblings.</li><li>Online bullying, especially late at night.</li></ul>',
    '<h2>Early warning signs</h2>',
    '<ul><li>Stops eating with the family and stays in their room.</li><li>Gives away belongings.</li></ul>',
    '<h2>What helps</h2>',
    '<ul><li>Call them Robin and use they/them pronouns.</li><li>Speak to Robin first, then to their parent.</li>',
    '<li>A quiet space away from younger siblings.</li></ul>',
    '<h2>What does not help</h2>',
    '<ul><li>Being told to calm down.</li><li>Talking about Robin as if they are not in the room.</li></ul>',
    '<h2>Who to contact</h2>',
    `<ul><li><b>${team.name} (24 hours):</b> ${team.crisisLine}</li>`,
    `<li><b>Team office (weekdays):</b> ${team.officeLine}</li>`,
    '<li><b>Parent, Alex Aldersey:</b> 07700 900 348</li></ul>',
    `<p>Review by ${longDate(plan.reviewBy)}. SYNTHETIC TEST DATA: not a real patient.</p>`,
    '</div>',
  ].join('');

  const carePlan = {
    resourceType: 'CarePlan',
    id: plan.id,
    meta: { lastUpdated: `${plan.writtenOn}T16:20:00+00:00` },
    text: { status: 'generated', div },
    status: 'active',
    intent: 'plan',
    category: [{ coding: [RECORD_TYPES.crisisPlan] }],
    title: 'Mental health crisis plan',
    subject: { identifier: { system: NHS_NUMBER_SYSTEM, value: patient.id }, display: documentName(patient) },
    period: { start: plan.writtenOn, end: plan.reviewBy },
    created: `${plan.writtenOn}T16:20:00+00:00`,
    author: { identifier: { system: ODS_SYSTEM, value: team.ods }, display: team.name },
    activity: [
      { detail: { status: 'not-started', description: 'In crisis: call the crisis line before conveying to hospital.' } },
    ],
  };
  return JSON.stringify(carePlan, null, 2);
}
