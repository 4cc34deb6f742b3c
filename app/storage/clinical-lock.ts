import { MAX_PIN_TRIES, pinProblem } from '../domain/shift-pin';
import { clinicalTables, wipeClinicalData, wipeForNewKeys } from './clinical-wipe';
import { announceDeviceCleared } from './device-cleared';
import type { DeviceDatabase } from './device-database';
import { KEYS_ROW_ID, WrappedKeysRow, forgetDeviceKeys, generateWrappableKeys, heldClinicalKeyId, holdClinicalKeys, onClinicalKeysForgotten } from './device-keys';
import { PIN_ITERATIONS, derivePinKey, newSalt, unwrapClinicalKeys, wrapClinicalKeys } from './pin-wrapping';
import { describeIssues } from './snapshot-schema';
import { StorageError, guarded } from './storage-errors';

/**
 * The shift PIN in front of the clinical data (issue 11 points 1, 2 and 4). The clinical keys are
 * stored only wrapped under a key derived from the PIN (`WrappedKeysRow`, pin-wrapping.ts); this
 * module unwraps them into this tab's memory (non-extractable) and drops them again. While they
 * are not held, plans, queued searches and the offline session refuse with StorageError `locked`;
 * access events keep their own key and go on being recorded and delivered.
 */
export type ClinicalLockState =
  /**
   * The keys this tab held were dropped by another tab or a wipe (Clear this device, a new PIN,
   * five wrong PINs) and the disk has not yet said whether a PIN is still set. Nothing clinical
   * opens; the app shows neither PIN screen, so the crew never starts typing into "Enter your
   * shift PIN" that turns into "Set a shift PIN" under their finger.
   */
  | { readonly state: 'checking' }
  | { readonly state: 'no-pin' }
  | { readonly state: 'locked'; readonly triesLeft: number }
  | { readonly state: 'unlocked' };

export interface ClinicalLock {
  /** Reads the state from disk once (no-pin when no wrapped key row). Until it resolves the state says `locked`. */
  ready(): Promise<void>;
  getSnapshot(): ClinicalLockState;
  subscribe(listener: () => void): () => void;
  /**
   * New clinical keys wrapped by this PIN; any clinical rows under older keys (plans, queued
   * searches, the offline session) are wiped first, since they could not be opened; the owner mark
   * stays. → unlocked. A PIN the rules refuse (app/domain/shift-pin.ts) rejects with StorageError
   * `invalid-pin` and changes nothing.
   */
  setPin(pin: string): Promise<void>;
  /**
   * Unwraps the keys into memory. A wrong PIN counts down `triesLeft` (on disk, so a reload does
   * not reset it; the try is counted before the PIN is tried). At the fifth wrong PIN the clinical
   * data, the wrapped key and the offline session are wiped (access events and their key are kept),
   * every other tab is told (reason `wrong-pin`) → 'no-pin', result 'wiped'. A damaged key row
   * (altered on disk) is wiped the same way and rejects with StorageError `unreadable`.
   */
  unlock(pin: string): Promise<'unlocked' | 'wrong' | 'wiped'>;
  /** Drops the unwrapped keys from memory (storage holds no decrypted plans). → locked */
  lock(): void;
}

export interface ClinicalLockOptions {
  /** PBKDF2 iterations for a new PIN. Tests only: the app uses PIN_ITERATIONS (600,000). */
  readonly iterations?: number;
}

const LOCKED: ClinicalLockState = { state: 'locked', triesLeft: MAX_PIN_TRIES };
const CHECKING: ClinicalLockState = { state: 'checking' };

interface LockStore {
  snapshot: ClinicalLockState;
  readonly listeners: Set<() => void>;
  ready?: Promise<void>;
  /** Bumped by every settled change, so an older read of the disk never overwrites a newer state. */
  generation: number;
}

// One state per open database (a tab): the keys are held per connection, so a reload is locked.
const stores = new WeakMap<DeviceDatabase, LockStore>();

function storeFor(db: DeviceDatabase): LockStore {
  let store = stores.get(db);
  if (!store) {
    const created: LockStore = { snapshot: LOCKED, listeners: new Set(), generation: 0 };
    stores.set(db, created);
    // Keys dropped by a wipe, Clear this device or a new PIN in another tab (a lock here has
    // already said `locked`): nothing opens until the disk says which PIN screen is right.
    onClinicalKeysForgotten(db, () => {
      if (created.snapshot.state === 'unlocked') settle(created, CHECKING);
      void refresh(db).catch(() => {
        if (created.snapshot.state === 'checking') settle(created, LOCKED);
      });
    });
    store = created;
  }
  return store;
}

function publish(store: LockStore, next: ClinicalLockState): void {
  const same = store.snapshot.state === next.state && (store.snapshot as { triesLeft?: number }).triesLeft === (next as { triesLeft?: number }).triesLeft;
  if (same) return;
  store.snapshot = next;
  for (const listener of [...store.listeners]) listener();
}

/** A change this tab made: any read of the disk still in flight is out of date. */
function settle(store: LockStore, next: ClinicalLockState): void {
  store.generation += 1;
  publish(store, next);
}

/** Reads the `device` row and states what it means for this tab. */
async function refresh(db: DeviceDatabase): Promise<void> {
  const store = storeFor(db);
  const generation = store.generation;
  const row: unknown = await db.keys.get(KEYS_ROW_ID);
  if (generation !== store.generation) return;
  const held = heldClinicalKeyId(db);
  if (row === undefined) {
    if (held !== undefined) forgetDeviceKeys(db);
    publish(store, { state: 'no-pin' });
    return;
  }
  const parsed = WrappedKeysRow.safeParse(row);
  if (!parsed.success) {
    await discardUnusable(db, `Unusable clinical keys row (not wrapped by a shift PIN, or damaged) removed with what it sealed: ${describeIssues(parsed.error)}`);
    return;
  }
  if (held !== undefined) {
    // Another tab set a new PIN: the keys held here sealed under a deleted row.
    if (held !== parsed.data.keyId) forgetDeviceKeys(db);
    else publish(store, { state: 'unlocked' });
    return;
  }
  publish(store, { state: 'locked', triesLeft: Math.max(0, MAX_PIN_TRIES - parsed.data.wrongTries) });
}

/**
 * A `device` row that cannot be unwrapped by any PIN (from before version 5, so not wrapped, or
 * altered on disk): what it sealed can never be opened, so it goes with the clinical data, reported.
 */
async function discardUnusable(db: DeviceDatabase, reason: string): Promise<void> {
  db.reportDropped({ table: 'keys', reason });
  await wipeClinicalData(db, 'cleared');
  settle(storeFor(db), { state: 'no-pin' });
}

export function createClinicalLock(db: DeviceDatabase, options: ClinicalLockOptions = {}): ClinicalLock {
  const store = storeFor(db);
  const iterations = options.iterations ?? PIN_ITERATIONS;

  return {
    ready: () => {
      store.ready ??= guarded(() => refresh(db)).catch((error: unknown) => {
        store.ready = undefined;
        throw error;
      });
      return store.ready;
    },

    getSnapshot: () => store.snapshot,

    subscribe: (listener) => {
      store.listeners.add(listener);
      return () => store.listeners.delete(listener);
    },

    setPin: async (pin) => {
      const problem = typeof pin === 'string' ? pinProblem(pin) : 'not-digits';
      if (problem !== undefined) throw new StorageError('invalid-pin', `The shift PIN was refused: ${problem}`);
      await guarded(async () => {
        // All crypto before the transaction (§4.3).
        const fresh = await generateWrappableKeys();
        const salt = newSalt();
        const pinKey = await derivePinKey(pin, salt, iterations);
        const wrapped = await wrapClinicalKeys(pinKey, fresh);
        const row: WrappedKeysRow = {
          id: KEYS_ROW_ID,
          format: 2,
          keyId: fresh.keyId,
          kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
          ...wrapped,
          wrongTries: 0,
          createdAt: new Date().toISOString(),
        };
        // The keys held in memory are unwrapped from what is stored, so they are non-extractable
        // (the extractable originals are dropped here) and the row is proved to open.
        const held = await unwrapClinicalKeys(pinKey, row);
        if (typeof held === 'string') throw new StorageError('unavailable', 'New clinical keys did not unwrap');
        let wiped = false;
        await db.transaction('rw', clinicalTables(db), async () => {
          wiped = await wipeForNewKeys(db);
          await db.keys.put(row);
        });
        holdClinicalKeys(db, held);
        settle(store, { state: 'unlocked' });
        // Other tabs holding the old keys drop them and what they show (they are locked now).
        if (wiped) announceDeviceCleared(db, 'cleared');
      });
    },

    unlock: (pin) =>
      guarded(async () => {
        const stored: unknown = await db.keys.get(KEYS_ROW_ID);
        if (stored === undefined) {
          await refresh(db);
          throw new StorageError('locked', 'No shift PIN is set on this device');
        }
        const parsed = WrappedKeysRow.safeParse(stored);
        if (!parsed.success) {
          await discardUnusable(db, `Unusable clinical keys row removed with what it sealed: ${describeIssues(parsed.error)}`);
          throw new StorageError('unreadable', 'The clinical keys on this device were damaged, so the saved plans were removed');
        }
        const row = parsed.data;

        // Counted before the PIN is tried, so closing the app mid-try does not give a free one.
        let tries = 0;
        await db.transaction('rw', db.keys, async () => {
          const now = WrappedKeysRow.safeParse(await db.keys.get(KEYS_ROW_ID));
          if (!now.success || now.data.keyId !== row.keyId) throw new StorageError('locked', 'The shift PIN was changed in another tab meanwhile');
          tries = now.data.wrongTries + 1;
          if (tries <= MAX_PIN_TRIES) await db.keys.put({ ...now.data, wrongTries: tries });
        });
        if (tries > MAX_PIN_TRIES) {
          // Left over from a try that never finished its wipe.
          await wipeClinicalData(db, 'wrong-pin');
          settle(store, { state: 'no-pin' });
          return 'wiped';
        }

        const opened = await unwrapClinicalKeys(await derivePinKey(pin, row.kdf.salt, row.kdf.iterations), row);
        if (opened === 'wrong') {
          if (tries >= MAX_PIN_TRIES) {
            await wipeClinicalData(db, 'wrong-pin');
            settle(store, { state: 'no-pin' });
            return 'wiped';
          }
          settle(store, { state: 'locked', triesLeft: MAX_PIN_TRIES - tries });
          return 'wrong';
        }
        if (opened === 'damaged') {
          await discardUnusable(db, 'Clinical keys row altered: the shift PIN opened its check but not its keys');
          throw new StorageError('unreadable', 'The clinical keys on this device were damaged, so the saved plans were removed');
        }
        await db.transaction('rw', db.keys, async () => {
          const now = WrappedKeysRow.safeParse(await db.keys.get(KEYS_ROW_ID));
          if (!now.success || now.data.keyId !== row.keyId) throw new StorageError('locked', 'The shift PIN was changed in another tab meanwhile');
          await db.keys.put({ ...now.data, wrongTries: 0 });
        });
        holdClinicalKeys(db, opened);
        settle(store, { state: 'unlocked' });
        return 'unlocked';
      }),

    lock: () => {
      // A lock here keeps the PIN row, so `locked` at once; the tries left are then read from disk.
      if (store.snapshot.state === 'unlocked') settle(store, LOCKED);
      if (heldClinicalKeyId(db) !== undefined) forgetDeviceKeys(db);
    },
  };
}
