import type { DeviceDatabase } from './device-database';
import { StorageError, asStorageError, isQuotaError } from './storage-errors';

/**
 * Runs a write; when the device is full, evicts the oldest cached plan (by retrievedAt) and tries
 * again, until the write fits or no plan is left to evict (issue 4 item 6). Only plans are ever
 * evicted: queued lookups are searches a crew is still waiting on, and access events are owed to
 * the audit service (safety rule 6). Plans answering for `keepLookupKeys` are spared: the write
 * itself replaces them.
 */
export async function writeWithEviction(
  db: DeviceDatabase,
  write: () => Promise<void>,
  keepLookupKeys: readonly string[] = [],
): Promise<{ evicted: number }> {
  let evicted = 0;
  for (;;) {
    try {
      await write();
      return { evicted };
    } catch (error) {
      if (!isQuotaError(error)) throw asStorageError(error);
      if (!(await evictOldestPlan(db, keepLookupKeys))) {
        throw new StorageError('quota', `Device storage is full after evicting ${evicted} cached plan(s)`, { cause: error });
      }
      evicted += 1;
    }
  }
}

/** Deletes the cached plan retrieved longest ago, except those for `keepLookupKeys`. False when none. */
async function evictOldestPlan(db: DeviceDatabase, keepLookupKeys: readonly string[]): Promise<boolean> {
  const keep = new Set(keepLookupKeys);
  return db.transaction('rw', db.plans, async () => {
    const oldest = await db.plans
      .orderBy('retrievedAt')
      .filter((row) => !(Array.isArray(row.lookupKeys) && row.lookupKeys.some((key) => keep.has(key))))
      .first();
    if (!oldest) return false;
    await db.plans.delete(oldest.id);
    return true;
  });
}
