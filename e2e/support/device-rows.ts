import type { Page } from '@playwright/test';

/** The keys of each table of the live device database, read straight from IndexedDB, as a copied disk would show them. */
export async function deviceRows(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('crew-record-locator');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows: Record<string, string[]> = {};
    for (const table of ['plans', 'queuedLookups', 'keys', 'session', 'accessEvents']) {
      rows[table] = await new Promise<string[]>((resolve, reject) => {
        const keys = db.transaction(table, 'readonly').objectStore(table).getAllKeys();
        keys.onsuccess = () => resolve(keys.result.map(String));
        keys.onerror = () => reject(keys.error);
      });
    }
    db.close();
    return rows;
  });
}
