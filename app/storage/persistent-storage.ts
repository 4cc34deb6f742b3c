/**
 * Asks the browser not to evict this origin's storage under pressure (issue 4 item 6). Call it
 * after the first plan is saved, not on page load: browsers weigh engagement, and an installed
 * PWA is more likely to be granted (stack-notes §4.5). Not guaranteed, so eviction is still
 * designed for. Resolves true when storage is (now) persistent.
 */
export async function requestPersistentStorage(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (typeof storage?.persist !== 'function') return false;
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    // Insecure context or a browser that refuses outright: the cache still works, just evictable.
    return false;
  }
}
