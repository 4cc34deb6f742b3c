import type { AccessOutbox } from './access-outbox';
import type { DeviceSession } from './device-session';
import type { LookupQueue } from './lookup-queue';
import type { DeviceStorage } from './open-device-storage';
import type { PlanCache } from './plan-cache';

/**
 * The device storage (Dexie, WebCrypto, the record schemas) behind a dynamic import: the search
 * screen paints without it, and it loads in the background at start-up. Every call waits for
 * the load, so callers see the same API either way. Only types are imported statically here.
 */
export function lazyDeviceStorage(databaseName: string): DeviceStorage {
  const loaded = import('./open-device-storage').then(({ openDeviceStorage }) => openDeviceStorage(databaseName));
  const plans: PlanCache = {
    save: async (...args) => (await loaded).plans.save(...args),
    find: async (...args) => (await loaded).plans.find(...args),
    list: async (...args) => (await loaded).plans.list(...args),
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
  return {
    plans,
    queue,
    access,
    session,
    requestPersistentStorage: async () => (await loaded).requestPersistentStorage(),
    resetDemo: async () => (await loaded).resetDemo(),
    onNewerVersionElsewhere: (listener) => void loaded.then((storage) => storage.onNewerVersionElsewhere(listener)),
    onClearedElsewhere: (listener) => void loaded.then((storage) => storage.onClearedElsewhere(listener)),
  };
}
