import { MAX_PIN_TRIES } from '../domain/shift-pin';
import type { AccessOutbox } from './access-outbox';
import type { ClinicalLock, ClinicalLockState } from './clinical-lock';
import type { DeviceSession } from './device-session';
import type { LookupQueue } from './lookup-queue';
import type { DeviceStorage } from './open-device-storage';
import type { PlanCache } from './plan-cache';

const MAX_TRIES_BEFORE_LOAD = MAX_PIN_TRIES;

const loadModule = () => import('./open-device-storage');

/** Starts loading the device storage's code (once), before the database to open is known. */
export function preloadDeviceStorage(): void {
  void loadModule().catch(() => undefined);
}

/**
 * The device storage (Dexie, WebCrypto, the record schemas) behind a dynamic import: the search
 * screen paints without it, and it loads in the background at start-up. Every call waits for
 * the load, so callers see the same API either way. Only types are imported statically here.
 */
export function lazyDeviceStorage(databaseName: string): DeviceStorage {
  const loaded = loadModule().then(({ openDeviceStorage }) => openDeviceStorage(databaseName));
  const plans: PlanCache = {
    save: async (...args) => (await loaded).plans.save(...args),
    find: async (...args) => (await loaded).plans.find(...args),
    list: async (...args) => (await loaded).plans.list(...args),
    searchSaved: async (...args) => (await loaded).plans.searchSaved(...args),
    count: async (...args) => (await loaded).plans.count(...args),
    remove: async (...args) => (await loaded).plans.remove(...args),
    purgeExpired: async (...args) => (await loaded).plans.purgeExpired(...args),
    clearDevice: async () => (await loaded).plans.clearDevice(),
  };
  const queue: LookupQueue = {
    add: async (...args) => (await loaded).queue.add(...args),
    list: async () => (await loaded).queue.list(),
    remove: async (...args) => (await loaded).queue.remove(...args),
  };
  const access: AccessOutbox = {
    record: async (...args) => (await loaded).access.record(...args),
    pending: async (...args) => (await loaded).access.pending(...args),
    delivered: async (...args) => (await loaded).access.delivered(...args),
    failedAttempt: async (...args) => (await loaded).access.failedAttempt(...args),
    count: async () => (await loaded).access.count(),
  };
  const session: DeviceSession = {
    claimFor: async (...args) => (await loaded).session.claimFor(...args),
    remember: async (...args) => (await loaded).session.remember(...args),
    resume: async (...args) => (await loaded).session.resume(...args),
    forget: async () => (await loaded).session.forget(),
    signOutWipe: async () => (await loaded).session.signOutWipe(),
  };
  // The lock's state must be readable synchronously before the module loads: `locked` until then
  // (never `unlocked`, and never `no-pin`, which would invite a new PIN and its wipe).
  let lockState: ClinicalLockState = { state: 'locked', triesLeft: MAX_TRIES_BEFORE_LOAD };
  const lockListeners = new Set<() => void>();
  void loaded.then((storage) => {
    const follow = () => {
      lockState = storage.lock.getSnapshot();
      for (const listener of [...lockListeners]) listener();
    };
    storage.lock.subscribe(follow);
    follow();
  });
  const lock: ClinicalLock = {
    ready: async () => (await loaded).lock.ready(),
    getSnapshot: () => lockState,
    subscribe: (listener) => {
      lockListeners.add(listener);
      return () => lockListeners.delete(listener);
    },
    setPin: async (...args) => (await loaded).lock.setPin(...args),
    unlock: async (...args) => (await loaded).lock.unlock(...args),
    lock: () => void loaded.then((storage) => storage.lock.lock()),
  };
  return {
    plans,
    queue,
    access,
    session,
    lock,
    requestPersistentStorage: async () => (await loaded).requestPersistentStorage(),
    resetDemo: async () => (await loaded).resetDemo(),
    onNewerVersionElsewhere: (listener) => void loaded.then((storage) => storage.onNewerVersionElsewhere(listener)),
    onClearedElsewhere: (listener) => void loaded.then((storage) => storage.onClearedElsewhere(listener)),
  };
}
