import type { Transport } from '../services/transport';
import type { Connectivity } from './connectivity';

/**
 * Wraps the transport so every request to a national service tells Connectivity whether
 * something answered. Contact-details pages are public websites on other hosts: their
 * failures (often CORS) say nothing about signal, so only the service bases count.
 */
export function observeReachability(transport: Transport, connectivity: Connectivity, serviceBases: readonly string[]): Transport {
  const isNationalService = (url: string) => serviceBases.some((base) => url.startsWith(base));
  return async (request) => {
    const counts = isNationalService(request.url);
    try {
      const response = await transport(request);
      if (counts) connectivity.reportReached();
      return response;
    } catch (error) {
      // A request the crew cancelled says nothing about signal; one that timed out does.
      const cancelled = request.signal.aborted && (request.signal.reason as { name?: string } | undefined)?.name !== 'TimeoutError';
      if (counts && !cancelled) connectivity.reportUnreachable();
      throw error;
    }
  };
}

/** Any HTTP answer from the locator's base, even 405 or 401, means the service can be reached. */
export function probeFor(transport: Transport, nrlBase: string): () => Promise<boolean> {
  return async () => {
    try {
      await transport(new Request(`${nrlBase}/DocumentReference`, { method: 'HEAD', signal: AbortSignal.timeout(10_000) }));
      return true;
    } catch {
      return false;
    }
  };
}
