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

  it('offers the session and lock calls, eagerly and lazily, on the demo database too', async () => {
    const trainer = {
      id: 'demo-trainer',
      name: 'Demo Trainer',
      role: { personRoleId: 'demo-role', orgCode: 'X26', roleCode: 'S0000:G0000:R8008', roleName: 'Trainer', activityCodes: [] },
      organisationName: 'Demo',
      appRoles: ['trainer' as const],
    };
    const until = new Date(Date.now() + 3_600_000);
    // The lazy one derives at the app's 600,000 iterations.
    for (const storage of [openDeviceStorage(DEMO_DATABASE, { lock: { iterations: 1_000 } }), lazyDeviceStorage(`${DEMO_DATABASE}-lazy`)]) {
      const { lock, session } = storage;
      expect(lock.getSnapshot().state).toBe('locked');
      await lock.ready();
      expect(lock.getSnapshot()).toEqual({ state: 'no-pin' });
      await expect(session.claimFor(trainer.id)).resolves.toEqual({ wiped: false });
      await expect(session.remember(trainer, until)).rejects.toMatchObject({ kind: 'locked' });
      await lock.setPin('204816');
      await vi.waitFor(() => expect(lock.getSnapshot()).toEqual({ state: 'unlocked' }));
      await session.remember(trainer, until);
      await expect(session.resume(new Date())).resolves.toEqual(trainer);
      lock.lock();
      await vi.waitFor(() => expect(lock.getSnapshot()).toEqual({ state: 'locked', triesLeft: 5 }));
      await expect(session.resume(new Date())).rejects.toMatchObject({ kind: 'locked' });
      await expect(lock.unlock('204816')).resolves.toBe('unlocked');
      await expect(session.resume(new Date())).resolves.toEqual(trainer);
      await session.forget();
      await expect(session.resume(new Date())).resolves.toBeUndefined();
      await session.remember(trainer, until);
      await session.signOutWipe();
      await vi.waitFor(() => expect(lock.getSnapshot()).toEqual({ state: 'no-pin' }));
      await expect(session.resume(new Date())).rejects.toMatchObject({ kind: 'locked' });
    }
  });
});
