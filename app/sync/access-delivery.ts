import type { AccessEvent } from '../domain/access-event';
import type { BatchDelivery } from '../services/audit-client';
import { deliveryProblem } from '../services/audit-delivery-problem';
import { isServiceError } from '../services/service-error';
import type { Connectivity } from './connectivity';
import { createExternalStore, type ExternalStore } from './external-store';

/** The outbox as delivery needs it (app/storage/access-outbox.ts). */
export interface OutboxStore {
  /** Oldest first. */
  pending(): Promise<readonly { readonly event: AccessEvent }[]>;
  delivered(id: string): Promise<void>;
  failedAttempt(id: string, problem: string, at?: Date): Promise<void>;
  count(): Promise<number>;
}

export interface AuditSender {
  deliver(event: AccessEvent): Promise<void>;
  /** Several in one request, where the audit service takes a FHIR batch (audit-client.ts). */
  deliverBatch?(events: readonly AccessEvent[]): Promise<BatchDelivery>;
}

export interface DeliveryStatus {
  /** Access events on this device that the audit service does not have yet; undefined until counted. */
  readonly waiting: number | undefined;
  /** Of those, how many the audit service refused last time (they stay, and are tried again). */
  readonly refused: number;
  /** ISO instant of the last event the audit service accepted, in this run of the app. */
  readonly lastDeliveredAt: string | undefined;
}

export interface AccessDelivery {
  readonly status: ExternalStore<DeliveryStatus>;
  /** Deliver what is waiting now (after a new event was recorded). */
  flush(): void;
  /**
   * The outbox was emptied under us (Reset demo): a pass under way stops before its next event,
   * so events it read before the reset are not sent to the fresh demo services, then one runs.
   */
  restart(): void;
  stop(): void;
}

/** First wait after a failed pass; doubles each time, up to the cap. */
export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 15 * 60_000;
/** Events in flight at once after the audit service has answered the first of a pass. */
export const DELIVERY_CONCURRENCY = 4;
/** Events in one FHIR batch, where the audit service takes batches. */
export const BATCH_SIZE = 20;

/**
 * Sends the access-event outbox to the audit service, oldest first, several at once after the
 * first has been answered (DESIGN.md rule 6: an access event is never dropped, only delivered).
 * An event leaves the device only after the audit service confirmed it; every failure keeps it.
 *
 * Outboxes that get stuck are a lesson learned the hard way (STYLE.md §8), so:
 * - an event the service refuses (400) is kept and counted, and the rest go on past it;
 * - a service-wide failure (no signal, 5xx, 429, 401/403, wrong address) ends the pass, and the
 *   next one is scheduled with back-off (30 s doubling to 15 min), and also runs when the
 *   services become reachable again and after every new event;
 * - passes never overlap; a flush during a pass runs another pass straight after.
 */
export function startAccessDelivery(o: { outbox: OutboxStore; audit: AuditSender; connectivity: Connectivity }): AccessDelivery {
  const status = createExternalStore<DeliveryStatus>({ waiting: undefined, refused: 0, lastDeliveredAt: undefined });
  let running = false;
  let again = false;
  let stopped = false;
  let failedPasses = 0;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const publish = (next: Partial<DeliveryStatus>) => status.set({ ...status.getSnapshot(), ...next });

  function schedule(ms: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  }

  // Until the audit service refuses one, events go in FHIR batches; then one by one for this run.
  let batchesTaken = true;

  /**
   * What the service answered for each event of `wave` (undefined: stored), written to the
   * outbox: delivered events leave it, the rest stay with their problem. 'service-down' when a
   * failure was not the event's own (no signal, 5xx, sign-in…): the pass ends there.
   */
  async function settleWave(wave: readonly AccessEvent[], failures: readonly unknown[]): Promise<{ refused: number; serviceDown: boolean }> {
    let refused = 0;
    let serviceDown = false;
    for (const [index, event] of wave.entries()) {
      const failure = failures[index];
      if (failure === undefined) {
        await o.outbox.delivered(event.id);
        publish({ lastDeliveredAt: new Date().toISOString() });
        continue;
      }
      await o.outbox.failedAttempt(event.id, deliveryProblem(failure));
      if (isServiceError(failure) && failure.kind === 'rejected') refused += 1;
      else serviceDown = true;
    }
    publish({ waiting: await o.outbox.count() });
    return { refused, serviceDown };
  }

  /** One pass over the outbox. True when everything waiting was delivered. */
  async function pass(): Promise<boolean> {
    let refused = 0;
    let complete = true;
    const startedIn = generation;
    // Counted first, so a long pass (a slow audit service, a backlog) never shows a stale count.
    publish({ waiting: await o.outbox.count() });
    const waiting = (await o.outbox.pending()).map(({ event }) => event);
    const settled = async (wave: readonly AccessEvent[], failures: readonly unknown[]) => {
      const result = await settleWave(wave, failures);
      refused += result.refused;
      if (failures.some((failure) => failure !== undefined)) complete = false;
      return result.serviceDown;
    };
    let start = 0;
    let ended = false;
    // Up to BATCH_SIZE events in one request (one preflight, one round trip), oldest first. Each
    // entry is the same update-as-create as a single PUT, so an event sent twice (a lost reply) is
    // still stored once, and an event leaves the device only on its own entry's confirmation.
    while (o.audit.deliverBatch && batchesTaken && start < waiting.length && !ended) {
      if (startedIn !== generation || stopped) return false;
      const wave = waiting.slice(start, start + BATCH_SIZE);
      let failures: readonly unknown[];
      let wholeFailed = false;
      try {
        const delivery = await o.audit.deliverBatch(wave);
        if (!delivery.taken) {
          batchesTaken = false;
          break;
        }
        failures = delivery.results;
      } catch (error) {
        // The request as a whole failed: nothing is known to be stored, and the pass ends.
        failures = wave.map(() => error);
        wholeFailed = true;
      }
      start += wave.length;
      ended = (await settled(wave, failures)) || wholeFailed;
    }
    // Otherwise one PUT per event. The first goes alone, so a dead service costs one request; once
    // the service has answered, the rest go DELIVERY_CONCURRENCY at a time (each PUT is its own
    // preflighted request across origins: sent one by one, a backlog paid every round trip in turn).
    let width = 1;
    for (; start < waiting.length && !ended; start += width, width = DELIVERY_CONCURRENCY) {
      if (startedIn !== generation || stopped) return false;
      const wave = waiting.slice(start, start + width);
      const results = await Promise.allSettled(wave.map((event) => o.audit.deliver(event)));
      // A service-wide failure ends the pass (the back-off schedules the next).
      ended = await settled(wave, results.map((result) => (result.status === 'fulfilled' ? undefined : (result.reason as unknown))));
    }
    publish({ waiting: await o.outbox.count(), refused });
    return complete;
  }

  async function run(): Promise<void> {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    let complete = false;
    try {
      do {
        again = false;
        complete = await pass();
      } while (again && !stopped);
    } catch (error) {
      // Storage failed under us: nothing was lost (nothing is deleted before delivery). Try later.
      console.error('access-event delivery failed', error);
      await o.outbox.count().then(
        (waiting) => publish({ waiting }),
        () => undefined,
      );
    } finally {
      running = false;
    }
    if (complete) {
      failedPasses = 0;
    } else {
      failedPasses += 1;
      schedule(Math.min(FIRST_RETRY_MS * 2 ** (failedPasses - 1), MAX_RETRY_MS));
    }
  }

  let wasReachable = o.connectivity.getSnapshot().reachable;
  const unsubscribe = o.connectivity.subscribe(() => {
    const reachable = o.connectivity.getSnapshot().reachable;
    if (reachable && !wasReachable) void run();
    wasReachable = reachable;
  });
  // Events left from earlier runs of the app go out at start-up.
  void run();

  return {
    status,
    flush: () => void run(),
    restart: () => {
      generation += 1;
      void run();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
