import { delay, http, type RequestHandler } from 'msw';
import { auditHandlers } from './audit';
import { CONTACT_PAGE_ORIGINS, contactPageHandlers } from './contact-pages';
import { nrlHandlers } from './nrl';
import { odsHandlers } from './ods';
import { pdsHandlers } from './pds';
import type { ServiceBases } from './service-bases';
import { sspHandlers } from './ssp';

export interface MockOptions {
  /** Demo knob: every reply waits this long first, to show loading states. */
  readonly latencyMs?: number;
}

/**
 * Every mocked national service, and the trust's audit service, for MSW's `setupServer` (unit
 * tests), `getResponse` over `context.route` (e2e) and `getResponse` in the page (demo mode). Each service ends in its own
 * catch-all error, so a request under a base never goes unanswered; a request outside every
 * base gets no handler at all, and callers must refuse it rather than let it reach a network.
 */
export function createHandlers(bases: ServiceBases, options: MockOptions = {}): RequestHandler[] {
  const trim = (base: string) => base.replace(/\/+$/, '');
  const { latencyMs } = options;
  // Returning nothing passes the request on to the next handler, after the wait.
  const latency =
    latencyMs === undefined || latencyMs <= 0
      ? []
      : [bases.pds, bases.nrl, bases.ssp, bases.ods, bases.audit].map(trim).concat(CONTACT_PAGE_ORIGINS).flatMap((base) =>
          [base, `${base}/*`].map((path) =>
            http.all(path, async () => {
              await delay(latencyMs);
            }),
          ),
        );
  return [
    ...latency,
    ...pdsHandlers(trim(bases.pds)),
    ...nrlHandlers(trim(bases.nrl)),
    ...sspHandlers(trim(bases.ssp)),
    ...odsHandlers(trim(bases.ods)),
    // A fresh, empty audit store for each createHandlers call.
    ...auditHandlers(trim(bases.audit)),
    ...contactPageHandlers(),
  ];
}
