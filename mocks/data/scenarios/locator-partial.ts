import { CENTRAL_LANCASHIRE_CRISIS_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000816';

/** How many more pointers the Bundle's `total` claims than it holds. */
export const PARTIAL_BUNDLE_MISSING = 3;

const patient = buildPatient({
  nhsNumber,
  versionId: '2',
  confidentiality: 'U',
  prefix: 'Mr',
  given: ['Tomasz'],
  family: 'Greenhalgh',
  gender: 'male',
  birthDate: '1979-12-01',
  since: '2012-04-23',
  address: ['31 Dummy Road', 'Leyland', 'PR25 0ZZ'],
  gpOds: 'Y99014',
});

const plan = crisisPlanRecord({
  id: 'RW5-lscft-mhcp-55e0b2',
  patient,
  team,
  date: '2025-08-19T08:30:00Z',
  path: 'crisis-plans/cp-55e0b2.pdf',
  reviewBy: '2026-02-19',
  plan: {
    triggers: ['Not a plan a crew should ever see: the locator’s answer is refused as incomplete.'],
    warningSigns: ['None recorded.'],
    whatHelps: ['None recorded.'],
    whatDoesNotHelp: ['None recorded.'],
    otherContacts: [],
    physicalHealth: [],
  },
});

/**
 * A Bundle that holds one pointer but says, with `total` and a `next` link, that there are more
 * (`locatorFault: 'partial-bundle'`). NRL does not page (docs/national-apis.md §1.4), so the
 * missing ones may hold a newer crisis plan: the app must say it could not check.
 */
export const locatorPartial: Scenario = {
  name: 'locatorPartial',
  label: 'Record locator sends part of its answer',
  description: 'Only 1 of 4 records arrives: the app shows none and says it could not check, because a missing one could be the crisis plan.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
  locatorFault: 'partial-bundle',
};
