import type { Coding } from '../fhir/fhir-types';
import { PRACTICE_SETTINGS } from '../fhir/nrl-codes';

/**
 * The synthetic teams that author records. ODS codes and trust names are the real public ones
 * (so ODS lookups look familiar to trainers); everything else is invented: team names, ASIDs,
 * hosts on reserved `.example` names, and phone numbers only from Ofcom's drama ranges
 * (01632 960xxx, 020 7946 0xxx, 0113 496 0xxx, 0161 496 0xxx, 07700 900xxx), so no number in
 * the demo can ever ring a real phone.
 */
export interface CareTeam {
  /** ODS code of the authoring organisation (pointer `author`). */
  readonly ods: string;
  /** The organisation as its own documents print it. */
  readonly organisationName: string;
  readonly name: string;
  readonly practiceSetting: Coding;
  /** The provider system's Spine ASID: `context.related` on pointers, `Ssp-To` on retrieval. */
  readonly providerAsid: string;
  /** Host of the provider's document server, reached only through SSP. */
  readonly documentHost: string;
  /** The team's public contact-details page (§2.2). */
  readonly contactPageUrl: string;
  /** The 24-hour line, written as the team's plans print it. */
  readonly crisisLine: string;
  readonly officeLine: string;
}

export const CENTRAL_LANCASHIRE_CRISIS_TEAM: CareTeam = {
  ods: 'RW5',
  organisationName: 'Lancashire & South Cumbria NHS Foundation Trust',
  name: 'Central Lancashire Crisis Resolution and Home Treatment Team',
  practiceSetting: PRACTICE_SETTINGS.crisisResolution,
  providerAsid: '200000001245',
  documentHost: 'nrl-documents.lscft.example',
  contactPageUrl: 'https://www.lscft.example/services/crisis-resolution-home-treatment/central-lancashire',
  crisisLine: '01632 960 417',
  officeLine: '01632 960 418',
};

export const LAMBETH_HOME_TREATMENT_TEAM: CareTeam = {
  ods: 'RV5',
  organisationName: 'South London and Maudsley NHS Foundation Trust',
  name: 'Lambeth Home Treatment Team',
  practiceSetting: PRACTICE_SETTINGS.homeTreatment,
  providerAsid: '200000002356',
  documentHost: 'documents.slam-nrl.example',
  contactPageUrl: 'https://www.slam.example/our-services/lambeth-home-treatment-team',
  crisisLine: '020 7946 0123',
  officeLine: '020 7946 0124',
};

export const LEEDS_CRISIS_ASSESSMENT_SERVICE: CareTeam = {
  ods: 'RGD',
  organisationName: 'Leeds and York Partnership NHS Foundation Trust',
  name: 'Leeds Crisis Assessment Service',
  practiceSetting: PRACTICE_SETTINGS.crisisPrevention,
  providerAsid: '200000003467',
  documentHost: 'records.lypft.example',
  contactPageUrl: 'https://www.lypft.example/services/crisis-assessment-service',
  crisisLine: '0113 496 0733',
  officeLine: '0113 496 0734',
};

export const NORTH_MANCHESTER_CMHT: CareTeam = {
  ods: 'RXV',
  organisationName: 'Greater Manchester Mental Health NHS Foundation Trust',
  name: 'North Manchester Community Mental Health Team',
  practiceSetting: PRACTICE_SETTINGS.communityMentalHealth,
  providerAsid: '200000004578',
  documentHost: 'nrl.gmmh.example',
  contactPageUrl: 'https://www.gmmh.example/teams/north-manchester-cmht',
  crisisLine: '0161 496 0581',
  officeLine: '0161 496 0582',
};

export const CARE_TEAMS: readonly CareTeam[] = [
  CENTRAL_LANCASHIRE_CRISIS_TEAM,
  LAMBETH_HOME_TREATMENT_TEAM,
  LEEDS_CRISIS_ASSESSMENT_SERVICE,
  NORTH_MANCHESTER_CMHT,
];

/** `ssp://` URL of a document on a team's server (§2.1): no patient identifiers in the path. */
export function sspDocumentUrl(team: CareTeam, path: string): string {
  return `ssp://${team.documentHost}/${team.ods}/${path}`;
}
