import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openDeviceStorage } from './open-device-storage';
import { CURRENT_SCHEMA_VERSION } from './schema-history';

describe('openDeviceStorage', () => {
  it('says when a newer version of the app upgrades the database from another tab', async () => {
    const storage = openDeviceStorage('crl-newer-version-test');
    const told = vi.fn();
    storage.onNewerVersionElsewhere(told);
    await expect(storage.access.count()).resolves.toBe(0);

    const newer = new Dexie('crl-newer-version-test');
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ keys: 'id' });
    await newer.open();
    expect(told).toHaveBeenCalledTimes(1);
    newer.close();
  });
});
