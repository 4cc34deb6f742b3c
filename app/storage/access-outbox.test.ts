import { describe, expect, it } from 'vitest';
import type { AccessEvent } from '../domain/access-event';
import { createAccessOutbox } from './access-outbox';
import { ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID } from './device-keys';
import { createLookupQueue } from './lookup-queue';
import { createPlanCache } from './plan-cache';
import { createRecordSealer } from './sealed-record';
import { isStorageError, type StorageErrorKind } from './storage-errors';
import { CREW_ACTOR, MARIGOLD, MARIGOLD_OLD, NOW, ORLANDO, PETRA, accessEventFor, buildAccessEvent, buildSnapshot, hoursFrom, unlockedDevice, unlocked } from '../test-support/storage';

const DAY = { retentionHours: 24 };
const seconds = (n: number) => new Date(NOW.getTime() + n * 1000);

async function storageErrorKind(promise: Promise<unknown>): Promise<StorageErrorKind | 'resolved' | 'other'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isStorageError(error) ? error.kind : 'other';
  }
}

const ids = (pending: readonly { event: AccessEvent }[]) => pending.map((p) => p.event.id);

describe('access outbox: recording', () => {
  it('gives back every kind of event whole after a reload, with no attempts yet', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const events = (['patient-read', 'patient-search', 'pointer-search', 'document-retrieval', 'saved-copy-view'] as const).map((action, i) =>
      accessEventFor(action, MARIGOLD, seconds(i)),
    );
    for (const event of events) await outbox.record(event);

    const reloaded = createAccessOutbox((await unlocked(device.reopen())));
    await expect(reloaded.pending()).resolves.toEqual(events.map((event) => ({ event, attempts: 0 })));
    await expect(reloaded.count()).resolves.toBe(5);
  });

  it('refuses an event that names neither a patient nor a search: it could never say whose data was seen', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    await expect(outbox.record({ ...buildAccessEvent(), nhsNumber: undefined })).rejects.toMatchObject({ kind: 'invalid-record' });
    await expect(outbox.count()).resolves.toBe(0);
  });

  it('has the event on disk as soon as record resolves (another connection reads it)', async () => {
    const device = await unlockedDevice();
    const event = buildAccessEvent();
    await createAccessOutbox(device.db).record(event);
    const other = await unlockedDevice({ name: device.name, indexedDB: device.indexedDB });
    expect(ids(await createAccessOutbox(other.db).pending())).toEqual([event.id]);
    other.db.close();
  });

  it('keeps one row per event id, and recording it again leaves its attempts alone', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const event = buildAccessEvent();
    await Promise.all([outbox.record(event), outbox.record(event)]);
    await outbox.failedAttempt(event.id, 'network', seconds(5));
    await outbox.record(event, seconds(10));

    await expect(outbox.count()).resolves.toBe(1);
    const [pending] = await outbox.pending();
    expect(pending).toEqual({ event, attempts: 1, lastAttemptAt: seconds(5).toISOString(), lastProblem: 'network' });
  });

  it('strips fields the domain does not define', async () => {
    const outbox = createAccessOutbox((await unlockedDevice()).db);
    const event = buildAccessEvent();
    await outbox.record({ ...event, responseBody: 'Marigold Quenby' } as AccessEvent);
    const [pending] = await outbox.pending();
    expect(pending?.event).toEqual(event);
    expect(pending?.event).not.toHaveProperty('responseBody');
  });

  it('refuses an event the audit service could not take, writing nothing', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const bad: unknown[] = [
      buildAccessEvent({ nhsNumber: '1234567890' as AccessEvent['nhsNumber'] }),
      { ...buildAccessEvent(), action: 'export' },
      buildAccessEvent({ id: 'not a fhir id!' }),
      buildAccessEvent({ occurredAt: 'yesterday' }),
      // A local time names no offset: an auditor could not tell when it happened.
      buildAccessEvent({ occurredAt: '2026-11-25T14:02:00' }),
      buildAccessEvent({ outcome: { kind: 'answered', status: 200 } as unknown as AccessEvent['outcome'] }),
      buildAccessEvent({ outcome: { kind: 'no-answer', reason: 'bored', at: NOW.toISOString() } as unknown as AccessEvent['outcome'] }),
      buildAccessEvent({ outcome: { kind: 'answered', status: 2000, answeredAt: NOW.toISOString() } }),
      buildAccessEvent({ organisationOds: '' }),
    ];
    for (const event of bad) await expect(storageErrorKind(outbox.record(event as AccessEvent)), JSON.stringify(event)).resolves.toBe('invalid-record');
    await expect(storageErrorKind(outbox.record(buildAccessEvent(), new Date(Number.NaN)))).resolves.toBe('invalid-record');
    await expect(outbox.count()).resolves.toBe(0);
  });
});

describe('access outbox: who made the access (issue 10)', () => {
  it('keeps the person, role and organisation of a new event whole, in every kind of session', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const events = (['signed-in', 'offline', 'demo'] as const).map((session, i) =>
      buildAccessEvent({ at: seconds(i), actor: { ...CREW_ACTOR, session, organisationName: i === 2 ? undefined : CREW_ACTOR.organisationName } }),
    );
    for (const event of events) await outbox.record(event);
    const pending = await createAccessOutbox((await unlocked(device.reopen()))).pending();
    expect(pending.map((p) => p.event.actor)).toEqual(events.map((event) => event.actor));
    expect(pending[0]?.event.actor).toMatchObject({ personId: '555021935107', personRoleId: '555021936109', roleCode: 'S8000:G8000:R8003', session: 'signed-in' });
  });

  it('reads a row sealed before sign-in existed (no actor at all) with actor undefined, and delivers it', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const { actor: _actor, ...older } = buildAccessEvent();
    // Written as the previous app version did: its sealed event has no `actor` key.
    await device.db.table('accessEvents').put({
      id: older.id,
      recordedAt: NOW.toISOString(),
      occurredAt: older.occurredAt,
      attempts: 0,
      event: await createRecordSealer(device.db, { keyRow: ACCESS_LOG_KEYS_ROW_ID }).seal(older),
    });
    const pending = await outbox.pending();
    expect(pending).toEqual([{ event: { ...older, actor: undefined }, attempts: 0 }]);
    expect(device.unreadable).toEqual([]);
  });

  it('refuses an event naming half a person, writing nothing', async () => {
    const outbox = createAccessOutbox((await unlockedDevice()).db);
    const { personRoleId: _role, ...noRole } = CREW_ACTOR;
    const bad: unknown[] = [
      buildAccessEvent({ actor: noRole as AccessEvent['actor'] }),
      buildAccessEvent({ actor: { ...CREW_ACTOR, personId: '' } }),
      buildAccessEvent({ actor: { ...CREW_ACTOR, session: 'borrowed' } as unknown as AccessEvent['actor'] }),
    ];
    for (const event of bad) await expect(storageErrorKind(outbox.record(event as AccessEvent)), JSON.stringify(event)).resolves.toBe('invalid-record');
    await expect(outbox.count()).resolves.toBe(0);
  });
});

describe('access outbox: delivery order', () => {
  it('gives events oldest first by when they happened, then when they were recorded, at most `limit`', async () => {
    const outbox = createAccessOutbox((await unlockedDevice()).db);
    const third = buildAccessEvent({ at: seconds(30) });
    // 14:02:10+01:00 is 13:02:10Z: earliest of all, though its text sorts last.
    const first = buildAccessEvent({ occurredAt: '2026-11-25T14:02:10+01:00' });
    const secondA = buildAccessEvent({ at: seconds(20) });
    const secondB = buildAccessEvent({ at: seconds(20) });
    await outbox.record(third, seconds(31));
    await outbox.record(secondB, seconds(22));
    await outbox.record(first, seconds(40));
    await outbox.record(secondA, seconds(21));

    expect(ids(await outbox.pending())).toEqual([first.id, secondA.id, secondB.id, third.id]);
    expect(ids(await outbox.pending(2))).toEqual([first.id, secondA.id]);
    await expect(outbox.pending(0)).resolves.toEqual([]);
    await expect(storageErrorKind(outbox.pending(-1))).resolves.toBe('invalid-record');
    await expect(storageErrorKind(outbox.pending(1.5))).resolves.toBe('invalid-record');
    // The event keeps the instant as it was given; only the clear ordering field is normalised.
    expect((await outbox.pending(1))[0]?.event.occurredAt).toBe('2026-11-25T14:02:10+01:00');
  });

  it('reads a long backlog in order across pages', async () => {
    const outbox = createAccessOutbox((await unlockedDevice()).db);
    const events = Array.from({ length: 120 }, (_, i) => buildAccessEvent({ at: seconds(i) }));
    for (const event of [...events].reverse()) await outbox.record(event);
    expect(ids(await outbox.pending())).toEqual(events.map((e) => e.id));
    expect(ids(await outbox.pending(75))).toEqual(events.slice(0, 75).map((e) => e.id));
  });
});

describe('access outbox: delivery bookkeeping', () => {
  it('deletes an event once delivered, and ignores one delivered already', async () => {
    const outbox = createAccessOutbox((await unlockedDevice()).db);
    const a = buildAccessEvent({ at: seconds(1) });
    const b = buildAccessEvent({ at: seconds(2) });
    await outbox.record(a);
    await outbox.record(b);
    await outbox.delivered(a.id);
    await outbox.delivered(a.id);
    expect(ids(await outbox.pending())).toEqual([b.id]);
    await expect(outbox.count()).resolves.toBe(1);
  });

  it('counts failed attempts and keeps the last problem, short and with no number or URL in it', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const event = buildAccessEvent();
    await outbox.record(event);
    await outbox.failedAttempt(event.id, 'server (HTTP 503)', seconds(60));
    await outbox.failedAttempt(event.id, `rejected (HTTP 400) for 943 476 5919 at https://api.trust.example.nhs.uk/audit/AuditEvent?patient=${MARIGOLD}\n${'x'.repeat(500)}`, seconds(120));

    const [pending] = await outbox.pending();
    expect(pending?.attempts).toBe(2);
    expect(pending?.lastAttemptAt).toBe(seconds(120).toISOString());
    expect(pending?.lastProblem).toMatch(/^rejected \(HTTP 400\) for \[number\] at \[url\] x+…$/);
    expect(pending?.lastProblem?.length).toBe(200);
    // Still waiting: a failure never removes it.
    await expect(outbox.count()).resolves.toBe(1);
    // An attempt for an event delivered meanwhile changes nothing.
    await outbox.failedAttempt('gone', 'network');
    await expect(device.db.accessEvents.get('gone')).resolves.toBeUndefined();
  });
});

describe('access outbox: never dropped, only delivered', () => {
  it('survives Clear this device: plans, queue and clinical keys go, the events stay readable', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const queue = createLookupQueue(device.db);
    const outbox = createAccessOutbox(device.db);
    await cache.save(buildSnapshot(), DAY);
    await queue.add(ORLANDO, NOW);
    const event = buildAccessEvent();
    await outbox.record(event);
    const accessKeys = await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID);

    await cache.clearDevice();
    await expect(Promise.all([device.db.plans.count(), device.db.queuedLookups.count()])).resolves.toEqual([0, 0]);
    await expect(device.db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
    expect((await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId).toBe(accessKeys?.keyId);
    await expect(outbox.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    // And after a reload, with a new PIN and clinical keys made meanwhile.
    await unlocked(device.db);
    await cache.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    await expect(createAccessOutbox((await unlocked(device.reopen()))).pending()).resolves.toEqual([{ event, attempts: 0 }]);
  });

  it('keeps its own key: the clinical sealer cannot open an event, nor the access sealer a plan', async () => {
    const device = await unlockedDevice();
    await createAccessOutbox(device.db).record(buildAccessEvent());
    await createPlanCache(device.db).save(buildSnapshot(), DAY);
    const [eventRow] = await device.db.accessEvents.toArray();
    const [planRow] = await device.db.plans.toArray();
    expect(eventRow!.event.keyId).not.toBe(planRow!.snapshot.keyId);
    const clinical = await createRecordSealer(device.db).open(eventRow!.event).catch((e: unknown) => e);
    expect(isStorageError(clinical) && clinical.kind).toBe('unreadable');
    const access = await createRecordSealer(device.db, { keyRow: ACCESS_LOG_KEYS_ROW_ID }).open(planRow!.snapshot).catch((e: unknown) => e);
    expect(isStorageError(access) && access.kind).toBe('unreadable');
  });

  it('survives the retention purge however far ahead it runs', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const event = buildAccessEvent({ at: hoursFrom(NOW, -24 * 30) });
    await outbox.record(event);
    await createPlanCache(device.db).save(buildSnapshot(), DAY);
    await expect(createPlanCache(device.db).purgeExpired(hoursFrom(NOW, 24 * 365))).resolves.toBe(1);
    expect(ids(await outbox.pending())).toEqual([event.id]);
  });

  it('makes room on a full disk by evicting a cached plan, never another event or a queued search', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const queue = createLookupQueue(device.db);
    const outbox = createAccessOutbox(device.db);
    const earlier = buildAccessEvent({ at: seconds(-60) });
    await outbox.record(earlier);
    await queue.add(MARIGOLD_OLD, NOW);
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, retrievedAt: hoursFrom(NOW, -2) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: PETRA, retrievedAt: hoursFrom(NOW, -1) }), DAY);

    device.quota.failNext(1, { tables: ['accessEvents'] });
    const event = buildAccessEvent();
    await outbox.record(event);
    expect(device.quota.refused).toBe(1);
    expect(ids(await outbox.pending())).toEqual([earlier.id, event.id]);
    // The oldest plan (ORLANDO's) made room.
    expect((await cache.list(NOW)).map((s) => s.nhsNumber)).toEqual([PETRA]);
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([MARIGOLD_OLD]);

    // Nothing left to evict: the caller is told, so it can refuse to show the data; nothing is lost.
    device.quota.failNext(10, { tables: ['accessEvents'] });
    await expect(storageErrorKind(outbox.record(buildAccessEvent()))).resolves.toBe('quota');
    expect(ids(await outbox.pending())).toEqual([earlier.id, event.id]);
    await expect(cache.list(NOW)).resolves.toEqual([]);
    expect((await queue.list()).map((q) => q.nhsNumber)).toEqual([MARIGOLD_OLD]);
  });

  it('never evicts the plan of the patient whose access it records (a saved copy being opened)', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const outbox = createAccessOutbox(device.db);
    await cache.save(buildSnapshot({ nhsNumber: ORLANDO, retrievedAt: hoursFrom(NOW, -2) }), DAY);
    await cache.save(buildSnapshot({ nhsNumber: PETRA, retrievedAt: hoursFrom(NOW, -1) }), DAY);

    device.quota.failNext(1, { tables: ['accessEvents'] });
    await outbox.record(buildAccessEvent({ nhsNumber: ORLANDO, action: 'saved-copy-view' }));
    // ORLANDO's is the oldest, but it is the one on screen: PETRA's made room instead.
    expect((await cache.list(NOW)).map((s) => s.nhsNumber)).toEqual([ORLANDO]);
  });

  it('makes room for its own key too, when the first event arrives on a full disk', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot(), DAY);
    device.quota.failNext(1, { tables: ['keys'] });
    const event = buildAccessEvent();
    await createAccessOutbox(device.db).record(event);
    expect(device.quota.refused).toBe(1);
    expect(ids(await createAccessOutbox(device.db).pending())).toEqual([event.id]);
    await expect(device.db.plans.count()).resolves.toBe(0);
  });

  it('keeps and counts an unreadable row, skips it when delivering, and says so once per read', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const good = [buildAccessEvent({ at: seconds(10) }), buildAccessEvent({ at: seconds(20) })];
    for (const event of good) await outbox.record(event);
    const [row] = await device.db.accessEvents.toArray();
    const accessSealer = createRecordSealer(device.db, { keyRow: ACCESS_LOG_KEYS_ROW_ID });
    const early = { ...row!, occurredAt: seconds(1).toISOString() };
    await device.db.table('accessEvents').bulkPut([
      // A broken writer: sorts first, but its attempts are not a count.
      { ...early, id: 'garbled', attempts: 'several' },
      // Sealed content that is not an access event.
      { ...early, id: 'not-an-event', event: await accessSealer.seal({ hello: 'world' }) },
      // Sealed under the clinical key, which Clear this device throws away.
      { ...early, id: 'clinical-key', event: await createRecordSealer(device.db).seal(buildAccessEvent({ id: 'clinical-key' })) },
      // A readable event filed under another id: delivered(id) would delete the wrong row.
      { ...early, id: 'misfiled' },
      // No ordering field, so not in the ordering index at all.
      { id: 'unordered', recordedAt: NOW.toISOString(), attempts: 0, event: row!.event },
    ]);

    // Unreadable rows sort first, yet `limit` still returns that many readable events.
    expect(ids(await outbox.pending(2))).toEqual(good.map((e) => e.id));
    expect(ids(await outbox.pending())).toEqual(good.map((e) => e.id));
    await expect(outbox.count()).resolves.toBe(7);
    await expect(device.db.accessEvents.count()).resolves.toBe(7);
    expect(device.dropped).toEqual([]);

    expect(device.unreadable).toHaveLength(2);
    expect(device.unreadable.map((u) => [u.table, u.count])).toEqual([
      ['accessEvents', 5],
      ['accessEvents', 5],
    ]);
    expect(device.unreadable[0]!.reason).toMatch(/attempts: invalid_type/);
    expect(device.unreadable[0]!.reason).toMatch(/and 2 more/);
    // Reasons are for logs: they never carry the record's content.
    expect(JSON.stringify(device.unreadable)).not.toMatch(/9434765919|world|larkspur/i);

    // Delivering the readable ones leaves the unreadable ones waiting and counted.
    for (const event of good) await outbox.delivered(event.id);
    await expect(outbox.pending()).resolves.toEqual([]);
    await expect(outbox.count()).resolves.toBe(5);
  });

  it('replaces an undeliverable copy when the same event is recorded again', async () => {
    const device = await unlockedDevice();
    const outbox = createAccessOutbox(device.db);
    const event = buildAccessEvent();
    await device.db.table('accessEvents').put({
      id: event.id,
      recordedAt: NOW.toISOString(),
      occurredAt: NOW.toISOString(),
      attempts: 3,
      event: await createRecordSealer(device.db).seal(event),
    });
    await expect(outbox.pending()).resolves.toEqual([]);
    await outbox.record(event);
    await expect(outbox.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    await expect(outbox.count()).resolves.toBe(1);
  });
});
