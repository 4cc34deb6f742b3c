import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppFrame } from './app-frame';
import { RuntimeProvider, type Runtime } from './runtime-context';
import { LookupPage } from '../lookup/lookup-page';
import { OfflineBanner } from './offline-banner';

export function App({ runtime, queryClient }: { runtime: Runtime; queryClient: QueryClient }) {
  return (
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={queryClient}>
        <AppFrame demo={runtime.mode === 'demo'}>
          <OfflineBanner />
          <LookupPage />
        </AppFrame>
      </QueryClientProvider>
    </RuntimeProvider>
  );
}
