import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { LookupSnapshot } from '../domain/lookup-snapshot';
import { parseNhsNumber, type NhsNumber } from '../domain/nhs-number';
import type { Patient } from '../domain/patient';
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

function setup(searchPointers: NationalServices['nrl']['searchPointers']) {
  const items = [
    { id: 'a', nhsNumber: nhs('9990000018') },
    { id: 'b', nhsNumber: nhs('9990000026') },
  ];
  const queue = { list: vi.fn(async () => [...items]), remove: vi.fn(async (id: string) => void items.splice(items.findIndex((i) => i.id === id), 1)) };
  const saved: LookupSnapshot[] = [];
  const plans = { save: vi.fn(async (snapshot: LookupSnapshot) => void saved.push(snapshot)) };
  const fail = () => Promise.reject(new Error('unused'));
  const services: NationalServices = {
    pds: { getPatient: async (n) => patient(n) },
    nrl: { searchPointers },
    documents: { getDocument: fail },
    contactPages: { getContactDetails: fail },
    ods: { getOrganisation: fail },
  };
  const connectivity = createConnectivity({ probe: async () => false, initiallyReachable: false, events: new EventTarget() as unknown as Window });
  const results: QueuedLookupResult[] = [];
  const { stop, runNow } = startQueuedLookups({
    queue,
    plans,
    queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    services,
    connectivity,
    retentionHours: 24,
    onResult: (r) => results.push(r),
  });
  return { items, queue, saved, plans, connectivity, results, stop, runNow };
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

  it('keeps searches queued when the signal drops again', async () => {
    const { connectivity, results, items } = setup(async () => {
      throw new ServiceError({ service: 'nrl', kind: 'network', detail: 'offline' });
    });
    connectivity.reportReached();
    await vi.waitFor(() => expect(items).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 10));
    expect(results).toEqual([]);
    expect(items).toHaveLength(2);
  });

  it('keeps searches queued when their answers could not be recorded on the device (rule 6)', async () => {
    const { connectivity, results, items } = setup(async () => {
      throw new ServiceError({ service: 'nrl', kind: 'not-recorded', status: 200, detail: 'disk full' });
    });
    connectivity.reportReached();
    await new Promise((r) => setTimeout(r, 10));
    expect(results).toEqual([]);
    expect(items).toHaveLength(2);
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
  it('does not reread the queue on every reply while the services stay reachable', async () => {
    const { connectivity, queue } = setup(async () => ({ pointers: [], skippedEntries: 0 }));
    connectivity.reportReached();
    await vi.waitFor(() => expect(queue.list).toHaveBeenCalled());
    const reads = queue.list.mock.calls.length;
    connectivity.reportReached();
    connectivity.reportReached();
    await new Promise((r) => setTimeout(r, 10));
    expect(queue.list.mock.calls.length).toBe(reads);
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
