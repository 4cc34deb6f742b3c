/**
 * Every failure of the device database becomes a StorageError: a kind the app acts on, words a
 * crew can read, and technical detail for logs. Detail never carries patient data.
 */

export type StorageErrorKind =
  /** The device is out of space even after evicting every other cached plan. */
  | 'quota'
  /** Asked to store something that is not a valid record (a bug upstream); nothing was written. */
  | 'invalid-record'
  /** A stored record could not be decrypted or read back (garbled, older format, other key). */
  | 'unreadable'
  /** The database or WebCrypto is not available (private browsing, blocked, disk failure). */
  | 'unavailable'
  /** The clinical data is locked: the shift PIN must unlock it first (or be set, after a wipe). Nothing was read or written. */
  | 'locked'
  /** setPin was given a PIN the rules refuse (app/domain/shift-pin.ts); nothing changed. */
  | 'invalid-pin';

/** Words for crews, in one place for clinical review. */
const MESSAGES: Readonly<Record<StorageErrorKind, string>> = {
  quota:
    'This device is out of storage space, so this plan could not be saved for use without signal. It is still shown now. Free some space on the device.',
  'invalid-record':
    'This result could not be saved on this device, so it will not be available without signal. It is still shown now. If it keeps happening, tell your service desk.',
  unreadable:
    'A plan saved on this device could not be read, so it has been removed. Look the patient up again when there is signal.',
  unavailable:
    'This device cannot save plans for use without signal (its storage is not available). Lookups still work while there is signal. If it keeps happening, tell your service desk.',
  locked: 'Saved plans are locked. Enter your shift PIN to open them.',
  'invalid-pin': 'That PIN cannot be used. Choose at least 6 digits, not all the same digit and not a run such as 123456.',
};

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;
  /** What happened, for logs and support; never patient data. */
  readonly detail: string;

  constructor(kind: StorageErrorKind, detail: string, options?: { cause?: unknown }) {
    super(`storage ${kind}: ${detail}`, { cause: options?.cause });
    this.kind = kind;
    this.detail = detail;
  }

  /** What a crew reads about this failure. */
  get crewMessage(): string {
    return MESSAGES[this.kind];
  }
}

export function isStorageError(value: unknown): value is StorageError {
  return value instanceof StorageError;
}

/** True for StorageError `locked`, however deep Dexie or a retry wrapped it: never a reason to drop a row. */
export function isLockedError(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; typeof cause === 'object' && cause !== null && depth < 4; depth += 1) {
    if (cause instanceof StorageError && cause.kind === 'locked') return true;
    const { inner } = cause as { inner?: unknown };
    cause = inner instanceof Error ? inner : (cause as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True for a full disk. Browsers report it as `QuotaExceededError`, and Dexie may wrap it as the
 * `inner` of an `AbortError` when the transaction aborted because of it (stack-notes §4.4), once
 * per layer that rethrew it, so the chain is followed a few links down.
 */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner;
  }
  return false;
}

/** A stored row that was skipped and deleted because it could not be read. */
export interface DroppedRecord {
  readonly table: string;
  /** Why, log-safe: schema paths and codes, or the crypto failure's name. */
  readonly reason: string;
}

/**
 * Stored rows that could not be read but were kept, because deleting them would break a promise
 * (an access event is never dropped: safety rule 6). Reported once per read that met them.
 */
export interface UnreadableRecords {
  readonly table: string;
  readonly count: number;
  /** Why, log-safe: schema paths and codes, or the crypto failure's name; the first few only. */
  readonly reason: string;
}

/** Log-safe text for an unexpected failure: its name and message, never its data. */
export function describeFailure(error: unknown): string {
  if (error instanceof StorageError) return error.detail;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Anything Dexie, IndexedDB or WebCrypto throws, as a typed error the screens can word. */
export function asStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  if (isLockedError(error)) return new StorageError('locked', describeFailure(error), { cause: error });
  if (isQuotaError(error)) return new StorageError('quota', describeFailure(error), { cause: error });
  return new StorageError('unavailable', describeFailure(error), { cause: error });
}

/** Runs storage work so that every failure leaves it as a StorageError. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asStorageError(error);
  }
}
