/**
 * Spine Secure Proxy addressing (docs/national-apis.md §2.1): a pointer's `ssp://host/path` is
 * fetched as `GET {ssp}/{percent-encoded "https://host/path"}`. The app builds these URLs itself;
 * these helpers are the mocks' own reading of the rule, for the handler and for tests.
 */

const SSP_SCHEME = 'ssp://';

/** The https URL the provider serves for a pointer's `ssp://` URL. */
export function sspTargetUrl(pointerUrl: string): string {
  if (!pointerUrl.startsWith(SSP_SCHEME)) throw new Error(`Not an ssp:// URL: ${pointerUrl}`);
  return `https://${pointerUrl.slice(SSP_SCHEME.length)}`;
}

/** The request URL a consumer sends to SSP for a pointer's `ssp://` URL. */
export function sspRequestUrl(sspBase: string, pointerUrl: string): string {
  return `${sspBase}/${encodeURIComponent(sspTargetUrl(pointerUrl))}`;
}

/**
 * The https URL a request to SSP asks for, or undefined when the path is not exactly one
 * percent-encoded absolute https URL (an unencoded URL shows up as several path segments).
 */
export function proxiedUrlOf(requestUrl: string, sspBase: string): string | undefined {
  const basePath = new URL(sspBase).pathname.replace(/\/+$/, '');
  const path = new URL(requestUrl).pathname;
  if (!path.startsWith(`${basePath}/`)) return undefined;
  const segment = path.slice(basePath.length + 1);
  if (segment === '' || segment.includes('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return /^https:\/\/[^/\s?#]+(?:[/?#].*)?$/s.test(decoded) ? decoded : undefined;
}
