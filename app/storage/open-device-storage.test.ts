import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_DATABASE } from './database-names';
import { lazyDeviceStorage } from './lazy-device-storage';
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

  it('offers the session calls, eagerly and lazily, on the demo database too', async () => {
    const trainer = {
      id: 'demo-trainer',
      name: 'Demo Trainer',
      role: { personRoleId: 'demo-role', orgCode: 'X26', roleCode: 'S0000:G0000:R8008', roleName: 'Trainer', activityCodes: [] },
      organisationName: 'Demo',
      appRoles: ['trainer' as const],
    };
    const until = new Date(Date.now() + 3_600_000);
    for (const storage of [openDeviceStorage(DEMO_DATABASE), lazyDeviceStorage(`${DEMO_DATABASE}-lazy`)]) {
      await expect(storage.session.claimFor(trainer.id)).resolves.toEqual({ wiped: false });
      await storage.session.remember(trainer, until);
      await expect(storage.session.resume(new Date())).resolves.toEqual(trainer);
      await storage.session.forget();
      await expect(storage.session.resume(new Date())).resolves.toBeUndefined();
      await storage.session.remember(trainer, until);
      await storage.session.signOutWipe();
      await expect(storage.session.resume(new Date())).resolves.toBeUndefined();
    }
  });
});
