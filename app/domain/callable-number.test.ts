import { describe, expect, it } from 'vitest';
import { firstTeamCall, shownNumber } from './callable-number';

describe('firstTeamCall', () => {
  it('skips text-only, textphone, fax, other-use and emergency numbers', () => {
    const call = firstTeamCall([
      { label: 'Emergency', display: '999' },
      { label: 'NHS 111', display: '111' },
      { label: 'Text only', display: '07700 900123' },
      { label: 'Textphone', display: '18001 01632 960 001' },
      { label: 'Fax', display: '01632 960 002' },
      { label: 'Appointments', display: '01632 960 003' },
      { label: 'Crisis line', display: '+44 (0)1632 960004' },
    ]);
    expect(call).toEqual({ label: 'Crisis line', display: '01632 960 004', use: 'call', tel: 'tel:01632960004' });
  });

  it('is undefined when nothing can be called', () => {
    expect(firstTeamCall([{ label: 'Fax', display: '01632 960 002' }])).toBeUndefined();
    expect(firstTeamCall([{ label: 'Crisis line', display: 'see website' }])).toBeUndefined();
    expect(firstTeamCall([])).toBeUndefined();
  });
});

describe('shownNumber', () => {
  it('shows a fax as text in the one format', () => {
    expect(shownNumber({ label: 'Fax', display: '01632960002' })).toEqual({ label: 'Fax', display: '01632 960 002', use: 'fax', tel: undefined });
  });
});
