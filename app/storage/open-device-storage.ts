import { openDeviceDatabase } from './device-database';
import { createLookupQueue, type LookupQueue } from './lookup-queue';
import { requestPersistentStorage } from './persistent-storage';
import { createPlanCache, type PlanCache } from './plan-cache';

export interface DeviceStorage {
  readonly plans: PlanCache;
  readonly queue: LookupQueue;
  readonly requestPersistentStorage: () => Promise<boolean>;
}

/** Everything the app keeps on the device, over one database. */
export function openDeviceStorage(databaseName: string): DeviceStorage {
  const db = openDeviceDatabase(databaseName);
  return { plans: createPlanCache(db), queue: createLookupQueue(db), requestPersistentStorage: () => requestPersistentStorage() };
}
