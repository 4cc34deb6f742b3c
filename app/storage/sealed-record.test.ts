import { describe, expect, it } from 'vitest';
import { DeviceDatabase } from './device-database';
import { ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID, deviceKeys, forgetDeviceKeys } from './device-keys';
import { createRecordSealer } from './sealed-record';
import { isStorageError } from './storage-errors';
import { MARIGOLD, ORLANDO, unlockedDevice, unlocked } from '../test-support/storage';
import { IDBKeyRange } from 'fake-indexeddb';

describe('seal and open', () => {
  it('round-trips a record with bytes, and seals each record under a fresh IV', async () => {
    const { db } = await unlockedDevice();
    const sealer = createRecordSealer(db);
    const value = { name: 'Marigold', pdf: new Uint8Array([37, 80, 68, 70]), address: undefined };
    const first = await sealer.seal(value);
    const second = await sealer.seal(value);
    expect(first.iv.byteLength).toBe(12);
    expect([...first.iv]).not.toEqual([...second.iv]);
    expect(first.data).toBeInstanceOf(Blob);
    expect(Buffer.from(await first.data.arrayBuffer())).not.toEqual(Buffer.from(await second.data.arrayBuffer()));
    await expect(sealer.open(first)).resolves.toEqual(value);
  });

  it('holds non-extractable clinical keys in memory, stores them only wrapped, and reuses them after a reload and the PIN', async () => {
    const device = await unlockedDevice();
    const sealed = await createRecordSealer(device.db).seal({ n: 1 });
    const index = await createRecordSealer(device.db).blindIndex(MARIGOLD);
    const held = await deviceKeys(device.db);
    expect(held.sealKey.extractable).toBe(false);
    expect(held.indexKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', held.sealKey)).rejects.toThrow();
    const row = await device.db.keys.get(KEYS_ROW_ID);
    expect(Object.values(row!).some((value) => value instanceof CryptoKey)).toBe(false);

    const reopened = (await unlocked(device.reopen()));
    await expect(createRecordSealer(reopened).open(sealed)).resolves.toEqual({ n: 1 });
    await expect(createRecordSealer(reopened).blindIndex(MARIGOLD)).resolves.toBe(index);
  });

  it('makes blind indexes that are stable per device, differ between devices and hide the number', async () => {
    const a = createRecordSealer((await unlockedDevice()).db);
    const b = createRecordSealer((await unlockedDevice()).db);
    const index = await a.blindIndex(MARIGOLD);
    expect(index).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(index).not.toContain(MARIGOLD);
    await expect(a.blindIndex(MARIGOLD)).resolves.toBe(index);
    await expect(a.blindIndex(ORLANDO)).resolves.not.toBe(index);
    await expect(b.blindIndex(MARIGOLD)).resolves.not.toBe(index);
  });

  it('reports a tampered record as unreadable, never as rubbish', async () => {
    const sealer = createRecordSealer((await unlockedDevice()).db);
    const sealed = await sealer.seal({ plan: 'text' });
    const bytes = new Uint8Array(await sealed.data.arrayBuffer());
    bytes[0]! ^= 1;
    const error: unknown = await sealer.open({ ...sealed, data: new Blob([bytes]) }).catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('unreadable');
  });

  it('refuses to seal values the codec cannot carry', async () => {
    const sealer = createRecordSealer((await unlockedDevice()).db);
    const error: unknown = await sealer.seal({ when: new Date() }).catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('invalid-record');
  });

  it('agrees on one set of access-log keys when two connections create them at once', async () => {
    const device = await unlockedDevice();
    const other = new DeviceDatabase(device.name, { indexedDB: device.indexedDB, IDBKeyRange });
    const [mine, theirs] = await Promise.all([deviceKeys(device.db, ACCESS_LOG_KEYS_ROW_ID), deviceKeys(other, ACCESS_LOG_KEYS_ROW_ID)]);
    expect(mine.keyId).toBe(theirs.keyId);
    other.close();
  });

  it('keeps the access log under keys of its own, untouched when the clinical keys are forgotten or deleted', async () => {
    const device = await unlockedDevice();
    const clinical = createRecordSealer(device.db);
    const access = createRecordSealer(device.db, { keyRow: ACCESS_LOG_KEYS_ROW_ID });
    const sealed = await access.seal({ event: 1 });
    await clinical.seal({ plan: 1 });
    const [clinicalKeys, accessKeys] = await Promise.all([deviceKeys(device.db), deviceKeys(device.db, ACCESS_LOG_KEYS_ROW_ID)]);
    expect(sealed.keyId).toBe(accessKeys.keyId);
    expect(accessKeys.keyId).not.toBe(clinicalKeys.keyId);
    expect(((await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID)) as { sealKey?: CryptoKey } | undefined)?.sealKey?.extractable).toBe(false);

    await device.db.keys.delete(KEYS_ROW_ID);
    forgetDeviceKeys(device.db);
    await expect(access.open(sealed)).resolves.toEqual({ event: 1 });
    // No clinical keys now (no PIN set), and none are made behind the lock's back.
    await expect(deviceKeys(device.db)).rejects.toMatchObject({ kind: 'locked' });
    await expect(createRecordSealer((await unlocked(device.reopen())), { keyRow: ACCESS_LOG_KEYS_ROW_ID }).open(sealed)).resolves.toEqual({ event: 1 });
  });

  it('sets a damaged access-log key row aside rather than overwriting it, so its events may yet be read', async () => {
    const device = await unlockedDevice();
    const sealed = await createRecordSealer(device.db, { keyRow: ACCESS_LOG_KEYS_ROW_ID }).seal({ event: 1 });
    const original = await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID);
    // A later version changed the row's shape, say, and this version cannot read it.
    await device.db.keys.put({ ...original!, createdAt: undefined } as never);
    forgetDeviceKeys(device.db, ACCESS_LOG_KEYS_ROW_ID);

    const fresh = await deviceKeys(device.db, ACCESS_LOG_KEYS_ROW_ID);
    expect(fresh.keyId).not.toBe(sealed.keyId);
    const rows = (await device.db.keys.toArray()) as { id: string; keyId: string }[];
    const setAside = rows.filter((row) => row.id.startsWith(`${ACCESS_LOG_KEYS_ROW_ID}-unusable-`));
    expect(setAside.map((row) => row.keyId)).toEqual([sealed.keyId]);
    expect(device.dropped.map((d) => d.table)).toEqual(['keys']);
  });
});
