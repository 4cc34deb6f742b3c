import { describe, expect, it } from 'vitest';
import { ServiceError, type ServiceErrorKind } from '../services/service-error';
import { failureClass, isNoSignal, isTemporary, keepsQueued, retryDelayMs, shouldRetry } from './offline-policy';

const error = (kind: ServiceErrorKind, retryAfterSeconds?: number) =>
  new ServiceError({ service: 'nrl', kind, detail: 'test', retryAfterSeconds });

describe('shouldRetry', () => {
  it.each(['network', 'unavailable', 'rate-limited'] as const)('retries a %s failure once', (kind) => {
    expect(shouldRetry(0, error(kind))).toBe(true);
    expect(shouldRetry(1, error(kind))).toBe(false);
  });

  it.each(['timeout', 'not-found', 'rejected', 'unauthorised', 'forbidden', 'malformed', 'unsupported', 'invalidated'] as const)(
    'does not retry a %s failure by itself',
    (kind) => {
      expect(shouldRetry(0, error(kind))).toBe(false);
    },
  );

  it('retries once an answer this device could not record (decision 12)', () => {
    expect(shouldRetry(0, error('not-recorded'))).toBe(true);
    expect(shouldRetry(1, error('not-recorded'))).toBe(false);
  });

  it('retries a busy service by itself only when it asks for no longer than the crew is kept waiting', () => {
    expect(shouldRetry(0, error('rate-limited', 5))).toBe(true);
    // Retry-After: 30 — asking again in 5 s would be refused too; the crew is told "about 30 seconds" at once.
    expect(shouldRetry(0, error('rate-limited', 30))).toBe(false);
  });

  it('does not retry errors that are not from a service', () => {
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('honours Retry-After, capped at 5 s', () => {
    expect(retryDelayMs(0, error('rate-limited', 2))).toBe(2000);
    expect(retryDelayMs(0, error('rate-limited', 60))).toBe(5000);
  });
  it('backs off otherwise', () => {
    expect(retryDelayMs(0, error('network'))).toBe(1000);
  });
});

describe('isNoSignal', () => {
  it('is true only for no answer at all', () => {
    expect(isNoSignal(error('network'))).toBe(true);
    expect(isNoSignal(error('timeout'))).toBe(true);
    expect(isNoSignal(error('unavailable'))).toBe(false);
    expect(isNoSignal(error('not-found'))).toBe(false);
    expect(isNoSignal(new TypeError('x'))).toBe(false);
  });
});

describe('the offline policy', () => {
  it('offers Try again for no signal, passing failures and our own bugs, never for a final answer', () => {
    for (const kind of ['network', 'timeout', 'unavailable', 'rate-limited', 'not-recorded'] as const) expect(isTemporary(error(kind))).toBe(true);
    for (const kind of ['not-found', 'invalidated', 'misrouted', 'rejected', 'unauthorised', 'forbidden', 'malformed', 'unsupported', 'too-large', 'incomplete', 'wrong-patient'] as const) {
      expect(isTemporary(error(kind))).toBe(false);
    }
    expect(isTemporary(new TypeError('bug'))).toBe(true);
  });

  it('says which failures need sign-in rather than another try', () => {
    expect(failureClass(error('unauthorised'))).toBe('sign-in');
    expect(failureClass(error('forbidden'))).toBe('final');
    expect(failureClass(new Error('bug'))).toBe('bug');
  });

  it('keeps a queued search waiting only for no signal, a sign-in that ran out, or an access the device could not record', () => {
    expect(keepsQueued(error('network'))).toBe(true);
    expect(keepsQueued(error('unauthorised'))).toBe(true);
    expect(keepsQueued(error('timeout'))).toBe(true);
    expect(keepsQueued(error('not-recorded'))).toBe(true);
    expect(keepsQueued(error('unavailable'))).toBe(false);
    expect(keepsQueued(error('not-found'))).toBe(false);
    expect(keepsQueued(new Error('bug'))).toBe(false);
  });
});
