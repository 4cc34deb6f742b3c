/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Service-worker registration and the "new version is ready" state (docs/service-worker.md).
 *
 * Registered once, from the composition root, outside React: the plugin's React hook registers
 * inside a useState initialiser, so StrictMode registers twice and fires every callback twice
 * (stack-notes §2.4). The UI reads a tiny store through useSyncExternalStore.
 *
 * A waiting version is applied only when the crew presses Reload: the app never reloads by
 * itself, so a plan on screen is never swept away mid-job.
 */
import { registerSW, type RegisterSWOptions } from 'virtual:pwa-register';
import { createExternalStore } from './external-store';

export interface ServiceWorkerUpdatesSnapshot {
  /** A new version is installed and waiting for the crew to reload. */
  readonly needRefresh: boolean;
}

export interface ServiceWorkerUpdates {
  subscribe(listener: () => void): () => void;
  getSnapshot(): ServiceWorkerUpdatesSnapshot;
  /** Activates the waiting version, then reloads this page into it. Only ever on a crew's tap. */
  applyUpdate(): Promise<void>;
}

export type RegisterServiceWorker = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

export interface UpdateEnvironment {
  reload(): void;
  /** Periodic update check; a long shift in one SPA page makes no navigations that would check. */
  every(ms: number, task: () => void): void;
  isOnline(): boolean;
}

const browserEnvironment: UpdateEnvironment = {
  reload: () => window.location.reload(),
  every: (ms, task) => void window.setInterval(task, ms),
  isOnline: () => navigator.onLine,
};

const UPDATE_CHECK_MS = 60 * 60 * 1000;

const IDLE: ServiceWorkerUpdatesSnapshot = { needRefresh: false };
const WAITING: ServiceWorkerUpdatesSnapshot = { needRefresh: true };

/** The store without a registration yet; `start` registers. Separate so tests can drive it. */
export function createServiceWorkerUpdates(register: RegisterServiceWorker, env: UpdateEnvironment = browserEnvironment) {
  const store = createExternalStore(IDLE);
  let updateSW: ((reloadPage?: boolean) => Promise<void>) | undefined;
  // Set when this tab asked for the update. The new worker takes control of every tab; a tab
  // that did not ask (another window pressed Reload) keeps its screen and keeps the prompt.
  let reloadRequested = false;
  let newVersionControls = false;

  const publish = (next: ServiceWorkerUpdatesSnapshot) => {
    if (next !== store.getSnapshot()) store.set(next);
  };

  const updates: ServiceWorkerUpdates & {
    start(): void;
    /**
     * A newer version already runs in another tab and has upgraded the device database, which
     * this page can no longer use: offer Reload (a reload is all it takes, the new worker is in
     * charge).
     */
    newerVersionElsewhere(): void;
  } = {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    async applyUpdate() {
      // Already running under the new worker (activated from another tab): a reload is enough.
      if (newVersionControls || !updateSW) {
        env.reload();
        return;
      }
      reloadRequested = true;
      await updateSW();
    },
    newerVersionElsewhere() {
      newVersionControls = true;
      publish(WAITING);
    },
    start() {
      if (updateSW) return;
      updateSW = register({
        // After the window's load event: precaching must not compete with the first screen.
        immediate: false,
        onNeedRefresh: () => publish(WAITING),
        onNeedReload: () => {
          newVersionControls = true;
          if (reloadRequested) env.reload();
          else publish(WAITING);
        },
        onRegisteredSW: (_url, registration) => {
          if (!registration) return;
          env.every(UPDATE_CHECK_MS, () => {
            if (env.isOnline()) registration.update().catch(() => undefined);
          });
        },
        onRegisterError: (error: unknown) => console.warn('service worker registration failed', error),
      });
    },
  };
  return updates;
}

/** The app's one instance. */
export const serviceWorkerUpdates = createServiceWorkerUpdates(registerSW);

/**
 * Called once from app/main.tsx. Production builds only (the dev server has no worker), and
 * only where the browser has service workers at all.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  serviceWorkerUpdates.start();
}
