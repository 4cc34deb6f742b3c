import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SignedInPerson } from '../domain/signed-in-person';
import { createAccessOutbox } from './access-outbox';
import { onDeviceClearedElsewhere, type DeviceClearedReason } from './device-cleared';
import { DeviceDatabase } from './device-database';
import { ACCESS_LOG_KEYS_ROW_ID, KEYS_ROW_ID } from './device-keys';
import { OFFLINE_SESSION_ROW_ID, OWNER_ROW_ID, createDeviceSession } from './device-session';
import { createLookupQueue } from './lookup-queue';
import { createPlanCache } from './plan-cache';
import { createRecordSealer } from './sealed-record';
import { MARIGOLD, NOW, ORLANDO, PETRA, buildAccessEvent, buildSnapshot, dumpRawRows, hoursFrom, testDevice, unlockedDevice, unlocked, type TestDevice } from '../test-support/storage';

/** Issue 10 points 7 and 8: whose clinical data the device holds, and the sealed offline session. */

const DAY = { retentionHours: 24 };

const PARAMEDIC: SignedInPerson = {
  id: '7f3c2a10-5b6e-4d8f-9a1b-2c3d4e5f6a7b',
  name: 'Rowan Aldridge-Pike',
  role: {
    personRoleId: '555021935107',
    orgCode: 'RYA',
    roleCode: 'S8000:G8000:R8003',
    roleName: '"Clinical":"Clinical Provision":"Paramedic"',
    activityCodes: ['B0264'],
  },
  organisationName: 'Weston Vale Ambulance Service NHS Trust',
  appRoles: ['paramedic'],
};

const LEAD: SignedInPerson = {
  id: 'c0ffee00-1111-4222-8333-444455556666',
  name: 'Imogen Thackeray',
  role: { personRoleId: '555021935999', orgCode: 'RYA', roleCode: 'S8000:G8000:R8000', roleName: 'Clinical lead', activityCodes: [] },
  organisationName: undefined,
  appRoles: ['paramedic', 'clinicalLead'],
};

const UNTIL = hoursFrom(NOW, 12);

/** A second tab: its own connection, its own keys and claim held in memory. */
function secondTab(device: TestDevice): DeviceDatabase {
  return new DeviceDatabase(device.name, { indexedDB: device.indexedDB, IDBKeyRange, onDroppedRecord: (d) => device.dropped.push(d) });
}

/** A device where `person` signed in and was remembered, with a saved plan and a queued search. */
async function signedIn(person: SignedInPerson = PARAMEDIC) {
  const device = testDevice();
  const session = createDeviceSession(device.db);
  // As the app does: claim right after sign-in, then (no PIN yet) set the shift PIN, then remember.
  await expect(session.claimFor(person.id)).resolves.toEqual({ wiped: false });
  await unlocked(device.db);
  await session.remember(person, UNTIL);
  const plans = createPlanCache(device.db);
  const queue = createLookupQueue(device.db);
  await plans.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);
  await queue.add(ORLANDO, NOW);
  return { device, session, plans, queue, outbox: createAccessOutbox(device.db) };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the offline session', () => {
  it('gives back the person remembered, until their time is up', async () => {
    const { session } = await signedIn();
    await expect(session.resume(NOW)).resolves.toEqual(PARAMEDIC);
    await expect(session.resume(hoursFrom(UNTIL, -0.01))).resolves.toEqual(PARAMEDIC);
    // A reload is a new connection: the row on disk is what resumes.
    const { device } = await signedIn(LEAD);
    (await unlocked(device.reopen()));
    const afterReload = createDeviceSession(device.db);
    await expect(afterReload.resume(NOW)).resolves.toEqual(LEAD);
    await afterReload.forget();
    await expect(afterReload.resume(NOW)).resolves.toBeUndefined();
  });

  it('keeps identity and role only: a token handed over by mistake is not kept', async () => {
    const { device, session } = await signedIn();
    await session.remember({ ...PARAMEDIC, accessToken: 'eyJ.secret.token', idToken: 'eyJ.id' } as SignedInPerson, UNTIL);
    const resumed = await session.resume(NOW);
    expect(resumed).toEqual(PARAMEDIC);
    // Not in the sealed row either (opened here with the device key, as an attacker with it would).
    const row = (await device.db.session.get(OFFLINE_SESSION_ROW_ID)) as { sealed: Parameters<ReturnType<typeof createRecordSealer>['open']>[0] };
    const sealed = JSON.stringify(await createRecordSealer(device.db).open(row.sealed));
    expect(sealed).toContain(PARAMEDIC.name);
    expect(sealed).not.toMatch(/token|eyJ/i);
  });

  it('at or after its end resumes nobody and deletes the row', async () => {
    const { device, session } = await signedIn();
    await expect(session.resume(UNTIL)).resolves.toBeUndefined();
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();
    // Deleted, not just refused: an earlier clock does not bring it back.
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    expect(device.dropped).toEqual([]);
  });

  it('a tampered row resumes nobody, is deleted and reported, and never throws', async () => {
    const { device, session } = await signedIn();
    const row = (await device.db.session.get(OFFLINE_SESSION_ROW_ID)) as { sealed: { data: Blob } };
    const bytes = new Uint8Array(await row.sealed.data.arrayBuffer());
    bytes[bytes.length - 3]! ^= 0x01;
    await device.db.session.update(OFFLINE_SESSION_ROW_ID, { sealed: { ...row.sealed, data: new Blob([bytes]) } } as never);
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();
    expect(device.dropped).toEqual([{ table: 'session', reason: expect.stringMatching(/decrypt/) }]);
    // The owner mark is untouched: the same person's next sign-in keeps their plans.
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
  });

  it('a row from another format, or one that fails its row schema, resumes nobody and is deleted', async () => {
    const { device, session } = await signedIn();
    // As a later (or earlier) version might have sealed it: same keys, another shape.
    const sealer = createRecordSealer(device.db);
    await device.db.session.put({ id: OFFLINE_SESSION_ROW_ID, sealed: await sealer.seal({ format: 0, person: PARAMEDIC, until: UNTIL.toISOString() }) });
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();

    await device.db.session.put({ id: OFFLINE_SESSION_ROW_ID, sealed: await sealer.seal({ format: 1, person: { ...PARAMEDIC, role: undefined }, until: UNTIL.toISOString() }) });
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();

    await device.db.session.put({ id: OFFLINE_SESSION_ROW_ID, person: 'Rowan' } as never);
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();
    expect(device.dropped.map((d) => d.table)).toEqual(['session', 'session', 'session']);
  });

  it('Clear this device makes it unreadable: nobody resumes', async () => {
    const { device, session, plans } = await signedIn();
    await plans.clearDevice();
    // Deleted by the clear itself, not left for resume to find unreadable.
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();
    // The clear took the wrapped key too: no PIN, so nothing opens until a new one is set.
    await expect(session.resume(NOW)).rejects.toMatchObject({ kind: 'locked' });
    await unlocked(device.db);
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    expect(device.dropped).toEqual([]);
  });

  it('is refused for a person the device has not been claimed for', async () => {
    const device = await unlockedDevice();
    const session = createDeviceSession(device.db);
    await expect(session.remember(PARAMEDIC, UNTIL)).rejects.toMatchObject({ name: 'StorageError', kind: 'invalid-record' });
    // A PIN set by nobody known: the claim removes it, and the person sets their own.
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: true });
    await unlocked(device.db);
    await expect(session.remember(LEAD, UNTIL)).rejects.toMatchObject({ kind: 'invalid-record' });
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    await expect(session.remember({ ...PARAMEDIC, name: '' }, UNTIL)).rejects.toMatchObject({ kind: 'invalid-record' });
  });

  it('resumes nobody when the saved data now belongs to someone else', async () => {
    const { device, session } = await signedIn();
    // As if the owner row were for another person under the same keys (remember refuses to make this).
    const sealer = createRecordSealer(device.db);
    const stolen = await sealer.seal({ format: 1, person: LEAD, until: UNTIL.toISOString() });
    await device.db.session.put({ id: OFFLINE_SESSION_ROW_ID, sealed: stolen });
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    await expect(device.db.session.get(OFFLINE_SESSION_ROW_ID)).resolves.toBeUndefined();
  });

  it('leaves no name, id, role or organisation of the person readable in the raw rows', async () => {
    const { device } = await signedIn();
    device.db.close();
    const { text } = await dumpRawRows(device.indexedDB, device.name);
    expect(text).toContain('offline-session');
    expect(text).toContain('owner');
    const forbidden = [
      PARAMEDIC.id,
      PARAMEDIC.id.replace(/-/g, ''),
      'Rowan',
      'Aldridge',
      PARAMEDIC.role.personRoleId,
      PARAMEDIC.role.roleCode,
      'R8003',
      'Paramedic',
      'Weston Vale',
      'B0264',
    ];
    const lowered = text.toLowerCase();
    for (const value of forbidden) expect(lowered, `"${value}" is readable at rest`).not.toContain(value.toLowerCase());
  });
});

describe('who owns the clinical data', () => {
  it('the same person signing in again keeps their saved plans and queued searches', async () => {
    const { device, session } = await signedIn();
    const keyId = (await device.db.keys.get(KEYS_ROW_ID))?.keyId;
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
    // After a reload too (nothing held in memory), while still locked: the claim needs no PIN.
    device.reopen();
    await expect(createDeviceSession(device.db).claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
    await expect(createPlanCache(device.db).find(MARIGOLD, NOW)).rejects.toMatchObject({ kind: 'locked' });
    await unlocked(device.db);
    await expect(createPlanCache(device.db).find(MARIGOLD, NOW)).resolves.toBeDefined();
    await expect(createLookupQueue(device.db).list()).resolves.toEqual([expect.objectContaining({ nhsNumber: ORLANDO })]);
    await expect(createDeviceSession(device.db).resume(NOW)).resolves.toEqual(PARAMEDIC);
    expect((await device.db.keys.get(KEYS_ROW_ID))?.keyId).toBe(keyId);
  });

  it('a different person removes the plans, queued searches, keys and offline session, but not the access events', async () => {
    const { device, session, plans, queue, outbox } = await signedIn();
    const event = buildAccessEvent();
    await outbox.record(event);
    const before = { device: (await device.db.keys.get(KEYS_ROW_ID))!, accessLog: (await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID))! };
    const oldPlanRow = (await device.db.plans.toArray())[0]!;

    await expect(session.claimFor(LEAD.id)).resolves.toEqual({ wiped: true });

    await expect(device.db.plans.count()).resolves.toBe(0);
    await expect(device.db.queuedLookups.count()).resolves.toBe(0);
    // The previous person's wrapped key is gone (no PIN now): the new person sets their own.
    await expect(device.db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
    await expect(plans.find(MARIGOLD, NOW)).rejects.toMatchObject({ kind: 'locked' });
    await unlocked(device.db);
    await expect(plans.find(MARIGOLD, NOW)).resolves.toBeUndefined();
    await expect(plans.list(NOW)).resolves.toEqual([]);
    await expect(queue.list()).resolves.toEqual([]);
    await expect(session.resume(NOW)).resolves.toBeUndefined();
    // What they sealed can never be opened again.
    const after = (await device.db.keys.get(KEYS_ROW_ID))!;
    expect(after.keyId).not.toBe(before.device.keyId);
    await device.db.plans.add(oldPlanRow);
    await expect(plans.find(MARIGOLD, NOW)).resolves.toBeUndefined();
    // The access log's keys and events stay, still deliverable.
    expect((await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId).toBe(before.accessLog.keyId);
    await expect(outbox.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    // The new person owns what comes next, and may be remembered.
    await session.remember(LEAD, UNTIL);
    await expect(session.resume(NOW)).resolves.toEqual(LEAD);
    await expect(session.claimFor(LEAD.id)).resolves.toEqual({ wiped: false });
    // And the first person coming back finds none of it.
    await plans.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: true });
    await unlocked(device.db);
    await expect(plans.list(NOW)).resolves.toEqual([]);
  });

  it('plans on a device nobody is known to own are removed at the first sign-in; an empty device just records the owner', async () => {
    const device = await unlockedDevice();
    const plans = createPlanCache(device.db);
    await plans.save(buildSnapshot({ nhsNumber: MARIGOLD }), DAY);
    const session = createDeviceSession(device.db);
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: true });
    await expect(device.db.plans.count()).resolves.toBe(0);

    const empty = testDevice();
    await expect(createDeviceSession(empty.db).claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
    // The mark is made under the access log's key (never PIN-wrapped), so it needs no PIN.
    const accessKeyId = (await empty.db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId;
    await expect(empty.db.session.get(OWNER_ROW_ID)).resolves.toMatchObject({ keyId: accessKeyId });
    await expect(empty.db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
  });

  it('a device someone else owns is handed over without their PIN even when nothing is saved, and other tabs are told', async () => {
    const device = testDevice();
    const session = createDeviceSession(device.db);
    await session.claimFor(PARAMEDIC.id);
    await unlocked(device.db);
    const tabBdb = secondTab(device);
    const heard: DeviceClearedReason[] = [];
    const stop = onDeviceClearedElsewhere(tabBdb, (reason) => heard.push(reason));
    await expect(session.claimFor(LEAD.id)).resolves.toEqual({ wiped: true });
    await expect(device.db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
    await vi.waitFor(() => expect(heard).toEqual(['new-person']));
    stop();
    tabBdb.close();
  });

  it('a queued search alone, with nobody known to own it, is removed too', async () => {
    const device = await unlockedDevice();
    await createLookupQueue(device.db).add(ORLANDO, NOW);
    await expect(createDeviceSession(device.db).claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: true });
    await expect(device.db.queuedLookups.count()).resolves.toBe(0);
  });

  it('Clear this device keeps the person signed in here as owner of what they save next', async () => {
    const { device, session, plans } = await signedIn();
    await plans.clearDevice();
    await unlocked(device.db);
    await plans.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
    await expect(plans.find(PETRA, NOW)).resolves.toBeDefined();
    // But never for someone else.
    await expect(session.claimFor(LEAD.id)).resolves.toEqual({ wiped: true });
    await expect(device.db.plans.count()).resolves.toBe(0);
  });

  it('another tab showing the previous person’s plan is told, and can no longer open it', async () => {
    const { device, session } = await signedIn();
    const tabBdb = await unlocked(secondTab(device));
    const tabB = createPlanCache(tabBdb);
    await expect(tabB.find(MARIGOLD, NOW)).resolves.toBeDefined();
    const heard: DeviceClearedReason[] = [];
    const stop = onDeviceClearedElsewhere(tabBdb, (reason) => heard.push(reason));

    await session.claimFor(LEAD.id);

    await vi.waitFor(() => expect(heard).toEqual(['new-person']));
    await expect(tabB.find(MARIGOLD, NOW)).rejects.toMatchObject({ kind: 'locked' });
    // The new person sets their PIN here; that tab needs it too, then saves under their keys.
    await unlocked(device.db, '730418');
    await expect(tabB.save(buildSnapshot({ nhsNumber: PETRA }), DAY)).rejects.toMatchObject({ kind: 'locked' });
    await unlocked(tabBdb, '730418');
    await tabB.save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    await expect(createPlanCache(device.db).find(PETRA, NOW)).resolves.toBeDefined();
    stop();
    tabBdb.close();
  });

  it('a tab that never hears of it (no BroadcastChannel) still never writes under the previous person’s keys', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const { device, session } = await signedIn();
    const tabBdb = await unlocked(secondTab(device));
    const tabB = createPlanCache(tabBdb);
    await expect(tabB.find(MARIGOLD, NOW)).resolves.toBeDefined();
    await session.claimFor(LEAD.id);
    await unlocked(device.db, '730418');
    // Tab B still holds the previous person's unwrapped keys: the check inside the write catches it.
    await expect(tabB.save(buildSnapshot({ nhsNumber: PETRA }), DAY)).rejects.toMatchObject({ kind: 'locked' });
    await createPlanCache(device.db).save(buildSnapshot({ nhsNumber: PETRA }), DAY);
    const current = (await device.db.keys.get(KEYS_ROW_ID))!.keyId;
    const rows = await device.db.plans.toArray();
    expect(rows.flatMap((row) => [row.summary.keyId, row.snapshot.keyId])).toEqual([current, current]);
    tabBdb.close();
  });
});

describe('sign-out', () => {
  it('removes plans, queued searches, keys, offline session and owner, and waiting access events are still delivered', async () => {
    const { device, session, plans, queue, outbox } = await signedIn();
    const event = buildAccessEvent();
    await outbox.record(event);
    const accessLogKeyId = (await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId;
    const tabBdb = secondTab(device);
    const heard: DeviceClearedReason[] = [];
    const stop = onDeviceClearedElsewhere(tabBdb, (reason) => heard.push(reason));

    await session.signOutWipe();

    await expect(device.db.plans.count()).resolves.toBe(0);
    await expect(device.db.queuedLookups.count()).resolves.toBe(0);
    await expect(device.db.session.count()).resolves.toBe(0);
    await expect(device.db.keys.get(KEYS_ROW_ID)).resolves.toBeUndefined();
    // No PIN any more: nothing clinical opens (and there is nothing left to open).
    await expect(session.resume(NOW)).rejects.toMatchObject({ kind: 'locked' });
    await expect(queue.list()).rejects.toMatchObject({ kind: 'locked' });
    await expect(plans.list(NOW)).rejects.toMatchObject({ kind: 'locked' });
    await vi.waitFor(() => expect(heard).toEqual(['signed-out']));
    // Waiting events: still listed, still opened under the same key, and delivery removes them.
    expect((await device.db.keys.get(ACCESS_LOG_KEYS_ROW_ID))?.keyId).toBe(accessLogKeyId);
    await expect(outbox.pending()).resolves.toEqual([{ event, attempts: 0 }]);
    await outbox.delivered(event.id);
    await expect(outbox.count()).resolves.toBe(0);
    stop();
    tabBdb.close();
  });

  it('the same person signing in after sign-out starts with nothing, and owns the device again', async () => {
    const { device, session, plans } = await signedIn();
    await session.signOutWipe();
    await expect(session.claimFor(PARAMEDIC.id)).resolves.toEqual({ wiped: false });
    await unlocked(device.db);
    await session.remember(PARAMEDIC, UNTIL);
    await expect(session.resume(NOW)).resolves.toEqual(PARAMEDIC);
    await expect(plans.list(NOW)).resolves.toEqual([]);
    // Sign-out forgot who this tab claimed for: a clear here does not mark them owner again.
    await session.signOutWipe();
    await plans.clearDevice();
    await expect(device.db.session.get(OWNER_ROW_ID)).resolves.toBeUndefined();
  });
});
