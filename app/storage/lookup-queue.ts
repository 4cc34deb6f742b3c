import * as z from 'zod/mini';
import { isNhsNumber, type NhsNumber } from '../domain/nhs-number';
import { QueuedLookupRow, type DeviceDatabase } from './device-database';
import { requireCurrentKeys, withCurrentKeys } from './device-keys';
import { writeWithEviction } from './quota-eviction';
import { createRecordSealer } from './sealed-record';
import { NhsNumberField, describeIssues } from './snapshot-schema';
import { StorageError, describeFailure, guarded, isLockedError } from './storage-errors';

/**
 * Searches made with no signal and nothing cached, kept until the signal returns and sync runs
 * them (issue 4 item 4). The NHS number is sealed; the row is found by its blind index. Queued
 * lookups are never evicted for space and never expire here: sync removes each once it has run.
 */
export interface LookupQueue {
  /** Idempotent per NHS number: queuing a number already waiting returns the existing entry. */
  add(nhsNumber: NhsNumber, now?: Date): Promise<QueuedLookup>;
  /** Oldest first, NHS numbers decrypted. */
  list(): Promise<QueuedLookup[]>;
  remove(id: string): Promise<void>;
}

export interface QueuedLookup {
  readonly id: string;
  readonly nhsNumber: NhsNumber;
  /** ISO instant. */
  readonly queuedAt: string;
}

const QueuedNumber = z.object({ nhsNumber: NhsNumberField });

export function createLookupQueue(db: DeviceDatabase): LookupQueue {
  const sealer = createRecordSealer(db);

  async function drop(id: unknown, reason: string): Promise<void> {
    db.reportDropped({ table: 'queuedLookups', reason });
    if (typeof id === 'string') await db.queuedLookups.delete(id);
  }

  async function open(row: unknown): Promise<QueuedLookup | undefined> {
    const parsed = QueuedLookupRow.safeParse(row);
    if (!parsed.success) {
      await drop((row as { id?: unknown } | undefined)?.id, `Row failed its schema: ${describeIssues(parsed.error)}`);
      return undefined;
    }
    try {
      const sealed = QueuedNumber.safeParse(await sealer.open(parsed.data.nhsNumber));
      if (!sealed.success) throw new StorageError('unreadable', `Queued number failed its schema: ${describeIssues(sealed.error)}`);
      return { id: parsed.data.id, nhsNumber: sealed.data.nhsNumber, queuedAt: parsed.data.queuedAt };
    } catch (error) {
      // Locked (now, or mid-read): nothing is wrong with the row.
      if (isLockedError(error)) throw error;
      await drop(parsed.data.id, describeFailure(error));
      return undefined;
    }
  }

  return {
    add: (nhsNumber, now = new Date()) =>
      guarded(async () => {
        if (!isNhsNumber(nhsNumber)) throw new StorageError('invalid-record', 'Not a valid NHS number');
        return withCurrentKeys(db, async () => {
          const keyId = await sealer.keyId();
          const lookupKey = await sealer.blindIndex(nhsNumber);
          const waiting = QueuedLookupRow.safeParse(await db.queuedLookups.where('lookupKey').equals(lookupKey).first());
          if (waiting.success) return { id: waiting.data.id, nhsNumber, queuedAt: waiting.data.queuedAt };

          // Sealed before the transaction (§4.3).
          const row: QueuedLookupRow = { id: crypto.randomUUID(), lookupKey, queuedAt: now.toISOString(), nhsNumber: await sealer.seal({ nhsNumber }) };
          let queued: QueuedLookup = { id: row.id, nhsNumber, queuedAt: row.queuedAt };
          // A queued search matters more than an old plan for someone else: make room if the disk is full.
          await writeWithEviction(db, () =>
            db.transaction('rw', [db.queuedLookups, db.keys], async () => {
              // Never a record under keys another tab's Clear this device deleted (issue 7 point 9).
              await requireCurrentKeys(db, keyId, [row.nhsNumber]);
              // Checked again inside the transaction: another tab may have queued it meanwhile.
              const existing = await db.queuedLookups.where('lookupKey').equals(lookupKey).first();
              const parsed = QueuedLookupRow.safeParse(existing);
              if (parsed.success) {
                queued = { id: parsed.data.id, nhsNumber, queuedAt: parsed.data.queuedAt };
                return;
              }
              // An unreadable entry for the same number would block the unique index: replace it.
              if (existing !== undefined) {
                db.reportDropped({ table: 'queuedLookups', reason: `Row failed its schema: ${describeIssues(parsed.error)}` });
                await db.queuedLookups.where('lookupKey').equals(lookupKey).delete();
              }
              await db.queuedLookups.add(row);
            }),
          );
          return queued;
        });
      }),

    list: () =>
      guarded(async () => {
        // Locked: refuse before reading a row, rather than meet each row as unreadable.
        await sealer.keyId();
        const rows: unknown[] = await db.queuedLookups.orderBy('queuedAt').toArray();
        const opened = await Promise.all(rows.map(open));
        return opened.filter((entry) => entry !== undefined);
      }),

    remove: (id) => guarded(() => db.queuedLookups.delete(id)),
  };
}
