import { isServiceError } from '../services/service-error';
import { describeServiceError } from '../services/service-error-messages';

/** Words for any failure a query can end in; bugs get a plain apology, never a stack trace. */
export function describeError(error: unknown): string {
  if (isServiceError(error)) return describeServiceError(error);
  return 'Something went wrong in this app. Try again; if it keeps happening, tell your service desk.';
}
