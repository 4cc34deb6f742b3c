import * as z from 'zod/mini';
import type { DeviceDatabase } from './device-database';
import { onDeviceClearedElsewhere } from './device-cleared';
import { writeWithEviction } from './quota-eviction';
import { StorageError, describeFailure } from './storage-errors';

/**
 * The device's keys, generated on first use and kept in the `keys` table. IndexedDB stores
 * CryptoKey objects by structured clone, so a non-extractable key never leaves WebCrypto: script
 * on this origin can use it, but nobody can copy it out (stack-notes §4.7). Node 20's
 * structuredClone (used by fake-indexeddb) clones CryptoKeys too, so tests store real keys.
 *
 * There are two rows, each holding a seal key and an index key, because their data must outlive
 * different things:
 * - `device` seals the clinical cache (plans, queued lookups). "Clear this device" deletes it,
 *   so whatever it sealed can never be opened again.
 * - `access-log` seals the access-event outbox. An access event is never dropped, only delivered
 *   (DESIGN.md safety rule 6), so clearing the clinical cache must leave it readable, and it
 *   must stay deliverable while the device is locked: this key is never PIN-wrapped.
 *
 * A later issue wraps the `device` seal key with a shift PIN. That change lives here: the row
 * would hold a wrapped key and a salt, and `deviceKeys` would need an unlocked PIN-derived key to
 * unwrap it. A non-extractable key cannot be wrapped afterwards, so that change starts a new key
 * (clearing the cache, which lives for hours only) rather than converting this one; it must
 * delete only the `device` row, never `access-log`.
 */

/** The clinical cache's keys: deleted by "Clear this device", PIN-wrapped later. */
export const KEYS_ROW_ID = 'device';
/** The access-event outbox's keys: kept through "Clear this device", never PIN-wrapped. */
export const ACCESS_LOG_KEYS_ROW_ID = 'access-log';
export type KeysRowId = typeof KEYS_ROW_ID | typeof ACCESS_LOG_KEYS_ROW_ID;

export interface DeviceKeys {
  readonly keyId: string;
  /** AES-GCM-256, encrypt/decrypt: every sealed record. */
  readonly sealKey: CryptoKey;
  /** HMAC-SHA-256, sign: blind indexes of NHS numbers. Unused under `access-log`, kept so both rows share one shape. */
  readonly indexKey: CryptoKey;
}

const isKey = (algorithm: string, usage: KeyUsage) =>
  z.instanceof(CryptoKey).check(
    z.refine((key) => key.algorithm.name === algorithm && key.usages.includes(usage) && !key.extractable, `must be a non-extractable ${algorithm} key`),
  );

export const KeysRow = z.object({
  id: z.enum([KEYS_ROW_ID, ACCESS_LOG_KEYS_ROW_ID]),
  keyId: z.string().check(z.minLength(1)),
  sealKey: isKey('AES-GCM', 'encrypt'),
  indexKey: isKey('HMAC', 'sign'),
  createdAt: z.string(),
});
export type KeysRow = z.output<typeof KeysRow>;

// One load per open database and key row: keys are read once, then held in memory while the app runs.
const loaded = new WeakMap<DeviceDatabase, Map<KeysRowId, Promise<DeviceKeys>>>();

export function deviceKeys(db: DeviceDatabase, row: KeysRowId = KEYS_ROW_ID): Promise<DeviceKeys> {
  const held = heldFor(db);
  let keys = held.get(row);
  if (!keys) {
    const loading = loadOrCreate(db, row);
    // A failure (storage blocked, say) is not remembered: the next call tries again.
    loading.catch(() => {
      if (held.get(row) === loading) held.delete(row);
    });
    held.set(row, loading);
    keys = loading;
  }
  return keys;
}

function heldFor(db: DeviceDatabase): Map<KeysRowId, Promise<DeviceKeys>> {
  let held = loaded.get(db);
  if (!held) {
    held = new Map();
    loaded.set(db, held);
    // Another tab cleared the device: the clinical keys held here were deleted with it.
    onDeviceClearedElsewhere(db, () => forgetDeviceKeys(db));
  }
  return held;
}

/** Drops one row's keys held in memory; the next use reads the table again (after Clear this device). */
export function forgetDeviceKeys(db: DeviceDatabase, row: KeysRowId = KEYS_ROW_ID): void {
  loaded.get(db)?.delete(row);
}

/** Thrown inside a clinical write whose records were sealed under keys no longer in the table. */
export class DeviceKeysReplaced extends Error {
  override readonly name = 'DeviceKeysReplaced';
}

/**
 * Inside a write transaction that includes `db.keys`: the clinical keys row must still be the one
 * with `keyId`, which sealed everything being written. "Clear this device" in another tab deletes
 * the row in its own transaction, so a write either lands before the clear (and is cleared) or
 * finds the row gone and throws DeviceKeysReplaced: never a record under a deleted key.
 */
export async function requireCurrentKeys(db: DeviceDatabase, keyId: string, sealedWith: readonly { readonly keyId: string }[]): Promise<void> {
  const row = (await db.keys.get(KEYS_ROW_ID)) as { keyId?: unknown } | undefined;
  if (row?.keyId !== keyId || sealedWith.some((sealed) => sealed.keyId !== keyId)) {
    throw new DeviceKeysReplaced('The clinical keys changed (Clear this device?) while this record was being sealed');
  }
}

/**
 * Runs a clinical write that seals under the current keys; if the keys were replaced meanwhile
 * (another tab cleared the device), forgets the held keys and runs it once more under the new ones.
 */
export async function withCurrentKeys<T>(db: DeviceDatabase, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isKeysReplaced(error)) throw error;
    forgetDeviceKeys(db);
    try {
      return await write();
    } catch (again) {
      if (!isKeysReplaced(again)) throw again;
      throw new StorageError('unavailable', 'The clinical keys changed twice while saving', { cause: again });
    }
  }
}

function isKeysReplaced(error: unknown): boolean {
  // Dexie may wrap what a transaction threw; writeWithEviction may wrap it as a StorageError.
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 4; cause = cause.cause, depth += 1) {
    if (cause instanceof DeviceKeysReplaced) return true;
    if ((cause as { inner?: unknown }).inner instanceof DeviceKeysReplaced) return true;
  }
  return false;
}

async function loadOrCreate(db: DeviceDatabase, rowId: KeysRowId): Promise<DeviceKeys> {
  if (!globalThis.crypto?.subtle) throw new StorageError('unavailable', 'WebCrypto is not available (not a secure context?)');
  const stored = KeysRow.safeParse(await db.keys.get(rowId));
  if (stored.success) return stored.data;

  // Generated outside the transaction: awaiting WebCrypto inside one commits it early (§4.3).
  const fresh = await generateDeviceKeys();
  let keys: DeviceKeys = fresh;
  // A full disk must not stop the first access event being recorded (safety rule 6): make room
  // as any other write does. Records sealed under a missing key could not be opened anyway.
  await writeWithEviction(db, () =>
    db.transaction('rw', db.keys, async () => {
      // Another tab may have created keys since we looked; theirs win so both tabs agree.
      const existing = await db.keys.get(rowId);
      const parsed = KeysRow.safeParse(existing);
      if (parsed.success) {
        keys = parsed.data;
        return;
      }
      if (existing !== undefined) {
        // Records sealed under the lost keys can no longer be opened: cached ones are dropped as
        // they are read, access events are kept and reported (access-outbox.ts).
        db.reportDropped({ table: 'keys', reason: `Unusable ${rowId} keys replaced: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}` });
        // The access log's old keys are set aside, not overwritten: the events they sealed are
        // kept (never dropped), and a later version or a support tool may yet read them.
        if (rowId === ACCESS_LOG_KEYS_ROW_ID) {
          await db.keys.put({ ...(existing as object), id: `${rowId}-unusable-${new Date().toISOString()}` } as unknown as KeysRow);
        }
      }
      const row: KeysRow = { id: rowId, ...fresh, createdAt: new Date().toISOString() };
      await db.keys.put(row);
      keys = fresh;
    }),
  );
  return keys;
}

/** New non-extractable keys, not yet stored: loadOrCreate stores them; a new person's claim replaces the `device` row with them (device-session.ts). */
export async function generateDeviceKeys(): Promise<DeviceKeys> {
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
