import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExternalStore } from './external-store';
import { observeReachability } from './reachability-transport';
import { createDemoConnectivity, createTrainerTools } from './trainer-tools';

const NRL = 'https://demo.invalid/record-locator/consumer/FHIR/R4';

/**
 * Demo connectivity over a switch and a probe that answers as the demo transport does: after its
 * latency, and not if the switch is on by then.
 */
function demoConnectivity() {
  const noSignal = createExternalStore(false);
  const probe = vi.fn(async () => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return !noSignal.getSnapshot();
  });
  const connectivity = createDemoConnectivity({ probe, noSignal });
  const stop = connectivity.start();
  return { noSignal, probe, connectivity, stop };
}

describe('demo connectivity', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stays reachable with the switch off, whatever a synthetic scenario does', async () => {
    const { connectivity, probe, stop } = demoConnectivity();
    const timesOut = observeReachability(() => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')), connectivity, [NRL]);
    await expect(timesOut(new Request(`${NRL}/DocumentReference`))).rejects.toThrow();
    expect(connectivity.getSnapshot().reachable).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probe).not.toHaveBeenCalled();
    stop();
  });

  it('goes offline when the switch goes on, and probes as live does while it stays on', async () => {
    const { noSignal, connectivity, probe, stop } = demoConnectivity();
    const heard = vi.fn();
    connectivity.subscribe(heard);
    noSignal.set(true);
    expect(connectivity.getSnapshot().reachable).toBe(false);
    expect(heard).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(connectivity.getSnapshot().reachable).toBe(false);
    // A failed request keeps it offline, as live.
    connectivity.reportUnreachable();
    expect(connectivity.getSnapshot().reachable).toBe(false);
    stop();
  });

  it('is reachable again as soon as the switch goes off: it probes at once, not after the back-off', async () => {
    const { noSignal, connectivity, probe, stop } = demoConnectivity();
    noSignal.set(true);
    await vi.advanceTimersByTimeAsync(60_000);
    const probesWhileOff = probe.mock.calls.length;

    noSignal.set(false);
    await vi.advanceTimersByTimeAsync(400);
    expect(probe).toHaveBeenCalledTimes(probesWhileOff + 1);
    expect(connectivity.getSnapshot().reachable).toBe(true);
    stop();
  });

  it('stays offline if the signal is cut again before the probe answers', async () => {
    const { noSignal, connectivity, stop } = demoConnectivity();
    noSignal.set(true);
    noSignal.set(false);
    await vi.advanceTimersByTimeAsync(100);
    noSignal.set(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(connectivity.getSnapshot().reachable).toBe(false);
    stop();
  });

  it('follows the switch only once started', () => {
    const noSignal = createExternalStore(false);
    const connectivity = createDemoConnectivity({ probe: async () => true, noSignal });
    const stop = connectivity.start();
    stop();
    noSignal.set(true);
    expect(connectivity.getSnapshot().reachable).toBe(true);
  });
});

describe('trainer tools: reset demo', () => {
  function tools(resetDevice: () => Promise<void>) {
    const steps: string[] = [];
    const noSignal = createExternalStore(true);
    noSignal.subscribe(() => steps.push(`no signal: ${noSignal.getSnapshot()}`));
    const trainer = createTrainerTools({
      noSignal,
      resetDevice: async () => {
        steps.push('device');
        await resetDevice();
      },
      resetServices: () => steps.push('services'),
      afterReset: () => steps.push('recount'),
    });
    return { trainer, steps, noSignal };
  }

  it('deletes the device first, with no signal still simulated, then brings the signal back', async () => {
    const { trainer, steps, noSignal } = tools(async () => undefined);
    await trainer.reset();
    expect(steps).toEqual(['device', 'services', 'no signal: false', 'recount']);
    expect(noSignal.getSnapshot()).toBe(false);
  });

  it('does not say it finished, nor bring the signal back, when the device could not be reset', async () => {
    const { trainer, steps, noSignal } = tools(() => Promise.reject(new Error('blocked')));
    await expect(trainer.reset()).rejects.toThrow('blocked');
    expect(steps).toEqual(['device']);
    expect(noSignal.getSnapshot()).toBe(true);
  });
});
