import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectivity } from './connectivity';
import { observeReachability } from './reachability-transport';

const events = () => {
  const target = new EventTarget();
  return target as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'> & EventTarget;
};

describe('connectivity', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('goes offline when a service cannot be reached and back when a probe answers, with back-off', async () => {
    let answers = false;
    const probe = vi.fn(async () => answers);
    const connectivity = createConnectivity({ probe, initiallyReachable: true, events: events(), now: () => new Date('2026-11-25T14:02:00Z') });
    const stop = connectivity.start();
    connectivity.reportUnreachable();
    expect(connectivity.getSnapshot().reachable).toBe(false);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3_999);
    expect(probe).toHaveBeenCalledTimes(1); // next wait is 4 s
    answers = true;
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(connectivity.getSnapshot()).toEqual({ reachable: true, lastReachedAt: '2026-11-25T14:02:00.000Z' });
    stop();
  });

  it('does not trust the browser coming online: it probes first', async () => {
    const target = events();
    const probe = vi.fn(async () => false);
    const connectivity = createConnectivity({ probe, initiallyReachable: false, events: target });
    const stop = connectivity.start();
    target.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalled();
    expect(connectivity.getSnapshot().reachable).toBe(false);
    stop();
  });

  it('notifies subscribers only on change', () => {
    const connectivity = createConnectivity({ probe: async () => true, initiallyReachable: true, events: events() });
    const listener = vi.fn();
    connectivity.subscribe(listener);
    connectivity.reportUnreachable();
    connectivity.reportUnreachable();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('observeReachability', () => {
  const base = 'https://gw.example/nrl';

  it('counts answers and failures from national services only', async () => {
    const connectivity = createConnectivity({ probe: async () => false, initiallyReachable: true, events: events() });
    const failing = observeReachability(async () => Promise.reject(new TypeError('Failed to fetch')), connectivity, [base]);
    await expect(failing(new Request('https://www.trust.example/contact'))).rejects.toThrow();
    expect(connectivity.getSnapshot().reachable).toBe(true);
    await expect(failing(new Request(`${base}/DocumentReference/_search`, { method: 'POST' }))).rejects.toThrow();
    expect(connectivity.getSnapshot().reachable).toBe(false);

    const answering = observeReachability(async () => new Response(null, { status: 503 }), connectivity, [base]);
    await answering(new Request(`${base}/DocumentReference/_search`, { method: 'POST' }));
    expect(connectivity.getSnapshot().reachable).toBe(true);
  });

  it('ignores requests the crew cancelled', async () => {
    const connectivity = createConnectivity({ probe: async () => false, initiallyReachable: true, events: events() });
    const controller = new AbortController();
    controller.abort();
    const transport = observeReachability(async () => Promise.reject(new DOMException('aborted', 'AbortError')), connectivity, [base]);
    await expect(transport(new Request(`${base}/x`, { signal: controller.signal }))).rejects.toThrow();
    expect(connectivity.getSnapshot().reachable).toBe(true);
  });
});
