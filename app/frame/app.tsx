import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AppFrame } from './app-frame';
import { AppNavigation, type Screen } from './app-navigation';
import { RuntimeProvider, type Runtime } from '../runtime/runtime-context';
import { LookupScreen } from './lookup-screen';
import { OfflineBanner } from './offline-banner';
import { ScreenBoundary } from '../ui/screen-boundary';
import { frameWords } from './frame-words';

// Clinical leads' screen, in its own chunk: the crew's first screen does not carry it (the
// service worker precaches it, so it still opens offline).
const AccessHistoryPage = lazy(() => import('../features/history/access-history-page').then((module) => ({ default: module.AccessHistoryPage })));

export function App({ runtime, queryClient }: { runtime: Runtime; queryClient: QueryClient }) {
  // The lookup is the default screen; plain view state, no router (nothing needs a URL yet).
  const [screen, setScreen] = useState<Screen>('lookup');
  // Another tab cleared the device: the lookup screen starts afresh, showing no patient.
  const clears = useSyncExternalStore(runtime.clearedElsewhere.subscribe, runtime.clearedElsewhere.getSnapshot);
  const navigate = (next: Screen) => {
    setScreen(next);
    // As after a page load: reading starts at the new screen, not at the button just pressed.
    requestAnimationFrame(() => document.getElementById('main-content')?.focus());
  };

  return (
    <RuntimeProvider runtime={runtime}>
      <QueryClientProvider client={queryClient}>
        <AppFrame demo={runtime.mode === 'demo'} navigation={<AppNavigation current={screen} onNavigate={navigate} />}>
          <OfflineBanner />
          {/* Kept mounted behind the history, so a plan the crew had open is still there on return. */}
          <div hidden={screen !== 'lookup'}>
            {clears > 0 && (
              <p className="nhsuk-inset-text" role="status">
                {frameWords.clearedElsewhere}
              </p>
            )}
            <LookupScreen key={clears} />
          </div>
          {screen === 'history' && (
            <ScreenBoundary>
              <Suspense
                fallback={
                  <p className="nhsuk-body-l" role="status">
                    {frameWords.openingScreen}
                  </p>
                }
              >
                <AccessHistoryPage />
              </Suspense>
            </ScreenBoundary>
          )}
        </AppFrame>
      </QueryClientProvider>
    </RuntimeProvider>
  );
}
