/**
 * Demo mode's transport: every request is answered in the page by the same MSW handlers that
 * unit and e2e tests use (MSW's `getResponse`; no service worker, stack-notes §1.3). The only
 * door from app/ into mocks/, and it is opened with dynamic imports: this module is itself
 * loaded lazily by the composition root, so live builds never download synthetic data.
 */
import type { Transport } from './transport';

/** How long each synthetic reply waits, so trainees see the loading states crews will see. */
const DEMO_LATENCY_MS = 400;

export interface DemoTransport {
  readonly transport: Transport;
  readonly bases: { readonly pds: string; readonly nrl: string; readonly ods: string; readonly ssp: string; readonly audit: string };
  readonly organisationOds: string;
  readonly asid: string;
  readonly patients: readonly { readonly nhsNumber: string; readonly title: string; readonly description: string }[];
}

export async function createDemoTransport(): Promise<DemoTransport> {
  const [{ getResponse }, { createHandlers }, { DEMO_SERVICE_BASES }, { DEMO_CONSUMER }, { SCENARIOS }] = await Promise.all([
    import('msw'),
    import('../../mocks/handlers'),
    import('../../mocks/service-bases'),
    import('../../mocks/demo-consumer'),
    import('../../mocks/data/catalogue'),
  ]);
  const handlers = createHandlers(DEMO_SERVICE_BASES, { latencyMs: DEMO_LATENCY_MS });
  const transport: Transport = async (request) => {
    const response = await getResponse(handlers, request);
    // Never fall through to the network: demo mode must not reach a real service.
    if (!response) throw new TypeError(`Demo mode has no synthetic answer for ${request.method} ${new URL(request.url).origin}`);
    return response;
  };
  return {
    transport,
    bases: DEMO_SERVICE_BASES,
    organisationOds: DEMO_CONSUMER.organisationOds,
    asid: DEMO_CONSUMER.asid,
    patients: Object.values(SCENARIOS).map((s) => ({ nhsNumber: s.nhsNumber, title: s.label, description: s.description })),
  };
}
