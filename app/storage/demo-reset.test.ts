import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createAccessOutbox } from './access-outbox';
import { DEMO_DATABASE, LIVE_DATABASE } from './database-names';
import { resetDemoDatabase } from './demo-reset';
import { createLookupQueue } from './lookup-queue';
import { openDeviceStorage } from './open-device-storage';
import { createPlanCache } from './plan-cache';
import { MARIGOLD, NOW, ORLANDO, buildAccessEvent, buildSnapshot, unlocked, unlockedDevice, type TestDevice } from '../test-support/storage';

const DAY = { retentionHours: 24 };

/** A device with a saved plan, a queued search and an access event waiting for the audit service. */
async function inUse(device: TestDevice) {
  const plans = createPlanCache(device.db);
  const queue = createLookupQueue(device.db);
  const access = createAccessOutbox(device.db);
  const event = buildAccessEvent();
  await plans.save(buildSnapshot(), DAY);
  await queue.add(ORLANDO, NOW);
  await access.record(event, NOW);
  return { plans, queue, access, event };
}

const rowCounts = (device: TestDevice) => Promise.all(device.db.tables.map(async (table) => [table.name, await table.count()] as const));

describe('reset demo', () => {
  it('refuses the live database and leaves every row of it as it was', async () => {
    const device = await unlockedDevice({ name: LIVE_DATABASE });
    const { plans, queue, access, event } = await inUse(device);
    const before = await rowCounts(device);

    await expect(resetDemoDatabase(device.db)).rejects.toThrow(/Reset demo refused: "crew-record-locator" is not the demo database/);

    expect(await rowCounts(device)).toEqual(before);
    await expect(plans.find(MARIGOLD, NOW)).resolves.toBeDefined();
    await expect(queue.list()).resolves.toEqual([expect.objectContaining({ nhsNumber: ORLANDO })]);
    await expect(access.pending()).resolves.toEqual([{ event, attempts: 0 }]);
  });

  it('is refused for live storage as the app opens it, before the database is even opened', async () => {
    await expect(openDeviceStorage(LIVE_DATABASE).resetDemo()).rejects.toThrow(/Reset demo refused/);
  });

  it('refuses any database that is not the demo one, however close its name', async () => {
    for (const name of ['crew-record-locator-test', `${DEMO_DATABASE}-2`, DEMO_DATABASE.toUpperCase()]) {
      const device = await unlockedDevice({ name });
      await inUse(device);
      await expect(resetDemoDatabase(device.db)).rejects.toThrow(/Reset demo refused/);
      await expect(createAccessOutbox(device.db).count()).resolves.toBe(1);
    }
  });

  it('deletes everything in the demo database: plans, queued searches, access events and keys', async () => {
    const indexedDB = new IDBFactory();
    const live = await unlockedDevice({ name: LIVE_DATABASE, indexedDB });
    const demo = await unlockedDevice({ name: DEMO_DATABASE, indexedDB });
    const real = await inUse(live);
    const { plans, queue, access } = await inUse(demo);

    await resetDemoDatabase(demo.db);

    for (const [table, count] of await rowCounts(demo)) expect({ table, count }).toEqual({ table, count: 0 });
    // The wrapped key went with the rest: the trainer sets a PIN again.
    await expect(plans.list(NOW)).rejects.toMatchObject({ kind: 'locked' });
    await unlocked(demo.db);
    await expect(plans.list(NOW)).resolves.toEqual([]);
    await expect(queue.list()).resolves.toEqual([]);
    await expect(access.count()).resolves.toBe(0);
    // The real database on the same device is untouched.
    await expect(real.plans.find(MARIGOLD, NOW)).resolves.toBeDefined();
    await expect(real.access.pending()).resolves.toEqual([{ event: real.event, attempts: 0 }]);
  });

  it('leaves the demo ready to use again, under new keys', async () => {
    const device = await unlockedDevice({ name: DEMO_DATABASE });
    const { plans, access } = await inUse(device);
    const oldKeyIds = (await device.db.keys.toArray()).map((row) => row.keyId);

    await resetDemoDatabase(device.db);
    await unlocked(device.db);
    await plans.save(buildSnapshot(), DAY);
    await access.record(buildAccessEvent(), NOW);

    await expect(plans.find(MARIGOLD, NOW)).resolves.toBeDefined();
    await expect(access.count()).resolves.toBe(1);
    const newKeyIds = (await device.db.keys.toArray()).map((row) => row.keyId);
    expect(newKeyIds).toHaveLength(2);
    expect(newKeyIds.filter((id) => oldKeyIds.includes(id))).toEqual([]);
  });
});
