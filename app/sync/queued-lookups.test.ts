import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { LookupSnapshot } from '../domain/lookup-snapshot';
import { parseNhsNumber, type NhsNumber } from '../domain/nhs-number';
import type { Patient } from '../domain/patient';
import type { PointerSearch } from '../domain/pointer';
import { buildSnapshot } from '../test-support/storage';
import { queuedLookupWork } from '../queries/save-lookup';
import type { NationalServices } from '../services/national-services';
import { ServiceError } from '../services/service-error';
import { createConnectivity } from './connectivity';
import { startQueuedLookups, type QueuedLookupResult } from './queued-lookups';

const nhs = (value: string) => (parseNhsNumber(value) as { ok: true; value: NhsNumber }).value;
const patient = (n: NhsNumber): Patient => ({
  nhsNumber: n,
  requestedNhsNumber: n,
  name: { prefix: undefined, given: ['Sam'], family: 'Test' },
  birthDate: '1980-02-02',
  gender: 'unknown',
  restricted: false,
  address: undefined,
  deceasedAt: undefined,
});

function setup(
  searchPointers: NationalServices['nrl']['searchPointers'],
  getPatient: NationalServices['pds']['getPatient'] = async (n) => patient(n),
  mayRun: () => boolean = () => true,
) {
  const items = [
    { id: 'a', nhsNumber: nhs('9990000018') },
    { id: 'b', nhsNumber: nhs('9990000026') },
  ];
  const queue = { list: vi.fn(async () => [...items]), remove: vi.fn(async (id: string) => void items.splice(items.findIndex((i) => i.id === id), 1)) };
  const saved: LookupSnapshot[] = [];
  const plans = { save: vi.fn(async (snapshot: LookupSnapshot) => void saved.push(snapshot)) };
  const fail = () => Promise.reject(new Error('unused'));
  const services: NationalServices = {
    pds: { getPatient, searchPatients: fail },
    nrl: { searchPointers },
    documents: { getDocument: fail },
    contactPages: { getContactDetails: fail },
    ods: { getOrganisation: fail },
  };
  const connectivity = createConnectivity({ probe: async () => false, initiallyReachable: false, events: new EventTarget() as unknown as Window });
  const results: QueuedLookupResult[] = [];
  const onQueueChanged = vi.fn();
  const { stop, runNow } = startQueuedLookups({
    queue,
    connectivity,
    ...queuedLookupWork({ plans, queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }), services, retentionHours: 24 }),
    onResult: (r) => results.push(r),
    onQueueChanged,
    mayRun,
  });
  return { items, queue, saved, plans, connectivity, results, stop, runNow, onQueueChanged };
}

describe('startQueuedLookups', () => {
  it('waits for signal, then runs each search, saving it before telling the crew', async () => {
    const { connectivity, results, saved, items, plans } = setup(async () => ({ pointers: [], skippedEntries: 0 }));
    await Promise.resolve();
    expect(plans.save).not.toHaveBeenCalled();

    connectivity.reportReached();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(results.map((r) => [r.nhsNumber, r.outcome])).toEqual([
      ['9990000018', 'no-crisis-plan'],
      ['9990000026', 'no-crisis-plan'],
    ]);
    expect(saved).toHaveLength(2);
    expect(items).toEqual([]);
  });

  // What the crew sees: a "search finished" notice per result, and the searches still waiting.
  it('keeps searches waiting when the signal drops again, and runs them when it returns', async () => {
    let signal = false;
    const searchPointers = vi.fn(async (): Promise<PointerSearch> => {
      if (signal) return { pointers: [], skippedEntries: 0 };
      // What the reachability transport does when a request gets no answer.
      connectivity.reportUnreachable();
      throw new ServiceError({ service: 'nrl', kind: 'network', detail: 'offline' });
    });
    const { connectivity, results, items, onQueueChanged } = setup(searchPointers);
    connectivity.reportReached();
    // The first search was tried, found no signal, and the runner stopped there.
    await vi.waitFor(() => expect(onQueueChanged).toHaveBeenCalledTimes(1));
    expect(searchPointers).toHaveBeenCalledTimes(1);
    expect(results).toEqual([]);
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);

    signal = true;
    connectivity.reportReached();
    await vi.waitFor(() => expect(results.map((r) => r.outcome)).toEqual(['no-crisis-plan', 'no-crisis-plan']));
    expect(items).toEqual([]);
  });

  it('keeps searches waiting when their answers could not be recorded on the device (rule 6), and runs them later', async () => {
    let recorded = false;
    const searchPointers = vi.fn(async (): Promise<PointerSearch> => {
      if (recorded) return { pointers: [], skippedEntries: 0 };
      throw new ServiceError({ service: 'nrl', kind: 'not-recorded', status: 200, detail: 'disk full' });
    });
    const { connectivity, results, items, onQueueChanged, plans } = setup(searchPointers);
    connectivity.reportReached();
    await vi.waitFor(() => expect(onQueueChanged).toHaveBeenCalledTimes(1));
    expect(results).toEqual([]);
    expect(plans.save).not.toHaveBeenCalled();
    expect(items.map((i) => i.id)).toEqual(['a', 'b']);

    recorded = true;
    connectivity.reportUnreachable();
    connectivity.reportReached();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(items).toEqual([]);
  });

  it('tells the crew when a search failed for another reason, and drops it', async () => {
    const { connectivity, results, items } = setup(async () => {
      throw new ServiceError({ service: 'nrl', kind: 'unavailable', status: 500, detail: 'boom' });
    });
    connectivity.reportReached();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(results.every((r) => r.outcome === 'failed')).toBe(true);
    expect(items).toEqual([]);
  });
});

describe('startQueuedLookups triggers', () => {
  it('runs what waits when the signal returns, not on every reply while the services stay reachable', async () => {
    const { connectivity, queue, results, items } = setup(async () => ({ pointers: [], skippedEntries: 0 }));
    connectivity.reportReached();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    const reads = queue.list.mock.calls.length;

    items.push({ id: 'c', nhsNumber: nhs('9990000034') });
    connectivity.reportReached();
    connectivity.reportReached();
    // A run reads the queue as soon as it starts; replies while reachable start none.
    expect(queue.list).toHaveBeenCalledTimes(reads);
    expect(items.map((i) => i.id)).toEqual(['c']);

    connectivity.reportUnreachable();
    connectivity.reportReached();
    await vi.waitFor(() => expect(results.map((r) => r.nhsNumber)).toEqual(['9990000018', '9990000026', '9990000034']));
    expect(queue.list).toHaveBeenCalledTimes(reads + 1);
  });

  it('runs a search queued while the services were already reachable when asked to', async () => {
    const { connectivity, results, runNow, items } = setup(async () => ({ pointers: [], skippedEntries: 0 }));
    connectivity.reportReached();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    items.push({ id: 'c', nhsNumber: nhs('9990000034') });
    runNow();
    await vi.waitFor(() => expect(results).toHaveLength(3));
  });
});

describe('startQueuedLookups and sign-in (issue 10)', () => {
  it('runs nothing while nobody with a valid sign-in is there, and runs what waits when asked after sign-in', async () => {
    let signedIn = false;
    const getPatient = vi.fn(async (n: NhsNumber) => patient(n));
    const { connectivity, results, runNow, items, queue } = setup(async () => ({ pointers: [], skippedEntries: 0 }), getPatient, () => signedIn);
    connectivity.reportReached();
    runNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(getPatient).not.toHaveBeenCalled();
    expect(items).toHaveLength(2);
    // Not even read: before sign-in and the shift PIN the queue is sealed, and reading it fails.
    expect(queue.list).not.toHaveBeenCalled();

    signedIn = true;
    runNow();
    await vi.waitFor(() => expect(results).toHaveLength(2));
  });

  it('keeps a search that met a sign-in that ran out (401) queued, to run after signing in again', async () => {
    const unauthorised = new ServiceError({ service: 'pds', kind: 'unauthorised', detail: '401' });
    const { connectivity, results, items } = setup(async () => ({ pointers: [], skippedEntries: 0 }), async () => Promise.reject(unauthorised));
    connectivity.reportReached();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(results).toEqual([]);
    expect(items).toHaveLength(2);
  });
});

describe('startQueuedLookups for a replaced NHS number (issue 7 point 2)', () => {
  const OLD = nhs('9990000018');
  const CURRENT = nhs('9990000077');
  const replaced = async (n: NhsNumber): Promise<Patient> => ({ ...patient(n === OLD ? CURRENT : n), requestedNhsNumber: n });
  const planUnder = (subject: NhsNumber): PointerSearch => ({ pointers: [{ ...buildSnapshot({ nhsNumber: subject }).search.pointers[0]! }], skippedEntries: 0 });

  it('finds and saves a crisis plan still filed under the old number', async () => {
    const searchPointers = vi.fn(async (n: NhsNumber) => (n === OLD ? planUnder(OLD) : { pointers: [], skippedEntries: 0 }));
    const { connectivity, results, saved } = setup(searchPointers, replaced);
    connectivity.reportReached();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(results[0]).toMatchObject({ nhsNumber: OLD, outcome: 'crisis-plan' });
    expect(searchPointers.mock.calls.map((call) => call[0])).toEqual(expect.arrayContaining([OLD, CURRENT]));
    expect(saved[0]!.patient.nhsNumber).toBe(CURRENT);
    expect(saved[0]!.search.pointers.map((p) => p.subjectNhsNumber)).toEqual([OLD]);
  });

  it('says it could not check, never "no crisis plan", when one number’s search failed', async () => {
    const searchPointers = async (n: NhsNumber): Promise<PointerSearch> => {
      if (n === CURRENT) throw new ServiceError({ service: 'nrl', kind: 'unavailable', status: 500, detail: 'boom' });
      return { pointers: [], skippedEntries: 0 };
    };
    const { connectivity, results, saved } = setup(searchPointers, replaced);
    connectivity.reportReached();
    await vi.waitFor(() => expect(results).toHaveLength(2));
    expect(results[0]).toMatchObject({ nhsNumber: OLD, outcome: 'failed' });
    expect(saved.map((s) => s.patient.nhsNumber)).not.toContain(CURRENT);
  });
});
