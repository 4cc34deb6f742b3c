import type { Scenario } from '../scenario';

/**
 * PDS's rate limit (5 transactions a second per app by default, §3) has been reached. Every
 * request for this number is refused, so trainees also see what happens after Try again.
 */
export const pdsBusy: Scenario = {
  name: 'pdsBusy',
  label: 'Patient details service busy',
  description: 'The patient details service is busy and asks for 30 seconds: the crew is told when to try again. It stays busy in the demo.',
  nhsNumber: '9990000182',
  patient: undefined,
  pointers: [],
  documents: [],
  pdsFault: 'rate-limited',
};
