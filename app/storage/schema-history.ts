import type { Transaction } from 'dexie';
import * as z from 'zod/mini';
import { expiresAt } from '../domain/staleness';
import type { DroppedRecord } from './storage-errors';

/**
 * Every schema the device database has had, oldest first. Dexie needs each version that carries
 * an upgrade, and migration tests open a database "as it was" at an older version from here.
 *
 * To change the schema: append a version with every table as it will be (null deletes a table)
 * and, when rows must change shape, an `upgrade`; then add a test in device-database.test.ts
 * that writes rows at the previous version and reads them with the current code. Never edit a
 * shipped version.
 */
export interface SchemaVersion {
  readonly version: number;
  /** Dexie syntax: primary key first, `*` multiEntry, `&` unique; only indexed fields are listed. */
  readonly stores: Readonly<Record<string, string | null>>;
  /**
   * Moves rows into this version's shape, inside Dexie's upgrade transaction: Dexie calls only, no
   * WebCrypto (§4.3), which is why everything an upgrade needs is kept in clear metadata. It must
   * not throw on a bad row (that would stop the app opening its database): drop and report it.
   */
  readonly upgrade?: (tx: Transaction, report: (dropped: DroppedRecord) => void) => Promise<void>;
}

/** What version 1 kept in clear beside each sealed plan. */
const PlanMetaV1 = z.object({
  retrievedAt: z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)))),
  retentionHours: z.number().check(z.positive()),
});

export const SCHEMA_HISTORY: readonly SchemaVersion[] = [
  {
    // The first schema: plans found by blind index; expiry worked out from retentionHours on every read.
    version: 1,
    stores: { keys: 'id', plans: 'id, *lookupKeys, retrievedAt' },
  },
  {
    // Expiry is stored and indexed, so purging is one index range (not a scan that opens every
    // row), and searches made without signal wait in their own table, one per NHS number.
    version: 2,
    stores: {
      keys: 'id',
      plans: 'id, *lookupKeys, retrievedAt, expiresAt',
      queuedLookups: 'id, &lookupKey, queuedAt',
    },
    async upgrade(tx, report) {
      let dropped = 0;
      await tx
        .table('plans')
        .toCollection()
        .modify((row: Record<string, unknown>, ref: { value: unknown }) => {
          const meta = PlanMetaV1.safeParse(row);
          if (!meta.success) {
            // No trustworthy expiry means it could outlive retention: remove it.
            delete (ref as { value?: unknown }).value;
            dropped += 1;
            return;
          }
          row['retrievedAt'] = new Date(meta.data.retrievedAt).toISOString();
          row['expiresAt'] = expiresAt(meta.data.retrievedAt, meta.data.retentionHours);
          delete row['retentionHours'];
        });
      if (dropped > 0) report({ table: 'plans', reason: `Migration to version 2 removed ${dropped} plan(s) without a readable expiry` });
    },
  },
  {
    // The access-event outbox (safety rule 6). Read oldest first by when the access happened,
    // then when it was recorded; the id ends the index so every key is unique and a read can
    // page on from the last key it saw. No upgrade: no existing row changes.
    version: 3,
    stores: {
      keys: 'id',
      plans: 'id, *lookupKeys, retrievedAt, expiresAt',
      queuedLookups: 'id, &lookupKey, queuedAt',
      accessEvents: 'id, recordedAt, [occurredAt+recordedAt+id]',
    },
  },
  {
    // Who the clinical data belongs to, and the offline session (issue 10 points 7 and 8): two
    // rows by fixed id, `owner` (an HMAC of the person's id under the device index key, never the
    // id) and `offline-session` (the person sealed under the device key). No upgrade: no existing
    // row changes. Plans already on the device have no known owner, so the first sign-in after
    // this version removes them (device-session.ts).
    version: 4,
    stores: {
      keys: 'id',
      plans: 'id, *lookupKeys, retrievedAt, expiresAt',
      queuedLookups: 'id, &lookupKey, queuedAt',
      accessEvents: 'id, recordedAt, [occurredAt+recordedAt+id]',
      session: 'id',
    },
  },
  {
    // The shift PIN (issue 11): the `device` keys row is stored only wrapped under a key derived
    // from the PIN (device-keys.ts `WrappedKeysRow`). The keys rows of earlier versions are
    // non-extractable CryptoKeys, which cannot be wrapped afterwards, so the old `device` row is
    // deleted with everything it sealed (plans, queued searches, the offline session) and the old
    // owner mark, which was made under it: the same wipe as Clear this device, reported. The
    // `access-log` row and the access events are never touched (safety rule 6). No index changes.
    version: 5,
    stores: {
      keys: 'id',
      plans: 'id, *lookupKeys, retrievedAt, expiresAt',
      queuedLookups: 'id, &lookupKey, queuedAt',
      accessEvents: 'id, recordedAt, [occurredAt+recordedAt+id]',
      session: 'id',
    },
    async upgrade(tx, report) {
      const keys = tx.table('keys');
      const device: unknown = await keys.get('device');
      const [plans, queued, sessions] = await Promise.all([tx.table('plans').count(), tx.table('queuedLookups').count(), tx.table('session').count()]);
      await Promise.all([keys.delete('device'), tx.table('plans').clear(), tx.table('queuedLookups').clear(), tx.table('session').clear()]);
      if (device !== undefined || plans + queued + sessions > 0) {
        report({
          table: 'keys',
          reason: `Migration to version 5 (shift PIN) removed the unwrapped clinical keys${device === undefined ? ' (none)' : ''}, ${plans} plan(s), ${queued} queued search(es) and ${sessions} session row(s) they sealed`,
        });
      }
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version;
