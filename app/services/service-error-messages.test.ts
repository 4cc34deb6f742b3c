import { describe, expect, it } from 'vitest';
import { ServiceError, type ServiceErrorKind, type ServiceName } from './service-error';
import { describeAccessHistoryError, describePatientSearchError, describeServiceError } from './service-error-messages';
import { isTemporary } from '../queries/offline-policy';

const SERVICES: readonly ServiceName[] = ['pds', 'nrl', 'ods', 'ssp', 'contact-page'];
const KINDS: readonly ServiceErrorKind[] = [
  'network',
  'timeout',
  'not-found',
  'invalidated',
  'rejected',
  'unauthorised',
  'forbidden',
  'rate-limited',
  'unavailable',
  'malformed',
  'unsupported',
  'too-large',
  'incomplete',
  'wrong-patient',
  'misrouted',
];
const PAIRS = SERVICES.flatMap((service) => KINDS.map((kind) => [service, kind] as const));

/** Words a crew should never have to decode. */
const JARGON = /\b(HTTP|JSON|FHIR|API|SSP|ASID|ODS|PDS|NRL|HTML|PDF|URL|UUID|timeout|timed out|status|OperationOutcome|malformed|schema|undefined|null|error code)\b|\d{3}/i;

function describe_(service: ServiceName, kind: ServiceErrorKind, extra: Partial<ConstructorParameters<typeof ServiceError>[0]> = {}): string {
  return describeServiceError(new ServiceError({ service, kind, detail: 'HTTP 500 INTERNAL_SERVER_ERROR: {"json": true}', status: 500, ...extra }));
}

describe('describeServiceError', () => {
  it.each(PAIRS)('has plain words for %s %s', (service, kind) => {
    const message = describe_(service, kind);
    expect(message.trim().length).toBeGreaterThan(20);
    expect(message).not.toMatch(JARGON);
    expect(message).toMatch(/[.!]$/);
  });

  it('never shows the technical detail', () => {
    for (const [service, kind] of PAIRS) expect(describe_(service, kind)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('is specific to each service', () => {
    for (const kind of KINDS) {
      const messages = SERVICES.map((service) => describe_(service, kind));
      expect(new Set(messages).size).toBe(SERVICES.length);
    }
  });

  it('says a failed locator search leaves the answer unknown, never that there is no plan (DESIGN.md rule 3)', () => {
    for (const kind of KINDS) {
      const message = describe_('nrl', kind);
      expect(message).toMatch(/not known|could not be checked/);
      expect(message).not.toMatch(/no crisis plan/i);
    }
  });

  it('sends crews to the switchboard when a contact page fails', () => {
    for (const kind of KINDS) expect(describe_('contact-page', kind)).toMatch(/switchboard/);
  });

  it.each([
    ['pds', 'not-found', 'No patient found with this NHS number on the Personal Demographics Service. Check the number with the patient or their documents.'],
    ['nrl', 'unavailable', /^The National Record Locator did not answer\. Try again in a moment\./],
    ['pds', 'network', /^No connection to the Personal Demographics Service/],
    ['nrl', 'network', /^No connection to the National Record Locator/],
    ['ssp', 'unavailable', /^The crisis plan could not be fetched from the owning organisation’s system/],
  ] as const)('%s %s reads as agreed', (service, kind, expected) => {
    const message = describe_(service, kind);
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  it('says a misrouted 404 is a set-up fault, not an unknown patient, and that nothing was deleted (issue 7 point 3)', () => {
    expect(describe_('pds', 'misrouted')).toMatch(/could not be reached as set up/);
    expect(describe_('pds', 'misrouted')).toMatch(/does not mean the patient is unknown/);
    expect(describe_('pds', 'misrouted')).toMatch(/nothing saved on this device has been deleted/);
    expect(describe_('pds', 'misrouted')).not.toMatch(/No patient found/);
  });

  it('says how long to wait when the service said so', () => {
    expect(describe_('pds', 'rate-limited', { retryAfterSeconds: 30 })).toMatch(/about 30 seconds\.$/);
    expect(describe_('nrl', 'rate-limited', { retryAfterSeconds: 1 })).toMatch(/about 1 second\.$/);
    expect(describe_('nrl', 'rate-limited', { retryAfterSeconds: 90 })).toMatch(/about 2 minutes\.$/);
    expect(describe_('nrl', 'rate-limited', { retryAfterSeconds: 0 })).not.toMatch(/about/);
  });

  it('gives one wait, never "a few seconds" beside the service’s own (issue 9 point 6)', () => {
    expect(describe_('pds', 'rate-limited', { retryAfterSeconds: 30 })).toBe('The Personal Demographics Service is busy. Try again in about 30 seconds.');
    expect(describe_('pds', 'rate-limited')).toBe('The Personal Demographics Service is busy. Wait a few seconds, then try again.');
    for (const service of SERVICES) {
      const message = describe_(service, 'rate-limited', { retryAfterSeconds: 30 });
      expect(message).toMatch(/about 30 seconds/);
      expect(message).not.toMatch(/few seconds|\{wait\}/);
      expect(describe_(service, 'rate-limited')).not.toMatch(/about|\{wait\}/);
    }
  });

  it('never says "try again" for an answer that trying again will not change (issue 9 point 6)', () => {
    for (const [service, kind] of PAIRS) {
      if (isTemporary(new ServiceError({ service, kind, detail: 'x' }))) continue;
      expect(describe_(service, kind)).not.toMatch(/try again/i);
    }
  });

  it('sends a crew whose sign-in ran out to the sign-in button, which live mode shows then', () => {
    for (const service of ['pds', 'nrl', 'ssp', 'ods'] as const) expect(describe_(service, 'unauthorised')).toMatch(/Sign in again with the button at the top of the screen\./);
  });
});

describe('describeAccessHistoryError', () => {
  const history = (kind: ServiceErrorKind, extra: Partial<ConstructorParameters<typeof ServiceError>[0]> = {}) =>
    describeAccessHistoryError(new ServiceError({ service: 'audit', kind, detail: 'HTTP 500 INTERNAL_SERVER_ERROR: {"json": true}', status: 500, ...extra }));

  it.each([...KINDS, 'not-recorded' as const])('has plain words for a lead when the search fails with %s', (kind) => {
    const message = history(kind);
    expect(message.trim().length).toBeGreaterThan(20);
    expect(message).not.toMatch(JARGON);
    expect(message).not.toContain('INTERNAL_SERVER_ERROR');
    expect(message).toMatch(/[.!]$/);
    // Not the delivery words: nothing here is about records kept on the device.
    expect(message).not.toMatch(/stay on this device/);
  });

  it('says only clinical leads may see it when the gateway refuses (403)', () => {
    expect(history('forbidden')).toMatch(/only clinical leads/);
  });

  it('says how long to wait when the service said so', () => {
    expect(history('rate-limited', { retryAfterSeconds: 30 })).toBe('The audit service is busy. Try again in about 30 seconds.');
  });

  it('never says "try again" for an answer that trying again will not change', () => {
    for (const kind of KINDS) {
      if (isTemporary(new ServiceError({ service: 'audit', kind, detail: 'x' }))) continue;
      expect(history(kind)).not.toMatch(/try again/i);
    }
  });
});

describe('describePatientSearchError (issue 12)', () => {
  const search = (kind: ServiceErrorKind, extra: Partial<ConstructorParameters<typeof ServiceError>[0]> = {}) =>
    describePatientSearchError(new ServiceError({ service: 'pds', kind, detail: 'HTTP 500 INTERNAL_SERVER_ERROR: {"json": true}', status: 500, ...extra }));

  it.each([...KINDS, 'not-recorded' as const])('has plain words for a crew whose search failed with %s', (kind) => {
    const message = search(kind);
    expect(message.trim().length).toBeGreaterThan(20);
    expect(message).not.toMatch(JARGON);
    expect(message).not.toContain('INTERNAL_SERVER_ERROR');
    expect(message).toMatch(/[.!]$/);
    // A search has no NHS number and no one patient yet: the lookup's words would mislead.
    expect(message).not.toMatch(/NHS number|this patient/i);
    expect(message).not.toBe(describe_('pds', kind === 'not-recorded' ? 'rejected' : kind));
  });

  it('never reads as "no one matches": every failure but a refusal of the details says the search was not done', () => {
    for (const kind of [...KINDS, 'not-recorded' as const]) {
      const message = search(kind);
      if (kind === 'rejected') expect(message).toMatch(/did not accept these details/);
      else expect(message).toMatch(/search was not done|search did not finish|no one is listed|answer is not shown|would not do this search|cannot search/);
      expect(message).not.toMatch(/^No one|no patient found/i);
    }
  });

  it('says how long to wait when PDS said so (429 with Retry-After)', () => {
    expect(search('rate-limited', { retryAfterSeconds: 7 })).toBe('The Personal Demographics Service is busy, so the search was not done. Try again in about 7 seconds.');
  });

  it('never says "try again" for an answer that trying again will not change', () => {
    for (const kind of KINDS) {
      if (isTemporary(new ServiceError({ service: 'pds', kind, detail: 'x' }))) continue;
      expect(search(kind)).not.toMatch(/try again/i);
    }
  });

  it('sends a crew whose sign-in ran out to the sign-in button', () => {
    expect(search('unauthorised')).toMatch(/Sign in again with the button at the top of the screen\./);
  });
});
