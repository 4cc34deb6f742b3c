import { Dexie, type Table } from 'dexie';
import * as z from 'zod/mini';
import type { KeysRow, WrappedKeysRow } from './device-keys';
import { CURRENT_SCHEMA_VERSION, SCHEMA_HISTORY } from './schema-history';
import { SealedRecord } from './sealed-record';
import type { DroppedRecord, UnreadableRecords } from './storage-errors';

export { DEMO_DATABASE, LIVE_DATABASE } from './database-names';

const isoInstant = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO instant'));

/**
 * One cached lookup. Only what indexes need is in clear: random id, blind indexes, and times.
 * `summary` (name, NHS number, crisis plan or not) is sealed apart from `snapshot` so the
 * "Saved on this device" list never decrypts documents.
 */
export const PlanRow = z.object({
  id: z.string(),
  /** Blind index of every NHS number the snapshot answers for (typed and, if superseded, current). */
  lookupKeys: z.array(z.string()).check(z.minLength(1)),
  /** Normalised with toISOString so the index sorts by time. */
  retrievedAt: isoInstant,
  expiresAt: isoInstant,
  summary: SealedRecord,
  snapshot: SealedRecord,
});
export type PlanRow = z.output<typeof PlanRow>;

/** A search made with no signal and nothing cached, waiting to run. */
export const QueuedLookupRow = z.object({
  id: z.string(),
  lookupKey: z.string(),
  queuedAt: isoInstant,
  nhsNumber: SealedRecord,
});
export type QueuedLookupRow = z.output<typeof QueuedLookupRow>;

/**
 * One access event waiting for the audit service (DESIGN.md safety rule 6). The event itself is
 * sealed (it holds an NHS number and request URLs) under the access log's own key, which "Clear
 * this device" keeps; only what delivery and ordering need is in clear. No patient data is in
 * `lastProblem`: access-outbox.ts scrubs it before writing.
 */
export const AccessEventRow = z.object({
  /** The event's id (a UUID, and the AuditEvent's id): recording it twice keeps one row. */
  id: z.string(),
  /** When this device wrote it; orders events that occurred at the same instant. */
  recordedAt: isoInstant,
  /** The event's occurredAt normalised with toISOString, so the index sorts by time. */
  occurredAt: isoInstant,
  attempts: z.number().check(z.int(), z.nonnegative()),
  lastAttemptAt: z.optional(isoInstant),
  lastProblem: z.optional(z.string()),
  event: SealedRecord,
});
export type AccessEventRow = z.output<typeof AccessEventRow>;

/**
 * Whose clinical data this device holds (issue 10 point 7): an HMAC-SHA-256 of the person's CIS2
 * id under the `access-log` index key (never PIN-wrapped, so it is checked before the PIN is
 * asked), written as base64url, with the id of the keys that made it. The id itself is never
 * stored. Every wipe deletes it with the clinical data. A mark from before schema version 5 was
 * made under the `device` keys; the version 5 upgrade removes it.
 */
export const OwnerRow = z.object({
  id: z.literal('owner'),
  keyId: z.string().check(z.minLength(1)),
  mark: z.string().check(z.minLength(1)),
  claimedAt: isoInstant,
});
export type OwnerRow = z.output<typeof OwnerRow>;

/**
 * The offline session (issue 10 point 8): the signed-in person's identity and role, and until
 * when it may be resumed, sealed under the `device` key (never a token). Nothing about the
 * person is in clear; the expiry is inside the seal, so it cannot be extended by editing the row.
 */
export const OfflineSessionRow = z.object({
  id: z.literal('offline-session'),
  sealed: SealedRecord,
});
export type OfflineSessionRow = z.output<typeof OfflineSessionRow>;

export type SessionRow = OwnerRow | OfflineSessionRow;

export interface DeviceDatabaseOptions {
  /** Tests pass fake-indexeddb's factory; the app uses the browser's. */
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Told about every stored row skipped and deleted because it could not be read. */
  readonly onDroppedRecord?: (dropped: DroppedRecord) => void;
  /** Told about stored rows that could not be read and were kept (access events are never dropped). */
  readonly onUnreadableRecords?: (unreadable: UnreadableRecords) => void;
  /** Migration tests only: declare the schema as it was at this version. */
  readonly schemaVersion?: number;
}

export class DeviceDatabase extends Dexie {
  declare readonly keys: Table<KeysRow | WrappedKeysRow, string>;
  declare readonly plans: Table<PlanRow, string>;
  declare readonly queuedLookups: Table<QueuedLookupRow, string>;
  declare readonly accessEvents: Table<AccessEventRow, string>;
  declare readonly session: Table<SessionRow, string>;
  readonly reportDropped: (dropped: DroppedRecord) => void;
  readonly reportUnreadable: (unreadable: UnreadableRecords) => void;

  constructor(name: string, options: DeviceDatabaseOptions = {}) {
    super(name, {
      ...(options.indexedDB && { indexedDB: options.indexedDB }),
      ...(options.IDBKeyRange && { IDBKeyRange: options.IDBKeyRange }),
      // "Saved" must mean on disk, not in a write-back buffer (STYLE.md §8: no false "saved").
      chromeTransactionDurability: 'strict',
    });
    this.reportDropped = options.onDroppedRecord ?? warnDropped;
    this.reportUnreadable = options.onUnreadableRecords ?? warnUnreadable;
    const upTo = options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
    for (const step of SCHEMA_HISTORY) {
      if (step.version > upTo) break;
      const version = this.version(step.version).stores(step.stores);
      const { upgrade } = step;
      if (upgrade) version.upgrade((tx) => upgrade(tx, this.reportDropped));
    }
  }
}

/**
 * The device database. Dexie opens it on first use; when a newer app version opens it in another
 * tab, Dexie closes this connection (`versionchange`) and the update prompt offers Reload
 * (`DeviceStorage.onNewerVersionElsewhere`).
 */
export function openDeviceDatabase(name: string, options?: DeviceDatabaseOptions): DeviceDatabase {
  return new DeviceDatabase(name, options);
}

function warnDropped(dropped: DroppedRecord): void {
  console.warn(`Device storage dropped an unreadable ${dropped.table} record: ${dropped.reason}`);
}

function warnUnreadable(unreadable: UnreadableRecords): void {
  console.warn(`Device storage kept ${unreadable.count} unreadable ${unreadable.table} record(s): ${unreadable.reason}`);
}
