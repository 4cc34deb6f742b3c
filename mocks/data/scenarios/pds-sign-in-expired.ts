import type { Scenario } from '../scenario';

/**
 * The trust gateway's access token has run out: the API platform refuses the call before PDS
 * or NRL sees it (docs/national-apis.md §1.7 proxy table, §3). PDS holds no record for the
 * number, as none is ever looked up.
 */
export const pdsSignInExpired: Scenario = {
  name: 'pdsSignInExpired',
  label: 'Sign-in run out',
  description: 'What a crew sees when their sign-in to NHS services has run out: no patient details. Demo mode has no sign-in to renew.',
  nhsNumber: '9990000174',
  patient: undefined,
  pointers: [],
  documents: [],
  pdsFault: 'access-token-expired',
  locatorFault: 'access-token-expired',
};
