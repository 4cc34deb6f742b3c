import { describe, expect, it } from 'vitest';
import { displayName } from './patient';

describe('displayName', () => {
  const name = { prefix: 'Mr', given: ['Declan', 'James'], family: 'Ashworth' };

  it('gives the given names and the family name in capitals', () => {
    expect(displayName({ name, restricted: false })).toBe('Declan James ASHWORTH');
    expect(displayName({ name, restricted: true })).toBe('Declan James ASHWORTH');
  });

  it('says "Name withheld" for a restricted record with no name, and "Name not available" for any other', () => {
    expect(displayName({ name: undefined, restricted: true })).toBe('Name withheld');
    expect(displayName({ name: { prefix: undefined, given: [], family: '' }, restricted: true })).toBe('Name withheld');
    expect(displayName({ name: undefined, restricted: false })).toBe('Name not available');
  });
});
