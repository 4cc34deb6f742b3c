import { describe, expect, it } from 'vitest';
import { createConnectivity } from './connectivity';
import { observeReachability, probeFor } from './reachability-transport';

const PDS = 'https://gateway.example/pds';
const NRL = 'https://gateway.example/nrl';

function reachableConnectivity() {
  return createConnectivity({ probe: async () => true, initiallyReachable: true, events: new EventTarget() as unknown as Window });
}

/** A transport where PDS answers at once and the locator waits until its request times out. */
const slowLocator = (request: Request): Promise<Response> =>
  request.url.startsWith(PDS)
    ? Promise.resolve(new Response('{}', { status: 200 }))
    : new Promise((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }));

const timingOut = (url: string, ms: number) => new Request(url, { signal: AbortSignal.timeout(ms) });

describe('observeReachability', () => {
  it('does not report no signal when the locator times out while PDS answered (issue 7 point 1)', async () => {
    const connectivity = reachableConnectivity();
    const transport = observeReachability(slowLocator, connectivity, [PDS, NRL]);
    const locator = transport(timingOut(`${NRL}/DocumentReference/_search`, 50));
    await transport(new Request(`${PDS}/Patient/9990000107`));
    await expect(locator).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(connectivity.getSnapshot().reachable).toBe(true);
  });

  it('reports no signal when a request times out and nothing else answered while it waited', async () => {
    const connectivity = reachableConnectivity();
    const transport = observeReachability(slowLocator, connectivity, [PDS, NRL]);
    await transport(new Request(`${PDS}/Patient/9990000107`));
    await expect(transport(timingOut(`${NRL}/DocumentReference/_search`, 20))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(connectivity.getSnapshot().reachable).toBe(false);
  });
});

describe('probeFor', () => {
  it('finds the services reachable when PDS answers though the locator hangs', async () => {
    await expect(probeFor(slowLocator, { nrl: NRL, pds: PDS })()).resolves.toBe(true);
  });

  it('finds them unreachable when nothing answers', async () => {
    await expect(probeFor(async () => Promise.reject(new TypeError('Failed to fetch')), { nrl: NRL, pds: PDS })()).resolves.toBe(false);
  });
});
