import { vi } from 'vitest';
import type { NationalServices } from '../services/national-services';
import { createConnectivity } from '../sync/connectivity';
import { createExternalStore } from '../sync/external-store';
import type { QueuedLookupResult } from '../sync/queued-lookups';
import type { Runtime } from '../runtime/runtime-context';
import type { DeliveryStatus } from '../sync/access-delivery';
import { testSession } from './session';

const unused = () => Promise.reject(new Error('no national service in this test'));

/** National services for screens that must not call any: every call fails the test's expectations. */
export const NO_NATIONAL_SERVICES: NationalServices = {
  pds: { getPatient: unused, searchPatients: unused },
  nrl: { searchPointers: unused },
  documents: { getDocument: unused },
  contactPages: { getContactDetails: unused },
  ods: { getOrganisation: unused },
};

/** A Runtime for component tests: the given services, an empty device, signal present. */
export function testRuntime(services: NationalServices, overrides: Partial<Runtime> = {}): Runtime {
  return {
    mode: 'live',
    session: testSession(),
    services,
    demoPatients: [],
    policy: { staleAfterHours: 12, retentionHours: 24 },
    connectivity: createConnectivity({ probe: async () => true, initiallyReachable: true, events: new EventTarget() as unknown as Window }),
    plans: {
      save: vi.fn(async () => ({ saved: true as const, evicted: 0 })),
      find: vi.fn(async () => undefined),
      list: vi.fn(async () => []),
      searchSaved: vi.fn(async () => []),
      count: vi.fn(async () => 0),
      remove: vi.fn(async () => undefined),
      purgeExpired: vi.fn(async () => 0),
      clearDevice: vi.fn(async () => undefined),
    },
    queue: {
      add: vi.fn(async (nhsNumber) => ({ id: 'q1', nhsNumber, queuedAt: new Date().toISOString() })),
      list: vi.fn(async () => []),
      remove: vi.fn(async () => undefined),
    },
    runQueuedLookups: vi.fn(),
    queuedResults: createExternalStore<readonly QueuedLookupResult[]>([]),
    clearedElsewhere: createExternalStore(0),
    requestPersistentStorage: async () => true,
    recordAccess: vi.fn(async () => undefined),
    accessDelivery: createExternalStore<DeliveryStatus>({ waiting: 0, refused: 0, lastDeliveredAt: undefined }),
    accessHistory: { searchAccessHistory: vi.fn(async () => ({ records: [], unreadable: 0, more: false })) },
    ...overrides,
  };
}
