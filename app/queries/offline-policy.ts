import { isServiceError, type ServiceErrorKind } from '../services/service-error';

/**
 * The offline policy, decided here and nowhere else (STYLE.md §3): what each failure means for
 * the crew's next step. Screens, the automatic retry and the queued-lookup runner all ask this
 * module; none of them decides by itself.
 *
 * - `no-signal`: nothing answered. The lookup switches to what is saved on the device, or waits
 *   in the queue until the signal returns.
 * - `temporary`: something answered, but trying again later without changing anything may work.
 * - `sign-in`: the gateway wants fresh credentials; trying again as-is will not help.
 * - `final`: the service's own answer (or a bug on our side); trying again will not change it.
 */
export type FailureClass = 'no-signal' | 'temporary' | 'sign-in' | 'final';

/** Every kind is classed: a new kind will not compile until someone decides its policy here. */
const FAILURE_CLASS: Record<ServiceErrorKind, FailureClass> = {
  network: 'no-signal',
  timeout: 'no-signal',
  unavailable: 'temporary',
  'rate-limited': 'temporary',
  // The service answered, but the access could not be recorded on this device: nothing was
  // shown, and the same request may be recorded next time (safety rule 6).
  'not-recorded': 'temporary',
  unauthorised: 'sign-in',
  'not-found': 'final',
  invalidated: 'final',
  misrouted: 'final',
  rejected: 'final',
  forbidden: 'final',
  malformed: 'final',
  unsupported: 'final',
  'too-large': 'final',
  incomplete: 'final',
  'wrong-patient': 'final',
};

/** How the offline policy treats a failure; one that is not a ServiceError is a bug of ours. */
export function failureClass(error: unknown): FailureClass | 'bug' {
  return isServiceError(error) ? FAILURE_CLASS[error.kind] : 'bug';
}

/**
 * Worth offering Try again: trying again later without changing anything may work. A bug of
 * ours gets Try again too: it may have been a passing state of the page.
 */
export function isTemporary(error: unknown): boolean {
  const failure = failureClass(error);
  return failure === 'no-signal' || failure === 'temporary' || failure === 'bug';
}

/**
 * The failures that mean "no signal" rather than "the service said no": these switch a lookup
 * to what is saved on the device, or queue it until the signal returns.
 */
export function isNoSignal(error: unknown): boolean {
  return failureClass(error) === 'no-signal';
}

/**
 * A queued search that failed like this stays queued to run again: no signal, or the answer
 * could not be recorded on the device (nothing was shown). Any other failure is told to the crew.
 */
export function keepsQueued(error: unknown): boolean {
  // A sign-in that ran out stays queued too: it runs once the crew has signed in again (issue 10).
  return isNoSignal(error) || failureClass(error) === 'sign-in' || (isServiceError(error) && error.kind === 'not-recorded');
}

/**
 * Which failures are retried by themselves. A crew waiting at 3 a.m. should see "could not
 * check" fast and choose to try again, so only a quick blip (no connection, 5xx, 429) gets one
 * more try; a timeout already cost the crew the whole wait and is not repeated automatically.
 */
export const MAX_AUTOMATIC_RETRIES = 1;

/** The longest the crew waits, unasked, for the automatic retry. */
export const MAX_RETRY_DELAY_MS = 5000;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_AUTOMATIC_RETRIES) return false;
  if (!isServiceError(error) || error.kind === 'timeout') return false;
  // A service that asks for a longer wait than the crew is kept waiting would refuse the retry
  // too: say so at once, with its wait in words ("Try again in about 30 seconds").
  if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds * 1000 > MAX_RETRY_DELAY_MS) return false;
  const failure = failureClass(error);
  return failure === 'no-signal' || failure === 'temporary';
}

/** Waits before the automatic retry: the service's Retry-After (at most the cap, see shouldRetry), else a short backoff. */
export function retryDelayMs(failureCount: number, error: unknown): number {
  if (isServiceError(error) && error.retryAfterSeconds !== undefined) {
    return Math.min(error.retryAfterSeconds * 1000, MAX_RETRY_DELAY_MS);
  }
  return Math.min(1000 * 2 ** failureCount, MAX_RETRY_DELAY_MS);
}
