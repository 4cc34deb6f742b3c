import type { IndexableType, IndexableTypePart } from 'dexie';
import type { AccessEvent } from '../domain/access-event';
import { parseAccessEvent } from './access-event-schema';
import { AccessEventRow, type DeviceDatabase } from './device-database';
import { ACCESS_LOG_KEYS_ROW_ID } from './device-keys';
import { writeWithEviction } from './quota-eviction';
import { createRecordSealer } from './sealed-record';
import { describeIssues } from './snapshot-schema';
import { StorageError, describeFailure, guarded } from './storage-errors';

/**
 * Access events waiting for the audit service (DESIGN.md safety rule 6: access is recorded before
 * data is shown; an access event is never dropped, only delivered). Each event is sealed under
 * the access log's own key (device-keys.ts), so "Clear this device" and a locked device leave
 * the outbox readable and deliverable.
 *
 * Nothing here deletes an event except `delivered`: retention purges only plans, a full disk
 * evicts only plans, and a row that cannot be read is kept, counted and reported, never removed
 * (unlike the plan cache, which drops such rows). A later version or a support tool may yet read
 * it, and a count that includes it tells the crew something is still waiting.
 */
export interface AccessOutbox {
  /**
   * Writes the event durably; resolves only after the transaction committed. A full disk evicts
   * the oldest cached plans and retries; if it still cannot be written, rejects with StorageError
   * (the caller then must not use the answer). Idempotent by event id: an event already waiting is
   * left as it is, attempts and all. `now` is when it was recorded (tests pass it).
   */
  record(event: AccessEvent, now?: Date): Promise<void>;
  /** Waiting events, oldest first (by occurredAt, then recordedAt), at most `limit`, opened and schema-checked. */
  pending(limit?: number): Promise<PendingAccessEvent[]>;
  /** The audit service has it: delete it. Unknown ids are ignored (delivered already). */
  delivered(id: string): Promise<void>;
  /** A delivery attempt failed: count it and keep a short problem text (scrubbed of numbers and URLs). */
  failedAttempt(id: string, problem: string, at?: Date): Promise<void>;
  /** How many are waiting, including any that cannot be opened. */
  count(): Promise<number>;
}

export interface PendingAccessEvent {
  readonly event: AccessEvent;
  /** Failed delivery attempts so far. */
  readonly attempts: number;
  /** ISO instant of the last failed attempt. */
  readonly lastAttemptAt?: string;
  readonly lastProblem?: string;
}

/** Schema version 3's ordering index; the id at the end makes every key unique, so reads page by key. */
const OLDEST_FIRST = '[occurredAt+recordedAt+id]';
/** Rows read per step of `pending`: enough for one delivery pass, small enough not to load a long offline shift at once. */
const PAGE_ROWS = 50;
/** Enough to tell support what went wrong; a problem text is not a log. */
const MAX_PROBLEM_CHARS = 200;
const REASONS_REPORTED = 3;

type Opened = { readonly ok: true; readonly pending: PendingAccessEvent } | { readonly ok: false; readonly reason: string };

export function createAccessOutbox(db: DeviceDatabase): AccessOutbox {
  const sealer = createRecordSealer(db, { keyRow: ACCESS_LOG_KEYS_ROW_ID });
  // The clinical cache's sealer, only to find this patient's saved plans by their blind index.
  const planIndex = createRecordSealer(db);

  /** The waiting event, or why it cannot be read. Never deletes (see the interface). */
  async function open(row: unknown): Promise<Opened> {
    const parsed = AccessEventRow.safeParse(row);
    if (!parsed.success) return { ok: false, reason: `Row failed its schema: ${describeIssues(parsed.error)}` };
    const { id, attempts, lastAttemptAt, lastProblem } = parsed.data;
    try {
      const opened = parseAccessEvent(await sealer.open(parsed.data.event));
      if (!opened.ok) return { ok: false, reason: `Event failed its schema: ${opened.reason}` };
      // `delivered(id)` deletes by row id: an event filed under another id would be deleted unsent.
      if (opened.event.id !== id) return { ok: false, reason: 'Event is filed under another id' };
      const pending: PendingAccessEvent = {
        event: opened.event,
        attempts,
        ...(lastAttemptAt !== undefined && { lastAttemptAt }),
        ...(lastProblem !== undefined && { lastProblem }),
      };
      return { ok: true, pending };
    } catch (error) {
      return { ok: false, reason: describeFailure(error) };
    }
  }

  return {
    record: (event, now = new Date()) =>
      guarded(async () => {
        const parsed = parseAccessEvent(event);
        if (!parsed.ok) throw new StorageError('invalid-record', `Access event failed its schema: ${parsed.reason}`);
        const recordedAt = isoInstantOf(now, 'now');
        // Sealed before the transaction (§4.3).
        const sealed = await sealer.seal(parsed.event);
        const row: AccessEventRow = {
          id: parsed.event.id,
          recordedAt,
          occurredAt: new Date(parsed.event.occurredAt).toISOString(),
          attempts: 0,
          event: sealed,
        };
        // Recording an access matters more than any cached plan: a full disk evicts old plans to
        // make room, but never this patient's: the crew may be opening that very plan (a
        // saved-copy view), and it must still be there next time.
        const { nhsNumber } = parsed.event;
        // A search by details is for no one patient: there is no plan to spare.
        const spare =
          nhsNumber === undefined
            ? []
            : await planIndex.blindIndex(nhsNumber).then(
                (key) => [key],
                () => [],
              );
        await writeWithEviction(db, () =>
          db.transaction('rw', db.accessEvents, async () => {
            const waiting = AccessEventRow.safeParse(await db.accessEvents.get(row.id));
            if (waiting.success && waiting.data.event.keyId === sealed.keyId) return;
            // A waiting copy that fails its schema or was sealed under lost keys could never be
            // delivered. This is the same event (its id is its identity), so it takes its place.
            await db.accessEvents.put(row);
          }),
          spare,
        );
      }),

    pending: (limit) =>
      guarded(async () => {
        const wanted = limit ?? Number.POSITIVE_INFINITY;
        if (!(wanted === Number.POSITIVE_INFINITY || (Number.isSafeInteger(wanted) && wanted >= 0))) {
          throw new StorageError('invalid-record', `limit must be a whole number, got ${limit}`);
        }
        const found: PendingAccessEvent[] = [];
        let unreadable = 0;
        const reasons = new Set<string>();
        let after: IndexableType | undefined;
        // Page by key, not offset, so an event delivered meanwhile does not shift the next page.
        // Pages never hold more than are still wanted, so unreadable rows do not shorten the answer.
        while (found.length < wanted) {
          const step = Math.min(PAGE_ROWS, wanted - found.length);
          const range = after === undefined ? db.accessEvents.orderBy(OLDEST_FIRST) : db.accessEvents.where(OLDEST_FIRST).above(after);
          const rows: unknown[] = await range.limit(step).toArray();
          for (const opened of await Promise.all(rows.map(open))) {
            if (opened.ok) {
              found.push(opened.pending);
            } else {
              unreadable += 1;
              reasons.add(opened.reason);
            }
          }
          if (rows.length < step) break;
          after = orderingKeyOf(rows[rows.length - 1]);
        }

        // A row missing an ordering field is not in the index, so the pages above never meet it.
        const [total, ordered] = await db.transaction('r', db.accessEvents, () =>
          Promise.all([db.accessEvents.count(), db.accessEvents.orderBy(OLDEST_FIRST).count()]),
        );
        if (total > ordered) {
          unreadable += total - ordered;
          reasons.add(`${total - ordered} row(s) without ordering fields`);
        }
        // Once per read, however many rows: delivery reads often, and a warning per row per pass would bury the logs.
        if (unreadable > 0) db.reportUnreadable({ table: 'accessEvents', count: unreadable, reason: summarise([...reasons]) });
        return found;
      }),

    delivered: (id) => guarded(() => db.accessEvents.delete(id)),

    failedAttempt: (id, problem, at = new Date()) =>
      guarded(async () => {
        const lastAttemptAt = isoInstantOf(at, 'at');
        const lastProblem = scrubProblem(problem);
        await db.transaction('rw', db.accessEvents, async () => {
          const row: unknown = await db.accessEvents.get(id);
          // Delivered meanwhile (another tab's pass): nothing to count.
          if (row === undefined) return;
          const previous = (row as { attempts?: unknown }).attempts;
          const attempts = (typeof previous === 'number' && Number.isSafeInteger(previous) && previous >= 0 ? previous : 0) + 1;
          await db.accessEvents.update(id, { attempts, lastAttemptAt, lastProblem });
        });
      }),

    count: () => guarded(() => db.accessEvents.count()),
  };
}

/** The index key of a row the index returned (so its fields are valid keys), to page on from. */
function orderingKeyOf(row: unknown): IndexableType {
  const { occurredAt, recordedAt, id } = row as Record<string, IndexableTypePart>;
  return [occurredAt!, recordedAt!, id!];
}

function summarise(reasons: readonly string[]): string {
  const shown = reasons.slice(0, REASONS_REPORTED).join('; ');
  const more = reasons.length - REASONS_REPORTED;
  return more > 0 ? `${shown}; and ${more} more` : shown;
}

function isoInstantOf(date: Date, name: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new StorageError('invalid-record', `${name} is not a valid date`);
  return date.toISOString();
}

/**
 * The problem text sits in clear beside the sealed event, and a failure message may quote the
 * request (a URL holding an NHS number or a document's address), so URLs and anything shaped like
 * an NHS number are masked before it is kept. Callers still pass codes, not patient details.
 */
function scrubProblem(problem: string): string {
  const masked = problem
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[url]')
    .replace(/\d{3}[\s-]?\d{3}[\s-]?\d{4}/g, '[number]')
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length > MAX_PROBLEM_CHARS ? `${masked.slice(0, MAX_PROBLEM_CHARS - 1)}…` : masked;
}
