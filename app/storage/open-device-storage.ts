import { createAccessOutbox, type AccessOutbox } from './access-outbox';
import { createClinicalLock, type ClinicalLock, type ClinicalLockOptions } from './clinical-lock';
import { onDeviceClearedElsewhere, type DeviceClearedReason } from './device-cleared';
import { openDeviceDatabase } from './device-database';
import { resetDemoDatabase } from './demo-reset';
import { createDeviceSession, type DeviceSession } from './device-session';
import { createLookupQueue, type LookupQueue } from './lookup-queue';
import { requestPersistentStorage } from './persistent-storage';
import { createPlanCache, type PlanCache } from './plan-cache';

export interface DeviceStorage {
  readonly plans: PlanCache;
  readonly queue: LookupQueue;
  /** Access events waiting for the audit service (safety rule 6); "Clear this device" leaves them. */
  readonly access: AccessOutbox;
  /**
   * Who the saved clinical data belongs to, and the offline session (issue 10 points 7 and 8):
   * `claimFor` after every sign-in before showing anything, then `remember`; `resume` on an
   * offline start; `signOutWipe` on sign-out, before leaving for the provider.
   */
  readonly session: DeviceSession;
  /**
   * The shift PIN in front of plans, queued searches and the offline session (issue 11): `ready()`
   * at start-up; after `session.claimFor`, `no-pin` → ask for a new PIN → `setPin` → `remember`;
   * `locked` → ask for the PIN → `unlock`; idle or hidden too long → `lock()`. While not unlocked
   * those calls reject with StorageError `locked`; access events go on being recorded and delivered.
   */
  readonly lock: ClinicalLock;
  readonly requestPersistentStorage: () => Promise<boolean>;
  /** Reset demo: deletes everything, access events included. Rejects unless this is DEMO_DATABASE. */
  readonly resetDemo: () => Promise<void>;
  /**
   * Told when a newer version of the app (another tab or window) upgrades this database. Dexie
   * closes this connection so the upgrade can go ahead; this version can no longer reopen it, so
   * every save and every access record here would fail until the crew reloads into the new one.
   */
  readonly onNewerVersionElsewhere: (listener: () => void) => void;
  /**
   * Told when another tab or window removes the clinical data: Clear this device (issue 7 point
   * 9) or a new shift PIN (`cleared`), a sign-out, a different person signing in (issue 10 point
   * 7), or the fifth wrong shift PIN (`wrong-pin`, issue 11 point 4). Storage has already let
   * go of the deleted keys; the listener drops what this page holds about patients in memory, and
   * on `signed-out`, `new-person` or `wrong-pin` ends this page's sign-in too (the person here no
   * longer owns the device's data, or must sign in again).
   */
  readonly onClearedElsewhere: (listener: (reason: DeviceClearedReason) => void) => void;
}

/** Everything the app keeps on the device, over one database. */
export function openDeviceStorage(databaseName: string, options: { readonly lock?: ClinicalLockOptions } = {}): DeviceStorage {
  const db = openDeviceDatabase(databaseName);
  return {
    plans: createPlanCache(db),
    queue: createLookupQueue(db),
    access: createAccessOutbox(db),
    session: createDeviceSession(db),
    lock: createClinicalLock(db, options.lock),
    requestPersistentStorage: () => requestPersistentStorage(),
    resetDemo: () => resetDemoDatabase(db),
    onNewerVersionElsewhere: (listener) => {
      db.on('versionchange', (event) => {
        // newVersion null is a deletion (nothing newer to reload into); Dexie still closes.
        if (event.newVersion !== null) listener();
      });
    },
    onClearedElsewhere: (listener) => void onDeviceClearedElsewhere(db, listener),
  };
}
