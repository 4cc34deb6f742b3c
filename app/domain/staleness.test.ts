import { describe, expect, it } from 'vitest';
import { describeAge, describeRetrievedTime, expiresAt, isStale } from './staleness';

const now = new Date('2026-11-25T17:02:00Z');

describe('staleness', () => {
  it('describes ages crews read at a glance', () => {
    expect(describeAge('2026-11-25T17:01:40Z', now)).toBe('just now');
    expect(describeAge('2026-11-25T16:37:00Z', now)).toBe('25 min ago');
    expect(describeAge('2026-11-25T14:02:00Z', now)).toBe('3 h ago');
    expect(describeAge('2026-11-22T17:02:00Z', now)).toBe('3 days ago');
  });

  it('gives the UK clock time, with the date when not today', () => {
    expect(describeRetrievedTime('2026-11-25T14:02:00Z', now)).toBe('14:02');
    expect(describeRetrievedTime('2026-11-24T14:02:00Z', now)).toBe('14:02 on 24 Nov');
    // British Summer Time
    expect(describeRetrievedTime('2026-07-01T13:02:00Z', new Date('2026-07-01T15:00:00Z'))).toBe('14:02');
  });

  it('is stale from the threshold on', () => {
    expect(isStale('2026-11-25T05:03:00Z', now, 12)).toBe(false);
    expect(isStale('2026-11-25T05:02:00Z', now, 12)).toBe(true);
  });

  it('expires after the retention period', () => {
    expect(expiresAt('2026-11-25T17:02:00.000Z', 24)).toBe('2026-11-26T17:02:00.000Z');
  });
});
