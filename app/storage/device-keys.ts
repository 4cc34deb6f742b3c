import * as z from 'zod/mini';
import type { DeviceDatabase } from './device-database';
import { StorageError, describeFailure } from './storage-errors';

/**
 * The device's two keys, generated on first use and kept in the `keys` table. IndexedDB stores
 * CryptoKey objects by structured clone, so a non-extractable key never leaves WebCrypto: script
 * on this origin can use it, but nobody can copy it out (stack-notes §4.7). Node 20's
 * structuredClone (used by fake-indexeddb) clones CryptoKeys too, so tests store real keys.
 *
 * A later issue wraps the seal key with a shift PIN. That change lives here: the row would hold
 * a wrapped key and a salt, and `deviceKeys` would need an unlocked PIN-derived key to unwrap it.
 * A non-extractable key cannot be wrapped afterwards, so that change starts a new key (clearing
 * the cache, which lives for hours only) rather than converting this one.
 */

export const KEYS_ROW_ID = 'device';

export interface DeviceKeys {
  readonly keyId: string;
  /** AES-GCM-256, encrypt/decrypt: every sealed record. */
  readonly sealKey: CryptoKey;
  /** HMAC-SHA-256, sign: blind indexes of NHS numbers. */
  readonly indexKey: CryptoKey;
}

const isKey = (algorithm: string, usage: KeyUsage) =>
  z.instanceof(CryptoKey).check(
    z.refine((key) => key.algorithm.name === algorithm && key.usages.includes(usage) && !key.extractable, `must be a non-extractable ${algorithm} key`),
  );

export const KeysRow = z.object({
  id: z.literal(KEYS_ROW_ID),
  keyId: z.string().check(z.minLength(1)),
  sealKey: isKey('AES-GCM', 'encrypt'),
  indexKey: isKey('HMAC', 'sign'),
  createdAt: z.string(),
});
export type KeysRow = z.output<typeof KeysRow>;

// One load per open database: keys are read once, then held in memory while the app runs.
const loaded = new WeakMap<DeviceDatabase, Promise<DeviceKeys>>();

export function deviceKeys(db: DeviceDatabase): Promise<DeviceKeys> {
  let keys = loaded.get(db);
  if (!keys) {
    const loading = loadOrCreate(db);
    // A failure (storage blocked, say) is not remembered: the next call tries again.
    loading.catch(() => {
      if (loaded.get(db) === loading) loaded.delete(db);
    });
    loaded.set(db, loading);
    keys = loading;
  }
  return keys;
}

/** Drops the keys held in memory; the next use reads the table again (after Clear this device). */
export function forgetDeviceKeys(db: DeviceDatabase): void {
  loaded.delete(db);
}

async function loadOrCreate(db: DeviceDatabase): Promise<DeviceKeys> {
  if (!globalThis.crypto?.subtle) throw new StorageError('unavailable', 'WebCrypto is not available (not a secure context?)');
  const stored = KeysRow.safeParse(await db.keys.get(KEYS_ROW_ID));
  if (stored.success) return stored.data;

  // Generated outside the transaction: awaiting WebCrypto inside one commits it early (§4.3).
  const fresh = await generateKeys();
  return db.transaction('rw', db.keys, async () => {
    // Another tab may have created keys since we looked; theirs win so both tabs agree.
    const existing = await db.keys.get(KEYS_ROW_ID);
    const parsed = KeysRow.safeParse(existing);
    if (parsed.success) return parsed.data;
    if (existing !== undefined) {
      // Records sealed under the lost keys can no longer be opened; they are dropped as they are read.
      db.reportDropped({ table: 'keys', reason: `Unusable device keys replaced: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}` });
    }
    const row: KeysRow = { id: KEYS_ROW_ID, ...fresh, createdAt: new Date().toISOString() };
    await db.keys.put(row);
    return fresh;
  });
}

async function generateKeys(): Promise<DeviceKeys> {
  try {
    const [sealKey, indexKey] = await Promise.all([
      crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']),
    ]);
    return { keyId: crypto.randomUUID(), sealKey, indexKey };
  } catch (error) {
    throw new StorageError('unavailable', `Could not create device keys: ${describeFailure(error)}`, { cause: error });
  }
}
