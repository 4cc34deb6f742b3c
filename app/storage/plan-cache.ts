import * as z from 'zod/mini';
import { snapshotNhsNumbers, type LookupSnapshot } from '../domain/lookup-snapshot';
import type { NhsNumber } from '../domain/nhs-number';
import { displayName } from '../domain/patient';
import type { SearchDetails } from '../domain/patient-search';
import { postcodeOf } from '../domain/patient-postcode';
import { savedPersonMatches, type SavedPerson } from '../domain/saved-search-match';
import { isCrisisPlan } from '../domain/record-types';
import { expiresAt as expiryFor } from '../domain/staleness';
import { PlanRow, type DeviceDatabase } from './device-database';
import { wipeClinicalData } from './clinical-wipe';
import { requireCurrentKeys, withCurrentKeys } from './device-keys';
import { markOwnerAgain } from './device-session';
import { writeWithEviction } from './quota-eviction';
import { createRecordSealer } from './sealed-record';
import { NhsNumberField, describeIssues, maybe, parseSnapshot } from './snapshot-schema';
import { StorageError, describeFailure, guarded, isLockedError } from './storage-errors';

/** Cached lookups on this device, sealed at rest, found by blind index (issue 4 items 3, 5, 6). */
export interface PlanCache {
  /** Replaces every cached record for the snapshot's NHS numbers with this one, in one transaction. Resolves only after the write committed. */
  save(snapshot: LookupSnapshot, options: { retentionHours: number }): Promise<SaveOutcome>;
  /** The cached snapshot for a number (typed or current), or undefined. Expired records are never returned. */
  find(nhsNumber: NhsNumber, now?: Date): Promise<CachedLookup | undefined>;
  /**
   * Summaries for "Saved on this device", newest first; at most `limit` of them, so start-up does
   * the same work with 500 plans saved as with 1 (issue 13). Rows past `limit` are not opened.
   */
  list(now?: Date, limit?: number): Promise<CachedLookupSummary[]>;
  /**
   * The saved plans whose person matches a search by details (issue 12 point 5), newest first.
   * Each summary is opened in memory and matched there: names are never indexed in clear.
   */
  searchSaved(details: SearchDetails, now?: Date): Promise<CachedLookupSummary[]>;
  /** How many unexpired plans are saved, without opening any. */
  count(now?: Date): Promise<number>;
  /** Forgets the cached record for a number (also for "PDS says not found"). */
  remove(nhsNumber: NhsNumber): Promise<void>;
  /** Deletes records past their expiry (and any without a readable expiry); returns how many. Plans only. */
  purgeExpired(now?: Date): Promise<number>;
  /**
   * Deletes every cached plan AND queued lookup AND the clinical keys AND the offline session and
   * owner mark (Clear this device). The access-event outbox and its key stay: those events are
   * still owed to the audit service.
   */
  clearDevice(): Promise<void>;
}

export interface CachedLookup {
  readonly snapshot: LookupSnapshot;
  /** ISO instant (toISOString form). */
  readonly retrievedAt: string;
  readonly expiresAt: string;
}

export interface CachedLookupSummary {
  /** The number PDS holds now (the current one when the typed number was superseded). */
  readonly nhsNumber: NhsNumber;
  /** Ready to show: "Jane SMITH" (displayName). */
  readonly name: string;
  /** Shown beside the name so the crew can tell patients apart (safety rule 1). */
  readonly birthDate: string | undefined;
  readonly retrievedAt: string;
  readonly expiresAt: string;
  readonly hasCrisisPlan: boolean;
}

/** `evicted`: how many of the oldest other plans were removed to make room after a full disk. */
export type SaveOutcome = { readonly saved: true; readonly evicted: number };

/**
 * What the "Saved on this device" list and a search by details need, sealed apart from the
 * snapshot so neither opens documents. The name parts, gender and postcode are there for the
 * search (issue 12); summaries saved before it have none, and are found by opening their snapshot.
 */
const PlanSummary = z.object({
  nhsNumber: NhsNumberField,
  name: z.string(),
  birthDate: maybe(z.string()),
  hasCrisisPlan: z.boolean(),
  person: maybe(
    z.object({
      family: maybe(z.string()),
      given: z.array(z.string()),
      gender: maybe(z.enum(['male', 'female', 'other', 'unknown'])),
      postcode: maybe(z.string()),
      restricted: z.boolean(),
    }),
  ),
});
type PlanSummary = z.output<typeof PlanSummary>;

/** How many saved rows are read and opened at a time by `list` and `searchSaved` (issue 13). */
export const SAVED_PAGE_SIZE = 20;

/** A sanity bound on config, not a policy: a cache is meant to live for hours. */
const MAX_RETENTION_HOURS = 24 * 366;

export function createPlanCache(db: DeviceDatabase): PlanCache {
  const sealer = createRecordSealer(db);

  async function drop(id: unknown, reason: string): Promise<void> {
    db.reportDropped({ table: 'plans', reason });
    if (typeof id === 'string') await db.plans.delete(id);
  }

  /** Rows that pass the row schema; the rest are dropped. */
  async function readableRows(rows: readonly unknown[]): Promise<PlanRow[]> {
    const readable: PlanRow[] = [];
    for (const row of rows) {
      const parsed = PlanRow.safeParse(row);
      if (parsed.success) readable.push(parsed.data);
      else await drop((row as { id?: unknown } | undefined)?.id, `Row failed its schema: ${describeIssues(parsed.error)}`);
    }
    return readable;
  }

  async function openSnapshot(row: PlanRow, nhsNumber: NhsNumber): Promise<LookupSnapshot | undefined> {
    try {
      const parsed = parseSnapshot(await sealer.open(row.snapshot));
      if (!parsed.ok) throw new StorageError('unreadable', `Snapshot failed its schema: ${parsed.reason}`);
      // Safety rule 1: never hand back a plan that does not answer for the number asked about.
      if (!snapshotNhsNumbers(parsed.snapshot).includes(nhsNumber)) throw new StorageError('unreadable', 'Snapshot does not answer for its lookup key');
      return parsed.snapshot;
    } catch (error) {
      // Locked (now, or mid-read): nothing is wrong with the row.
      if (isLockedError(error)) throw error;
      await drop(row.id, describeFailure(error));
      return undefined;
    }
  }

  async function openSummaryRecord(row: PlanRow): Promise<PlanSummary | undefined> {
    try {
      const parsed = PlanSummary.safeParse(await sealer.open(row.summary));
      if (!parsed.success) throw new StorageError('unreadable', `Summary failed its schema: ${describeIssues(parsed.error)}`);
      return parsed.data;
    } catch (error) {
      // Locked (now, or mid-read): nothing is wrong with the row.
      if (isLockedError(error)) throw error;
      await drop(row.id, describeFailure(error));
      return undefined;
    }
  }

  function toListed(record: PlanSummary, row: PlanRow): CachedLookupSummary {
    const { person: _person, ...summary } = record;
    return { ...summary, retrievedAt: row.retrievedAt, expiresAt: row.expiresAt };
  }

  async function openSummary(row: PlanRow): Promise<CachedLookupSummary | undefined> {
    const record = await openSummaryRecord(row);
    return record && toListed(record, row);
  }

  /** The person a saved plan is for, from its summary, or from its snapshot when saved before summaries held it. */
  async function savedPerson(record: PlanSummary, row: PlanRow): Promise<SavedPerson | undefined> {
    if (record.person) return { ...record.person, birthDate: record.birthDate };
    const snapshot = await openSnapshot(row, record.nhsNumber);
    return snapshot && personOf(snapshot);
  }

  /**
   * Ids of the unexpired rows, newest first, from the `retrievedAt` and `expiresAt` indexes alone:
   * no row is read, so this costs the same whatever is sealed in them (issue 13).
   */
  async function liveIdsNewestFirst(now: Date): Promise<string[]> {
    const [newest, unexpired] = await Promise.all([
      db.plans.orderBy('retrievedAt').reverse().primaryKeys(),
      db.plans.where('expiresAt').above(now.toISOString()).primaryKeys(),
    ]);
    const live = new Set(unexpired);
    return newest.filter((id) => live.has(id));
  }

  /**
   * The unexpired rows that pass the row schema, newest first, at most `limit`, read
   * `SAVED_PAGE_SIZE` at a time. Between pages the main thread is given back, so a long list or a
   * search over every saved plan never holds it for one long task.
   */
  async function* livePages(now: Date, limit: number): AsyncGenerator<PlanRow[]> {
    const ids = (await liveIdsNewestFirst(now)).slice(0, limit);
    for (let start = 0; start < ids.length; start += SAVED_PAGE_SIZE) {
      if (start > 0) await yieldToMain();
      const rows = await db.plans.bulkGet(ids.slice(start, start + SAVED_PAGE_SIZE));
      // A row deleted since its id was read (another tab, a purge) is simply gone.
      yield readableRows(rows.filter((row) => row !== undefined));
    }
  }

  return {
    save: (snapshot, { retentionHours }) =>
      guarded(async () => {
        if (!(Number.isFinite(retentionHours) && retentionHours > 0 && retentionHours <= MAX_RETENTION_HOURS)) {
          throw new StorageError('invalid-record', `retentionHours must be between 0 and a year, got ${retentionHours}`);
        }
        const parsed = parseSnapshot(snapshot);
        if (!parsed.ok) throw new StorageError('invalid-record', `Snapshot failed its schema: ${parsed.reason}`);
        const record = withoutRestrictedAddress(parsed.snapshot);
        const numbers = snapshotNhsNumbers(record);
        if (record.search.pointers.some((pointer) => !numbers.includes(pointer.subjectNhsNumber))) {
          throw new StorageError('invalid-record', 'Snapshot holds a pointer for another patient');
        }

        const retrievedAt = new Date(record.retrievedAt).toISOString();
        const expiresAt = expiryFor(retrievedAt, retentionHours);

        return withCurrentKeys(db, async () => {
          const keyId = await sealer.keyId();
          // All crypto before the transaction: awaiting WebCrypto inside one commits it early (§4.3).
          const [lookupKeys, summary, sealedSnapshot] = await Promise.all([
            Promise.all(numbers.map((n) => sealer.blindIndex(n))),
            sealer.seal(summaryOf(record)),
            sealer.seal(record),
          ]);
          const row: PlanRow = {
            id: crypto.randomUUID(),
            lookupKeys,
            retrievedAt,
            expiresAt,
            summary,
            snapshot: sealedSnapshot,
          };

          // One transaction: the old records go and the new one arrives together, or neither does.
          // A plan withdrawn upstream disappears here, because the fresh snapshot no longer holds it.
          const { evicted } = await writeWithEviction(
            db,
            () =>
              db.transaction('rw', [db.plans, db.keys], async () => {
                // Never a record under keys another tab's Clear this device deleted (issue 7 point 9).
                await requireCurrentKeys(db, keyId, [summary, sealedSnapshot]);
                await db.plans.where('lookupKeys').anyOf(lookupKeys).delete();
                await db.plans.add(row);
              }),
            lookupKeys,
          );
          return { saved: true as const, evicted };
        });
      }),

    find: (nhsNumber, now = new Date()) =>
      guarded(async () => {
        const lookupKey = await sealer.blindIndex(nhsNumber);
        const rows = await readableRows(await db.plans.where('lookupKeys').equals(lookupKey).toArray());
        const current = now.toISOString();
        const live = rows.filter((row) => row.expiresAt > current).sort(newestFirst);
        for (const row of live) {
          const snapshot = await openSnapshot(row, nhsNumber);
          if (snapshot) return { snapshot, retrievedAt: row.retrievedAt, expiresAt: row.expiresAt };
        }
        return undefined;
      }),

    list: (now = new Date(), limit = Infinity) =>
      guarded(async () => {
        // Locked: refuse before reading a row, rather than meet each row as unreadable.
        await sealer.keyId();
        // Only the first `limit` unexpired rows are read and opened; the rest stay sealed.
        const listed: CachedLookupSummary[] = [];
        for await (const rows of livePages(now, limit)) {
          for (const summary of await Promise.all(rows.map(openSummary))) if (summary) listed.push(summary);
        }
        return listed.sort(newestFirst);
      }),

    searchSaved: (details, now = new Date()) =>
      guarded(async () => {
        // Locked: refuse before reading a row, rather than meet each row as unreadable.
        await sealer.keyId();
        const found: CachedLookupSummary[] = [];
        // A page at a time, one summary at a time: each decrypted summary is dropped as soon as it is matched.
        for await (const rows of livePages(now, Infinity)) {
          for (const row of rows) {
            const record = await openSummaryRecord(row);
            if (!record) continue;
            const person = await savedPerson(record, row);
            if (person && savedPersonMatches(details, person)) found.push(toListed(record, row));
          }
        }
        return found.sort(newestFirst);
      }),

    count: (now = new Date()) =>
      guarded(async () => {
        await sealer.keyId();
        return db.plans.where('expiresAt').above(now.toISOString()).count();
      }),

    remove: (nhsNumber) =>
      guarded(async () => {
        const lookupKey = await sealer.blindIndex(nhsNumber);
        await db.plans.where('lookupKeys').equals(lookupKey).delete();
      }),

    purgeExpired: (now = new Date()) =>
      guarded(() =>
        // Plans only: retention is for clinical copies; access events leave only once delivered (rule 6).
        db.transaction('rw', db.plans, async () => {
          const expired = await db.plans.where('expiresAt').belowOrEqual(now.toISOString()).delete();
          // A row whose expiry is missing (not in the index) or garbled would never expire: remove it
          // too. Found from keys alone, so the purge at start-up and every minute never reads and
          // deserialises every saved row (issue 13).
          const indexed = new Set<string>();
          const garbled: string[] = [];
          await db.plans.orderBy('expiresAt').eachKey((expiry, cursor) => {
            const id = String(cursor.primaryKey);
            indexed.add(id);
            if (!isReadableExpiry(expiry)) garbled.push(id);
          });
          const unindexed = (await db.plans.toCollection().primaryKeys()).filter((id) => !indexed.has(id));
          await db.plans.bulkDelete([...garbled, ...unindexed]);
          return expired + garbled.length + unindexed.length;
        }),
      ),

    clearDevice: () =>
      guarded(async () => {
        // Plans, queued lookups, the offline session and owner mark, and only the clinical keys
        // row: the access log's key must survive, or every access event still waiting could never
        // be opened and delivered (safety rule 6, device-keys.ts). Every other open tab forgets
        // its keys and patient data too (issue 7 point 9).
        await wipeClinicalData(db, 'cleared');
        // The person signed in here still owns what they save next (device-session.ts).
        await markOwnerAgain(db);
      }),
  };
}

/** Safety rule 4: a restricted patient's address is never stored, even if one slipped through. */
function withoutRestrictedAddress(snapshot: LookupSnapshot): LookupSnapshot {
  if (!snapshot.patient.restricted || snapshot.patient.address === undefined) return snapshot;
  return { ...snapshot, patient: { ...snapshot.patient, address: undefined } };
}

function personOf(snapshot: LookupSnapshot): SavedPerson {
  const { patient } = snapshot;
  return {
    family: patient.name?.family,
    given: [...(patient.name?.given ?? [])],
    birthDate: patient.birthDate,
    gender: patient.gender,
    postcode: postcodeOf(patient),
    restricted: patient.restricted,
  };
}

function summaryOf(snapshot: LookupSnapshot): PlanSummary {
  const { patient, search } = snapshot;
  const { birthDate: _birthDate, ...person } = personOf(snapshot);
  return {
    nhsNumber: patient.nhsNumber,
    name: displayName(patient),
    birthDate: patient.birthDate,
    hasCrisisPlan: search.pointers.some((pointer) => isCrisisPlan(pointer.recordType)),
    person: { ...person, given: [...person.given] },
  };
}

function newestFirst(a: { retrievedAt: string }, b: { retrievedAt: string }): number {
  return b.retrievedAt.localeCompare(a.retrievedAt);
}

function isReadableExpiry(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
}

/** Gives the main thread back (input, paint) before the next page of work. */
function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
