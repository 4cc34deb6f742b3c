import { DEMO_DATABASE } from './database-names';
import type { DeviceDatabase } from './device-database';
import { ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID, forgetDeviceKeys } from './device-keys';
import { guarded } from './storage-errors';

/**
 * Reset demo (trainer tools): deletes every row of the demo database, access events and both key
 * rows included. Demo events record looks at synthetic patients and go to a synthetic audit
 * service, so this is the one place an access event may leave a device undelivered; safety rule 6
 * protects real patients' records, and those live in another database (safety rule 5).
 *
 * The database name is checked here, not by the caller, so no wiring mistake can ever run this on
 * real data: anything but DEMO_DATABASE is refused before a single row is touched.
 */
export async function resetDemoDatabase(db: DeviceDatabase): Promise<void> {
  if (db.name !== DEMO_DATABASE) {
    throw new Error(`Reset demo refused: "${db.name}" is not the demo database, and only the demo's data may be deleted this way`);
  }
  await guarded(async () => {
    try {
      // Every table, so a table added in a later schema version is emptied too.
      await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
    } finally {
      // No clinical keys now (the lock says no-pin: set a PIN again); new access-log keys on next
      // use. Anything sealed under the old ones can no longer be opened.
      forgetDeviceKeys(db, KEYS_ROW_ID);
      forgetDeviceKeys(db, ACCESS_LOG_KEYS_ROW_ID);
    }
  });
}
