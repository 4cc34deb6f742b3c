import { describe, expect, it } from 'vitest';
import { uiWords } from './ui-words';

describe('documentTitle', () => {
  it('says DEMO first in demo mode, and nothing of the kind in live mode', () => {
    expect(uiWords.documentTitle('demo')).toBe('DEMO – Crew Record Locator');
    expect(uiWords.documentTitle('demo', 'Access history')).toBe('DEMO – Access history – Crew Record Locator');
    expect(uiWords.documentTitle('live')).toBe('Crew Record Locator');
    expect(uiWords.documentTitle('live', 'Access history')).toBe('Access history – Crew Record Locator');
  });
});
