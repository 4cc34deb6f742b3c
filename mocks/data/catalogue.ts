import type { Patient } from '../fhir/fhir-types';
import type { Scenario } from './scenario';
import { legacyPointer } from './scenarios/legacy-pointer';
import { locatorError } from './scenarios/locator-error';
import { locatorForbidden } from './scenarios/locator-forbidden';
import { locatorOverLarge } from './scenarios/locator-over-large';
import { locatorPartial } from './scenarios/locator-partial';
import { locatorTimeout } from './scenarios/locator-timeout';
import { noPointers } from './scenarios/no-pointers';
import { pdsBusy } from './scenarios/pds-busy';
import { pdsNotFound } from './scenarios/pds-not-found';
import { pdsSignInExpired } from './scenarios/pds-sign-in-expired';
import { planFhir } from './scenarios/plan-fhir';
import { planHtml } from './scenarios/plan-html';
import { planNameDiffers } from './scenarios/plan-name-differs';
import { planOtherPatient } from './scenarios/plan-other-patient';
import { planPdf } from './scenarios/plan-pdf';
import { planPdfLong } from './scenarios/plan-pdf-long';
import { restricted } from './scenarios/restricted';
import { restrictedNoName } from './scenarios/restricted-no-name';
import { retrievalFails } from './scenarios/retrieval-fails';
import { severalPointers } from './scenarios/several-pointers';
import { superseded } from './scenarios/superseded';
import { supersededBothNumbers } from './scenarios/superseded-both-numbers';
import { supersededOldPointer } from './scenarios/superseded-old-pointer';
import { unparseableEntry } from './scenarios/unparseable-entry';

/** Every scenario, in the order a trainer would walk through them. */
export const ALL_SCENARIOS: readonly Scenario[] = [
  planPdf,
  planPdfLong,
  planHtml,
  planFhir,
  severalPointers,
  noPointers,
  restricted,
  restrictedNoName,
  superseded,
  supersededOldPointer,
  supersededBothNumbers,
  legacyPointer,
  unparseableEntry,
  retrievalFails,
  pdsNotFound,
  pdsSignInExpired,
  pdsBusy,
  locatorError,
  locatorTimeout,
  locatorForbidden,
  locatorOverLarge,
  locatorPartial,
  planOtherPatient,
  planNameDiffers,
];

export interface ScenarioSummary {
  /** The number to type, ten digits. */
  readonly nhsNumber: string;
  readonly label: string;
  readonly description: string;
  /** Only where PDS answers with a different, current number (a superseded one was typed). */
  readonly currentNhsNumber?: string;
  /** The date of birth PDS holds, when it holds the person: the demo list works out the age from it. */
  readonly birthDate: string | undefined;
}

function summary(scenario: Scenario): ScenarioSummary {
  return { nhsNumber: scenario.nhsNumber, label: scenario.label, description: scenario.description, birthDate: scenario.patient?.birthDate };
}

/**
 * The scenarios by name, for tests and the demo screen: `SCENARIOS.planPdf.nhsNumber`.
 * The superseded scenarios also name the number PDS answers with.
 */
export const SCENARIOS = {
  planPdf: summary(planPdf),
  planPdfLong: summary(planPdfLong),
  planHtml: summary(planHtml),
  planFhir: summary(planFhir),
  severalPointers: summary(severalPointers),
  noPointers: summary(noPointers),
  restricted: summary(restricted),
  restrictedNoName: summary(restrictedNoName),
  superseded: { ...summary(superseded), currentNhsNumber: superseded.currentNhsNumber },
  supersededOldPointer: { ...summary(supersededOldPointer), currentNhsNumber: supersededOldPointer.currentNhsNumber },
  supersededBothNumbers: { ...summary(supersededBothNumbers), currentNhsNumber: supersededBothNumbers.currentNhsNumber },
  legacyPointer: summary(legacyPointer),
  unparseableEntry: summary(unparseableEntry),
  retrievalFails: summary(retrievalFails),
  pdsNotFound: summary(pdsNotFound),
  pdsSignInExpired: summary(pdsSignInExpired),
  pdsBusy: summary(pdsBusy),
  locatorError: summary(locatorError),
  locatorTimeout: summary(locatorTimeout),
  locatorForbidden: summary(locatorForbidden),
  locatorOverLarge: summary(locatorOverLarge),
  locatorPartial: summary(locatorPartial),
  planOtherPatient: summary(planOtherPatient),
  planNameDiffers: summary(planNameDiffers),
} as const satisfies Record<Scenario['name'], ScenarioSummary>;

/** The synthetic people: every record the mock PDS holds, as PDS stores it. */
export const DEMO_PATIENTS: readonly Patient[] = ALL_SCENARIOS.flatMap((scenario) => (scenario.patient ? [scenario.patient] : []));
