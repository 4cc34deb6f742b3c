/** The database for real patients. Demo mode opens DEMO_DATABASE, so the two never mix. */
export const LIVE_DATABASE = 'crew-record-locator';
export const DEMO_DATABASE = 'crew-record-locator-demo';
