import { describe, expect, it } from 'vitest';
import { createAccessOutbox } from './access-outbox';
import { DEMO_DATABASE, LIVE_DATABASE } from './device-database';
import { createClinicalLock } from './clinical-lock';
import { ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID } from './device-keys';
import { createDeviceSession } from './device-session';
import { createLookupQueue } from './lookup-queue';
import { createPlanCache } from './plan-cache';
import { CURRENT_SCHEMA_VERSION } from './schema-history';
import { createRecordSealer } from './sealed-record';
import { MARIGOLD, NOW, ORLANDO, PETRA, buildAccessEvent, buildSnapshot, hoursFrom, testDevice, unlocked, unlockedDevice, TEST_PIN_ITERATIONS } from '../test-support/storage';
import { IDBFactory } from 'fake-indexeddb';

describe('device database: migration from version 1', () => {
  it('keeps cached plans usable, gives them an indexed expiry, and adds the lookup queue', async () => {
    // The database as version 1 of the app left it: expiry worked out from retentionHours.
    const device = testDevice({ schemaVersion: 1 });
    // Sealed here under today's (PIN-wrapped) keys: what matters is the rows' clear metadata.
    const v1 = await unlocked(device.db);
    expect(v1.verno).toBe(1);
    const sealer = createRecordSealer(v1);
    const v1Row = async (snapshot: ReturnType<typeof buildSnapshot>, retentionHours: number) => ({
      id: crypto.randomUUID(),
      lookupKeys: [await sealer.blindIndex(snapshot.patient.nhsNumber)],
      // Version 1 stored the instant as PDS/NRL gave it, not normalised.
      retrievedAt: snapshot.retrievedAt.replace('.000Z', 'Z'),
      retentionHours,
      summary: await sealer.seal({ nhsNumber: snapshot.patient.nhsNumber, name: 'Marigold Anne QUENBY', birthDate: snapshot.patient.birthDate, hasCrisisPlan: true }),
      snapshot: await sealer.seal(snapshot),
    });
    const marigold = buildSnapshot({ nhsNumber: MARIGOLD, retrievedAt: hoursFrom(NOW, -1) });
    const orlando = buildSnapshot({ nhsNumber: ORLANDO, retrievedAt: hoursFrom(NOW, -30) });
    await v1.table('plans').bulkAdd([
      await v1Row(marigold, 24),
      await v1Row(orlando, 24),
      // A row version 1 could not have vouched for: no retention, so no way to know when it expires.
      { ...(await v1Row(buildSnapshot({ nhsNumber: PETRA }), 24)), retentionHours: undefined },
    ]);

    // Up to version 4: version 5 removes every plan sealed under an unwrapped key (tested below).
    const db = await unlocked(device.reopen({ schemaVersion: 4 }));
    const cache = createPlanCache(db);
    const found = await cache.find(MARIGOLD, NOW);
    expect(db.verno).toBe(4);
    expect(found?.snapshot).toEqual(marigold);
    expect(found?.retrievedAt).toBe(hoursFrom(NOW, -1).toISOString());
    expect(found?.expiresAt).toBe(hoursFrom(NOW, 23).toISOString());

    const rows = await db.plans.toArray();
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => !('retentionHours' in row))).toBe(true);
    expect(device.dropped).toEqual([{ table: 'plans', reason: expect.stringMatching(/without a readable expiry/) }]);

    // Orlando's plan was past retention under version 1 too: the new expiry index purges it.
    await expect(cache.purgeExpired(NOW)).resolves.toBe(1);
    expect((await cache.list(NOW)).map((s) => s.nhsNumber)).toEqual([MARIGOLD]);

    // The table version 2 added works, and saving replaces the migrated record.
    await createLookupQueue(db).add(PETRA, NOW);
    await expect(createLookupQueue(db).list()).resolves.toHaveLength(1);
    await cache.save(buildSnapshot({ nhsNumber: MARIGOLD }), { retentionHours: 24 });
    await expect(db.plans.count()).resolves.toBe(1);
  });
});

describe('device database: migration from version 2', () => {
  it('keeps cached plans, queued lookups and keys as they were, and adds the access-event outbox', async () => {
    const device = testDevice({ schemaVersion: 2 });
    const v2 = await unlocked(device.db);
    expect(v2.verno).toBe(2);
    // Version 2 rows are the shape the current code writes: plans, a queued search, the device keys.
    await createPlanCache(v2).save(buildSnapshot({ nhsNumber: MARIGOLD, retrievedAt: hoursFrom(NOW, -1) }), { retentionHours: 24 });
    await createLookupQueue(v2).add(ORLANDO, NOW);
    const v2Rows = { plans: await v2.plans.toArray(), queued: await v2.queuedLookups.toArray(), keys: await v2.keys.toArray() };
    expect(v2.tables.map((t) => t.name)).not.toContain('accessEvents');

    const db = await unlocked(device.reopen({ schemaVersion: 4 }));
    expect(db.verno).toBe(4);
    // Untouched by the upgrade, row for row.
    await expect(db.plans.toArray()).resolves.toEqual(v2Rows.plans);
    await expect(db.queuedLookups.toArray()).resolves.toEqual(v2Rows.queued);
    await expect(db.keys.toArray()).resolves.toEqual(v2Rows.keys);
    expect((await createPlanCache(db).find(MARIGOLD, NOW))?.retrievedAt).toBe(hoursFrom(NOW, -1).toISOString());
    expect((await createLookupQueue(db).list()).map((q) => q.nhsNumber)).toEqual([ORLANDO]);
    expect(device.dropped).toEqual([]);

    // The new table, with its ordering index, works; its key row sits beside the clinical one.
    const schema = db.table('accessEvents').schema;
    expect(schema.primKey.keyPath).toBe('id');
    expect(schema.indexes.map((index) => index.name).sort()).toEqual(['[occurredAt+recordedAt+id]', 'recordedAt']);
    const outbox = createAccessOutbox(db);
    const event = buildAccessEvent();
    await outbox.record(event);
    await expect(outbox.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    expect((await db.keys.toArray()).map((row) => row.id).sort()).toEqual([ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID]);
    expect((await db.keys.get(KEYS_ROW_ID))?.keyId).toBe(v2Rows.keys[0]?.keyId);
  });
});

describe('device database: migration from version 3', () => {
  it('keeps every row as it was and adds the session table; the first claim removes plans nobody is known to own', async () => {
    const device = testDevice({ schemaVersion: 3 });
    const v3 = await unlocked(device.db);
    expect(v3.verno).toBe(3);
    // Version 3 rows are the shape the current code writes: a plan, a queued search, an access event, both key rows.
    await createPlanCache(v3).save(buildSnapshot({ nhsNumber: MARIGOLD, retrievedAt: hoursFrom(NOW, -1) }), { retentionHours: 24 });
    await createLookupQueue(v3).add(ORLANDO, NOW);
    const event = buildAccessEvent();
    await createAccessOutbox(v3).record(event);
    const v3Rows = {
      plans: await v3.plans.toArray(),
      queued: await v3.queuedLookups.toArray(),
      keys: await v3.keys.toArray(),
      events: await v3.accessEvents.toArray(),
    };
    expect(v3.tables.map((t) => t.name)).not.toContain('session');

    const db = await unlocked(device.reopen({ schemaVersion: 4 }));
    expect(db.verno).toBe(4);
    // Untouched by the upgrade, row for row.
    await expect(db.plans.toArray()).resolves.toEqual(v3Rows.plans);
    await expect(db.queuedLookups.toArray()).resolves.toEqual(v3Rows.queued);
    await expect(db.keys.toArray()).resolves.toEqual(v3Rows.keys);
    await expect(db.accessEvents.toArray()).resolves.toEqual(v3Rows.events);
    expect((await createPlanCache(db).find(MARIGOLD, NOW))?.retrievedAt).toBe(hoursFrom(NOW, -1).toISOString());
    expect(db.table('session').schema.primKey.keyPath).toBe('id');
    await expect(db.session.count()).resolves.toBe(0);
    expect(device.dropped).toEqual([]);

    // Version 3 had no sign-in: nobody is known to own the saved plan, so the first sign-in removes
    // it (and the queued search) before anything is shown; the access event stays deliverable.
    const session = createDeviceSession(db);
    await expect(session.claimFor('person-1')).resolves.toEqual({ wiped: true });
    await expect(Promise.all([db.plans.count(), db.queuedLookups.count()])).resolves.toEqual([0, 0]);
    await expect(createAccessOutbox(db).pending()).resolves.toEqual([{ event, attempts: 0 }]);
    await expect(session.claimFor('person-1')).resolves.toEqual({ wiped: false });
  });
});

describe('device database: demo and real data', () => {
  it('keeps the demo database apart from the real one', async () => {
    const indexedDB = new IDBFactory();
    const real = await unlockedDevice({ name: LIVE_DATABASE, indexedDB });
    const demo = await unlockedDevice({ name: DEMO_DATABASE, indexedDB });
    await createPlanCache(demo.db).save(buildSnapshot(), { retentionHours: 24 });
    await expect(createPlanCache(real.db).find(MARIGOLD, NOW)).resolves.toBeUndefined();
    await expect(createPlanCache(real.db).list(NOW)).resolves.toEqual([]);
    await createPlanCache(demo.db).clearDevice();
    await createPlanCache(real.db).save(buildSnapshot(), { retentionHours: 24 });
    await createPlanCache(demo.db).clearDevice();
    await expect(createPlanCache(real.db).find(MARIGOLD, NOW)).resolves.toBeDefined();
    // Demo accesses are audited (or not) apart from real ones: they never reach the real outbox.
    await createAccessOutbox(demo.db).record(buildAccessEvent());
    await expect(createAccessOutbox(real.db).count()).resolves.toBe(0);
  });
});

describe('device database: migration from version 4 (shift PIN)', () => {
  it('removes the unwrapped clinical key and everything it sealed, reports it, and keeps the access events and their key', async () => {
    const device = testDevice({ schemaVersion: 4 });
    const v4 = device.db;
    // The `device` row as versions up to 4 kept it: non-extractable CryptoKeys, which no PIN can wrap now.
    const legacy = {
      id: KEYS_ROW_ID,
      keyId: 'legacy-device-keys',
      sealKey: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      indexKey: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
      createdAt: NOW.toISOString(),
    };
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = { keyId: legacy.keyId, iv, data: new Blob([await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, legacy.sealKey, new TextEncoder().encode('{"plan":1}'))]) };
    await v4.keys.put(legacy as never);
    const at = NOW.toISOString();
    await v4.plans.add({ id: 'p1', lookupKeys: ['x'], retrievedAt: at, expiresAt: hoursFrom(NOW, 24).toISOString(), summary: sealed, snapshot: sealed });
    await v4.queuedLookups.add({ id: 'q1', lookupKey: 'y', queuedAt: at, nhsNumber: sealed });
    await v4.session.bulkPut([
      { id: 'owner', keyId: legacy.keyId, mark: 'm', claimedAt: at },
      { id: 'offline-session', sealed },
    ]);
    const event = buildAccessEvent();
    await createAccessOutbox(v4).record(event);
    const accessKeyId = (await v4.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId;

    const db = device.reopen();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(CURRENT_SCHEMA_VERSION).toBe(5);
    await expect(db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
    await expect(Promise.all([db.plans.count(), db.queuedLookups.count(), db.session.count()])).resolves.toEqual([0, 0, 0]);
    expect(device.dropped).toEqual([{ table: 'keys', reason: expect.stringMatching(/version 5.*1 plan.*1 queued.*2 session/) }]);
    // The access log is untouched and still delivers.
    expect((await db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId).toBe(accessKeyId);
    const outbox = createAccessOutbox(db);
    await expect(outbox.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    await outbox.delivered(event.id);
    // No PIN now: the crew is asked for a new one.
    const lock = createClinicalLock(db, { iterations: TEST_PIN_ITERATIONS });
    await lock.ready();
    expect(lock.getSnapshot()).toEqual({ state: 'no-pin' });
  });
});
