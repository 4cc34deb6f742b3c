import type { DeviceKeys, WrappedBytes, WrappedKeysRow } from './device-keys';
import { StorageError, describeFailure } from './storage-errors';

/**
 * The crypto of the shift PIN (issue 11), WebCrypto only. A key derived from the PIN with
 * PBKDF2-SHA-256 wraps the clinical keys with AES-GCM; a fresh random 12-byte IV for every wrap,
 * and the key id and purpose as additional data, so a wrapped seal key cannot be passed off as
 * the index key, or one row's as another's. The PIN key is non-extractable and is dropped as soon
 * as the keys are wrapped or unwrapped; the unwrapped keys are non-extractable.
 */

/** OWASP Password Storage Cheat Sheet (2023 onwards): PBKDF2-HMAC-SHA256, 600,000 iterations. */
export const PIN_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
/** What `check` seals: opening it proves the PIN before the keys are unwrapped. */
const CHECK_TEXT = 'crew-record-locator shift PIN check v1';

type Purpose = 'check' | 'seal-key' | 'index-key';
const additionalData = (purpose: Purpose, keyId: string) => new TextEncoder().encode(`crew-record-locator:${purpose}:${keyId}`);

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** The wrapping key: PBKDF2-SHA-256(PIN, salt, iterations) → AES-GCM-256, non-extractable. */
export async function derivePinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  try {
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey']);
    return await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    );
  } catch (error) {
    throw new StorageError('unavailable', `Could not derive the PIN key: ${describeFailure(error)}`, { cause: error });
  }
}

export interface WrappedClinicalKeys {
  readonly check: WrappedBytes;
  readonly sealKey: WrappedBytes;
  readonly indexKey: WrappedBytes;
}

/** Wraps extractable clinical keys under the PIN key: three AES-GCM operations, three fresh IVs. */
export async function wrapClinicalKeys(pinKey: CryptoKey, keys: DeviceKeys): Promise<WrappedClinicalKeys> {
  const wrap = async (purpose: Exclude<Purpose, 'check'>, key: CryptoKey): Promise<WrappedBytes> => {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const data = await crypto.subtle.wrapKey('raw', key, pinKey, { name: 'AES-GCM', iv, additionalData: additionalData(purpose, keys.keyId) });
    return { iv, data: new Uint8Array(data) };
  };
  const checkIv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const check = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: checkIv, additionalData: additionalData('check', keys.keyId) },
    pinKey,
    new TextEncoder().encode(CHECK_TEXT),
  );
  const [sealKey, indexKey] = await Promise.all([wrap('seal-key', keys.sealKey), wrap('index-key', keys.indexKey)]);
  return { check: { iv: checkIv, data: new Uint8Array(check) }, sealKey, indexKey };
}

/**
 * Opens a wrapped row with the PIN key. `wrong`: the check does not open (a wrong PIN, or a
 * damaged check: both are counted). `damaged`: the PIN is right but a wrapped key does not
 * unwrap (the row was altered): its data can never be opened. Otherwise the non-extractable keys.
 */
export async function unwrapClinicalKeys(pinKey: CryptoKey, row: WrappedKeysRow): Promise<DeviceKeys | 'wrong' | 'damaged'> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(row.check.iv), additionalData: additionalData('check', row.keyId) },
      pinKey,
      new Uint8Array(row.check.data),
    );
    if (new TextDecoder().decode(plain) !== CHECK_TEXT) return 'damaged';
  } catch {
    return 'wrong';
  }
  const unwrap = (purpose: Exclude<Purpose, 'check'>, wrapped: WrappedBytes, algorithm: AesKeyAlgorithm | HmacImportParams, usages: KeyUsage[]) =>
    crypto.subtle.unwrapKey(
      'raw',
      new Uint8Array(wrapped.data),
      pinKey,
      { name: 'AES-GCM', iv: new Uint8Array(wrapped.iv), additionalData: additionalData(purpose, row.keyId) },
      algorithm,
      // Non-extractable: in memory, script can use the keys but never read or re-wrap them.
      false,
      usages,
    );
  try {
    const [sealKey, indexKey] = await Promise.all([
      unwrap('seal-key', row.sealKey, { name: 'AES-GCM', length: 256 }, ['encrypt', 'decrypt']),
      unwrap('index-key', row.indexKey, { name: 'HMAC', hash: 'SHA-256' }, ['sign']),
    ]);
    return { keyId: row.keyId, sealKey, indexKey };
  } catch {
    return 'damaged';
  }
}
