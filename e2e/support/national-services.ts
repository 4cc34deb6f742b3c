import type { BrowserContext, Request as PlaywrightRequest, Route } from '@playwright/test';
import { getResponse, type RequestHandler } from 'msw';
import { createHandlers } from '../../mocks/handlers';
import { CONTACT_PAGE_ORIGINS } from '../../mocks/contact-pages';
import { TEST_SERVICE_BASES } from '../../mocks/service-bases';
import { liveAuthConfig } from './live-auth';

/**
 * The national services, mocked at the browser context's boundary (stack-notes §1.5):
 * `context.route` sees requests made by the page and by its service worker alike, and each
 * is answered by the same MSW handlers the unit tests and demo mode use. A request no
 * handler answers is aborted, so nothing can leak to a real network.
 *
 * The app runs its live transport here (config mode "live"), as in production. The CORS
 * headers added below are what the trust's API gateway adds (docs/deployment.md).
 */

export const LIVE_CONFIG = {
  mode: 'live',
  organisationOds: 'RX8',
  asid: '200000001234',
  services: { ...TEST_SERVICE_BASES, audit: 'https://gateway.test.example/audit/FHIR/R4' },
} as const;

export interface NationalServicesRecorder {
  /** Every request that reached the mocked national services, in order. */
  readonly requests: PlaywrightRequest[];
  /** The body each one was answered with (the browser may no longer hold it after a reload). */
  readonly replies: WeakMap<PlaywrightRequest, Buffer>;
}

/** Also used by the benchmark's real server (national-services-server.ts). */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'x-request-id, x-correlation-id, etag, retry-after',
};

function serviceOrigins(): Set<string> {
  const bases = Object.values(LIVE_CONFIG.services);
  return new Set([...bases.map((base) => new URL(base).origin), ...CONTACT_PAGE_ORIGINS]);
}

async function answer(route: Route, handlers: RequestHandler[], recorder: NationalServicesRecorder, network: { offline: boolean }) {
  const request = route.request();
  const preflight = request.method() === 'OPTIONS';
  if (!preflight) recorder.requests.push(request);
  if (network.offline) {
    await route.abort('internetdisconnected');
    return;
  }
  // In Chromium, CORS preflights do not get here: while any route is set, Playwright answers
  // them itself, at once, with headers that allow the request (playwright-core, crNetworkManager). So a route cannot delay a preflight;
  // the benchmark serves the mocks from a real server instead (national-services-server.ts).
  if (preflight) {
    await route.fulfill({ status: 204, headers: CORS_HEADERS });
    return;
  }
  const body = request.postDataBuffer();
  const fetchRequest = new Request(request.url(), {
    method: request.method(),
    headers: await request.allHeaders(),
    ...(body && request.method() !== 'GET' ? { body: new Uint8Array(body) } : {}),
  });
  const response = await getResponse(handlers, fetchRequest);
  if (!response) {
    await route.abort('addressunreachable');
    return;
  }
  const reply = Buffer.from(await response.arrayBuffer());
  recorder.replies.set(request, reply);
  await route.fulfill({
    status: response.status,
    headers: { ...Object.fromEntries(response.headers), ...CORS_HEADERS },
    body: reply,
  });
}

/**
 * A live config.json as a deployment would write it: LIVE_CONFIG's services, with `auth` naming
 * the local provider this run started (a config given without an `auth` key gets it too; one
 * with `auth` set, even to null, is served as given).
 */
function withSignIn(config: unknown): unknown {
  if (config === null || typeof config !== 'object' || (config as { mode?: unknown }).mode !== 'live' || 'auth' in config) return config;
  return { ...config, auth: liveAuthConfig() };
}

/** Serves /config.json in live mode and answers the national services with the mocks. */
export async function useLiveNationalServices(context: BrowserContext, given: unknown = LIVE_CONFIG): Promise<NationalServicesRecorder> {
  const config = withSignIn(given);
  const recorder: NationalServicesRecorder = { requests: [], replies: new WeakMap() };
  const handlers = createHandlers(TEST_SERVICE_BASES);
  // Chromium lets routed requests through while the context is "offline", so a test's
  // setOffline(true) would not cut the mocked services. Follow it here, as a real network would.
  const network = { offline: false };
  const setOffline = context.setOffline.bind(context);
  context.setOffline = async (offline: boolean) => {
    network.offline = offline;
    await setOffline(offline);
  };
  const origins = serviceOrigins();
  await context.route('**/config.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }),
  );
  await context.route(
    (url) => origins.has(url.origin),
    (route) => answer(route, handlers, recorder, network),
  );
  // Belt and braces: any other remote origin (a tracking pixel in a plan, a CDN) is refused
  // and recorded, so a test can assert that nothing tried to leave the device.
  await context.route(
    (url) => url.protocol.startsWith('http') && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && !origins.has(url.origin),
    (route) => {
      recorder.requests.push(route.request());
      return route.abort('blockedbyclient');
    },
  );
  return recorder;
}
