import * as z from 'zod/mini';
import type { SignedInPerson } from '../domain/signed-in-person';
import { clinicalTables, wipeClinicalData, wipeClinicalRows } from './clinical-wipe';
import { OfflineSessionRow, OwnerRow, type DeviceDatabase } from './device-database';
import { announceDeviceCleared, onDeviceClearedElsewhere } from './device-cleared';
import { ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID, deviceKeys, forgetDeviceKeys, requireCurrentKeys, withCurrentKeys, type DeviceKeys } from './device-keys';
import { writeWithEviction } from './quota-eviction';
import { base64url, createRecordSealer } from './sealed-record';
import { describeIssues, maybe } from './snapshot-schema';
import { StorageError, describeFailure, guarded, isLockedError } from './storage-errors';

/**
 * The person the device's clinical data belongs to, and the offline session (issue 10 points 7
 * and 8, issue 11 point 1). Both live in the `session` table (schema version 4).
 *
 * - The owner is stored as an HMAC of the person's CIS2 id under the `access-log` index key (the
 *   `owner` row), never the id. That key is never PIN-wrapped, so `claimFor` can tell the same
 *   person from someone else right after sign-in, before the shift PIN is asked. The HMAC key is
 *   on the disk, so a copy of the disk can test a guessed id against the mark (it says whether a
 *   known person owns the data, never whose it is); it opens nothing.
 * - The offline session (the `offline-session` row) is the person's identity and role and its
 *   end, sealed under the `device` key: PIN-wrapped, so an offline start asks for the PIN first
 *   (`resume` rejects with StorageError `locked`). Tokens are never kept: the person type holds
 *   none, and the schema drops any field it does not know.
 *
 * What the app calls, in order: after every sign-in `claimFor`; then, if the clinical lock says
 * `no-pin`, ask for a new PIN → `lock.setPin` → `remember`; if `locked`, ask for the PIN →
 * `lock.unlock` (→ `remember`). On an offline start: `lock.unlock`, then `resume`.
 */
export interface DeviceSession {
  /**
   * Call right after a sign-in completes (first sign-in, and every sign-in again: the person may
   * be someone else), before anything about patients is shown and before the shift PIN is asked:
   * it works while locked. If the saved clinical data (or a wrapped key) belongs to someone else,
   * or to nobody known while some is saved, wipes it as Clear this device does (the wrapped key
   * too, so the lock says `no-pin` and the new person sets their own PIN; access events and their
   * key stay), tells every other tab (reason `new-person`), and records this person as the owner.
   * The same person: nothing changes (still `locked` until they enter the PIN). `wiped` is true
   * when the previous data and keys were removed.
   */
  claimFor(personId: string): Promise<ClaimOutcome>;
  /**
   * Keeps the person (identity and role, never tokens) sealed on the device until `until`, for an
   * offline start. Rejects (StorageError `invalid-record`) unless the device was claimed for this
   * person (`claimFor` first), so an offline start can never show one person another's plans, and
   * (StorageError `locked`) unless the shift PIN has unlocked the clinical keys.
   */
  remember(person: SignedInPerson, until: Date): Promise<void>;
  /**
   * The remembered person if `now` is before their `until`, else undefined. A row that is
   * expired, damaged, from an older format, sealed under deleted keys, or for a person who does
   * not own the saved data is deleted and undefined is returned; it never throws for a bad row.
   * Locked: rejects with StorageError `locked` and leaves the row (ask for the PIN, then resume).
   */
  resume(now: Date): Promise<SignedInPerson | undefined>;
  /** Deletes the offline session (the owner mark and the saved data stay). Works while locked. */
  forget(): Promise<void>;
  /**
   * Sign-out: the same wipe as Clear this device (plans, queued searches, the wrapped `device`
   * keys) plus the offline session and the owner mark; every other tab is told (reason
   * `signed-out`). Access events and the `access-log` keys stay, so waiting events are still
   * delivered. Works while locked (a forgotten PIN: sign out, sign in, set a new PIN).
   */
  signOutWipe(): Promise<void>;
}

export interface ClaimOutcome {
  /** True when the data and keys left by someone else (or by nobody known) were removed. */
  readonly wiped: boolean;
}

export const OWNER_ROW_ID = 'owner';
export const OFFLINE_SESSION_ROW_ID = 'offline-session';

/** The sealed offline session's format: a row sealed in another format is dropped, never guessed at. */
const SESSION_FORMAT = 1;
/** Keeps the owner mark apart from any other HMAC made under the same index key (blind indexes use `nhs-number:`). */
const OWNER_MARK_CONTEXT = 'person-id:';

const isoInstant = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value, 'must be an ISO instant'));
const nonEmpty = z.string().check(z.minLength(1));

const StoredRole = z.object({
  personRoleId: nonEmpty,
  orgCode: z.string(),
  roleCode: z.string(),
  roleName: z.string(),
  activityCodes: z.array(z.string()),
});

/** SignedInPerson as it is kept: unknown fields (a token passed by mistake) are dropped. */
export const StoredPerson = z.object({
  id: nonEmpty,
  name: nonEmpty,
  role: StoredRole,
  organisationName: maybe(z.string()),
  appRoles: z.array(z.enum(['paramedic', 'clinicalLead', 'trainer'])),
});

const StoredSession = z.object({
  format: z.literal(SESSION_FORMAT),
  person: StoredPerson,
  until: isoInstant,
});

// The person this connection (tab) last claimed the data for, so Clear this device here can mark
// the owner again under the new keys (else the same person's next sign-in would wipe what they
// saved since). Forgotten when another tab clears, signs out or claims: the owner may have changed.
const claims = new WeakMap<DeviceDatabase, string>();
const listening = new WeakSet<DeviceDatabase>();

function rememberClaim(db: DeviceDatabase, personId: string): void {
  claims.set(db, personId);
  if (!listening.has(db)) {
    listening.add(db);
    onDeviceClearedElsewhere(db, () => claims.delete(db));
  }
}

/** The owner mark, under the access log's index key (never PIN-wrapped): computable while locked. */
async function ownerMark(keys: DeviceKeys, personId: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.indexKey, new TextEncoder().encode(OWNER_MARK_CONTEXT + personId));
  return base64url(new Uint8Array(mac));
}

/** Inside a transaction over `session`: whether the owner row is this mark under these keys. */
async function ownedBy(db: DeviceDatabase, keyId: string, mark: string): Promise<boolean> {
  const owner = OwnerRow.safeParse(await db.session.get(OWNER_ROW_ID));
  return owner.success && owner.data.keyId === keyId && owner.data.mark === mark;
}

export function createDeviceSession(db: DeviceDatabase): DeviceSession {
  const sealer = createRecordSealer(db);

  /** Deletes the offline session row read earlier, unless another tab has replaced it since. */
  async function removeOffline(read: unknown, reason: string | undefined): Promise<void> {
    if (reason !== undefined) db.reportDropped({ table: 'session', reason });
    await db.transaction('rw', db.session, async () => {
      if (sameOfflineRow(await db.session.get(OFFLINE_SESSION_ROW_ID), read)) await db.session.delete(OFFLINE_SESSION_ROW_ID);
    });
  }

  return {
    claimFor: (personId) =>
      guarded(async () => {
        if (typeof personId !== 'string' || personId === '') throw new StorageError('invalid-record', 'No person id to claim the device for');
        let wiped = false;
        const accessKeys = await deviceKeys(db, ACCESS_LOG_KEYS_ROW_ID);
        const mark = await ownerMark(accessKeys, personId);
        const claimedAt = new Date().toISOString();
        await writeWithEviction(db, () =>
          db.transaction('rw', clinicalTables(db), async () => {
            wiped = false;
            if (await ownedBy(db, accessKeys.keyId, mark)) return;
            const owner = OwnerRow.safeParse(await db.session.get(OWNER_ROW_ID));
            const someoneElse = owner.success && owner.data.keyId === accessKeys.keyId;
            const sessionRows = await db.session.toCollection().primaryKeys();
            const held =
              someoneElse ||
              (await db.keys.get(KEYS_ROW_ID)) !== undefined ||
              (await db.plans.count()) > 0 ||
              (await db.queuedLookups.count()) > 0 ||
              sessionRows.some((id) => id !== OWNER_ROW_ID);
            // Nothing saved and no PIN set, or only a mark under keys already gone: just the mark.
            if (held) {
              // Someone else's (or nobody known's) data and wrapped key: this person sets their own PIN.
              await wipeClinicalRows(db);
              wiped = true;
            }
            await db.session.put({ id: OWNER_ROW_ID, keyId: accessKeys.keyId, mark, claimedAt });
          }),
        );
        if (wiped) {
          // This tab's held keys are the previous person's; every other tab drops what it shows.
          forgetDeviceKeys(db);
          announceDeviceCleared(db, 'new-person');
        }
        rememberClaim(db, personId);
        return { wiped };
      }),

    remember: (person, until) =>
      guarded(async () => {
        const parsed = StoredPerson.safeParse(person);
        if (!parsed.success) throw new StorageError('invalid-record', `Person failed its schema: ${describeIssues(parsed.error)}`);
        if (!(until instanceof Date) || Number.isNaN(until.getTime())) throw new StorageError('invalid-record', 'until is not a valid date');
        const content: z.output<typeof StoredSession> = { format: SESSION_FORMAT, person: parsed.data, until: until.toISOString() };
        await withCurrentKeys(db, async () => {
          const [keys, accessKeys] = await Promise.all([deviceKeys(db), deviceKeys(db, ACCESS_LOG_KEYS_ROW_ID)]);
          // Crypto before the transaction (§4.3).
          const [sealed, mark] = await Promise.all([sealer.seal(content), ownerMark(accessKeys, parsed.data.id)]);
          await writeWithEviction(db, () =>
            db.transaction('rw', [db.keys, db.session], async () => {
              await requireCurrentKeys(db, keys.keyId, [sealed]);
              // Checked here, not trusted from the caller: another tab may have claimed the device since.
              if (!(await ownedBy(db, accessKeys.keyId, mark))) {
                throw new StorageError('invalid-record', 'The saved data on this device is not claimed for this person (claimFor first)');
              }
              await db.session.put({ id: OFFLINE_SESSION_ROW_ID, sealed });
            }),
          );
        });
      }),

    resume: (now) =>
      guarded(async () => {
        if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new StorageError('invalid-record', 'now is not a valid date');
        // Locked: refuse before reading, so the row is never taken for unreadable and deleted.
        await deviceKeys(db);
        const row: unknown = await db.session.get(OFFLINE_SESSION_ROW_ID);
        if (row === undefined) return undefined;
        const parsed = OfflineSessionRow.safeParse(row);
        if (!parsed.success) {
          await removeOffline(row, `Offline session row failed its schema: ${describeIssues(parsed.error)}`);
          return undefined;
        }
        let session: z.output<typeof StoredSession>;
        try {
          const opened = StoredSession.safeParse(await sealer.open(parsed.data.sealed));
          if (!opened.success) throw new StorageError('unreadable', `Offline session failed its schema: ${describeIssues(opened.error)}`);
          session = opened.data;
        } catch (error) {
          if (isLockedError(error)) throw error;
          await removeOffline(row, describeFailure(error));
          return undefined;
        }
        if (now.getTime() >= Date.parse(session.until)) {
          // Ended: an ordinary expiry, not a damaged row, so nothing is reported.
          await removeOffline(row, undefined);
          return undefined;
        }
        const accessKeys = await deviceKeys(db, ACCESS_LOG_KEYS_ROW_ID);
        const mark = await ownerMark(accessKeys, session.person.id);
        if (!(await db.transaction('r', db.session, () => ownedBy(db, accessKeys.keyId, mark)))) {
          await removeOffline(row, 'Offline session is not for the person the saved data belongs to');
          return undefined;
        }
        rememberClaim(db, session.person.id);
        const person: SignedInPerson = session.person;
        return person;
      }),

    forget: () => guarded(() => db.session.delete(OFFLINE_SESSION_ROW_ID)),

    signOutWipe: () =>
      guarded(async () => {
        claims.delete(db);
        await wipeClinicalData(db, 'signed-out');
      }),
  };
}

/**
 * After Clear this device in this tab: marks the person this tab claimed for as the owner again,
 * so their next sign-in does not wipe what they save after the clear (the clear removed the
 * wrapped key too, so the lock says `no-pin`: they set a new PIN). Does nothing if this tab
 * claimed nobody, another tab has claimed since, or something was saved or a PIN set before the
 * mark (then the owner stays unknown, and the next claim wipes: the safe side). A failure is
 * swallowed: the clear itself has happened, and the worst outcome is that later wipe.
 */
export async function markOwnerAgain(db: DeviceDatabase): Promise<void> {
  const personId = claims.get(db);
  if (personId === undefined) return;
  try {
    const accessKeys = await deviceKeys(db, ACCESS_LOG_KEYS_ROW_ID);
    const mark = await ownerMark(accessKeys, personId);
    await db.transaction('rw', clinicalTables(db), async () => {
      if ((await db.session.get(OWNER_ROW_ID)) !== undefined) return;
      if ((await db.keys.get(KEYS_ROW_ID)) !== undefined) return;
      if ((await db.plans.count()) > 0 || (await db.queuedLookups.count()) > 0) return;
      await db.session.put({ id: OWNER_ROW_ID, keyId: accessKeys.keyId, mark, claimedAt: new Date().toISOString() });
    });
  } catch {
    // See above: the clear stands; the owner stays unknown.
  }
}

/** The same offline-session row: the same sealed IV (fresh per seal), or both unreadable alike. */
function sameOfflineRow(now: unknown, read: unknown): boolean {
  const a = OfflineSessionRow.safeParse(now);
  const b = OfflineSessionRow.safeParse(read);
  if (!a.success || !b.success) return a.success === b.success && now !== undefined;
  const [x, y] = [a.data.sealed.iv, b.data.sealed.iv];
  return a.data.sealed.keyId === b.data.sealed.keyId && x.byteLength === y.byteLength && x.every((byte, i) => byte === y[i]);
}
