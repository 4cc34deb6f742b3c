import * as z from 'zod/mini';
import type { DeviceDatabase } from './device-database';
import { onDeviceClearedElsewhere } from './device-cleared';
import { writeWithEviction } from './quota-eviction';
import { StorageError, describeFailure } from './storage-errors';

/**
 * The device's keys, kept in the `keys` table. There are two rows, because their data must
 * outlive different things and be usable at different times:
 * - `device` seals the clinical data (plans, queued lookups, the offline session). Since schema
 *   version 5 (issue 11) it is stored only **wrapped** under a key derived from the shift PIN
 *   (`WrappedKeysRow`, made by `clinical-lock.ts`); the unwrapped keys live in this tab's memory
 *   only, as non-extractable CryptoKeys, while the clinical lock is open. Nothing here creates
 *   them: with no keys held, every clinical use throws StorageError `locked`. "Clear this
 *   device", sign-out, a new person and the fifth wrong PIN delete the row, so whatever it sealed
 *   can never be opened again.
 * - `access-log` seals the access-event outbox and makes the owner mark (device-session.ts). An
 *   access event is never dropped, only delivered (DESIGN.md safety rule 6), and it must stay
 *   deliverable while the device is locked, so this key is never PIN-wrapped: IndexedDB keeps it
 *   as a non-extractable CryptoKey by structured clone, generated on first use.
 */

/** The clinical keys: stored wrapped by the shift PIN, deleted by every wipe. */
export const KEYS_ROW_ID = 'device';
/** The access-event outbox's keys (and the owner mark's): kept through every wipe, never PIN-wrapped. */
export const ACCESS_LOG_KEYS_ROW_ID = 'access-log';
export type KeysRowId = typeof KEYS_ROW_ID | typeof ACCESS_LOG_KEYS_ROW_ID;

export interface DeviceKeys {
  readonly keyId: string;
  /** AES-GCM-256, encrypt/decrypt: every sealed record. */
  readonly sealKey: CryptoKey;
  /** HMAC-SHA-256, sign: blind indexes of NHS numbers (`device`) and the owner mark (`access-log`). */
  readonly indexKey: CryptoKey;
}

const isKey = (algorithm: string, usage: KeyUsage) =>
  z.instanceof(CryptoKey).check(
    z.refine((key) => key.algorithm.name === algorithm && key.usages.includes(usage) && !key.extractable, `must be a non-extractable ${algorithm} key`),
  );

/** The `access-log` row (and, before schema version 5, the `device` row): keys stored as non-extractable CryptoKeys. */
export const KeysRow = z.object({
  id: z.enum([KEYS_ROW_ID, ACCESS_LOG_KEYS_ROW_ID]),
  keyId: z.string().check(z.minLength(1)),
  sealKey: isKey('AES-GCM', 'encrypt'),
  indexKey: isKey('HMAC', 'sign'),
  createdAt: z.string(),
});
export type KeysRow = z.output<typeof KeysRow>;

const bytes = (length: number) =>
  z.instanceof(Uint8Array).check(z.refine((value) => value.byteLength === length, `must be ${length} bytes`));
/** AES-GCM output under the PIN key: a fresh random 12-byte IV, and the ciphertext with its tag. */
const WrappedBytes = z.object({ iv: bytes(12), data: z.instanceof(Uint8Array).check(z.refine((value) => value.byteLength > 16, 'too short')) });
export type WrappedBytes = z.output<typeof WrappedBytes>;

/**
 * The `device` row since schema version 5 (issue 11): the clinical keys wrapped under a key
 * derived from the shift PIN. Nothing in it opens a sealed record without the PIN.
 */
export const WrappedKeysRow = z.object({
  id: z.literal(KEYS_ROW_ID),
  format: z.literal(2),
  keyId: z.string().check(z.minLength(1)),
  /** PBKDF2-SHA-256 over the PIN: stored so the count can be raised later (a new PIN uses the new count). */
  kdf: z.object({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().check(z.int(), z.positive()),
    salt: bytes(16),
  }),
  /** AES-GCM of a fixed text: tells a wrong PIN (counted) from a damaged row (wiped). */
  check: WrappedBytes,
  /** AES-GCM-256 seal key, wrapped ('raw') with AES-GCM; the key id and purpose are the additional data. */
  sealKey: WrappedBytes,
  /** HMAC-SHA-256 index key, wrapped the same way. */
  indexKey: WrappedBytes,
  /** Wrong PINs in a row (issue 11 point 4); written before each try is made, cleared by the right PIN. */
  wrongTries: z.number().check(z.int(), z.nonnegative()),
  createdAt: z.string(),
});
export type WrappedKeysRow = z.output<typeof WrappedKeysRow>;

// The access log's keys: one load per open database, read once, then held in memory while the app runs.
const loaded = new WeakMap<DeviceDatabase, Promise<DeviceKeys>>();
// The clinical keys, unwrapped by the shift PIN (clinical-lock.ts): in this tab's memory only.
const unwrapped = new WeakMap<DeviceDatabase, DeviceKeys>();
const forgottenListeners = new WeakMap<DeviceDatabase, Set<() => void>>();

/**
 * The keys of one row. `access-log`: read, or made on first use. `device`: the keys the clinical
 * lock unwrapped, or StorageError `locked` when it is not open (nothing is made here).
 */
export function deviceKeys(db: DeviceDatabase, row: KeysRowId = KEYS_ROW_ID): Promise<DeviceKeys> {
  listenForClears(db);
  if (row === KEYS_ROW_ID) {
    const keys = unwrapped.get(db);
    return keys ? Promise.resolve(keys) : Promise.reject(new StorageError('locked', 'The clinical keys are not unlocked (shift PIN)'));
  }
  let keys = loaded.get(db);
  if (!keys) {
    const loading = loadOrCreate(db, row);
    // A failure (storage blocked, say) is not remembered: the next call tries again.
    loading.catch(() => {
      if (loaded.get(db) === loading) loaded.delete(db);
    });
    loaded.set(db, loading);
    keys = loading;
  }
  return keys;
}

/** Whether this tab holds unwrapped clinical keys, and their id. */
export function heldClinicalKeyId(db: DeviceDatabase): string | undefined {
  return unwrapped.get(db)?.keyId;
}

/** clinical-lock.ts only: the clinical keys it unwrapped (non-extractable), held in memory until forgotten. */
export function holdClinicalKeys(db: DeviceDatabase, keys: DeviceKeys): void {
  listenForClears(db);
  unwrapped.set(db, keys);
}

/** Told whenever this tab's unwrapped clinical keys are dropped (lock, wipe, keys replaced elsewhere). */
export function onClinicalKeysForgotten(db: DeviceDatabase, listener: () => void): () => void {
  let listeners = forgottenListeners.get(db);
  if (!listeners) {
    listeners = new Set();
    forgottenListeners.set(db, listeners);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const listening = new WeakSet<DeviceDatabase>();
function listenForClears(db: DeviceDatabase): void {
  if (listening.has(db)) return;
  listening.add(db);
  // Another tab wiped the clinical data or set a new PIN: the clinical keys held here are gone.
  onDeviceClearedElsewhere(db, () => forgetDeviceKeys(db));
}

/**
 * Drops one row's keys held in memory. `device` (the default): this tab is locked (or has no PIN,
 * if the row is gone) until the PIN unwraps them again. `access-log`: the next use reads the table again.
 */
export function forgetDeviceKeys(db: DeviceDatabase, row: KeysRowId = KEYS_ROW_ID): void {
  if (row === ACCESS_LOG_KEYS_ROW_ID) {
    loaded.delete(db);
    return;
  }
  unwrapped.delete(db);
  for (const listener of forgottenListeners.get(db) ?? []) listener();
}

/** Thrown inside a clinical write whose records were sealed under keys no longer in the table. */
export class DeviceKeysReplaced extends Error {
  override readonly name = 'DeviceKeysReplaced';
}

/**
 * Inside a write transaction that includes `db.keys`: the clinical keys row must still be the one
 * with `keyId`, which sealed everything being written. A wipe or a new PIN in another tab deletes
 * or replaces the row in its own transaction, so a write either lands before it (and is wiped) or
 * finds the row changed and throws DeviceKeysReplaced: never a record under a deleted key.
 */
export async function requireCurrentKeys(db: DeviceDatabase, keyId: string, sealedWith: readonly { readonly keyId: string }[]): Promise<void> {
  const row = (await db.keys.get(KEYS_ROW_ID)) as { keyId?: unknown } | undefined;
  if (row?.keyId !== keyId || sealedWith.some((sealed) => sealed.keyId !== keyId)) {
    throw new DeviceKeysReplaced('The clinical keys changed (Clear this device?) while this record was being sealed');
  }
}

/**
 * Runs a clinical write that seals under the current keys; if the keys were replaced meanwhile
 * (another tab wiped the device or set a new PIN), forgets the held keys and runs it once more.
 * With PIN-wrapped keys nothing is held after that, so the second run rejects StorageError
 * `locked`: this tab must unlock with the PIN now in force. Never a record under a deleted key.
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

async function loadOrCreate(db: DeviceDatabase, rowId: typeof ACCESS_LOG_KEYS_ROW_ID): Promise<DeviceKeys> {
  if (!globalThis.crypto?.subtle) throw new StorageError('unavailable', 'WebCrypto is not available (not a secure context?)');
  const stored = KeysRow.safeParse(await db.keys.get(rowId));
  if (stored.success) return stored.data;

  // Generated outside the transaction: awaiting WebCrypto inside one commits it early (§4.3).
  const fresh = await generateAccessLogKeys();
  let keys: DeviceKeys = fresh;
  // A full disk must not stop the first access event being recorded (safety rule 6): make room
  // as any other write does.
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
        // Records sealed under the lost keys can no longer be opened: access events are kept and
        // reported (access-outbox.ts). The old keys are set aside, not overwritten: a later
        // version or a support tool may yet read the events they sealed.
        db.reportDropped({ table: 'keys', reason: `Unusable ${rowId} keys replaced: ${parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}` });
        await db.keys.put({ ...(existing as object), id: `${rowId}-unusable-${new Date().toISOString()}` } as unknown as KeysRow);
      }
      const row: KeysRow = { id: rowId, ...fresh, createdAt: new Date().toISOString() };
      await db.keys.put(row);
      keys = fresh;
    }),
  );
  return keys;
}

/** New non-extractable access-log keys, not yet stored. */
async function generateAccessLogKeys(): Promise<DeviceKeys> {
  return generateKeys(false);
}

/**
 * New clinical keys, **extractable** so that clinical-lock.ts can wrap them under the PIN; it
 * keeps only non-extractable copies (unwrapped from what it stored) in memory.
 */
export async function generateWrappableKeys(): Promise<DeviceKeys> {
  return generateKeys(true);
}

async function generateKeys(extractable: boolean): Promise<DeviceKeys> {
  try {
    const [sealKey, indexKey] = await Promise.all([
      crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']),
      crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256', length: 256 }, extractable, ['sign']),
    ]);
    return { keyId: crypto.randomUUID(), sealKey, indexKey };
  } catch (error) {
    throw new StorageError('unavailable', `Could not create device keys: ${describeFailure(error)}`, { cause: error });
  }
}
