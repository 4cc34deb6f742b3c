/**
 * Demo mode's transport: every request is answered in the page by the same MSW handlers that
 * unit and e2e tests use (MSW's `getResponse`; no service worker, stack-notes §1.3). The only
 * door from app/ into mocks/, and it is opened with dynamic imports: this module is itself
 * loaded lazily by the composition root, so live builds never download synthetic data.
 */
import type { SearchForm } from '../domain/patient-search';
import type { SignedInPerson } from '../domain/signed-in-person';
import type { Transport } from './transport';

/** How long each synthetic reply waits, so trainees see the loading states crews will see. */
const DEMO_LATENCY_MS = 400;

export interface DemoTransport {
  readonly transport: Transport;
  readonly bases: { readonly pds: string; readonly nrl: string; readonly ods: string; readonly ssp: string; readonly audit: string };
  readonly organisationOds: string;
  readonly asid: string;
  readonly patients: readonly { readonly nhsNumber: string; readonly title: string; readonly description: string; readonly birthDate: string | undefined }[];
  /** Searches by details a trainer can walk through (issue 12 point 6), as the form takes them. */
  readonly searchExamples: readonly DemoSearchExample[];
  /** The synthetic trainer demo mode signs in (no provider): trainer is the only app role demo grants. */
  readonly trainer: SignedInPerson;
  /** Reset demo: the synthetic services start again empty (the audit service forgets what it was sent). */
  resetServices(): void;
}

export interface DemoSearchExample {
  readonly label: string;
  readonly description: string;
  readonly form: SearchForm;
}

export interface DemoTransportOptions {
  /**
   * Trainer tools' "Simulate no signal": while this says true, every request is refused as
   * `fetch` refuses one on a tablet with no signal, so the clients meet the very failure crews do.
   */
  readonly noSignal?: () => boolean;
}

export async function createDemoTransport(options: DemoTransportOptions = {}): Promise<DemoTransport> {
  const [{ getResponse }, { createHandlers }, { DEMO_SERVICE_BASES }, { DEMO_CONSUMER }, { SCENARIOS }, { SEARCH_EXAMPLES }] = await Promise.all([
    import('msw'),
    import('../../mocks/handlers'),
    import('../../mocks/service-bases'),
    import('../../mocks/demo-consumer'),
    import('../../mocks/data/catalogue'),
    import('../../mocks/data/search-people'),
  ]);
  const noSignal = options.noSignal ?? (() => false);
  const newHandlers = () => createHandlers(DEMO_SERVICE_BASES, { latencyMs: DEMO_LATENCY_MS });
  // Each createHandlers call holds its own audit store, so fresh handlers are an empty service.
  let handlers = newHandlers();
  const transport: Transport = async (request) => {
    if (noSignal()) throw noSignalFailure();
    const response = await getResponse(handlers, request);
    // Never fall through to the network: demo mode must not reach a real service.
    if (!response) throw new TypeError(`Demo mode has no synthetic answer for ${request.method} ${new URL(request.url).origin}`);
    // The signal went while the request was out: as on a real tablet, its answer never arrives.
    if (noSignal()) {
      void response.body?.cancel().catch(() => undefined);
      throw noSignalFailure();
    }
    return response;
  };
  return {
    transport,
    bases: DEMO_SERVICE_BASES,
    organisationOds: DEMO_CONSUMER.organisationOds,
    asid: DEMO_CONSUMER.asid,
    trainer: {
      id: DEMO_CONSUMER.trainer.sub,
      name: DEMO_CONSUMER.trainer.name,
      role: {
        personRoleId: DEMO_CONSUMER.trainer.role.person_roleid,
        orgCode: DEMO_CONSUMER.trainer.role.org_code,
        roleCode: DEMO_CONSUMER.trainer.role.role_code,
        roleName: DEMO_CONSUMER.trainer.role.role_name,
        activityCodes: [],
      },
      organisationName: DEMO_CONSUMER.trainer.org_name,
      appRoles: ['trainer'],
    },
    patients: Object.values(SCENARIOS).map((s) => ({ nhsNumber: s.nhsNumber, title: s.label, description: s.description, birthDate: s.birthDate })),
    searchExamples: SEARCH_EXAMPLES.map(({ label, description, family, given, birthDate, postcode }) => ({
      label,
      description,
      form: { family, given: given ?? '', birthDate, gender: '', postcode: postcode ?? '' },
    })),
    resetServices: () => {
      handlers = newHandlers();
    },
  };
}

/** What `fetch` rejects with when there is no network (a TypeError), marked for the logs as simulated. */
function noSignalFailure(): TypeError {
  return new TypeError('Failed to fetch (demo: Simulate no signal is on)');
}
