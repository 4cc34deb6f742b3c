import { isServiceError } from '../services/service-error';

/**
 * The one place that decides which failures are retried by themselves (STYLE.md §3).
 * Screens never decide retries. A crew waiting at 3 a.m. should see "could not check" fast
 * and choose to try again, so only a quick blip (no connection, 5xx, 429) gets one more try;
 * a timeout already cost the crew the whole wait and is not repeated automatically.
 */
export const MAX_AUTOMATIC_RETRIES = 1;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_AUTOMATIC_RETRIES) return false;
  if (!isServiceError(error)) return false;
  return error.temporary && error.kind !== 'timeout';
}

/** Waits before the automatic retry; honours Retry-After up to a short cap. */
export function retryDelayMs(failureCount: number, error: unknown): number {
  if (isServiceError(error) && error.retryAfterSeconds !== undefined) {
    return Math.min(error.retryAfterSeconds * 1000, 5000);
  }
  return Math.min(1000 * 2 ** failureCount, 5000);
}

/**
 * The failures that mean "no signal" rather than "the service said no": these switch a lookup
 * to what is saved on the device, or queue it until the signal returns.
 */
export function isNoSignal(error: unknown): boolean {
  return isServiceError(error) && (error.kind === 'network' || error.kind === 'timeout');
}
