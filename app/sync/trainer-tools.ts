import { createConnectivity, type Connectivity } from './connectivity';
import type { ExternalStore } from './external-store';

/**
 * Demo mode's trainer tools (docs/decisions.md 9): "Simulate no signal", so trainees see what
 * crews see with none, and "Reset demo", so each session starts clean. Never built in live mode.
 */
export interface TrainerTools {
  /** Simulate no signal: true while the demo behaves as a tablet with none. */
  readonly noSignal: ExternalStore<boolean>;
  /**
   * Reset demo: deletes everything in the demo database (access events included), has the
   * synthetic services start again empty and switches Simulate no signal off. Resolves only
   * once all of that is done.
   */
  reset(): Promise<void>;
}

/** The switch, as demo connectivity needs it. */
export type NoSignalSwitch = Pick<ExternalStore<boolean>, 'getSnapshot' | 'subscribe'>;

/**
 * Demo connectivity. The synthetic services answer in the page, so with the switch off they are
 * always reachable (a demo scenario that times out says nothing about signal). With it on, this
 * is live connectivity: the switch plays the tablet's network interface, so turning it on is the
 * browser's "offline" and turning it off its "online" (probe at once, then reachable), and failed
 * requests and probes count as they do live.
 */
export function createDemoConnectivity(o: { probe: () => Promise<boolean>; noSignal: NoSignalSwitch; firstProbeDelayMs?: number }): Connectivity {
  const networkInterface = new EventTarget();
  const live = createConnectivity({
    probe: o.probe,
    initiallyReachable: !o.noSignal.getSnapshot(),
    events: networkInterface,
    ...(o.firstProbeDelayMs === undefined ? {} : { firstProbeDelayMs: o.firstProbeDelayMs }),
  });
  return {
    getSnapshot: live.getSnapshot,
    subscribe: live.subscribe,
    reportReached: live.reportReached,
    reportUnreachable: () => {
      if (o.noSignal.getSnapshot()) live.reportUnreachable();
    },
    start() {
      const stopLive = live.start();
      let simulating = o.noSignal.getSnapshot();
      const unsubscribe = o.noSignal.subscribe(() => {
        const next = o.noSignal.getSnapshot();
        if (next === simulating) return;
        simulating = next;
        networkInterface.dispatchEvent(new Event(next ? 'offline' : 'online'));
      });
      return () => {
        unsubscribe();
        stopLive();
      };
    },
  };
}

export function createTrainerTools(o: {
  noSignal: ExternalStore<boolean>;
  /** Deletes everything in the demo database; refuses any other (app/storage/demo-reset.ts). */
  resetDevice: () => Promise<void>;
  /** The synthetic services start again empty. */
  resetServices: () => void;
  /** Told once the reset is done, so what is waiting for the audit service is counted again. */
  afterReset: () => void;
}): TrainerTools {
  return {
    noSignal: o.noSignal,
    async reset() {
      // The device first, with any simulated no signal still on: switching the signal back first
      // would run the queued searches (and send the access events) just before they are deleted.
      await o.resetDevice();
      o.resetServices();
      o.noSignal.set(false);
      o.afterReset();
    },
  };
}
