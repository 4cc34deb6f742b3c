import { describe, expect, it } from 'vitest';
import { formatNhsNumber } from '../domain/nhs-number';
import { createAccessOutbox } from './access-outbox';
import { createLookupQueue } from './lookup-queue';
import { createPlanCache } from './plan-cache';
import {
  MARIGOLD,
  MARIGOLD_OLD,
  NOW,
  ORLANDO,
  PLAN_TEXT,
  SSP_PDF_REQUEST_URL,
  TEAM,
  accessEventFor,
  buildSnapshot,
  dumpRawRows,
  unlockedDevice,
} from '../test-support/storage';

/**
 * Issue 4 item 3: no NHS number, name or plan text is in clear in IndexedDB. Read back with the
 * raw IndexedDB API, every store, every field, binary decoded as text. Access events waiting for
 * the audit service count too: they name the patient and the documents' addresses.
 */
describe('encryption at rest', () => {
  it('leaves no patient identifier, plan text or phone number readable in the raw rows', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    const snapshot = buildSnapshot({ nhsNumber: MARIGOLD, requestedNhsNumber: MARIGOLD_OLD });
    await cache.save(snapshot, { retentionHours: 24 });
    await createLookupQueue(device.db).add(ORLANDO, NOW);
    const outbox = createAccessOutbox(device.db);
    const events = [
      accessEventFor('patient-read', MARIGOLD_OLD),
      accessEventFor('pointer-search', MARIGOLD),
      accessEventFor('document-retrieval', MARIGOLD),
      accessEventFor('saved-copy-view', ORLANDO),
    ];
    for (const event of events) await outbox.record(event);
    // A careless problem text quoting the request is scrubbed before it is kept in clear.
    await outbox.failedAttempt(events[0]!.id, `rejected: ${events[0]!.request!.url} (${formatNhsNumber(MARIGOLD_OLD)})`);
    device.db.close();

    const { text, rows } = await dumpRawRows(device.indexedDB, device.name);
    expect(rows).toBe(8); // two key rows (clinical, access log), one plan, one queued lookup, four access events
    // The dump really does see inside binary: the sealed Blobs decode to (unreadable) text.
    expect(text.length).toBeGreaterThan(2000);
    expect(text).toContain('rejected: [url] ([number])');

    const forbidden = [
      ...[MARIGOLD, MARIGOLD_OLD, ORLANDO].flatMap((n) => [n, formatNhsNumber(n), formatNhsNumber(n).replace(/ /g, '-')]),
      'Marigold',
      'Quenby',
      'QUENBY',
      '1987-03-14',
      'Larkspur Lane',
      'HX7 8QT',
      PLAN_TEXT.pdf,
      'blue room',
      PLAN_TEXT.html,
      PLAN_TEXT.fhir,
      'Lamotrigine',
      '%PDF',
      TEAM.name,
      TEAM.display,
      TEAM.tel,
      '01632960417',
      TEAM.switchboard,
      'crisis-7731',
      SSP_PDF_REQUEST_URL,
      'larkspur.example.nhs.uk',
      '/Patient/',
      'DocumentReference',
      'RX4-crisis',
    ];
    const lowered = text.toLowerCase();
    for (const value of forbidden) expect(lowered, `"${value}" is readable at rest`).not.toContain(value.toLowerCase());
  });

  it('keeps the names a search by details matches on sealed: no name index in clear, before or after a search (issue 12)', async () => {
    const device = await unlockedDevice();
    const cache = createPlanCache(device.db);
    await cache.save(buildSnapshot({ nhsNumber: MARIGOLD }), { retentionHours: 24 });
    const found = await cache.searchSaved({ family: 'Quenby', given: 'Marigold', birthDate: { kind: 'on', date: '1987-03-14' }, gender: undefined, postcode: 'HX7 8QT' }, NOW);
    expect(found.map((s) => s.nhsNumber)).toEqual([MARIGOLD]);
    device.db.close();

    const { text, rows } = await dumpRawRows(device.indexedDB, device.name);
    // The search wrote nothing: the key row and the one plan.
    expect(rows).toBe(2);
    const lowered = text.toLowerCase();
    for (const value of ['Marigold', 'Quenby', 'Anne', '1987-03-14', '1987', 'HX7 8QT', 'HX78QT', 'female']) {
      expect(lowered, `"${value}" is readable at rest`).not.toContain(value.toLowerCase());
    }
  });
});
