import type { Transport } from '../services/transport';
import type { Connectivity } from './connectivity';

/**
 * Wraps the transport so every request to a national service tells Connectivity whether
 * something answered. Contact-details pages are public websites on other hosts: their
 * failures (often CORS) say nothing about signal, so only the service bases count.
 */
export function observeReachability(transport: Transport, connectivity: Connectivity, serviceBases: readonly string[]): Transport {
  const isNationalService = (url: string) => serviceBases.some((base) => url.startsWith(base));
  let answers = 0;
  return async (request) => {
    const counts = isNationalService(request.url);
    const answersBefore = answers;
    try {
      const response = await transport(request);
      if (counts) {
        answers += 1;
        connectivity.reportReached();
      }
      return response;
    } catch (error) {
      // A request the crew cancelled says nothing about signal; one that timed out does...
      const cancelled = request.signal.aborted && (request.signal.reason as { name?: string } | undefined)?.name !== 'TimeoutError';
      // ...unless another national service answered while it waited: then the network is there
      // and this one service is slow or down, which is not "no signal" (issue 7 point 1).
      const othersAnswered = answers > answersBefore;
      if (counts && !cancelled && !othersAnswered) connectivity.reportUnreachable();
      throw error;
    }
  };
}

/**
 * Any HTTP answer, even 405 or 401, from the locator's base or PDS's means the national services
 * can be reached: a locator that hangs must not hold the whole app in "no signal" while PDS answers.
 */
export function probeFor(transport: Transport, bases: { readonly nrl: string; readonly pds: string }): () => Promise<boolean> {
  const head = (url: string) => transport(new Request(url, { method: 'HEAD', signal: AbortSignal.timeout(10_000) }));
  return async () => {
    try {
      await Promise.any([head(`${bases.nrl}/DocumentReference`), head(`${bases.pds}/Patient`)]);
      return true;
    } catch {
      return false;
    }
  };
}
