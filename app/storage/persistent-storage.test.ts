import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from './persistent-storage';

describe('requestPersistentStorage', () => {
  it('is false where the browser has no StorageManager', async () => {
    await expect(requestPersistentStorage(undefined)).resolves.toBe(false);
  });

  it('does not ask again when storage is already persistent', async () => {
    const storage = { persisted: vi.fn(async () => true), persist: vi.fn(async () => true) };
    await expect(requestPersistentStorage(storage)).resolves.toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('asks, and passes on the browser’s answer', async () => {
    await expect(requestPersistentStorage({ persisted: async () => false, persist: async () => true })).resolves.toBe(true);
    await expect(requestPersistentStorage({ persisted: async () => false, persist: async () => false })).resolves.toBe(false);
  });

  it('treats a refusal that throws (insecure context) as not persistent', async () => {
    const persist = async (): Promise<boolean> => {
      throw new DOMException('no', 'SecurityError');
    };
    await expect(requestPersistentStorage({ persisted: async () => false, persist })).resolves.toBe(false);
  });
});
