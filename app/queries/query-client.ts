import { QueryClient } from '@tanstack/react-query';
import { retryDelayMs, shouldRetry } from './offline-policy';

/** The app's one query client: its defaults are the offline policy's and the clinical rules'. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: retryDelayMs,
        // Clinical data is never refetched behind the crew's back: a new search fetches afresh.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // Requests go to the national services even when the browser thinks it is offline:
        // navigator.onLine is not the truth (DHIS2 lesson); the error tells the real story.
        networkMode: 'always',
      },
      // Mutations are device work (save a lookup, Clear this device), never network calls of
      // their own: TanStack's default would pause them while the browser says offline, so
      // Clear would hang with no signal.
      mutations: { networkMode: 'always' },
    },
  });
}
