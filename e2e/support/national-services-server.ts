import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getResponse, type RequestHandler } from 'msw';
import { CONTACT_PAGE_ORIGINS } from '../../mocks/contact-pages';
import { createHandlers } from '../../mocks/handlers';
import { TEST_SERVICE_BASES } from '../../mocks/service-bases';
import { CORS_HEADERS, LIVE_CONFIG } from './national-services';

/**
 * The national services and the contact pages as a real HTTPS server on this machine, for the
 * benchmark: the same MSW handlers as useLiveNationalServices, but reached over the network, so
 * Chromium sends its CORS preflights for real (a `context.route` never sees them: Playwright
 * answers them itself) and every request, preflight included, can be answered late.
 *
 * Chromium must be started with `hostResolverRules` (the services' and contact pages' host
 * names to this server, every other name unresolvable, so nothing leaves the machine) and
 * `--ignore-certificate-errors` (the certificate is made for the run, self-signed).
 */
export interface NationalServicesServer {
  /** For Chromium's `--host-resolver-rules`. */
  readonly hostResolverRules: string;
  /** Every request received, preflights included, in order. */
  readonly log: ServedRequest[];
  /**
   * Milliseconds every answer waits after its request arrived, as one round trip to a server
   * elsewhere: latency only (no bandwidth limit; connection and TLS set-up are not delayed).
   */
  delayMs: number;
  close(): Promise<void>;
}

export interface ServedRequest {
  readonly method: string;
  readonly url: string;
  /** performance.now() in Node when the request arrived, and when its answer was sent. */
  readonly receivedAt: number;
  answeredAt?: number;
}

/** As the trust's gateway answers a preflight (docs/deployment.md): what was asked, cached for 2 hours. */
function preflightHeaders(request: IncomingMessage): Record<string, string> {
  const asked = request.headers['access-control-request-headers'];
  return {
    ...CORS_HEADERS,
    'access-control-allow-origin': request.headers.origin ?? '*',
    ...(asked ? { 'access-control-allow-headers': asked } : {}),
    'access-control-max-age': '7200',
  };
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Headers Node's fetch Request refuses or that belong to this hop only. */
const HOP_HEADERS = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

async function answer(server: { delayMs: number; log: ServedRequest[] }, handlers: RequestHandler[], request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const url = `https://${request.headers.host}${request.url ?? '/'}`;
  const served: ServedRequest = { method, url, receivedAt: performance.now() };
  server.log.push(served);
  response.on('finish', () => {
    served.answeredAt = performance.now();
  });
  const sent = await body(request);
  if (server.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, server.delayMs));
  if (method === 'OPTIONS') {
    response.writeHead(204, preflightHeaders(request)).end();
    return;
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const mocked = await getResponse(handlers, new Request(url, { method, headers, ...(sent.length > 0 && method !== 'GET' && method !== 'HEAD' ? { body: new Uint8Array(sent) } : {}) }));
  if (!mocked) {
    // Nothing would answer such a request: as the e2e routes, it gets no answer at all.
    request.socket.destroy();
    return;
  }
  const answered = Buffer.from(await mocked.arrayBuffer());
  const answerHeaders = Object.fromEntries([...mocked.headers].filter(([name]) => !HOP_HEADERS.has(name)));
  response.writeHead(mocked.status, { ...answerHeaders, ...CORS_HEADERS, 'access-control-allow-origin': request.headers.origin ?? '*' }).end(answered);
}

/** A self-signed certificate for this run (openssl, as on every Debian machine). */
function certificate(): { key: Buffer; cert: Buffer } {
  const folder = mkdtempSync(join(tmpdir(), 'crl-bench-tls-'));
  try {
    const key = join(folder, 'key.pem');
    const cert = join(folder, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=national-services.test', '-keyout', key, '-out', cert], { stdio: 'ignore' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function startNationalServicesServer(): Promise<NationalServicesServer> {
  const handlers = createHandlers(TEST_SERVICE_BASES);
  const state = { delayMs: 0, log: [] as ServedRequest[] };
  const server: Server = createServer(certificate(), (request, response) => {
    answer(state, handlers, request, response).catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hosts = new Set([...Object.values(LIVE_CONFIG.services), ...CONTACT_PAGE_ORIGINS].map((base) => new URL(base).hostname));
  const hostResolverRules = [...[...hosts].map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1', 'EXCLUDE localhost'].join(', ');
  return {
    hostResolverRules,
    log: state.log,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
