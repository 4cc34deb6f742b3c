import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccessEvent } from '../domain/access-event';
import type { NhsNumber } from '../domain/nhs-number';
import { ServiceError, type ServiceErrorKind } from '../services/service-error';
import { BATCH_SIZE, DELIVERY_CONCURRENCY, FIRST_RETRY_MS, MAX_RETRY_MS, startAccessDelivery, type AuditSender } from './access-delivery';
import { createConnectivity } from './connectivity';

const event = (id: string): AccessEvent => ({
  id,
  action: 'patient-read',
  nhsNumber: '9990000018' as NhsNumber,
  organisationOds: 'RX8',
  actor: undefined,
  asid: undefined,
  correlationId: 'lookup-1',
  pointerId: undefined,
  occurredAt: '2026-11-25T14:02:00.000Z',
  request: { method: 'GET', url: 'https://gw.test/pds/Patient/9990000018', requestId: 'r1' },
  outcome: { kind: 'answered', status: 200, answeredAt: '2026-11-25T14:02:01.000Z' },
});

/** An in-memory outbox with the storage module's semantics: nothing leaves unless delivered. */
function memoryOutbox(ids: string[]) {
  const rows = ids.map((id) => ({ event: event(id), attempts: 0, lastProblem: undefined as string | undefined }));
  return {
    rows,
    pending: async () => [...rows],
    delivered: async (id: string) => {
      const index = rows.findIndex((r) => r.event.id === id);
      if (index >= 0) rows.splice(index, 1);
    },
    failedAttempt: async (id: string, problem: string) => {
      const row = rows.find((r) => r.event.id === id)!;
      row.attempts += 1;
      row.lastProblem = problem;
    },
    count: async () => rows.length,
  };
}

/** Lets pending promises settle without moving the fake clock (vi.waitFor would move it). */
async function settled(check: () => void): Promise<void> {
  for (let i = 0; ; i += 1) {
    await vi.advanceTimersByTimeAsync(0);
    try {
      check();
      return;
    } catch (error) {
      if (i > 50) throw error;
    }
  }
}

const failure = (kind: ServiceErrorKind, status?: number) => new ServiceError({ service: 'audit', kind, detail: 'test', status });

function setup(ids: string[], deliver: AuditSender['deliver'], reachable = true) {
  const outbox = memoryOutbox(ids);
  const connectivity = createConnectivity({ probe: async () => reachable, initiallyReachable: reachable, events: new EventTarget() as unknown as Window });
  const audit = { deliver: vi.fn(deliver) };
  const delivery = startAccessDelivery({ outbox, audit, connectivity });
  return { outbox, audit, delivery, connectivity };
}

describe('access-event delivery', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('delivers what is waiting at start-up, oldest first, and empties the outbox', async () => {
    const { outbox, audit, delivery } = setup(['a', 'b', 'c'], async () => undefined);
    await vi.waitFor(() => expect(outbox.rows).toEqual([]));
    expect(audit.deliver.mock.calls.map(([e]) => e.id)).toEqual(['a', 'b', 'c']);
    expect(delivery.status.getSnapshot()).toMatchObject({ waiting: 0, refused: 0 });
    expect(delivery.status.getSnapshot().lastDeliveredAt).toBeDefined();
    delivery.stop();
  });

  it('keeps every event when the audit service cannot be reached, and tries again with back-off', async () => {
    let down = true;
    const { outbox, audit, delivery } = setup(['a', 'b'], async () => {
      if (down) throw failure('network');
    });
    await settled(() => expect(delivery.status.getSnapshot().waiting).toBe(2));
    // A service-wide failure ends the pass: the second event is not tried against a dead service.
    expect(audit.deliver).toHaveBeenCalledTimes(1);
    expect(outbox.rows[0]).toMatchObject({ attempts: 1, lastProblem: 'audit network' });

    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS - 1);
    expect(audit.deliver).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(audit.deliver).toHaveBeenCalledTimes(2);
    // The wait doubles after each failed pass.
    await vi.advanceTimersByTimeAsync(2 * FIRST_RETRY_MS);
    expect(audit.deliver).toHaveBeenCalledTimes(3);

    down = false;
    await vi.advanceTimersByTimeAsync(4 * FIRST_RETRY_MS);
    expect(outbox.rows).toEqual([]);
    expect(delivery.status.getSnapshot().waiting).toBe(0);
    delivery.stop();
  });

  it('never waits longer than the cap between tries', async () => {
    const { audit, delivery } = setup(['a'], async () => {
      throw failure('unavailable', 503);
    });
    await vi.advanceTimersByTimeAsync(10 * MAX_RETRY_MS);
    const calls = audit.deliver.mock.calls.length;
    await vi.advanceTimersByTimeAsync(MAX_RETRY_MS);
    expect(audit.deliver.mock.calls.length).toBe(calls + 1);
    delivery.stop();
  });

  it('does not let one refused event hold up the others, and keeps it', async () => {
    const { outbox, delivery } = setup(['poison', 'b', 'c'], async (e) => {
      if (e.id === 'poison') throw failure('rejected', 400);
    });
    await vi.waitFor(() => expect(outbox.rows.map((r) => r.event.id)).toEqual(['poison']));
    expect(outbox.rows[0]).toMatchObject({ attempts: 1, lastProblem: 'audit rejected: HTTP 400' });
    expect(delivery.status.getSnapshot()).toMatchObject({ waiting: 1, refused: 1 });
    delivery.stop();
  });

  it('delivers at once when a new event is recorded, and when the signal returns', async () => {
    let down = false;
    const { outbox, audit, delivery, connectivity } = setup([], async () => {
      if (down) throw failure('network');
    });
    await vi.waitFor(() => expect(delivery.status.getSnapshot().waiting).toBe(0));

    outbox.rows.push({ event: event('new'), attempts: 0, lastProblem: undefined });
    delivery.flush();
    await vi.waitFor(() => expect(outbox.rows).toEqual([]));

    down = true;
    connectivity.reportUnreachable();
    outbox.rows.push({ event: event('offline'), attempts: 0, lastProblem: undefined });
    delivery.flush();
    await vi.waitFor(() => expect(audit.deliver).toHaveBeenCalledTimes(2));
    down = false;
    connectivity.reportReached();
    await vi.waitFor(() => expect(outbox.rows).toEqual([]));
    delivery.stop();
  });

  it('knows how many are waiting while a slow pass is still sending, and says nothing before it counted', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const outbox = memoryOutbox(['a', 'b', 'c']);
    const connectivity = createConnectivity({ probe: async () => true, initiallyReachable: true, events: new EventTarget() as unknown as Window });
    const delivery = startAccessDelivery({ outbox, audit: { deliver: () => slow }, connectivity });
    expect(delivery.status.getSnapshot().waiting).toBeUndefined();
    await settled(() => expect(delivery.status.getSnapshot().waiting).toBe(3));
    release();
    await settled(() => expect(delivery.status.getSnapshot().waiting).toBe(0));
    delivery.stop();
  });

  it('never runs two passes at once: a flush during a pass runs one more pass after it', async () => {
    let sending = 0;
    let most = 0;
    const { outbox, audit, delivery } = setup(['a', 'b'], async () => {
      sending += 1;
      most = Math.max(most, sending);
      await new Promise((resolve) => setTimeout(resolve, 10));
      sending -= 1;
    });
    outbox.rows.push({ event: event('c'), attempts: 0, lastProblem: undefined });
    delivery.flush();
    delivery.flush();
    for (let i = 0; i < 20 && outbox.rows.length > 0; i += 1) await vi.advanceTimersByTimeAsync(10);
    expect(outbox.rows).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    // Two passes at once would send some event twice, and more than one wave's worth at a time.
    expect(most).toBeLessThanOrEqual(DELIVERY_CONCURRENCY);
    expect(audit.deliver.mock.calls.map(([e]) => e.id)).toEqual(['a', 'b', 'c']);
    delivery.stop();
  });

  it('after a reset, a pass under way sends nothing it read before it', async () => {
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    const { outbox, audit, delivery } = setup(['a', 'b'], (e) => (e.id === 'a' ? first : Promise.resolve()));
    await settled(() => expect(audit.deliver).toHaveBeenCalledTimes(1));
    outbox.rows.splice(0); // Reset demo emptied the outbox.
    delivery.restart();
    release();
    await settled(() => expect(delivery.status.getSnapshot().waiting).toBe(0));
    expect(audit.deliver.mock.calls.map(([e]) => e.id)).toEqual(['a']);
    delivery.stop();
  });

  it('sends the first event alone, then several at once, in order of recording, each only once', async () => {
    let sending = 0;
    let most = 0;
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const inFlightWhenStarted: number[] = [];
    const { outbox, audit, delivery } = setup(ids, async () => {
      inFlightWhenStarted.push(sending);
      sending += 1;
      most = Math.max(most, sending);
      await new Promise((resolve) => setTimeout(resolve, 10));
      sending -= 1;
    });
    for (let i = 0; i < 20 && outbox.rows.length > 0; i += 1) await vi.advanceTimersByTimeAsync(10);
    expect(outbox.rows).toEqual([]);
    expect(audit.deliver.mock.calls.map(([e]) => e.id)).toEqual(ids);
    // 'a' alone; then b-e together; then f-g.
    expect(inFlightWhenStarted).toEqual([0, 0, 1, 2, 3, 0, 1]);
    expect(most).toBe(DELIVERY_CONCURRENCY);
    delivery.stop();
  });

  it('a service-wide failure in a wave ends the pass after that wave; refused and failed events stay', async () => {
    let calls = 0;
    const { outbox, audit, delivery } = setup(['a', 'b', 'c', 'd', 'e', 'f', 'g'], async (e) => {
      calls += 1;
      if (e.id === 'c') throw failure('rejected', 400);
      if (e.id === 'd') throw failure('unavailable', 503);
    });
    await settled(() => expect(delivery.status.getSnapshot()).toMatchObject({ waiting: 4, refused: 1 }));
    // a, then b-e; f and g were not tried against a failing service.
    expect(calls).toBe(5);
    expect(outbox.rows.map((r) => r.event.id)).toEqual(['c', 'd', 'f', 'g']);
    expect(audit.deliver.mock.calls.map(([e]) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    delivery.stop();
  });
});

describe('access-event delivery in FHIR batches (issue 13 point 5)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const ids = (n: number) => Array.from({ length: n }, (_, i) => `e${String(i).padStart(3, '0')}`);

  /** An audit service that stores by id (update-as-create) and takes batches unless told not to. */
  function batchService(o: { takesBatches?: boolean; answer?: (events: readonly AccessEvent[], call: number) => 'stored' | 'lost-reply' | ServiceError | (ServiceError | undefined)[] } = {}) {
    const stored = new Map<string, number>();
    const store = (e: AccessEvent) => stored.set(e.id, (stored.get(e.id) ?? 0) + 1);
    let calls = 0;
    const audit = {
      deliver: vi.fn(async (e: AccessEvent) => void store(e)),
      deliverBatch: vi.fn(async (events: readonly AccessEvent[]) => {
        if (o.takesBatches === false) return { taken: false as const };
        const answer = o.answer?.(events, calls++) ?? 'stored';
        if (answer instanceof ServiceError) throw answer;
        if (answer === 'lost-reply') {
          events.forEach(store);
          throw failure('network');
        }
        const results = answer === 'stored' ? events.map(() => undefined) : answer;
        events.forEach((e, i) => results[i] === undefined && store(e));
        return { taken: true as const, results };
      }),
    };
    return { audit, stored };
  }

  function start(waiting: string[], audit: AuditSender) {
    const outbox = memoryOutbox(waiting);
    const connectivity = createConnectivity({ probe: async () => true, initiallyReachable: true, events: new EventTarget() as unknown as Window });
    return { outbox, delivery: startAccessDelivery({ outbox, audit, connectivity }) };
  }

  it('sends the backlog BATCH_SIZE at a time, oldest first, with no single PUTs', async () => {
    const { audit, stored } = batchService();
    const { outbox, delivery } = start(ids(45), audit);
    await settled(() => expect(outbox.rows).toEqual([]));
    expect(audit.deliverBatch.mock.calls.map(([events]) => events.length)).toEqual([BATCH_SIZE, BATCH_SIZE, 5]);
    expect(audit.deliverBatch.mock.calls.flatMap(([events]) => events.map((e) => e.id))).toEqual(ids(45));
    expect(audit.deliver).not.toHaveBeenCalled();
    expect([...stored.values()].every((times) => times === 1)).toBe(true);
    delivery.stop();
  });

  it('a service that takes no batch gets one PUT per event, and no more batches this run', async () => {
    const { audit, stored } = batchService({ takesBatches: false });
    const { outbox, delivery } = start(ids(3), audit);
    await settled(() => expect(outbox.rows).toEqual([]));
    expect(audit.deliverBatch).toHaveBeenCalledTimes(1);
    expect(audit.deliver).toHaveBeenCalledTimes(3);
    expect(stored.size).toBe(3);
    outbox.rows.push({ event: event('later'), attempts: 0, lastProblem: undefined });
    delivery.flush();
    await settled(() => expect(outbox.rows).toEqual([]));
    expect(audit.deliverBatch).toHaveBeenCalledTimes(1);
    delivery.stop();
  });

  it('an event refused inside a batch stays and is counted; the others leave the device', async () => {
    const { audit } = batchService({ answer: (events) => events.map((e) => (e.id === 'e001' ? failure('rejected', 400) : undefined)) });
    const { outbox, delivery } = start(ids(3), audit);
    await settled(() => expect(outbox.rows.map((r) => r.event.id)).toEqual(['e001']));
    expect(outbox.rows[0]).toMatchObject({ attempts: 1, lastProblem: 'audit rejected: HTTP 400' });
    expect(delivery.status.getSnapshot()).toMatchObject({ waiting: 1, refused: 1 });
    delivery.stop();
  });

  it('a batch that fails as a whole keeps all its events, ends the pass, and tries again later', async () => {
    const { audit, stored } = batchService({ answer: (_events, call) => (call === 0 ? failure('unavailable', 503) : 'stored') });
    const { outbox, delivery } = start(ids(30), audit);
    await settled(() => expect(audit.deliverBatch).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(0);
    // The second batch was not sent after the first failed: the service is down.
    expect(audit.deliverBatch).toHaveBeenCalledTimes(1);
    expect(outbox.rows).toHaveLength(30);
    expect(outbox.rows.slice(0, BATCH_SIZE).every((r) => r.lastProblem === 'audit unavailable: HTTP 503')).toBe(true);
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await settled(() => expect(outbox.rows).toEqual([]));
    expect(stored.size).toBe(30);
    delivery.stop();
  });

  it('a batch stored but whose reply was lost is sent again and still stored once per event (update-as-create)', async () => {
    const { audit, stored } = batchService({ answer: (_events, call) => (call === 0 ? 'lost-reply' : 'stored') });
    const { outbox, delivery } = start(ids(4), audit);
    await settled(() => expect(audit.deliverBatch).toHaveBeenCalledTimes(1));
    expect(outbox.rows).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(FIRST_RETRY_MS);
    await settled(() => expect(outbox.rows).toEqual([]));
    // Sent twice, but the service stores by the event's own id: one record each.
    expect(audit.deliverBatch.mock.calls.map(([events]) => events.map((e) => e.id))).toEqual([ids(4), ids(4)]);
    expect(stored.size).toBe(4);
    delivery.stop();
  });
});

