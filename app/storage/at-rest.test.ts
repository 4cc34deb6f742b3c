import { describe, expect, it } from 'vitest';
import { formatNhsNumber } from '../domain/nhs-number';
import { createLookupQueue } from './lookup-queue';
import { createPlanCache } from './plan-cache';
import { MARIGOLD, MARIGOLD_OLD, NOW, ORLANDO, PLAN_TEXT, TEAM, buildSnapshot, dumpRawRows, testDevice } from './test-support';

/**
 * Issue 4 item 3: no NHS number, name or plan text is in clear in IndexedDB. Read back with the
 * raw IndexedDB API, every store, every field, binary decoded as text.
 */
describe('encryption at rest', () => {
  it('leaves no patient identifier, plan text or phone number readable in the raw rows', async () => {
    const device = testDevice();
    const cache = createPlanCache(device.db);
    const snapshot = buildSnapshot({ nhsNumber: MARIGOLD, requestedNhsNumber: MARIGOLD_OLD });
    await cache.save(snapshot, { retentionHours: 24 });
    await createLookupQueue(device.db).add(ORLANDO, NOW);
    device.db.close();

    const { text, rows } = await dumpRawRows(device.indexedDB, device.name);
    expect(rows).toBe(3); // keys, one plan, one queued lookup
    // The dump really does see inside binary: the sealed Blobs decode to (unreadable) text.
    expect(text.length).toBeGreaterThan(2000);

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
    ];
    const lowered = text.toLowerCase();
    for (const value of forbidden) expect(lowered, `"${value}" is readable at rest`).not.toContain(value.toLowerCase());
  });
});
