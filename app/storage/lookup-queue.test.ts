import { describe, expect, it } from 'vitest';
import type { NhsNumber } from '../domain/nhs-number';
import { createLookupQueue } from './lookup-queue';
import { createPlanCache } from './plan-cache';
import { createRecordSealer } from './sealed-record';
import { isStorageError } from './storage-errors';
import { MARIGOLD, NOW, ORLANDO, PETRA, buildSnapshot, hoursFrom, unlockedDevice, unlocked } from '../test-support/storage';

describe('lookup queue', () => {
  it('keeps searches made without signal, oldest first, across a reload', async () => {
    const device = await unlockedDevice();
    const queue = createLookupQueue(device.db);
    const orlando = await queue.add(ORLANDO, hoursFrom(NOW, 1));
    const marigold = await queue.add(MARIGOLD, NOW);
    expect(orlando).toEqual({ id: expect.any(String), nhsNumber: ORLANDO, queuedAt: hoursFrom(NOW, 1).toISOString() });

    const reloaded = createLookupQueue((await unlocked(device.reopen())));
    await expect(reloaded.list()).resolves.toEqual([marigold, orlando]);
  });

  it('queues each NHS number once', async () => {
    const device = await unlockedDevice();
    const queue = createLookupQueue(device.db);
    const first = await queue.add(MARIGOLD, NOW);
    const again = await queue.add(MARIGOLD, hoursFrom(NOW, 2));
    const [concurrentA, concurrentB] = await Promise.all([queue.add(PETRA, NOW), queue.add(PETRA, NOW)]);
    expect(again).toEqual(first);
    expect(concurrentA.id).toBe(concurrentB.id);
    await expect(device.db.queuedLookups.count()).resolves.toBe(2);
  });

  it('removes a search once it has run', async () => {
    const queue = createLookupQueue((await unlockedDevice()).db);
    const marigold = await queue.add(MARIGOLD, NOW);
    await queue.add(ORLANDO, NOW);
    await queue.remove(marigold.id);
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([ORLANDO]);
    // Queued again after running, it is a new entry.
    expect((await queue.add(MARIGOLD, NOW)).id).not.toBe(marigold.id);
  });

  it('refuses something that is not an NHS number', async () => {
    const error: unknown = await createLookupQueue((await unlockedDevice()).db)
      .add('1234567890' as NhsNumber, NOW)
      .catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('invalid-record');
  });

  it('skips, reports and deletes an unreadable entry', async () => {
    const device = await unlockedDevice();
    const queue = createLookupQueue(device.db);
    await queue.add(MARIGOLD, NOW);
    const sealer = createRecordSealer(device.db);
    await device.db.table('queuedLookups').bulkAdd([
      { id: 'garbled', lookupKey: 'k1', queuedAt: 'yesterday-ish', nhsNumber: 'plain text' },
      { id: 'not-a-number', lookupKey: 'k2', queuedAt: NOW.toISOString(), nhsNumber: await sealer.seal({ nhsNumber: '123' }) },
    ]);
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([MARIGOLD]);
    await expect(device.db.queuedLookups.count()).resolves.toBe(1);
    expect(device.dropped.map((d) => d.table)).toEqual(['queuedLookups', 'queuedLookups']);
  });

  it('makes room by evicting an old cached plan, never another queued search', async () => {
    const device = await unlockedDevice();
    const queue = createLookupQueue(device.db);
    const cache = createPlanCache(device.db);
    await queue.add(MARIGOLD, NOW);
    await cache.save(buildSnapshot({ nhsNumber: PETRA }), { retentionHours: 24 });

    device.quota.failNext(1, { tables: ['queuedLookups'] });
    await queue.add(ORLANDO, hoursFrom(NOW, 1));
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([MARIGOLD, ORLANDO]);
    await expect(cache.list(NOW)).resolves.toEqual([]);

    // Nothing left to evict: the crew is told the device is full; earlier searches are still queued.
    device.quota.failNext(1, { tables: ['queuedLookups'] });
    const error: unknown = await queue.add(PETRA, NOW).catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('quota');
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([MARIGOLD, ORLANDO]);
  });
});
