import type { Scenario } from '../scenario';

/**
 * PDS's rate limit (5 transactions a second per app by default, §3) has been reached. Every
 * request for this number is refused, so trainees also see what happens after Try again.
 */
export const pdsBusy: Scenario = {
  name: 'pdsBusy',
  label: 'PDS busy',
  description: 'PDS answers 429 TOO_MANY_REQUESTS with Retry-After: 30: the crew is told it is busy and roughly how long to wait. It stays busy in the demo.',
  nhsNumber: '9990000182',
  patient: undefined,
  pointers: [],
  documents: [],
  pdsFault: 'rate-limited',
};
