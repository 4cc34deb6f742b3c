import { IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { LookupSnapshot } from '../domain/lookup-snapshot';
import { checkDigitFor, type NhsNumber } from '../domain/nhs-number';
import { NAME_NOT_AVAILABLE } from '../domain/patient';
import type { SearchDetails } from '../domain/patient-search';
import { DeviceDatabase, type PlanRow } from './device-database';
import { KEYS_ROW_ID } from './device-keys';
import { createLookupQueue } from './lookup-queue';
import { SAVED_PAGE_SIZE, createPlanCache } from './plan-cache';
import { createRecordSealer } from './sealed-record';
import { isQuotaError, isStorageError, type StorageErrorKind } from './storage-errors';
import { MARIGOLD, MARIGOLD_OLD, NOW, ORLANDO, PETRA, buildSnapshot, hoursFrom, nhs, pdfBytes, unlockedDevice, unlocked, type TestDevice } from '../test-support/storage';

const DAY = { retentionHours: 24 };

async function storageErrorKind(promise: Promise<unknown>): Promise<StorageErrorKind | 'resolved' | 'other'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isStorageError(error) ? error.kind : 'other';
  }
}

function pdfOf(snapshot: LookupSnapshot): Uint8Array {
  const entry = Object.values(snapshot.documents).find((d) => d.kind === 'pdf');
  if (entry?.kind !== 'pdf') throw new Error('no PDF in snapshot');
  return entry.bytes;
}

describe('plan cache: round trip', () => {
  it('gives back the whole snapshot after a reload, PDF bytes byte for byte', async () => {
    const device = await unlockedDevice();
    const snapshot = buildSnapshot();
    await expect(createPlanCache(device.db).save(snapshot, DAY)).resolves.toEqual({ saved: true, evicted: 0 });

    const cache = createPlanCache((await unlocked(device.reopen())));
    const found = await cache.find(MARIGOLD, hoursFrom(NOW, 1));
    expect(found).toEqual({ snapshot, retrievedAt: NOW.toISOString(), expiresAt: hoursFrom(NOW, 24).toISOString() });
    expect(Buffer.from(pdfOf(found!.snapshot)).equals(Buffer.from(pdfBytes()))).toBe(true);
    expect(found!.snapshot.contacts).toEqual(snapshot.contacts);
  });

  it('is readable as soon as save resolves, from another connection (nothing reported saved before it is)', async () => {
    const device = await unlockedDevice();
    await createPlanCache(device.db).save(buildSnapshot(), DAY);
    const other = await unlocked(new DeviceDatabase(device.name, { indexedDB: device.indexedDB, IDBKeyRange }));
    await expect(createPlanCache(other).find(MARIGOLD, NOW)).resolves.toBeDefined();
    other.close();
  });

  it('never writes a malformed snapshot', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const broken = { ...buildSnapshot(), patient: { ...buildSnapshot().patient, nhsNumber: '1234567890' } } as unknown as LookupSnapshot;
    await expect(storageErrorKind(cache.save(broken, DAY))).resolves.toBe('invalid-record');
    const notBytes = { ...buildSnapshot(), documents: { x: { kind: 'pdf', bytes: 'JVBERi0=', contentType: 'application/pdf' } } } as unknown as LookupSnapshot;
    await expect(storageErrorKind(cache.save(notBytes, DAY))).resolves.toBe('invalid-record');
    await expect(storageErrorKind(cache.save(buildSnapshot(), { retentionHours: 0 }))).resolves.toBe('invalid-record');
    await expect(device.db.plans.count()).resolves.toBe(0);
  });

  it('refuses a snapshot holding another patient’s pointer (safety rule 1)', async () => {
    const cache = createPlanCache((await unlockedDevice()).db);
    const snapshot = buildSnapshot();
    const stray = { ...snapshot.search.pointers[0]!, subjectNhsNumber: ORLANDO };
    const mixed = { ...snapshot, search: { ...snapshot.search, pointers: [...snapshot.search.pointers, stray] } };
    await expect(storageErrorKind(cache.save(mixed, DAY))).resolves.toBe('invalid-record');
  });

  it('keeps a superseded patient’s pointers filed under the old and the current number, found by either', async () => {
    const cache = createPlanCache((await unlockedDevice()).db);
    const snapshot = buildSnapshot({ nhsNumber: MARIGOLD, requestedNhsNumber: MARIGOLD_OLD });
    const underOld = { ...snapshot.search.pointers[0]!, id: 'RX4-crisis-old', subjectNhsNumber: MARIGOLD_OLD };
    const both = { ...snapshot, search: { ...snapshot.search, pointers: [...snapshot.search.pointers, underOld] } };
    await cache.save(both, DAY);
    for (const nhsNumber of [MARIGOLD, MARIGOLD_OLD]) {
      const found = await cache.find(nhsNumber, NOW);
      expect(found?.snapshot.search.pointers.map((p) => p.subjectNhsNumber).sort()).toEqual([MARIGOLD, MARIGOLD, MARIGOLD, MARIGOLD_OLD].sort());
    }
  });

  it('refuses another patient’s pointer beside a superseded patient’s two numbers (safety rule 1)', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const snapshot = buildSnapshot({ nhsNumber: MARIGOLD, requestedNhsNumber: MARIGOLD_OLD });
    const stray = { ...snapshot.search.pointers[0]!, id: 'RX4-stray', subjectNhsNumber: ORLANDO };
    const mixed = { ...snapshot, search: { ...snapshot.search, pointers: [...snapshot.search.pointers, stray] } };
    await expect(storageErrorKind(cache.save(mixed, DAY))).resolves.toBe('invalid-record');
    await expect(device.db.plans.count()).resolves.toBe(0);
  });

  it('never stores a restricted patient’s address, even if one slipped in (safety rule 4)', async () => {
    const device = await unlockedDevice();
    const leaked = buildSnapshot({ restricted: true, address: ['1 Hidden Row', 'HX7 1AA'] });
    await createPlanCache(device.db).save(leaked, DAY);
    const found = await createPlanCache(device.db).find(MARIGOLD, NOW);
    expect(found?.snapshot.patient.restricted).toBe(true);
    expect(found?.snapshot.patient.address).toBeUndefined();
    expect(found?.snapshot.search).toEqual(leaked.search);
  });
});

describe('plan cache: fresh results replace cached ones', () => {
  it('keeps one record per patient and drops a plan withdrawn upstream', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot(), DAY);
    const later = hoursFrom(NOW, 2);
    await cache.save(buildSnapshot({ retrievedAt: later, withoutCrisisPlan: true }), DAY);

    await expect(device.db.plans.count()).resolves.toBe(1);
    const found = await cache.find(MARIGOLD, later);
    expect(found?.retrievedAt).toBe(later.toISOString());
    expect(found?.snapshot.search.pointers.some((p) => p.recordType.code === '736253002')).toBe(false);
    expect(Object.values(found!.snapshot.documents).some((d) => d.kind === 'pdf')).toBe(false);
    expect((await cache.list(later))[0]?.hasCrisisPlan).toBe(false);
  });

  it('finds a superseded patient under both numbers, and a later lookup by either replaces it', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot({ nhsNumber: MARIGOLD, requestedNhsNumber: MARIGOLD_OLD }), DAY);
    expect((await cache.find(MARIGOLD_OLD, NOW))?.snapshot.patient.nhsNumber).toBe(MARIGOLD);
    expect((await cache.find(MARIGOLD, NOW))?.snapshot.patient.requestedNhsNumber).toBe(MARIGOLD_OLD);

    const later = hoursFrom(NOW, 1);
    await cache.save(buildSnapshot({ nhsNumber: MARIGOLD, retrievedAt: later }), DAY);
    await expect(device.db.plans.count()).resolves.toBe(1);
    // The old number now has no record of its own: the superseded one was replaced, not kept beside it.
    await expect(cache.find(MARIGOLD_OLD, later)).resolves.toBeUndefined();
    expect((await cache.find(MARIGOLD, later))?.retrievedAt).toBe(later.toISOString());
  });

  it('removes a patient’s record (e.g. PDS no longer knows the number)', async () => {
    const cache = createPlanCache((await unlockedDevice()).db);
    await cache.save(buildSnapshot(), DAY);
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, given: ['Orlando'], family: 'Pike' }), DAY);
    await cache.remove(MARIGOLD);
    await expect(cache.find(MARIGOLD, NOW)).resolves.toBeUndefined();
    await expect(cache.find(ORLANDO, NOW)).resolves.toBeDefined();
  });
});

describe('plan cache: retention', () => {
  it('never returns or lists a record at or past its expiry, and purges it', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot(), { retentionHours: 1 });
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, given: ['Orlando'], family: 'Pike' }), DAY);

    const justBefore = hoursFrom(NOW, 0.99);
    await expect(cache.find(MARIGOLD, justBefore)).resolves.toBeDefined();
    const expiry = hoursFrom(NOW, 1);
    await expect(cache.find(MARIGOLD, expiry)).resolves.toBeUndefined();
    expect((await cache.list(expiry)).map((s) => s.nhsNumber)).toEqual([ORLANDO]);

    await expect(cache.purgeExpired(expiry)).resolves.toBe(1);
    await expect(device.db.plans.count()).resolves.toBe(1);
    await expect(cache.purgeExpired(expiry)).resolves.toBe(0);
    await expect(cache.purgeExpired(hoursFrom(NOW, 25))).resolves.toBe(1);
    await expect(device.db.plans.count()).resolves.toBe(0);
  });

  it('purges a row whose expiry is unreadable, since the index would never reach it', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot(), DAY);
    const [row] = await device.db.plans.toArray();
    await device.db.plans.put({ ...row!, id: 'garbled', lookupKeys: ['x'], expiresAt: 'never' });
    await expect(cache.purgeExpired(NOW)).resolves.toBe(1);
    await expect(device.db.plans.get('garbled')).resolves.toBeUndefined();
  });

  it('lists what is saved on this device, newest first, decrypted', async () => {
    const cache = createPlanCache((await unlockedDevice()).db);
    await cache.save(buildSnapshot({ retrievedAt: hoursFrom(NOW, -3) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, given: ['Orlando'], family: 'Pike', birthDate: '1950-01-02', withoutCrisisPlan: true }), DAY);
    const list = await cache.list(NOW);
    expect(list).toEqual([
      {
        nhsNumber: ORLANDO,
        name: 'Orlando PIKE',
        birthDate: '1950-01-02',
        retrievedAt: NOW.toISOString(),
        expiresAt: hoursFrom(NOW, 24).toISOString(),
        hasCrisisPlan: false,
      },
      {
        nhsNumber: MARIGOLD,
        name: 'Marigold Anne QUENBY',
        birthDate: '1987-03-14',
        retrievedAt: hoursFrom(NOW, -3).toISOString(),
        expiresAt: hoursFrom(NOW, 21).toISOString(),
        hasCrisisPlan: true,
      },
    ]);
  });
  it('lists only the newest `limit` plans, opening no other summary, and counts every unexpired one (issue 13)', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot({ retrievedAt: hoursFrom(NOW, -3) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, given: ['Orlando'], family: 'Pike', retrievedAt: hoursFrom(NOW, -1) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: PETRA, given: ['Petra'], family: 'Quill', retrievedAt: hoursFrom(NOW, -2) }), { retentionHours: 2.5 });
    const opened = vi.spyOn(crypto.subtle, 'decrypt');
    expect((await cache.list(NOW, 2)).map((s) => s.nhsNumber)).toEqual([ORLANDO, PETRA]);
    expect(opened).toHaveBeenCalledTimes(2);
    opened.mockRestore();
    await expect(cache.count(NOW)).resolves.toBe(3);
    // Petra's copy has expired an hour later: neither listed nor counted, and the page fills from older rows.
    const later = hoursFrom(NOW, 1);
    expect((await cache.list(later, 2)).map((s) => s.nhsNumber)).toEqual([ORLANDO, MARIGOLD]);
    await expect(cache.count(later)).resolves.toBe(2);
  });
});

describe('plan cache: start-up reads only what it shows (issue 13)', () => {
  /** `count` valid NHS numbers, none of them the fixtures' own. */
  function numbers(count: number): NhsNumber[] {
    const found: NhsNumber[] = [];
    for (let body = 900_000_100; found.length < count; body++) {
      const check = checkDigitFor(String(body));
      if (check !== undefined) found.push(nhs(`${body}${check}`));
    }
    return found;
  }

  /** `count` plans saved a minute apart, newest last; returns their numbers, newest first. */
  async function savedMany(cache: ReturnType<typeof createPlanCache>, count: number): Promise<NhsNumber[]> {
    const saved = numbers(count);
    for (const [i, nhsNumber] of saved.entries()) {
      await cache.save(buildSnapshot({ nhsNumber, given: ['Saved'], family: `Person${i}`, retrievedAt: hoursFrom(NOW, (i - count) / 60), withoutCrisisPlan: true }), DAY);
    }
    return saved.reverse();
  }

  /** A second connection to the device that counts the plan rows (values, not keys) each call reads. */
  async function countingRowReads(device: TestDevice): Promise<{ db: DeviceDatabase; reads: { rows: number } }> {
    const reads = { rows: 0 };
    const db = new DeviceDatabase(device.name, { indexedDB: device.indexedDB, IDBKeyRange });
    db.use({
      stack: 'dbcore',
      name: 'count-plan-row-reads',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'plans') return table;
          return {
            ...table,
            get: (request) => ((reads.rows += 1), table.get(request)),
            getMany: (request) => ((reads.rows += request.keys.length), table.getMany(request)),
            query: async (request) => {
              const result = await table.query(request);
              if (request.values) reads.rows += result.result.length;
              return result;
            },
            openCursor: (request) => {
              // A cursor over values reads a row at every step: counted as at least one.
              if (request.values) reads.rows += 1;
              return table.openCursor(request);
            },
          };
        },
      }),
    });
    return { db: await unlocked(db), reads };
  }

  it('lists the newest page by reading that many rows, with 45 saved', async () => {
    const device = await unlockedDevice();
    const newestFirst = await savedMany(createPlanCache(device.db), 45);
    const { db, reads } = await countingRowReads(device);
    const cache = createPlanCache(db);
    const opened = vi.spyOn(crypto.subtle, 'decrypt');
    const listed = await cache.list(NOW, SAVED_PAGE_SIZE);
    expect(listed.map((s) => s.nhsNumber)).toEqual(newestFirst.slice(0, SAVED_PAGE_SIZE));
    expect(reads.rows).toBe(SAVED_PAGE_SIZE);
    expect(opened).toHaveBeenCalledTimes(SAVED_PAGE_SIZE);
    opened.mockRestore();
    await expect(cache.count(NOW)).resolves.toBe(45);
    db.close();
  });

  it('lists every saved plan on request, page by page, none lost and none twice', async () => {
    const device = await unlockedDevice();
    const newestFirst = await savedMany(createPlanCache(device.db), 45);
    const listed = await createPlanCache(device.db).list(NOW);
    expect(listed.map((s) => s.nhsNumber)).toEqual(newestFirst);
  });

  it('finds a saved person by details on any page, the oldest included', async () => {
    const device = await unlockedDevice();
    const newestFirst = await savedMany(createPlanCache(device.db), 45);
    const found = await createPlanCache(device.db).searchSaved(
      { family: 'Person0', given: 'Saved', birthDate: { kind: 'on', date: '1987-03-14' }, gender: undefined, postcode: undefined },
      NOW,
    );
    expect(found.map((s) => s.nhsNumber)).toEqual([newestFirst.at(-1)]);
  });

  it('purges without reading a row: expired, missing and garbled expiries found from keys alone', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await savedMany(cache, 3);
    await cache.save(buildSnapshot({ retrievedAt: hoursFrom(NOW, -30) }), DAY);
    const [row] = await device.db.plans.toArray();
    const { expiresAt: _expiresAt, ...withoutExpiry } = row!;
    await device.db.plans.bulkPut([
      { ...row!, id: 'garbled', lookupKeys: ['g'], expiresAt: 'never' },
      { ...withoutExpiry, id: 'no-expiry', lookupKeys: ['n'] } as PlanRow,
    ]);
    const { db, reads } = await countingRowReads(device);
    await expect(createPlanCache(db).purgeExpired(NOW)).resolves.toBe(3);
    expect(reads.rows).toBe(0);
    expect((await db.plans.toCollection().primaryKeys()).length).toBe(3);
    db.close();
  });
});

describe('plan cache: a patient PDS names no name for', () => {
  it('round-trips the missing name and lists the patient plainly', async () => {
    const cache = createPlanCache((await unlockedDevice()).db);
    const base = buildSnapshot();
    const nameless: LookupSnapshot = { ...base, patient: { ...base.patient, name: undefined } };
    await cache.save(nameless, DAY);
    expect((await cache.find(MARIGOLD, NOW))?.snapshot.patient.name).toBeUndefined();
    expect((await cache.list(NOW))[0]?.name).toBe(NAME_NOT_AVAILABLE);
  });

  it('lists a restricted patient with no name as "Name withheld", as every other sentence says it', async () => {
    const cache = createPlanCache((await unlockedDevice()).db);
    const base = buildSnapshot({ restricted: true });
    await cache.save({ ...base, patient: { ...base.patient, name: undefined } }, DAY);
    expect((await cache.list(NOW))[0]?.name).toBe('Name withheld');
  });
});

describe('plan cache: a full disk', () => {
  async function deviceWithThreePlansAndAQueuedLookup() {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    // Saved out of order, so eviction must follow retrievedAt, not insertion.
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, retrievedAt: hoursFrom(NOW, -1) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: MARIGOLD, retrievedAt: hoursFrom(NOW, -3) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: PETRA, retrievedAt: hoursFrom(NOW, -2) }), DAY);
    const queue = createLookupQueue(device.db);
    await queue.add(MARIGOLD_OLD, NOW);
    return { device, cache, queue };
  }

  it('evicts the oldest other plans, one at a time, until the new one fits; queued lookups stay', async () => {
    const { device, cache, queue } = await deviceWithThreePlansAndAQueuedLookup();
    device.quota.failNext(2);
    const fresh = buildSnapshot({ nhsNumber: ORLANDO, given: ['Orlando'], family: 'Pike' });
    await expect(cache.save(fresh, DAY)).resolves.toEqual({ saved: true, evicted: 2 });
    expect(device.quota.refused).toBe(2);

    // MARIGOLD (3 h old) went first, then PETRA (2 h); ORLANDO's old record was replaced, not evicted.
    expect((await cache.list(NOW)).map((s) => s.nhsNumber)).toEqual([ORLANDO]);
    expect((await cache.find(ORLANDO, NOW))?.retrievedAt).toBe(NOW.toISOString());
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([MARIGOLD_OLD]);
  });

  it('also recognises the quota error Dexie wraps in an AbortError', async () => {
    const { device, cache } = await deviceWithThreePlansAndAQueuedLookup();
    device.quota.failNext(1, { shape: 'dexie-wrapped' });
    await expect(cache.save(buildSnapshot({ nhsNumber: ORLANDO }), DAY)).resolves.toEqual({ saved: true, evicted: 1 });
    expect((await cache.list(NOW)).map((s) => s.nhsNumber).sort()).toEqual([ORLANDO, PETRA].sort());
  });

  it('says so with a quota error when nothing is left to evict, keeping the old record and the queue', async () => {
    const { device, cache, queue } = await deviceWithThreePlansAndAQueuedLookup();
    device.quota.failNext(10);
    const kind = await storageErrorKind(cache.save(buildSnapshot({ nhsNumber: ORLANDO, retrievedAt: NOW }), DAY));
    expect(kind).toBe('quota');
    // The failed transaction rolled back: ORLANDO's earlier record is still whole.
    expect((await cache.find(ORLANDO, NOW))?.retrievedAt).toBe(hoursFrom(NOW, -1).toISOString());
    expect((await cache.list(NOW)).map((s) => s.nhsNumber)).toEqual([ORLANDO]);
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([MARIGOLD_OLD]);
  });

  it('knows a quota error in both shapes browsers and Dexie give it', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'ConstraintError' } })).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});

describe('plan cache: Clear this device', () => {
  it('wipes plans, queued lookups and keys; new keys afterwards; old records cannot be opened', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const queue = createLookupQueue(device.db);
    await cache.save(buildSnapshot(), DAY);
    await queue.add(ORLANDO, NOW);
    const oldKeys = await device.db.keys.get(KEYS_ROW_ID);
    const [oldRow] = await device.db.plans.toArray();

    await cache.clearDevice();
    await expect(Promise.all([device.db.plans.count(), device.db.queuedLookups.count(), device.db.keys.count()])).resolves.toEqual([0, 0, 0]);
    // The wrapped key went too: no PIN, so nothing clinical opens until a new one is set.
    await expect(cache.find(MARIGOLD, NOW)).rejects.toMatchObject({ kind: 'locked' });
    await unlocked(device.db);
    await expect(cache.find(MARIGOLD, NOW)).resolves.toBeUndefined();
    await expect(queue.list()).resolves.toEqual([]);

    const error: unknown = await createRecordSealer(device.db).open(oldRow!.snapshot).catch((e: unknown) => e);
    expect(isStorageError(error) && error.kind).toBe('unreadable');
    const newKeys = await device.db.keys.get(KEYS_ROW_ID);
    expect(newKeys?.keyId).toBeDefined();
    expect(newKeys?.keyId).not.toBe(oldKeys?.keyId);

    // Even forcing the old ciphertext under the new key id fails: it was sealed under a destroyed key.
    const forged = { ...oldRow!.snapshot, keyId: newKeys!.keyId };
    const forgedError: unknown = await createRecordSealer(device.db).open(forged).catch((e: unknown) => e);
    expect(isStorageError(forgedError) && forgedError.kind).toBe('unreadable');

    await cache.save(buildSnapshot(), DAY);
    await expect(cache.find(MARIGOLD, NOW)).resolves.toBeDefined();
  });
});

describe('plan cache: unreadable rows', () => {
  it('skips, reports and deletes a garbled or foreign row without failing the others', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const sealer = createRecordSealer(device.db);
    await cache.save(buildSnapshot(), DAY);
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, retrievedAt: hoursFrom(NOW, -1) }), DAY);
    const [good] = await device.db.plans.where('lookupKeys').equals(await sealer.blindIndex(MARIGOLD)).toArray();
    const petraKey = await sealer.blindIndex(PETRA);
    const base = { ...good!, retrievedAt: hoursFrom(NOW, 1).toISOString() };
    const table = device.db.table('plans');
    await table.bulkPut([
      // An older or broken writer: fields missing.
      { id: 'no-seal', lookupKeys: [petraKey], retrievedAt: base.retrievedAt, expiresAt: base.expiresAt },
      // Sealed content that is not a snapshot.
      { ...base, id: 'not-a-snapshot', lookupKeys: [petraKey], snapshot: await sealer.seal({ hello: 'world' }), summary: await sealer.seal(['?']) },
      // Ciphertext from another device.
      { ...base, id: 'foreign', lookupKeys: [await sealer.blindIndex(MARIGOLD)], snapshot: await createRecordSealer((await unlockedDevice()).db).seal(buildSnapshot()) },
      // A snapshot filed under the wrong patient's key (safety rule 1).
      { ...base, id: 'misfiled', lookupKeys: [petraKey] },
    ]);

    expect((await cache.find(MARIGOLD, NOW))?.snapshot.patient.nhsNumber).toBe(MARIGOLD);
    await expect(cache.find(PETRA, NOW)).resolves.toBeUndefined();
    const listed = (await cache.list(NOW)).map((s) => s.nhsNumber);
    expect(listed).toContain(ORLANDO);
    expect(listed).not.toContain(PETRA);

    await expect(device.db.plans.bulkGet(['no-seal', 'not-a-snapshot', 'foreign', 'misfiled'])).resolves.toEqual([undefined, undefined, undefined, undefined]);
    expect(device.dropped.length).toBeGreaterThanOrEqual(4);
    expect(device.dropped.every((d) => d.table === 'plans')).toBe(true);
    // Reasons are for logs: they never carry the record's content.
    expect(JSON.stringify(device.dropped)).not.toMatch(/Marigold|9434765919|world/);
  });

});

describe('plan cache: search by details over saved plans (issue 12 point 5)', () => {
  const on = (date: string) => ({ kind: 'on' as const, date });
  const details = (o: Partial<SearchDetails> = {}): SearchDetails => ({
    family: 'Quenby',
    given: undefined,
    birthDate: on('1987-03-14'),
    gender: undefined,
    postcode: undefined,
    ...o,
  });

  async function savedThree() {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot({ nhsNumber: MARIGOLD, retrievedAt: NOW }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, given: ['Orlando'], family: 'Quenby', birthDate: '1990-06-01', retrievedAt: hoursFrom(NOW, 1) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: PETRA, given: ['Petra'], family: 'Ashdown', birthDate: '1987-03-14', restricted: true, retrievedAt: hoursFrom(NOW, 2) }), DAY);
    return cache;
  }

  it('finds a saved plan by family name and date of birth, case and accents ignored', async () => {
    const cache = await savedThree();
    const found = await cache.searchSaved(details({ family: 'QUÉNBY' }), hoursFrom(NOW, 3));
    expect(found.map((s) => s.nhsNumber)).toEqual([MARIGOLD]);
    expect(found[0]).toMatchObject({ name: 'Marigold Anne QUENBY', birthDate: '1987-03-14', hasCrisisPlan: true });
    expect(found[0]).not.toHaveProperty('person');
  });

  it('follows the search: wildcards, a range of dates, given name, gender and postcode', async () => {
    const cache = await savedThree();
    const at = hoursFrom(NOW, 3);
    const range = { kind: 'between' as const, from: '1985-01-01', to: '1991-12-31' };
    expect((await cache.searchSaved(details({ family: 'Que*', birthDate: range }), at)).map((s) => s.nhsNumber)).toEqual([ORLANDO, MARIGOLD]);
    expect((await cache.searchSaved(details({ family: 'Que*', given: 'Orl*', birthDate: range }), at)).map((s) => s.nhsNumber)).toEqual([ORLANDO]);
    expect(await cache.searchSaved(details({ given: 'Petra' }), at)).toEqual([]);
    expect((await cache.searchSaved(details({ postcode: 'HX7*' }), at)).map((s) => s.nhsNumber)).toEqual([MARIGOLD]);
    expect(await cache.searchSaved(details({ postcode: 'LS1 6AE' }), at)).toEqual([]);
    expect((await cache.searchSaved(details({ gender: 'female' }), at)).map((s) => s.nhsNumber)).toEqual([MARIGOLD]);
  });

  it('never finds a restricted person by postcode, as PDS does not', async () => {
    const cache = await savedThree();
    const at = hoursFrom(NOW, 3);
    expect((await cache.searchSaved(details({ family: 'Ashdown' }), at)).map((s) => s.nhsNumber)).toEqual([PETRA]);
    expect(await cache.searchSaved(details({ family: 'Ashdown', postcode: 'HX*' }), at)).toEqual([]);
  });

  it('never finds an expired plan', async () => {
    const cache = await savedThree();
    expect(await cache.searchSaved(details(), hoursFrom(NOW, 25))).toEqual([]);
  });
});
