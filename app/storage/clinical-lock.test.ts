import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_PIN_TRIES } from '../domain/shift-pin';
import type { SignedInPerson } from '../domain/signed-in-person';
import { createAccessOutbox } from './access-outbox';
import { createClinicalLock, type ClinicalLockState } from './clinical-lock';
import { onDeviceClearedElsewhere, type DeviceClearedReason } from './device-cleared';
import { DeviceDatabase } from './device-database';
import { ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID, WrappedKeysRow } from './device-keys';
import { OFFLINE_SESSION_ROW_ID, createDeviceSession } from './device-session';
import { createLookupQueue } from './lookup-queue';
import { decodePayload } from './payload-codec';
import { PIN_ITERATIONS, derivePinKey, unwrapClinicalKeys } from './pin-wrapping';
import { createPlanCache } from './plan-cache';
import { createRecordSealer } from './sealed-record';
import { isStorageError } from './storage-errors';
import { MARIGOLD, NOW, ORLANDO, PETRA, TEST_PIN_ITERATIONS, buildAccessEvent, buildSnapshot, hoursFrom, testDevice, type TestDevice } from '../test-support/storage';

/** Issue 11 points 1, 2 and 4: the clinical keys wrapped by the shift PIN, the lock, wrong PINs. */

const PIN = '582047';
const OTHER_PIN = '730418';
const DAY = { retentionHours: 24 };
const UNTIL = hoursFrom(NOW, 12);

const PARAMEDIC: SignedInPerson = {
  id: '7f3c2a10-5b6e-4d8f-9a1b-2c3d4e5f6a7b',
  name: 'Rowan Aldridge-Pike',
  role: { personRoleId: '555021935107', orgCode: 'RYA', roleCode: 'S8000:G8000:R8003', roleName: 'Paramedic', activityCodes: [] },
  organisationName: 'Weston Vale Ambulance Service NHS Trust',
  appRoles: ['paramedic'],
};
const LEAD_ID = 'c0ffee00-1111-4222-8333-444455556666';

const lockOf = (db: DeviceDatabase) => createClinicalLock(db, { iterations: TEST_PIN_ITERATIONS });

function secondTab(device: TestDevice): DeviceDatabase {
  return new DeviceDatabase(device.name, { indexedDB: device.indexedDB, IDBKeyRange, onDroppedRecord: (d) => device.dropped.push(d) });
}

/** As the app does after sign-in: claim, set the PIN, remember; then a plan, a queued search and an access event. */
async function signedInWithPin() {
  const device = testDevice();
  const session = createDeviceSession(device.db);
  await session.claimFor(PARAMEDIC.id);
  const lock = lockOf(device.db);
  await lock.ready();
  expect(lock.getSnapshot()).toEqual({ state: 'no-pin' });
  await lock.setPin(PIN);
  await session.remember(PARAMEDIC, UNTIL);
  const plans = createPlanCache(device.db);
  const queue = createLookupQueue(device.db);
  const outbox = createAccessOutbox(device.db);
  await plans.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);
  await queue.add(ORLANDO, NOW);
  const event = buildAccessEvent();
  await outbox.record(event);
  return { device, session, lock, plans, queue, outbox, event };
}

/** Every row of one object store, read with the raw IndexedDB API (not Dexie, not our code). */
async function rawRows(indexedDB: IDBFactory, name: string, store: string): Promise<Record<string, unknown>[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error ?? new Error('getAll failed'));
    });
  } finally {
    db.close();
  }
}

/** Every Uint8Array inside a value, however deep. */
function byteArrays(value: unknown): Uint8Array[] {
  if (value instanceof Uint8Array) return [value];
  if (Array.isArray(value)) return value.flatMap(byteArrays);
  if (typeof value === 'object' && value !== null && !(value instanceof Blob) && !(value instanceof CryptoKey)) return Object.values(value).flatMap(byteArrays);
  return [];
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the clinical lock', () => {
  it('round trip: set the PIN, save a plan, lock, unlock with the PIN, the plan reads back', async () => {
    const { device, lock, plans } = await signedInWithPin();
    const seen: ClinicalLockState[] = [];
    lock.subscribe(() => seen.push(lock.getSnapshot()));
    expect(lock.getSnapshot()).toEqual({ state: 'unlocked' });

    lock.lock();
    expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: MAX_PIN_TRIES });
    await expect(plans.find(MARIGOLD, NOW)).rejects.toMatchObject({ name: 'StorageError', kind: 'locked' });

    await expect(lock.unlock(PIN)).resolves.toBe('unlocked');
    expect(lock.getSnapshot()).toEqual({ state: 'unlocked' });
    expect(seen).toEqual([{ state: 'locked', triesLeft: MAX_PIN_TRIES }, { state: 'unlocked' }]);
    expect((await plans.find(MARIGOLD, NOW))?.snapshot).toEqual(buildSnapshot({ nhsNumber: MARIGOLD }));

    // After a reload (a new connection): locked until the PIN, then the same plan.
    const reopened = device.reopen();
    const again = lockOf(reopened);
    await again.ready();
    expect(again.getSnapshot()).toEqual({ state: 'locked', triesLeft: MAX_PIN_TRIES });
    await expect(again.unlock(PIN)).resolves.toBe('unlocked');
    await expect(createPlanCache(reopened).find(MARIGOLD, NOW)).resolves.toBeDefined();
  });

  it('stores the keys wrapped under PBKDF2-SHA-256 at 600,000 iterations by default, with a 16-byte salt', async () => {
    const device = testDevice();
    const lock = createClinicalLock(device.db);
    const started = performance.now();
    await lock.setPin(PIN);
    const took = performance.now() - started;
    const [row] = (await rawRows(device.indexedDB, device.name, 'keys')).filter((r) => r['id'] === KEYS_ROW_ID);
    const parsed = WrappedKeysRow.parse(row);
    expect(parsed.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(PIN_ITERATIONS).toBe(600_000);
    expect(parsed.kdf.salt.byteLength).toBe(16);
    expect(parsed.wrongTries).toBe(0);
    // Nothing in the row is a usable key.
    expect(Object.values(row!).some((value) => value instanceof CryptoKey)).toBe(false);
    expect(took).toBeGreaterThan(0);
  });

  it('refuses a PIN the rules refuse, with a typed error, and changes nothing', async () => {
    const device = testDevice();
    const lock = lockOf(device.db);
    for (const bad of ['123456', '987654', '000000', '12345', 'abcdef', '1234567890123']) {
      const error: unknown = await lock.setPin(bad).catch((e: unknown) => e);
      expect(isStorageError(error) && error.kind, bad).toBe('invalid-pin');
    }
    await expect(device.db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
  });

  it('a new PIN wipes what the older keys sealed, keeps the owner and the access events', async () => {
    const { device, lock, plans, outbox, event, session } = await signedInWithPin();
    const before = (await device.db.keys.get(KEYS_ROW_ID))!.keyId;
    await lock.setPin(OTHER_PIN);
    expect((await device.db.keys.get(KEYS_ROW_ID))!.keyId).not.toBe(before);
    await expect(Promise.all([device.db.plans.count(), device.db.queuedLookups.count()])).resolves.toEqual([0, 0]);
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();
    await expect(plans.list(NOW)).resolves.toEqual([]);
    await expect(outbox.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
  });
});

describe('wrong PINs', () => {
  it('a wrong PIN fails and counts down, and the count survives reopening the database', async () => {
    const { device, lock, plans } = await signedInWithPin();
    lock.lock();
    await expect(lock.unlock(OTHER_PIN)).resolves.toBe('wrong');
    expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: 4 });
    await expect(plans.find(MARIGOLD, NOW)).rejects.toMatchObject({ kind: 'locked' });
    await expect(lock.unlock('')).resolves.toBe('wrong');
    expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: 3 });

    const reopened = device.reopen();
    const again = lockOf(reopened);
    await again.ready();
    expect(again.getSnapshot()).toEqual({ state: 'locked', triesLeft: 3 });
    // The right PIN opens, and the count starts again.
    await expect(again.unlock(PIN)).resolves.toBe('unlocked');
    again.lock();
    await vi.waitFor(() => expect(again.getSnapshot()).toEqual({ state: 'locked', triesLeft: MAX_PIN_TRIES }));
    await expect(createPlanCache(reopened).find(MARIGOLD, NOW)).rejects.toMatchObject({ kind: 'locked' });
  });

  it('the fifth wrong PIN wipes plans, queue, wrapped key and offline session; access events stay readable and deliverable', async () => {
    const { device, outbox, event } = await signedInWithPin();
    const accessKeyId = (await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId;
    const tabB = secondTab(device);
    const heard: DeviceClearedReason[] = [];
    const stop = onDeviceClearedElsewhere(tabB, (reason) => heard.push(reason));

    // After a reload, as a stranger at the screen would meet it.
    const db = device.reopen();
    const lock = lockOf(db);
    await lock.ready();
    for (let tryNumber = 1; tryNumber < MAX_PIN_TRIES; tryNumber += 1) await expect(lock.unlock(`9${tryNumber}0417`)).resolves.toBe('wrong');
    expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: 1 });
    await expect(Promise.all([db.plans.count(), db.queuedLookups.count()])).resolves.toEqual([1, 1]);

    await expect(lock.unlock('960417')).resolves.toBe('wiped');
    expect(lock.getSnapshot()).toEqual({ state: 'no-pin' });
    await expect(Promise.all([db.plans.count(), db.queuedLookups.count(), db.session.count()])).resolves.toEqual([0, 0, 0]);
    await expect(db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
    // Even the right PIN can open nothing now.
    await expect(lock.unlock(PIN)).rejects.toMatchObject({ kind: 'locked' });
    await vi.waitFor(() => expect(heard).toEqual(['wrong-pin']));
    // The access log's key and events are kept: still opened and delivered.
    expect((await db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId).toBe(accessKeyId);
    const after = createAccessOutbox(db);
    await expect(after.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    await after.delivered(event.id);
    await expect(after.count()).resolves.toBe(0);
    expect(outbox).toBeDefined();
    stop();
    tabB.close();
  });
});

describe('tampering', () => {
  it('a tampered wrapped key fails with a typed error (no crash), and what it sealed is wiped and reported', async () => {
    const { device, lock } = await signedInWithPin();
    lock.lock();
    const row = WrappedKeysRow.parse(await device.db.keys.get(KEYS_ROW_ID));
    const data = new Uint8Array(row.sealKey.data);
    data[3]! ^= 0x01;
    await device.db.keys.put({ ...row, sealKey: { ...row.sealKey, data } });

    const error: unknown = await lock.unlock(PIN).catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('unreadable');
    expect(lock.getSnapshot()).toEqual({ state: 'no-pin' });
    await expect(Promise.all([device.db.plans.count(), device.db.keys.get(KEYS_ROW_ID)])).resolves.toEqual([0, undefined]);
    expect(device.dropped).toEqual([{ table: 'keys', reason: expect.stringMatching(/altered/) }]);
  });

  it('a tampered PIN check counts as a wrong PIN; a row that fails its schema is wiped and reported', async () => {
    const { device, lock } = await signedInWithPin();
    lock.lock();
    const row = WrappedKeysRow.parse(await device.db.keys.get(KEYS_ROW_ID));
    const check = new Uint8Array(row.check.data);
    check[0]! ^= 0x80;
    await device.db.keys.put({ ...row, check: { ...row.check, data: check } });
    await expect(lock.unlock(PIN)).resolves.toBe('wrong');

    await device.db.keys.put({ ...row, kdf: { ...row.kdf, salt: new Uint8Array(3) } });
    const error: unknown = await lock.unlock(PIN).catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('unreadable');
    expect(lock.getSnapshot()).toEqual({ state: 'no-pin' });
    expect(device.dropped.map((d) => d.table)).toEqual(['keys']);
  });

  it('tampered ciphertext fails as unreadable (typed), and the plan is dropped, not shown', async () => {
    const { device, plans } = await signedInWithPin();
    const [row] = await device.db.plans.toArray();
    const bytes = new Uint8Array(await row!.snapshot.data.arrayBuffer());
    bytes[10]! ^= 0x01;
    const tampered = { ...row!.snapshot, data: new Blob([bytes]) };
    const error: unknown = await createRecordSealer(device.db).open(tampered).catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('unreadable');
    await device.db.plans.update(row!.id, { snapshot: tampered });
    await expect(plans.find(MARIGOLD, NOW)).resolves.toBeUndefined();
    expect(device.dropped).toEqual([{ table: 'plans', reason: expect.stringMatching(/decrypt/) }]);
  });
});

describe('IVs', () => {
  it('are never reused: every wrap and every sealed row has its own, and every PIN its own salt', async () => {
    const { device, lock, plans } = await signedInWithPin();
    const ivs: string[] = [];
    const salts: string[] = [];
    const collect = async () => {
      const row = WrappedKeysRow.parse(await device.db.keys.get(KEYS_ROW_ID));
      ivs.push(hex(row.check.iv), hex(row.sealKey.iv), hex(row.indexKey.iv));
      salts.push(hex(row.kdf.salt));
      for (const plan of await device.db.plans.toArray()) ivs.push(hex(plan.summary.iv), hex(plan.snapshot.iv));
      for (const queued of await device.db.queuedLookups.toArray()) ivs.push(hex(queued.nhsNumber.iv));
    };
    await collect();
    // The same PIN again: new keys, new salt, new IVs.
    await lock.setPin(PIN);
    await plans.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    await plans.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);
    await collect();
    await lock.setPin(OTHER_PIN);
    await plans.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);
    await collect();
    expect(ivs.length).toBeGreaterThanOrEqual(18);
    expect(new Set(ivs).size).toBe(ivs.length);
    expect(new Set(salts).size).toBe(3);
  });
});

describe('a copy of the disk', () => {
  it('holds no key material that opens a saved plan without the PIN; the PIN-derived key unwraps the key that does', async () => {
    const { device } = await signedInWithPin();
    device.db.close();
    const [planRow] = await rawRows(device.indexedDB, device.name, 'plans');
    const sealed = planRow!['snapshot'] as { iv: Uint8Array; data: Blob };
    const ciphertext = await sealed.data.arrayBuffer();
    const keyRows = await rawRows(device.indexedDB, device.name, 'keys');
    const deviceRow = keyRows.find((row) => row['id'] === KEYS_ROW_ID)!;

    // The clinical row holds no CryptoKey at all; the only CryptoKeys on disk are the access log's.
    const storedKeys = keyRows.flatMap((row) => Object.values(row).filter((value): value is CryptoKey => value instanceof CryptoKey));
    expect(Object.values(deviceRow).some((value) => value instanceof CryptoKey)).toBe(false);
    expect(keyRows.filter((row) => storedKeys.some((key) => Object.values(row).includes(key))).map((row) => row['id'])).toEqual([ACCESS_LOG_KEYS_ROW_ID]);
    // None of them decrypts the plan.
    for (const key of storedKeys.filter((k) => k.algorithm.name === 'AES-GCM')) {
      await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(sealed.iv) }, key, ciphertext)).rejects.toThrow();
    }

    // Every byte string in the clinical row, used directly as a key (whole, or any 32 or 16 bytes
    // of it), fails to import or fails to decrypt the plan.
    const candidates = byteArrays(deviceRow);
    expect(candidates.length).toBeGreaterThanOrEqual(7);
    let tried = 0;
    for (const bytes of candidates) {
      const slices = [bytes, ...[16, 32].flatMap((length) => Array.from({ length: Math.max(0, bytes.byteLength - length + 1) }, (_, at) => bytes.slice(at, at + length)))];
      for (const slice of slices) {
        const imported = await crypto.subtle.importKey('raw', new Uint8Array(slice), 'AES-GCM', false, ['decrypt']).catch(() => undefined);
        if (!imported) continue;
        tried += 1;
        await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(sealed.iv) }, imported, ciphertext)).rejects.toThrow();
      }
    }
    expect(tried).toBeGreaterThan(50);

    // A wrong PIN's key unwraps nothing.
    const row = WrappedKeysRow.parse(deviceRow);
    await expect(unwrapClinicalKeys(await derivePinKey(OTHER_PIN, row.kdf.salt, row.kdf.iterations), row)).resolves.toBe('wrong');
    // The PIN-derived key unwraps the key that does open it.
    const keys = await unwrapClinicalKeys(await derivePinKey(PIN, row.kdf.salt, row.kdf.iterations), row);
    if (typeof keys === 'string') throw new Error(`unwrap failed: ${keys}`);
    expect(keys.sealKey.extractable).toBe(false);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(sealed.iv) }, keys.sealKey, ciphertext);
    expect(decodePayload(new Uint8Array(plain))).toEqual(buildSnapshot({ nhsNumber: MARIGOLD }));
  });
});

describe('while locked', () => {
  it('plans, queued searches and the offline session refuse with `locked` and drop nothing; access events still work', async () => {
    const { device, lock, plans, queue, session, event } = await signedInWithPin();
    lock.lock();
    const refusals: Promise<unknown>[] = [
      plans.save(buildSnapshot({ nhsNumber: PETRA }), DAY),
      plans.find(MARIGOLD, NOW),
      plans.list(NOW),
      plans.remove(MARIGOLD),
      queue.add(PETRA, NOW),
      queue.list(),
      session.remember(PARAMEDIC, UNTIL),
      session.resume(NOW),
    ];
    const outcomes = await Promise.all(refusals.map((refused) => refused.then(() => 'done', (error: unknown) => error)));
    for (const outcome of outcomes) expect(outcome).toMatchObject({ name: 'StorageError', kind: 'locked' });
    expect(device.dropped).toEqual([]);
    await expect(Promise.all([device.db.plans.count(), device.db.queuedLookups.count()])).resolves.toEqual([1, 1]);
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeDefined();

    // Access events: recorded, listed, delivered.
    const outbox = createAccessOutbox(device.db);
    const another = buildAccessEvent({ nhsNumber: PETRA });
    await outbox.record(another);
    await expect(outbox.pending()).resolves.toEqual([
      { event, attempts: 0 },
      { event: another, attempts: 0 },
    ]);
    await outbox.delivered(event.id);
    await expect(outbox.count()).resolves.toBe(1);
    // Retention still runs.
    await expect(plans.purgeExpired(hoursFrom(NOW, 25))).resolves.toBe(1);

    await expect(lock.unlock(PIN)).resolves.toBe('unlocked');
    await expect(session.resume(NOW)).resolves.toEqual(PARAMEDIC);
  });

  it('a lock in the middle of a read refuses it and drops nothing (the rows are not unreadable)', async () => {
    const { device, lock, plans, queue, session } = await signedInWithPin();
    // Each call has taken the keys for its index or first check before lock() runs.
    const reads: Promise<unknown>[] = [plans.find(MARIGOLD, NOW), plans.list(NOW), queue.list(), session.resume(NOW)];
    lock.lock();
    // Each outcome is taken as it settles, so no refusal waits unhandled while another is awaited.
    const outcomes = await Promise.all(reads.map((read) => read.then(() => 'read', (error: unknown) => error)));
    for (const outcome of outcomes) expect(outcome).toMatchObject({ kind: 'locked' });
    expect(device.dropped).toEqual([]);
    await expect(Promise.all([device.db.plans.count(), device.db.queuedLookups.count(), device.db.session.count()])).resolves.toEqual([1, 1, 2]);
  });

  it('claimFor works before the PIN: the same person keeps the data (still locked), another person wipes it (no PIN)', async () => {
    const { device, event } = await signedInWithPin();
    const db = device.reopen();
    const lock = lockOf(db);
    await lock.ready();
    const session = createDeviceSession(db);

    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
    expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: MAX_PIN_TRIES });
    await expect(Promise.all([db.plans.count(), db.queuedLookups.count(), db.session.count()])).resolves.toEqual([1, 1, 2]);

    await expect(session.claimFor(LEAD_ID)).resolves.toEqual({ wiped: true });
    await vi.waitFor(() => expect(lock.getSnapshot()).toEqual({ state: 'no-pin' }));
    await expect(Promise.all([db.plans.count(), db.queuedLookups.count(), db.keys.get(KEYS_ROW_ID)])).resolves.toEqual([0, 0, undefined]);
    await expect(createAccessOutbox(db).pending()).resolves.toEqual([{ event, attempts: 0 }]);
    // The new person sets their own PIN and is the owner.
    await lock.setPin(OTHER_PIN);
    await session.remember({ ...PARAMEDIC, id: LEAD_ID }, UNTIL);
    await expect(session.claimFor(LEAD_ID)).resolves.toEqual({ wiped: false });
  });
});

describe('other tabs', () => {
  it('a new PIN set in another tab makes the keys held here stale: a write is refused, never sealed under the deleted key', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const { device, plans } = await signedInWithPin();
    const tabB = secondTab(device);
    await lockOf(tabB).setPin(OTHER_PIN);
    const current = (await device.db.keys.get(KEYS_ROW_ID))!.keyId;

    await expect(plans.save(buildSnapshot({ nhsNumber: PETRA }), DAY)).rejects.toMatchObject({ kind: 'locked' });
    await expect(device.db.plans.count()).resolves.toBe(0);
    const lock = lockOf(device.db);
    await vi.waitFor(() => expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: MAX_PIN_TRIES }));
    await expect(lock.unlock(PIN)).resolves.toBe('wrong');
    await expect(lock.unlock(OTHER_PIN)).resolves.toBe('unlocked');
    await plans.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    const rows = await device.db.plans.toArray();
    expect(rows.flatMap((row) => [row.summary.keyId, row.snapshot.keyId])).toEqual([current, current]);
    tabB.close();
  });

  it('Clear this device, here or in another tab, leads straight to "Set a shift PIN", never through the unlock screen', async () => {
    const { device, lock, plans } = await signedInWithPin();
    const tabB = secondTab(device);
    const other = lockOf(tabB);
    await other.ready();
    await expect(other.unlock(PIN)).resolves.toBe('unlocked');
    const seenHere: ClinicalLockState[] = [];
    const seenThere: ClinicalLockState[] = [];
    lock.subscribe(() => seenHere.push(lock.getSnapshot()));
    other.subscribe(() => seenThere.push(other.getSnapshot()));

    await plans.clearDevice();
    await vi.waitFor(() => expect(lock.getSnapshot()).toEqual({ state: 'no-pin' }));
    await vi.waitFor(() => expect(other.getSnapshot()).toEqual({ state: 'no-pin' }));
    // Checking (no PIN screen at all) until the disk says no PIN is set; never `locked` on the way.
    expect(seenHere).toEqual([{ state: 'checking' }, { state: 'no-pin' }]);
    expect(seenThere).toEqual([{ state: 'checking' }, { state: 'no-pin' }]);
    tabB.close();
  });

  it('hear of a new PIN elsewhere and lock', async () => {
    const { device, lock } = await signedInWithPin();
    const tabB = secondTab(device);
    await lockOf(tabB).setPin(OTHER_PIN);
    await vi.waitFor(() => expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: MAX_PIN_TRIES }));
    tabB.close();
  });
});

describe('a clinical key row from before the shift PIN', () => {
  it('met on first use (not wrapped, so no PIN can open it) is wiped with what it sealed, and reported', async () => {
    const device = testDevice();
    const legacy = {
      id: KEYS_ROW_ID,
      keyId: 'legacy-device-keys',
      sealKey: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      indexKey: await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
      createdAt: NOW.toISOString(),
    };
    await device.db.keys.put(legacy as never);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = { keyId: legacy.keyId, iv, data: new Blob([new Uint8Array(40)]) };
    await device.db.plans.add({ id: 'p1', lookupKeys: ['x'], retrievedAt: NOW.toISOString(), expiresAt: hoursFrom(NOW, 24).toISOString(), summary: sealed, snapshot: sealed });

    const lock = lockOf(device.db);
    await lock.ready();
    expect(lock.getSnapshot()).toEqual({ state: 'no-pin' });
    await expect(Promise.all([device.db.plans.count(), device.db.keys.get(KEYS_ROW_ID)])).resolves.toEqual([0, undefined]);
    expect(device.dropped).toEqual([{ table: 'keys', reason: expect.stringMatching(/not wrapped/) }]);
  });
});
