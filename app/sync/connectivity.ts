/**
 * Whether the national services can be reached, as crews need to know it. `navigator.onLine`
 * only says a network interface is up (DHIS2 learned this the hard way): a tablet on a dead
 * hotspot is "online". So the truth here is what the service requests themselves found, plus a
 * probe with back-off while unreachable, and the last time a service answered.
 */

export interface ConnectivityState {
  readonly reachable: boolean;
  /** When a national service last answered at all (ISO instant), if ever since start-up. */
  readonly lastReachedAt: string | undefined;
}

export interface Connectivity {
  getSnapshot(): ConnectivityState;
  subscribe(listener: () => void): () => void;
  /** A national service answered (any HTTP status: something is there). */
  reportReached(): void;
  /** A request to a national service got no answer (network error or timeout). */
  reportUnreachable(): void;
  /** Listens to the browser's online/offline events and probes while unreachable. Returns stop. */
  start(): () => void;
}

export interface ConnectivityOptions {
  /** Resolves true when a national service answers (any status), false when nothing does. */
  readonly probe: () => Promise<boolean>;
  readonly initiallyReachable: boolean;
  readonly now?: () => Date;
  /** Probe back-off: first wait, doubling up to the cap. */
  readonly firstProbeDelayMs?: number;
  readonly maxProbeDelayMs?: number;
  readonly events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

export function createConnectivity(options: ConnectivityOptions): Connectivity {
  const now = options.now ?? (() => new Date());
  const first = options.firstProbeDelayMs ?? 2_000;
  const cap = options.maxProbeDelayMs ?? 60_000;
  const listeners = new Set<() => void>();
  let state: ConnectivityState = { reachable: options.initiallyReachable, lastReachedAt: undefined };
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = first;

  // Listeners hear about changes of reachability only: every service reply moves
  // lastReachedAt, which matters only once the services are unreachable again.
  function set(next: ConnectivityState) {
    const changed = next.reachable !== state.reachable;
    state = next;
    if (changed) listeners.forEach((listener) => listener());
  }

  function scheduleProbe() {
    if (!started || timer !== undefined || state.reachable) return;
    timer = setTimeout(async () => {
      timer = undefined;
      const answered = await options.probe().catch(() => false);
      if (answered) {
        reportReached();
      } else {
        delay = Math.min(delay * 2, cap);
        scheduleProbe();
      }
    }, delay);
  }

  function reportReached() {
    delay = first;
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    set({ reachable: true, lastReachedAt: now().toISOString() });
  }

  function reportUnreachable() {
    set({ ...state, reachable: false });
    scheduleProbe();
  }

  return {
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reportReached,
    reportUnreachable,
    start() {
      const events = options.events ?? window;
      started = true;
      const onOffline = () => reportUnreachable();
      // The interface came back: check at once rather than wait for the back-off.
      const onOnline = () => {
        delay = first;
        void options.probe().then((answered) => (answered ? reportReached() : reportUnreachable()), reportUnreachable);
      };
      events.addEventListener('offline', onOffline);
      events.addEventListener('online', onOnline);
      if (!state.reachable) scheduleProbe();
      return () => {
        started = false;
        events.removeEventListener('offline', onOffline);
        events.removeEventListener('online', onOnline);
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
      };
    },
  };
}
