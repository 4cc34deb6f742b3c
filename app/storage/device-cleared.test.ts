import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceDeviceCleared, onDeviceClearedElsewhere } from './device-cleared';
import { DeviceDatabase } from './device-database';
import { KEYS_ROW_ID } from './device-keys';
import { createLookupQueue } from './lookup-queue';
import { createPlanCache } from './plan-cache';
import { MARIGOLD, NOW, ORLANDO, PETRA, buildSnapshot, unlocked, unlockedDevice, type TestDevice } from '../test-support/storage';

/**
 * Issue 7 point 9: Clear this device reaches every open tab. Two Dexie connections to one
 * fake-indexeddb database stand in for two tabs; Node's BroadcastChannel joins them as a browser's does.
 */

const DAY = { retentionHours: 24 };
const NEW_PIN = '730418';

/** A second tab: its own connection, its own keys held in memory. */
function secondTab(device: TestDevice): DeviceDatabase {
  return new DeviceDatabase(device.name, { indexedDB: device.indexedDB, IDBKeyRange, onDroppedRecord: (d) => device.dropped.push(d) });
}

/** Every sealed record in the database names the keys row that exists now: none under a deleted key. */
async function keyIdsOnDisk(db: DeviceDatabase): Promise<{ current: string | undefined; sealedUnder: string[] }> {
  const current = (await db.keys.get(KEYS_ROW_ID))?.keyId;
  const plans = await db.plans.toArray();
  const queued = await db.queuedLookups.toArray();
  return { current, sealedUnder: [...plans.flatMap((row) => [row.summary.keyId, row.snapshot.keyId]), ...queued.map((row) => row.nhsNumber.keyId)] };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Clear this device in another tab', () => {
  it('tells every other tab with the database open, not the one that cleared', async () => {
    const device = await unlockedDevice();
    const tabBdb = await unlocked(secondTab(device));
    const elsewhere = await unlockedDevice();
    const heard: string[] = [];
    const stops = [
      onDeviceClearedElsewhere(device.db, () => heard.push('the tab that cleared')),
      onDeviceClearedElsewhere(tabBdb, () => heard.push('b')),
      onDeviceClearedElsewhere(elsewhere.db, () => heard.push('another database')),
    ];
    announceDeviceCleared(device.db);
    await vi.waitFor(() => expect(heard).toEqual(['b']));
    // Then B clears: the first tab hears that one, and by then never its own earlier message.
    announceDeviceCleared(tabBdb);
    await vi.waitFor(() => expect(heard).toContain('the tab that cleared'));
    expect(heard).toEqual(['b', 'the tab that cleared']);
    stops.forEach((stop) => stop());
    tabBdb.close();
  });

  it('makes the other tab drop its keys, so it finds what is saved after the clear, under the new keys', async () => {
    const device = await unlockedDevice();
    const tabA = createPlanCache(device.db);
    const tabBdb = await unlocked(secondTab(device));
    const tabB = createPlanCache(tabBdb);
    // Tab B has read the keys and holds them in memory.
    await tabB.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    await expect(tabB.find(PETRA, NOW)).resolves.toBeDefined();

    await tabA.clearDevice();
    // The clear took the wrapped key: tab A sets a new PIN and saves under the new keys.
    await unlocked(device.db, NEW_PIN);
    await tabA.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);

    // Tab B heard of the clear and let go of the deleted keys: locked until the new PIN.
    await vi.waitFor(async () => expect(await tabB.find(MARIGOLD, NOW).catch((error: unknown) => error)).toMatchObject({ kind: 'locked' }));
    await unlocked(tabBdb, NEW_PIN);
    await expect(tabB.find(MARIGOLD, NOW)).resolves.toBeDefined();
    await expect(tabB.find(PETRA, NOW)).resolves.toBeUndefined();
    await expect(tabB.list(NOW)).resolves.toEqual([expect.objectContaining({ nhsNumber: MARIGOLD })]);
    tabBdb.close();
  });

  describe('even when a tab never hears of it (no BroadcastChannel)', () => {
    it('a save in that tab is never sealed under the deleted keys', async () => {
      vi.stubGlobal('BroadcastChannel', undefined);
      const device = await unlockedDevice();
      const tabA = createPlanCache(device.db);
      const tabBdb = await unlocked(secondTab(device));
      const tabB = createPlanCache(tabBdb);
      await tabB.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
      const deleted = (await device.db.keys.get(KEYS_ROW_ID))!.keyId;

      await tabA.clearDevice();
      await unlocked(device.db, NEW_PIN);
      await tabA.save(buildSnapshot({ nhsNumber: ORLANDO }), DAY);
      // Tab B still holds the deleted keys: the check inside its write refuses them, and it is locked.
      await expect(tabB.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY)).rejects.toMatchObject({ kind: 'locked' });
      await unlocked(tabBdb, NEW_PIN);
      await tabB.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);

      const { current, sealedUnder } = await keyIdsOnDisk(device.db);
      expect(current).toBeDefined();
      expect(current).not.toBe(deleted);
      expect(sealedUnder.length).toBeGreaterThan(0);
      expect(sealedUnder.every((keyId) => keyId === current)).toBe(true);
      // So the tab that cleared can open what was saved since.
      await expect(tabA.find(MARIGOLD, NOW)).resolves.toBeDefined();
      tabBdb.close();
    });

    it('a search queued in that tab is never sealed under the deleted keys', async () => {
      vi.stubGlobal('BroadcastChannel', undefined);
      const device = await unlockedDevice();
      const tabBdb = await unlocked(secondTab(device));
      const queueB = createLookupQueue(tabBdb);
      await queueB.add(PETRA, NOW);
      await queueB.remove((await queueB.list())[0]!.id);

      await createPlanCache(device.db).clearDevice();
      await unlocked(device.db, NEW_PIN);
      await expect(queueB.add(ORLANDO, NOW)).rejects.toMatchObject({ kind: 'locked' });
      await expect(tabBdb.queuedLookups.count()).resolves.toBe(0);
      await unlocked(tabBdb, NEW_PIN);
      await queueB.add(ORLANDO, NOW);

      const { current, sealedUnder } = await keyIdsOnDisk(device.db);
      expect(sealedUnder).toEqual([current]);
      await expect(createLookupQueue(device.db).list()).resolves.toEqual([expect.objectContaining({ nhsNumber: ORLANDO })]);
      tabBdb.close();
    });

    it('that tab never deletes a plan saved under the new keys as unreadable', async () => {
      vi.stubGlobal('BroadcastChannel', undefined);
      const device = await unlockedDevice();
      const tabA = createPlanCache(device.db);
      const tabBdb = await unlocked(secondTab(device));
      const tabB = createPlanCache(tabBdb);
      await tabB.save(buildSnapshot({ nhsNumber: PETRA }), DAY);

      await tabA.clearDevice();
      await unlocked(device.db, NEW_PIN);
      await tabA.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);

      // Tab B still holds the deleted keys; listing must read the table again, not drop the plan:
      // it finds its keys stale and is locked, and the new PIN opens the plan.
      await expect(tabB.list(NOW)).rejects.toMatchObject({ kind: 'locked' });
      expect(device.dropped).toEqual([]);
      await unlocked(tabBdb, NEW_PIN);
      await expect(tabB.list(NOW)).resolves.toEqual([expect.objectContaining({ nhsNumber: MARIGOLD })]);
      await expect(device.db.plans.count()).resolves.toBe(1);
      tabBdb.close();
    });
  });
});
