import { describe, expect, it } from 'vitest';
import { isCrisisPlan, MENTAL_HEALTH_CRISIS_PLAN, recordTypeFor, SNOMED_SYSTEM } from './record-types';

describe('recordTypeFor', () => {
  it('knows a SNOMED type by code, whatever the display says', () => {
    const type = recordTypeFor({ system: SNOMED_SYSTEM, code: '1382601000000107', display: 'anything' });
    expect(type).toEqual({ code: '1382601000000107', display: 'ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form', label: 'ReSPECT form', rank: 1 });
  });

  it('gives an unknown SNOMED type the pointer’s own display, or "Other record"', () => {
    expect(recordTypeFor({ system: SNOMED_SYSTEM, code: '1363501000000100', display: ' NEWS2 chart ' })).toEqual({
      code: '1363501000000100',
      display: 'NEWS2 chart',
      label: 'NEWS2 chart',
      rank: 100,
    });
    expect(recordTypeFor({ system: SNOMED_SYSTEM, code: '1', display: undefined }).label).toBe('Other record');
  });

  // NRL consumer.yaml `TypeCategoryCoding.system`: `http://snomed.info/sct` only.
  it.each([['https://example.org/local-types'], ['https://nicip.nhs.uk'], ['http://snomed.info/sct/'], [undefined]])(
    'never matches a known code in system %s, and keeps that code apart from SNOMED’s',
    (system) => {
      const type = recordTypeFor({ system, code: MENTAL_HEALTH_CRISIS_PLAN, display: 'Mental health crisis plan' });
      expect(type).toEqual({ code: `${system ?? ''}|${MENTAL_HEALTH_CRISIS_PLAN}`, display: 'Mental health crisis plan', label: 'Mental health crisis plan', rank: 100 });
      expect(isCrisisPlan(type)).toBe(false);
    },
  );

  it('ranks a SNOMED crisis plan first and calls it one', () => {
    const type = recordTypeFor({ system: SNOMED_SYSTEM, code: MENTAL_HEALTH_CRISIS_PLAN, display: undefined });
    expect(type.rank).toBe(0);
    expect(isCrisisPlan(type)).toBe(true);
  });
});
