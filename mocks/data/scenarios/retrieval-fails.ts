import { LAMBETH_HOME_TREATMENT_TEAM as team } from '../care-teams';
import { crisisPlanRecord } from '../crisis-plan-record';
import { buildPatient } from '../patient-builder';
import type { Scenario } from '../scenario';

const nhsNumber = '9990000123';

const patient = buildPatient({
  nhsNumber,
  versionId: '2',
  confidentiality: 'U',
  prefix: 'Mr',
  given: ['Arjun'],
  family: 'Mehta',
  gender: 'male',
  birthDate: '1972-04-19',
  since: '2015-04-01',
  address: ['40 Fixture Road', 'Brixton', 'London', 'SW2 0ZZ'],
  mobile: '07700900123',
  gpOds: 'Y99009',
});

// NRL does not promise a pointer can be retrieved (§2.1 point 6): the provider is down. The
// pointer also carries the team's contact page, so the crew still has a number to ring.
const plan = crisisPlanRecord({
  id: 'RV5-slam-mhcp-e17c55',
  patient,
  team,
  date: '2026-04-08T16:10:00Z',
  path: 'mhcp/2026/e17c55.pdf',
  reviewBy: '2026-10-08',
  withContactPage: true,
  failure: {
    status: 504,
    diagnostics: `The provider system (ASID ${team.providerAsid}) did not respond within 30 seconds.`,
  },
});

export const retrievalFails: Scenario = {
  name: 'retrievalFails',
  label: 'Plan cannot be fetched',
  description: 'There is a crisis plan, but the trust’s system does not send it: the crew is told so, and still gets the crisis team’s number.',
  nhsNumber,
  patient,
  pointers: [plan.pointer],
  documents: [plan.document],
};
