/**
 * Composition root (DESIGN.md): load /config.json, build the transport and national service
 * clients, then mount the app. Demo mode loads the synthetic services with a dynamic import,
 * so live builds never download them.
 */
import './features/shell/nhsuk.scss';
import './features/shell/app.css';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { QueryClient } from '@tanstack/react-query';
import { loadConfig, ConfigError } from './config/load-config';
import type { AppConfig } from './config/config-schema';
import { fetchTransport } from './services/transport';
import { createNationalServices } from './services/national-services';
import { App } from './features/shell/app';
import { AppFrame } from './features/shell/app-frame';
import { ConfigErrorScreen } from './features/shell/config-error-screen';
import type { Runtime } from './features/shell/runtime-context';
import { shellWords } from './features/shell/shell-words';
import { shouldRetry, retryDelayMs } from './sync/retry-policy';

// nhsuk-frontend 10 styles its components only when these classes are on <body>.
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

async function buildRuntime(config: AppConfig): Promise<Runtime> {
  if (config.mode === 'demo') {
    const { createDemoTransport } = await import('./services/demo-transport');
    const demo = await createDemoTransport();
    return {
      mode: 'demo',
      services: createNationalServices({ transport: demo.transport, bases: demo.bases, organisationOds: demo.organisationOds, asid: demo.asid }),
      demoPatients: demo.patients,
    };
  }
  return {
    mode: 'live',
    services: createNationalServices({
      transport: fetchTransport,
      bases: config.services,
      organisationOds: config.organisationOds,
      ...(config.asid ? { asid: config.asid } : {}),
    }),
    demoPatients: [],
  };
}

function createQueryClient(): QueryClient {
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
    },
  });
}

function render(root: Root, node: React.ReactNode) {
  root.render(<StrictMode>{node}</StrictMode>);
}

async function start(root: Root) {
  render(
    root,
    <AppFrame demo={false}>
      <p className="nhsuk-body-l" role="status">
        {shellWords.starting}
      </p>
    </AppFrame>,
  );
  try {
    const config = await loadConfig();
    const runtime = await buildRuntime(config);
    render(root, <App runtime={runtime} queryClient={createQueryClient()} />);
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : `Start-up failed (${String(error)}).`;
    console.error('start-up failed', error);
    render(
      root,
      <AppFrame demo={false}>
        <ConfigErrorScreen message={message} />
      </AppFrame>,
    );
  }
}

void start(createRoot(document.getElementById('root')!));
