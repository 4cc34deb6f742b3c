import * as z from 'zod/mini';
import type { NhsNumber } from '../domain/nhs-number';
import type { DeviceDatabase } from './device-database';
import { KEYS_ROW_ID, deviceKeys, forgetDeviceKeys, type KeysRowId } from './device-keys';
import { decodePayload, encodePayload } from './payload-codec';
import { StorageError } from './storage-errors';

/**
 * The one place clinical records are encrypted and decrypted (issue 4 item 3). Everything the
 * device keeps about a patient passes through `seal`/`open`; lookups go through `blindIndex`.
 * The clinical (`device`) keys are held only while the shift PIN has unlocked them
 * (clinical-lock.ts): otherwise every call here rejects with StorageError `locked`, and callers
 * must pass that on, never treat it as an unreadable record. The access-event outbox seals under
 * its own key row (`keyRow: 'access-log'`), never PIN-wrapped, so it works while locked.
 *
 * AES-GCM-256 with a fresh random 12-byte IV per record. The ciphertext is kept as a Blob: the
 * issue asks for documents as Blobs, browsers store large Blobs outside the row, and
 * fake-indexeddb on Node 20 clones them (checked), so tests exercise the same path.
 */

const IV_BYTES = 12;
const BLIND_INDEX_CONTEXT = 'nhs-number:';

export const SealedRecord = z.object({
  /** Which device key sealed it, so a record from before "Clear this device" fails cleanly. */
  keyId: z.string(),
  iv: z.instanceof(Uint8Array).check(z.refine((iv) => iv.byteLength === IV_BYTES, 'IV must be 12 bytes')),
  data: z.instanceof(Blob),
});
export type SealedRecord = z.output<typeof SealedRecord>;

export interface RecordSealer {
  seal(value: unknown): Promise<SealedRecord>;
  /** The value as sealed; callers parse it with their schema. Throws StorageError 'unreadable'. */
  open(sealed: SealedRecord): Promise<unknown>;
  /** HMAC-SHA-256 of the NHS number under the device's index key, base64url: exact-match lookups only. */
  blindIndex(nhsNumber: NhsNumber): Promise<string>;
  /** The id of the keys `seal` and `blindIndex` use now: a write checks it against the table (requireCurrentKeys). */
  keyId(): Promise<string>;
}

export interface RecordSealerOptions {
  /** Which keys row seals and opens: the clinical cache's (`device`, the default) or the access log's. */
  readonly keyRow?: KeysRowId;
}

export function createRecordSealer(db: DeviceDatabase, options: RecordSealerOptions = {}): RecordSealer {
  const keyRow = options.keyRow ?? KEYS_ROW_ID;
  return {
    async seal(value) {
      const keys = await deviceKeys(db, keyRow);
      let plain: Uint8Array<ArrayBuffer>;
      try {
        plain = encodePayload(value);
      } catch (error) {
        throw new StorageError('invalid-record', `Cannot seal this value: ${(error as Error).message}`, { cause: error });
      }
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.sealKey, plain);
      return { keyId: keys.keyId, iv, data: new Blob([ciphertext], { type: 'application/octet-stream' }) };
    },

    async open(sealed) {
      let keys = await deviceKeys(db, keyRow);
      if (sealed.keyId !== keys.keyId) {
        if (keyRow === KEYS_ROW_ID) {
          // Another tab may have set a new shift PIN and sealed this under its keys: then the keys
          // held here are stale (this tab must unlock again), and the record is not to be deleted.
          const current = (await db.keys.get(KEYS_ROW_ID)) as { keyId?: unknown } | undefined;
          if (current?.keyId === sealed.keyId) {
            forgetDeviceKeys(db);
            throw new StorageError('locked', 'The clinical keys were replaced in another tab (new shift PIN)');
          }
        } else {
          // Read the table again before calling it unreadable (which, for clinical records, deletes it).
          forgetDeviceKeys(db, keyRow);
          keys = await deviceKeys(db, keyRow);
        }
      }
      if (sealed.keyId !== keys.keyId) throw new StorageError('unreadable', 'Sealed under a device key that no longer exists');
      let plain: ArrayBuffer;
      try {
        const ciphertext = await sealed.data.arrayBuffer();
        plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(sealed.iv) }, keys.sealKey, ciphertext);
      } catch (error) {
        // AES-GCM authenticates: a tampered or truncated record fails here rather than decoding to rubbish.
        throw new StorageError('unreadable', `Could not decrypt: ${(error as Error).name}`, { cause: error });
      }
      try {
        return decodePayload(new Uint8Array(plain));
      } catch (error) {
        throw new StorageError('unreadable', `Could not decode: ${(error as Error).message}`, { cause: error });
      }
    },

    async keyId() {
      return (await deviceKeys(db, keyRow)).keyId;
    },

    async blindIndex(nhsNumber) {
      const keys = await deviceKeys(db, keyRow);
      // The context prefix keeps this index distinct from any other identifier indexed later.
      const mac = await crypto.subtle.sign('HMAC', keys.indexKey, new TextEncoder().encode(BLIND_INDEX_CONTEXT + nhsNumber));
      return base64url(new Uint8Array(mac));
    },
  };
}

/** Unpadded base64url, for blind indexes and owner marks. */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
