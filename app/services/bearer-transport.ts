import type { Transport } from './transport';

/**
 * Sends the CIS2 access token as `Authorization: Bearer` to the configured service bases and to
 * nothing else (issue 10 point 4): never to a contact page, a provider's own site, or a host that
 * merely starts like a base. With no token the request goes as it is; the service answers 401,
 * which the clients already turn into ServiceError 'unauthorised'.
 */
export interface BearerOptions {
  /** Service base URLs (PDS, NRL, SSP, ODS, audit…). A request is under a base when it has the
   * same origin and its path is the base path or continues it after a '/'. */
  readonly bases: readonly string[];
  /** The access token while valid; undefined once expired or signed out. Read per request. */
  readonly token: () => string | undefined;
  /** Told when a request under a base came back 401: the token is no good (SignInService.markExpired). */
  readonly onUnauthorised?: () => void;
}

interface Base {
  readonly origin: string;
  /** Without a trailing '/': '' for a whole origin. */
  readonly path: string;
}

export function withBearer(transport: Transport, options: BearerOptions): Transport {
  const bases = options.bases.map(parseBase);
  const underBase = (url: string): boolean => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return false;
    }
    return bases.some((base) => target.origin === base.origin && (target.pathname === base.path || target.pathname.startsWith(`${base.path}/`)));
  };

  return async (request) => {
    if (!underBase(request.url)) return transport(request);
    const token = options.token();
    let sent = request;
    if (token !== undefined && token !== '') {
      const headers = new Headers(request.headers);
      headers.set('Authorization', `Bearer ${token}`);
      sent = new Request(request, { headers });
    }
    const response = await transport(sent);
    if (response.status === 401) options.onUnauthorised?.();
    return response;
  };
}

function parseBase(base: string): Base {
  const url = new URL(base);
  if (url.origin === 'null') throw new Error(`withBearer: a service base must be an http(s) URL: ${base}`);
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}
