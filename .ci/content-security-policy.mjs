// The app's Content Security Policy (docs/deployment.md#content-security-policy), in two forms:
// - the <meta> fallback the build puts in dist/index.html (vite.config.ts). One build serves every
//   trust, so it cannot name a trust's gateway: its connect-src allows any https: origin.
// - the header a deployment should send, with connect-src narrowed to the service bases in that
//   deployment's config.json. As a command:
//     node .ci/content-security-policy.mjs dist/config.json [--connect https://origin]...
//   prints the header line; --connect adds an origin (e.g. a contact-page host that sends CORS).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Everything but connect-src, the same in both forms. Each source is the narrowest the app works
 * with (e2e/journeys/content-security-policy.spec.ts runs every screen under it):
 * - scripts and styles only from the app's own hashed files: no inline code, no eval, no <style>
 *   (React's style prop and pdf.js's text layer set CSSOM properties, which CSP allows);
 * - img-src data: for the inline raster images a sanitised HTML plan may carry;
 * - worker-src 'self': the pdf.js worker and the service worker are same-origin files;
 * - no frames, plugins, <base> or form submissions anywhere: nothing in the app needs them.
 */
const SHARED_DIRECTIVES = [
  ["default-src", "'none'"],
  ["script-src", "'self'"],
  ["style-src", "'self'"],
  ["img-src", "'self'", "data:"],
  ["font-src", "'self'"],
  ["worker-src", "'self'"],
  ["manifest-src", "'self'"],
  ["frame-src", "'none'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
];

const SERVICE_KEYS = ['pds', 'nrl', 'ods', 'ssp', 'audit'];

const serialise = (directives) => directives.map((sources) => sources.join(' ')).join('; ');

/**
 * The policy the build puts in a <meta> tag: frame-ancestors and reporting cannot go there. Any
 * https: origin, and plain http: on this device only, as config.json allows for a local gateway.
 */
export const META_POLICY = serialise([...SHARED_DIRECTIVES, ['connect-src', "'self'", 'https:', 'http://localhost:*', 'http://127.0.0.1:*']]);

/**
 * Each service base as a path prefix ("https://gw.example/personal-demographics/FHIR/R4/"): every
 * request the app makes to a service is under its base, so the rest of the gateway stays closed.
 */
export function connectSourcesFor(config) {
  if (config === null || typeof config !== 'object') throw new Error('config.json must be an object');
  if (config.mode === 'demo') return [];
  if (config.mode !== 'live') throw new Error('config.json: mode must be "live" or "demo"');
  const services = SERVICE_KEYS.map((key) => {
    const base = config.services?.[key];
    if (typeof base !== 'string' || !URL.canParse(base)) throw new Error(`config.json: services.${key} must be a URL`);
    const url = new URL(base);
    if (url.search || url.hash || url.username || url.password) throw new Error(`config.json: services.${key} must be a plain base URL`);
    // CSP source expressions may not hold ";" or "," or spaces; a URL parser never leaves them raw.
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}/`;
  });
  // CIS2 sign-in (issue 10): discovery, token and userinfo. Their paths are the provider's to
  // choose (the discovery document names them), so the issuer's origin, not a path prefix.
  const authority = config.auth?.authority;
  if (typeof authority !== 'string' || !URL.canParse(authority)) throw new Error('config.json: auth.authority must be a URL');
  return [...services, new URL(authority).origin];
}

/** The header value for a deployment: the meta policy with connect-src narrowed, plus frame-ancestors. */
export function headerPolicy(config, extraConnectOrigins = []) {
  const extra = extraConnectOrigins.map((origin) => {
    const url = new URL(origin);
    if (url.protocol !== 'https:') throw new Error(`--connect ${origin}: only https: origins`);
    return url.origin;
  });
  const connect = [...new Set(["'self'", ...connectSourcesFor(config), ...extra])];
  return serialise([...SHARED_DIRECTIVES, ['connect-src', ...connect], ['frame-ancestors', "'none'"]]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [configPath, ...rest] = process.argv.slice(2);
  if (!configPath) {
    console.error('usage: node .ci/content-security-policy.mjs <config.json> [--connect https://origin]...');
    process.exit(2);
  }
  const extra = [];
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] !== '--connect' || !rest[i + 1]) {
      console.error(`unexpected argument: ${rest[i]}`);
      process.exit(2);
    }
    extra.push(rest[i + 1]);
  }
  try {
    console.log(`Content-Security-Policy: ${headerPolicy(JSON.parse(readFileSync(configPath, 'utf8')), extra)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
