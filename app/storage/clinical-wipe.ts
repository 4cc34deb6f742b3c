import type { Table } from 'dexie';
import type { DeviceDatabase } from './device-database';
import { announceDeviceCleared, type DeviceClearedReason } from './device-cleared';
import { KEYS_ROW_ID, forgetDeviceKeys } from './device-keys';

/**
 * The one wipe of the clinical data a person leaves on the device: Clear this device, sign-out,
 * a different person signing in and the fifth wrong shift PIN (issue 7 point 9, issue 10 point 7,
 * issue 11 point 4) all remove the same rows.
 * Removed: every saved plan, every queued search, the `device` keys that sealed them, and the
 * `session` table (the offline session and the owner mark, both under those keys). Kept: the
 * access events and their `access-log` keys, because those events are still owed to the audit
 * service (safety rule 6).
 */

/** The tables a wipe writes: every transaction that wipes (or checks for clinical data) takes these. */
export function clinicalTables(db: DeviceDatabase): Table[] {
  return [db.plans, db.queuedLookups, db.keys, db.session];
}

/** Inside a transaction over `clinicalTables`: removes the clinical rows and only the `device` keys row. */
export async function wipeClinicalRows(db: DeviceDatabase): Promise<void> {
  await Promise.all([db.plans.clear(), db.queuedLookups.clear(), db.keys.delete(KEYS_ROW_ID), db.session.clear()]);
}

/**
 * Inside a transaction over `clinicalTables`, before a new PIN's keys are stored: removes what the
 * old clinical keys sealed (plans, queued searches, the offline session) and those keys, and
 * keeps the owner mark (it is made under the access log's key, and the person setting the PIN is
 * the owner). Returns whether anything was there to remove.
 */
export async function wipeForNewKeys(db: DeviceDatabase): Promise<boolean> {
  const [plans, queued, offline, keys] = await Promise.all([
    db.plans.count(),
    db.queuedLookups.count(),
    db.session.where('id').notEqual('owner').count(),
    db.keys.get(KEYS_ROW_ID),
  ]);
  await Promise.all([db.plans.clear(), db.queuedLookups.clear(), db.session.where('id').notEqual('owner').delete(), db.keys.delete(KEYS_ROW_ID)]);
  return plans + queued + offline > 0 || keys !== undefined;
}

/**
 * Wipes in one transaction, then tells every other open tab (which drops its clinical keys and
 * what it shows about patients), and forgets the clinical keys this tab holds in memory.
 */
export async function wipeClinicalData(db: DeviceDatabase, reason: DeviceClearedReason): Promise<void> {
  try {
    await db.transaction('rw', clinicalTables(db), () => wipeClinicalRows(db));
    announceDeviceCleared(db, reason);
  } finally {
    // New keys on next use; anything sealed under the old ones can no longer be opened.
    forgetDeviceKeys(db);
  }
}
